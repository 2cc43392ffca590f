"""A real store: `histkg load` fills an Oxigraph folder that `histkg query`
opens; `histkg push` sends the named graphs to a real `oxigraph serve` (the
`oxigraph` package), which then answers every named query as the file does."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from histkg.cli import main
from histkg.export.store import StoreError, graph_url, push
from histkg.query.sparql import QUERY_PREFIXES, catalogue, open_store

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in QUERY_PREFIXES.items())


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def rows(solutions) -> list[tuple]:
    """Query solutions (or a boolean) as sorted rows of N-Triples terms: the
    order of ties, and of the parts a GROUP_CONCAT joins with "; ", are the engine's."""
    if isinstance(solutions, bool):
        return [(solutions,)]
    names = [variable.value for variable in solutions.variables]
    return sorted(tuple(cell(solution[name]) for name in names) for solution in solutions)


def cell(term) -> str:
    if isinstance(term, ox.Literal) and "; " in term.value:
        return "; ".join(sorted(term.value.split("; ")))
    return "" if term is None else str(term)


def file_answers(graph: Path) -> dict[str, list[tuple]]:
    store = open_store(graph)
    return {name: rows(store.query(query.text, prefixes=QUERY_PREFIXES)) for name, query in catalogue().items()}


def test_load_fills_a_store_that_query_opens_with_the_same_answers(seeds_build, tmp_path):
    _, out = seeds_build
    result = run("load", out / "graph.nq", "--store", tmp_path / "store")
    assert result.exit_code == 0 and result.output.startswith("loaded ")
    assert file_answers(tmp_path / "store") == file_answers(out / "graph.trig")
    again = run("load", out / "graph.trig", "--store", tmp_path / "store")  # a store is emptied first
    assert again.exit_code == 0 and again.output == result.output
    cli = run("query", tmp_path / "store", "--named", "sources", "--format", "csv")
    assert cli.exit_code == 0 and cli.output == run("query", out / "graph.trig", "--named", "sources",
                                                     "--format", "csv").output


def test_load_refuses_a_folder_of_other_files_and_an_unknown_format(seeds_build, tmp_path):
    _, out = seeds_build
    result = run("load", out / "graph.nq", "--store", out)
    assert result.exit_code == 2 and "no Oxigraph store" in result.output
    assert run("load", out / "graph.geojson", "--store", tmp_path / "s").exit_code == 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def oxigraph_server(folder: Path):
    """`oxigraph serve` on 127.0.0.1, its default graph the union of the named graphs."""
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2).close()
                break
            except (urllib.error.URLError, OSError):
                assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def server_answers(url: str) -> dict[str, list[tuple]]:
    answers = {}
    for name, query in catalogue().items():
        request = urllib.request.Request(f"{url}/query", data=urllib.parse.urlencode({"query": PROLOGUE + query.text}).encode(),
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            answers[name] = rows(ox.parse_query_results(response.read(), format=ox.QueryResultsFormat.JSON))
    return answers


@pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph package (its server) is a test extra")
def test_push_sends_the_named_graphs_and_the_server_answers_as_the_file(seeds_build, tmp_path):
    _, out = seeds_build
    with oxigraph_server(tmp_path / "server") as url:
        result = run("push", out / "graph.trig", "--endpoint", f"{url}/store")
        assert result.exit_code == 0 and result.output.startswith("pushed 2 graphs to ")
        assert server_answers(url) == file_answers(out / "graph.trig")
        assert push(out / "graph.nq", f"{url}/store") == push(out / "graph.trig", f"{url}/store")  # PUT replaces
        assert server_answers(url) == file_answers(out / "graph.trig")


def test_push_to_no_server_is_one_line_exit_2(seeds_build):
    _, out = seeds_build
    result = run("push", out / "graph.trig", "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.exit_code == 2 and "cannot reach" in result.output and len(result.output.splitlines()) == 1
    with pytest.raises(StoreError, match="no such graph file"):
        push(out / "missing.trig", "http://127.0.0.1:1/store")


def test_graph_urls_follow_the_graph_store_protocol():
    assert graph_url("http://h/store", ox.NamedNode("https://w3id.org/histkg/id/graph/a")) == \
        "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fhistkg%2Fid%2Fgraph%2Fa"
    assert graph_url("http://h/rdf?x=1", ox.DefaultGraph()) == "http://h/rdf?x=1&default"
