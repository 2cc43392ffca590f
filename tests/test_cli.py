"""Each command through click's CliRunner: results, exit codes, one-line errors."""

from __future__ import annotations

import re

from click.testing import CliRunner

from histkg import __version__
from histkg.cli import main


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_every_command_has_help_with_an_example():
    for command in ("build", "validate", "export"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output, command


def test_build_writes_graph_files(small_corpus, tmp_path):
    import os

    os.umask(0o022)
    out = tmp_path / "out"
    result = run("build", small_corpus, "--out", out)
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.trig", "graph.graphml", "validation.txt"):
        assert (out / name).stat().st_size > 0, name
        assert (out / name).stat().st_mode & 0o040, f"{name} is not readable by the group"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_build_of_a_missing_path_is_one_line_exit_2_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = run("build", tmp_path / "nowhere", "--out", out)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def test_build_of_an_empty_folder_is_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("build", tmp_path / "empty", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_build_of_an_undecodable_file_is_exit_2(tmp_path):
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 20)
    result = run("build", tmp_path / "bad.txt", "--out", tmp_path / "out")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_build_rejects_a_base_that_is_not_an_iri(small_corpus, tmp_path):
    result = run("build", small_corpus, "--out", tmp_path / "out", "--base", "not an iri")
    assert result.exit_code == 2 and "--base" in result.output


def test_validate_exit_codes(small_corpus, tmp_path):
    out = tmp_path / "out"
    run("build", small_corpus, "--out", out)
    assert run("validate", out / "graph.ttl").exit_code == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text((out / "graph.ttl").read_text(encoding="utf-8").replace("skos:prefLabel", "skos:note"),
                      encoding="utf-8")
    result = run("validate", broken)
    assert result.exit_code == 1 and "prefLabel" in result.output
    assert run("validate", tmp_path / "missing.ttl").exit_code == 2


def test_export_to_graphml_and_ntriples(small_corpus, tmp_path):
    out = tmp_path / "out"
    run("build", small_corpus, "--out", out)
    result = run("export", out / "graph.ttl", "--to", "graphml", "-o", tmp_path / "g.graphml")
    assert result.exit_code == 0 and (tmp_path / "g.graphml").exists()
    result = run("export", out / "graph.ttl", "--to", "nt")
    assert result.exit_code == 0 and (out / "graph.nt").exists()


def test_export_to_an_unknown_format_is_exit_2_and_writes_nothing(small_corpus, tmp_path):
    out = tmp_path / "out"
    run("build", small_corpus, "--out", out)
    before = set(out.iterdir())
    result = run("export", out / "graph.ttl", "--to", "pdf")
    assert result.exit_code == 2 and "unknown format" in result.output
    assert set(out.iterdir()) == before


def test_a_second_build_reads_the_extractions_back_and_writes_the_same_graph(small_corpus, tmp_path):
    out = tmp_path / "out"
    first = run("build", small_corpus, "--out", out, "--workers", "2")
    assert first.exit_code == 0, first.output
    graph = (out / "graph.nq").read_bytes()
    second = run("build", small_corpus, "--out", out)
    assert second.exit_code == 0 and "(2 read back from the cache)" in second.output
    assert (out / "graph.nq").read_bytes() == graph


def test_no_cache_keeps_no_cache(small_corpus, tmp_path):
    result = run("build", small_corpus, "--out", tmp_path / "out", "--no-cache", "--workers", "1")
    assert result.exit_code == 0 and not (tmp_path / "out" / ".cache").exists()


def test_progress_is_plain_lines_when_piped_and_nothing_when_quiet(small_corpus, tmp_path):
    piped = run("build", small_corpus, "--out", tmp_path / "a", "--workers", "1")
    assert "extract: 2/2 documents" in piped.output and re.search(r"^export: (\d+)/\1 files$", piped.output, re.MULTILINE)
    assert "\x1b" not in piped.output and "\r" not in piped.output
    quiet = run("build", small_corpus, "--out", tmp_path / "b", "--workers", "1", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_a_dask_scheduler_that_cannot_be_reached_is_one_line_exit_2(small_corpus, tmp_path):
    result = run("build", small_corpus, "--out", tmp_path / "out", "--scheduler", "nonsense", "--no-cache")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith("histkg: error: cannot reach the Dask scheduler")
