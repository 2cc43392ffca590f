"""The README and the Makefile keep what they promise: their commands and examples are run here."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from histkg.cli import main
from histkg.evaluate.scoring import evaluate
from histkg.query.sparql import format_result, open_store, run_named_query, run_query

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_says_at_the_end_how_to_call_histkg():
    # --no-print-directory: under `make test` the inner make would end with "Leaving directory"
    planned = subprocess.run(["make", "--no-print-directory", "-n", "run"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
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


# --- README's examples, run on the seeds' graph ------------------------------------------------


def block_after(marker: str) -> str:
    """The first fenced block of README after the words `marker`."""
    start = README.index(marker) + len(marker)
    opening = README.index("```", start)
    body = README.index("\n", opening) + 1
    return README[body:README.index("```", body)]


def squeezed(text: str) -> list[str]:
    """Lines with runs of spaces made one, so a table compares by its cells."""
    return [" ".join(line.split()) for line in text.strip().splitlines()]


README_QUERIES = [block for block in re.findall(r"```sparql\n(.*?)```", README, re.DOTALL)]
README_QUERIES += re.findall(r"--data-urlencode 'query=\n(.*?)'\n", README, re.DOTALL)
BUILT_FILES = ("graph.ttl", "graph.nt", "graph.trig", "graph.nq", "graph.jsonld")


@pytest.fixture(scope="module")
def seeds_files(seeds_build):
    return {name: open_store(seeds_build[1] / name) for name in BUILT_FILES}


def test_readme_has_its_sparql_examples():
    assert len(README_QUERIES) >= 3


@pytest.mark.parametrize("text", README_QUERIES, ids=lambda text: text.split("WHERE")[0].split("\n")[-1][:40])
def test_readme_sparql_examples_answer_alike_on_every_built_format(text, seeds_files):
    answers = {name: sorted(tuple(str(term) for term in row) for row in run_query(store, text).rows)
               for name, store in seeds_files.items()}
    assert answers["graph.ttl"], "the example answers nothing on the seeds"
    for name, rows in answers.items():
        assert rows == answers["graph.ttl"], name


def test_readme_events_in_window_table_is_what_the_seeds_give(seeds_files):
    table = format_result(run_named_query(seeds_files["graph.trig"], "events-in-window"), "table")
    assert table == block_after("--named events-in-window` on the seeds' graph")


def test_readme_curl_examples_show_what_the_endpoint_answers(seeds_files):
    get, post = re.findall(r"--data-urlencode 'query=\n(.*?)'\n", README, re.DOTALL)
    store = seeds_files["graph.trig"]
    csv_answer = format_result(run_query(store, get), "csv").replace("\r\n", "\n")
    assert csv_answer == block_after("ORDER BY ?name'\n```")
    assert json.loads(format_result(run_query(store, post), "json")) == json.loads(block_after('"Kars")) }\'\n```'))


def test_readme_evaluation_rows_are_what_the_seeds_give(seeds_build, monkeypatch):
    monkeypatch.chdir(ROOT)  # the graph names its sources relative to the repository
    report = squeezed(evaluate(seeds_build[1] / "graph.ttl", ROOT / "tests" / "gold").to_text())
    shown = squeezed(block_after("`histkg evaluate` on the seeds' graph"))
    assert [line for line in shown if line not in report] == []


def test_readme_validation_warning_is_in_the_seeds_report(seeds_build):
    [warning] = squeezed(block_after("reports a warning naming\n  both files:"))
    assert warning in squeezed(seeds_build[0].validation.report_text)


def test_readme_command_lines_name_real_commands():
    commands = {line.split()[1] for line in block_after("## Command line").splitlines() if line.startswith("histkg ")}
    assert commands - {"--version"} <= set(main.commands)
