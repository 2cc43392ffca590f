"""Each command through click's CliRunner: results, exit codes, one-line errors."""

from __future__ import annotations

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
