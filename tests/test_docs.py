"""The README and the Makefile keep what they promise: their commands and examples are run here."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
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


PRINTING = re.compile(r"(?<![\w.])print\(|capsys\.disabled\(")


def test_the_tests_print_nothing_among_pytests_dots():
    # tests/corpus/check.py is a command-line tool of its own; this file names what it looks for
    skipped = {ROOT / "tests" / "corpus" / "check.py", Path(__file__).resolve()}
    printing = [path.relative_to(ROOT).as_posix() for path in sorted((ROOT / "tests").rglob("*.py"))
                if path not in skipped and PRINTING.search(path.read_text(encoding="utf-8"))]
    assert printing == []


RDFLIB_DEPRECATIONS = '''
from rdflib import Dataset


def test_reading_nquads_and_trig_with_rdflib():
    data = "<urn:a> <urn:b> <urn:c> <urn:g> .\\n"
    Dataset().parse(data=data, format="nquads").serialize(format="trig")
'''


def test_rdflib_deprecations_raised_inside_rdflib_do_not_bury_the_results(tmp_path):
    (tmp_path / "test_rdflib_inside.py").write_text(RDFLIB_DEPRECATIONS, encoding="utf-8")
    finished = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path),
         "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=120)
    assert finished.returncode == 0, finished.stdout
    assert "1 passed" in finished.stdout and "warning" not in finished.stdout.lower()
