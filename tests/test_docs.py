"""The README and the Makefile keep what they promise: their commands and examples are run here."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_says_at_the_end_how_to_call_histkg():
    planned = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    last = planned.strip().splitlines()[-1]
    assert ".venv/bin/histkg" in last and "source .venv/bin/activate" in last


def test_readme_says_how_to_call_histkg_after_make_run():
    assert "`.venv/bin/histkg`" in README and "`source .venv/bin/activate`" in README
