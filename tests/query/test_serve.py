"""histkg serve: the SPARQL 1.1 Protocol over HTTP against a real server process.

Each server is `python -m histkg.cli serve GRAPH --port 0`, started as a user
would; the URL it prints says which port it got.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from servers import running_server, serve_command

from histkg.cli import main
from histkg.query.protocol import Limits, QueryRunner, Rejected, is_federated, preferred
from histkg.query.serve import is_loopback
from histkg.query.sparql import catalogue, is_update

ID = "https://w3id.org/histkg/id/"

# Two sources that disagree on the Gümrü treaty's date, in the graph shape of the vocabulary contract.
SMALL_TRIG = f"""
@prefix hkg: <https://w3id.org/histkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{ID}graph/doc-a> {{
  <{ID}person/kliment-vorosilov> a hkg:Person ; skos:prefLabel "Kliment Voroşilov"@tr ;
      skos:altLabel "Voroşilof"@tr ; hkg:narrativeRole "actor" .
  <{ID}place/ankara> a hkg:Place ; skos:prefLabel "Ankara"@tr ;
      schema:latitude "39.91987"^^xsd:decimal ; schema:longitude "32.85427"^^xsd:decimal .
  <{ID}treaty/gumru-antlasmasi> a hkg:Treaty ; skos:prefLabel "Gümrü Antlaşması"@tr ;
      hkg:signedOn "1920-12-03"^^xsd:date .
  <{ID}claim/a1> a hkg:Claim ; hkg:subject <{ID}treaty/gumru-antlasmasi> ;
      hkg:predicate hkg:signedOn ; hkg:object "1920-12-03"^^xsd:date ; hkg:source <{ID}source/doc-a> .
}}

<{ID}graph/doc-b> {{
  <{ID}person/ismet-inonu> a hkg:Person ; skos:prefLabel "İsmet İnönü"@tr ; hkg:narrativeRole "both" .
  <{ID}treaty/gumru-antlasmasi> a hkg:Treaty ; skos:prefLabel "Gümrü Antlaşması"@tr ;
      hkg:signedOn "1920-12-02"^^xsd:date .
  <{ID}claim/b1> a hkg:Claim ; hkg:subject <{ID}treaty/gumru-antlasmasi> ;
      hkg:predicate hkg:signedOn ; hkg:object "1920-12-02"^^xsd:date ; hkg:source <{ID}source/doc-b> .
}}
"""

PREFIXES = """PREFIX hkg: <https://w3id.org/histkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
PERSONS = PREFIXES + "SELECT ?person ?name WHERE { ?person a hkg:Person ; skos:prefLabel ?name } ORDER BY ?name"
COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
INSERT = f"INSERT DATA {{ GRAPH <{ID}graph/doc-a> {{ <{ID}person/intruder> a <urn:x> }} }}"
# A cross product of the graph with itself five times: far longer than any timeout below.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


# --- a server process ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "graph.trig"
    path.write_text(SMALL_TRIG, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_server(small_graph):
    with running_server(small_graph) as server:
        yield server


@pytest.fixture(scope="module")
def seeds_server(seeds_build):
    _, out = seeds_build
    with running_server(out / "graph.ttl") as server:
        yield server


# --- the protocol -------------------------------------------------------------------------


def test_get_select_answers_sparql_json_over_the_union_of_named_graphs(small_server):
    status, headers, body = small_server.get(PERSONS)
    assert status == 200
    assert headers["content-type"].startswith("application/sparql-results+json")
    results = json.loads(body)
    assert results["head"]["vars"] == ["person", "name"]
    names = [(row["name"]["value"], row["name"]["xml:lang"]) for row in results["results"]["bindings"]]
    assert names == [("Kliment Voroşilov", "tr"), ("İsmet İnönü", "tr")]  # one from each source's graph
    assert results["results"]["bindings"][0]["person"] == {"type": "uri", "value": f"{ID}person/kliment-vorosilov"}
    assert headers["x-histkg-count"] == "2" and headers["x-histkg-truncated"] == "false"


def test_a_triple_both_sources_state_counts_once_over_http(small_server):
    # Both graphs say the Gümrü treaty is a hkg:Treaty labelled "Gümrü Antlaşması".
    count = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?t a hkg:Treaty ; skos:prefLabel ?name }"
    assert small_server.select(count)[0]["n"]["value"] == "1"


def test_both_post_forms_answer_as_get_does(small_server):
    _, _, by_get = small_server.get(PERSONS)
    status_form, _, by_form = small_server.post_form({"query": PERSONS})
    status_body, _, by_body = small_server.post_body(PERSONS, "application/sparql-query; charset=utf-8")
    assert status_form == status_body == 200
    assert json.loads(by_form) == json.loads(by_body) == json.loads(by_get)


def test_disagreeing_dates_both_answer_with_their_datatype(small_server):
    rows = small_server.select(PREFIXES + f"SELECT DISTINCT ?d WHERE {{ <{ID}treaty/gumru-antlasmasi> "
                               "hkg:signedOn ?d } ORDER BY ?d")
    assert [(row["d"]["value"], row["d"]["datatype"]) for row in rows] == [
        ("1920-12-02", "http://www.w3.org/2001/XMLSchema#date"),
        ("1920-12-03", "http://www.w3.org/2001/XMLSchema#date")]


def test_graph_keyword_asks_one_source(small_server):
    rows = small_server.select(PREFIXES + f"SELECT ?name WHERE {{ GRAPH <{ID}graph/doc-b> "
                               "{ ?p a hkg:Person ; skos:prefLabel ?name } }")
    assert [row["name"]["value"] for row in rows] == ["İsmet İnönü"]


def test_default_graph_uri_narrows_the_default_graph(small_server):
    status, _, body = small_server.get(PERSONS, **{"default-graph-uri": f"{ID}graph/doc-a"})
    assert status == 200
    assert [row["name"]["value"] for row in json.loads(body)["results"]["bindings"]] == ["Kliment Voroşilov"]


def test_ask_answers_a_boolean(small_server):
    _, _, yes = small_server.get(PREFIXES + 'ASK { ?p skos:prefLabel "Ankara"@tr }')
    _, _, no = small_server.post_form({"query": PREFIXES + 'ASK { ?p skos:prefLabel "Moskova"@tr }'})
    assert json.loads(yes)["boolean"] is True
    assert json.loads(no)["boolean"] is False


@pytest.mark.parametrize(("accept", "media", "rdflib_format"), [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("*/*", "text/turtle", "turtle"),
])
def test_construct_answers_rdf_that_parses(small_server, accept, media, rdflib_format):
    construct = PREFIXES + "CONSTRUCT { ?p skos:prefLabel ?name } WHERE { ?p a hkg:Person ; skos:prefLabel ?name }"
    status, headers, body = small_server.post_form({"query": construct}, accept=accept)
    assert status == 200 and headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(data=body.decode(), format=rdflib_format)
    labels = {str(label) for label in graph.objects(None, rdflib.SKOS.prefLabel)}
    assert labels == {"Kliment Voroşilov", "İsmet İnönü"}


def test_csv_and_tsv_by_accept_header(small_server):
    _, csv_headers, csv_body = small_server.get(PERSONS, accept="text/csv")
    _, tsv_headers, tsv_body = small_server.get(PERSONS, accept="text/tab-separated-values")
    assert csv_headers["content-type"].startswith("text/csv")
    assert csv_body.decode().splitlines() == ["person,name", f"{ID}person/kliment-vorosilov,Kliment Voroşilov",
                                              f"{ID}person/ismet-inonu,İsmet İnönü"]
    assert tsv_headers["content-type"].startswith("text/tab-separated-values")
    assert tsv_body.decode().splitlines()[:2] == ["?person\t?name",
                                                  f'<{ID}person/kliment-vorosilov>\t"Kliment Voroşilov"@tr']


def test_accept_with_quality_values_picks_the_highest(small_server):
    _, headers, _ = small_server.get(PERSONS, accept="application/sparql-results+json;q=0.5, text/csv")
    assert headers["content-type"].startswith("text/csv")


def test_bad_query_is_400_with_the_parser_message(small_server):
    status, headers, body = small_server.get("SELECT ?x WHERE { ?x ?y }")
    assert status == 400
    assert headers["content-type"].startswith("text/plain")
    assert body.decode().startswith("bad query:") and len(body.decode().strip().splitlines()) == 1


def test_missing_query_and_wrong_content_type_are_refused_with_a_reason(small_server):
    status, _, body = small_server.request("sparql")
    assert status == 400 and b"no query" in body
    status, _, body = small_server.post_body(PERSONS, "text/plain")
    assert status == 415 and b"application/sparql-query" in body


# --- read-only ------------------------------------------------------------------------------


@pytest.mark.parametrize("send", [
    pytest.param(lambda server: server.post_form({"update": INSERT}), id="form field update="),
    pytest.param(lambda server: server.post_body(INSERT, "application/sparql-update"), id="sparql-update body"),
    pytest.param(lambda server: server.post_form({"query": INSERT}), id="update in query="),
    pytest.param(lambda server: server.get("# a comment\n" + PREFIXES + "DELETE WHERE { ?s ?p ?o }"),
                 id="update after a prologue in GET query="),
    pytest.param(lambda server: server.request("sparql?" + urllib.parse.urlencode({"update": "CLEAR ALL"})),
                 id="GET update="),
])
def test_updates_are_refused_and_change_nothing(small_server, send):
    before = small_server.select(COUNT_TRIPLES)
    status, _, body = send(small_server)
    assert status == 403
    assert b"read-only" in body
    assert small_server.select(COUNT_TRIPLES) == before
    assert small_server.select(f"SELECT * WHERE {{ <{ID}person/intruder> ?p ?o }}") == []


def test_update_detection_sees_through_prologue_and_comments():
    assert is_update("PREFIX hkg: <https://w3id.org/histkg/ontology#>\n# note\ninsert data { <a:b> <a:c> 1 }")
    assert is_update("BASE <http://x/#>\nWITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert is_update("LOAD <http://example.org/data.ttl>")
    assert not is_update("PREFIX hkg: <https://w3id.org/histkg/ontology#>\nSELECT ?insert WHERE { ?insert ?p ?o }")
    assert not is_update("# DELETE nothing\nASK { ?s ?p ?o }")


def test_a_federated_query_is_refused_before_it_reaches_another_server(small_server):
    status, _, body = small_server.get("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body


def test_service_detection_ignores_iris_strings_and_comments():
    assert is_federated("select * { service <http://x/> { ?s ?p ?o } }")
    assert not is_federated('SELECT * WHERE { ?s <http://x/service> "service" } # service')


# --- limits ---------------------------------------------------------------------------------


def test_limit_cuts_the_answer_and_says_so(small_graph):
    with running_server(small_graph, "--limit", "3") as server:
        status, headers, body = server.get("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
        csv_status, csv_headers, csv_body = server.get("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", accept="text/csv")
        _, small_headers, _ = server.get(PERSONS)
    results = json.loads(body)
    assert status == 200 and len(results["results"]["bindings"]) == 3
    assert results["histkg"] == {"truncated": True, "limit": 3}
    assert headers["x-histkg-truncated"] == "true" and headers["x-histkg-limit"] == "3"
    assert csv_status == 200 and csv_headers["x-histkg-truncated"] == "true" and len(csv_body.decode().splitlines()) == 4
    assert small_headers["x-histkg-truncated"] == "false"


def test_a_query_past_the_timeout_gets_503_in_time_and_the_server_keeps_answering(small_graph):
    with running_server(small_graph, "--timeout", "0.5") as server:
        started = time.monotonic()
        status, headers, body = server.get(ENDLESS)
        waited = time.monotonic() - started
        assert status == 503 and b"longer than 0.5 s" in body and "retry-after" in headers
        assert waited < 5  # 0.5 s and the round trip; the query itself would run for minutes
        assert len(server.select(PERSONS)) == 2  # the abandoned query holds one slot, not the server


def test_abandoned_queries_hold_their_slot_until_they_end():
    store = ox.Store()
    for number in range(150):
        store.add(ox.Quad(ox.NamedNode(f"urn:s{number}"), ox.NamedNode("urn:p"), ox.Literal(str(number))))
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 3.4 million rows to count
    runner = QueryRunner(store, Limits(timeout=0.01, max_running=1))
    with pytest.raises(Rejected, match="longer than") as timed_out:
        asyncio.run(runner.run(slow, "*/*"))
    with pytest.raises(Rejected, match="busy") as busy:
        asyncio.run(runner.run("ASK { ?s ?p ?o }", "*/*"))
    assert timed_out.value.status == busy.value.status == 503
    deadline = time.monotonic() + 60
    while not runner.slots.acquire(blocking=False):  # the abandoned count ends by itself
        assert time.monotonic() < deadline
        time.sleep(0.05)
    runner.slots.release()
    assert json.loads(asyncio.run(runner.run("ASK { ?s ?p ?o }", "*/*")).body)["boolean"] is True


@pytest.mark.parametrize(("accept", "kind", "expected"), [
    ("", "solutions", "application/sparql-results+json"),
    ("text/html, */*;q=0.1", "solutions", "application/sparql-results+json"),
    ("text/csv;q=0.2, text/tab-separated-values;q=0.9", "solutions", "text/tab-separated-values"),
    ("application/sparql-results+json, text/turtle;q=0.9", "graph", "text/turtle"),
    ("application/ld+json", "graph", "application/ld+json"),
    ("text/csv;q=0", "solutions", "application/sparql-results+json"),
    ("text/*", "solutions", "text/csv"),
    ("image/*, */*;q=0.5", "graph", "text/turtle"),
])
def test_accept_negotiation(accept, kind, expected):
    from histkg.query.protocol import GRAPH_TYPES, SOLUTION_TYPES

    assert preferred(accept, GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES) == expected


# --- catalogue and page ---------------------------------------------------------------------


def test_queries_lists_the_catalogue(small_server):
    status, headers, body = small_server.request("queries")
    queries = json.loads(body)
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert [query["name"] for query in queries] == sorted(catalogue())
    first = queries[0]
    assert first["text"] == catalogue()[first["name"]].text and first["description"]


class References(HTMLParser):
    """Every URL the page would load or link to."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in {"src", "href", "action", "srcset", "poster", "data", "formaction", "background"}:
                self.urls.append(value or "")


def test_the_console_loads_nothing_from_elsewhere(small_server):
    status, headers, body = small_server.request("query")
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    parser = References()
    parser.feed(page)
    # every script, style sheet and link is a path on this server (or an entity's own page)
    assert parser.urls and all(url.startswith("/") and not url.startswith("//") for url in parser.urls)
    assert {"textarea", "select", "button", "label", "script"} <= set(parser.tags)
    _, _, script = small_server.request("static/console.js")
    code = script.decode()
    assert set(re.findall(r'fetch\("([^"]+)"', code)) == {"/queries", "/sparql"}  # this server only
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "http" not in policy
    elsewhere = re.compile(r"@import|(?<![.\w])url\(|//[a-z0-9.-]+\.[a-z]{2,}/[^\s>]*\.(?:js|css|woff2?)", re.IGNORECASE)
    for text in (page, code):
        assert not elsewhere.search(text)
        assert "innerHTML" not in text and "outerHTML" not in text and "insertAdjacentHTML" not in text


def test_a_foreign_host_header_is_refused(small_server):
    # A web page that rebinds its own name to 127.0.0.1 sends its name as Host (DNS rebinding).
    status, _, body = small_server.request("queries", headers={"Host": "attacker.example"})
    assert status == 403 and b"loopback" in body
    assert small_server.request("queries", headers={"Host": "localhost"})[0] == 200


# --- starting up ----------------------------------------------------------------------------


def run_cli(*args):
    return CliRunner().invoke(main, ["serve", *map(str, args)])


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])
def test_a_non_loopback_host_is_refused_without_allow_remote(small_graph, host):
    result = run_cli(small_graph, "--host", host)
    assert result.exit_code == 2
    assert "--allow-remote" in result.output and len(result.output.strip().splitlines()) == 1


def test_loopback_names():
    assert all(map(is_loopback, ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]))
    assert not any(map(is_loopback, ["0.0.0.0", "10.0.0.1", "::", "example.org", ""]))


def test_help_explains_allow_remote_and_gives_an_example():
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "Example: histkg serve" in result.output and "no authentication" in " ".join(result.output.split())


@pytest.mark.parametrize("name, content", [("missing.ttl", None), ("broken.ttl", "<a> <b> ."),
                                           ("graph.xyz", "")])
def test_an_unreadable_graph_is_a_one_line_error(tmp_path, name, content):
    if content is not None:
        (tmp_path / name).write_text(content)
    result = run_cli(tmp_path / name)
    assert result.exit_code == 2 and result.output.startswith("histkg: error:")
    assert len(result.output.strip().splitlines()) == 1


def test_a_port_in_use_is_a_one_line_error(small_graph):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        command = serve_command(small_graph)[:-2] + ["--port", str(port)]
        finished = subprocess.run(command, check=False, capture_output=True, text=True, timeout=60)
    assert finished.returncode == 2
    assert finished.stderr.strip() == f"histkg: error: port {port} on 127.0.0.1 is already in use: " \
                                      "choose another with --port"


def test_an_oxigraph_store_folder_is_served_read_only(small_graph, tmp_path):
    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    store.bulk_load(path=str(small_graph), format=ox.RdfFormat.TRIG)
    store.flush()
    del store  # one writer at a time: the server opens the folder read-only
    with running_server(folder) as server:
        before = server.select(COUNT_TRIPLES)
        assert [row["name"]["value"] for row in server.select(PERSONS)] == ["Kliment Voroşilov", "İsmet İnönü"]
        assert server.post_body(INSERT, "application/sparql-update")[0] == 403
        assert server.select(COUNT_TRIPLES) == before


# --- the seeds' graph -----------------------------------------------------------------------


def test_every_named_query_answers_over_http_on_the_seeds_graph(seeds_server):
    for name, query in catalogue().items():
        status, _, body = seeds_server.post_form({"query": query.text})
        assert status == 200, (name, body[:300])
        assert "results" in json.loads(body) or "boolean" in json.loads(body), name


def test_seeds_graph_persons_over_http(seeds_server):
    rows = seeds_server.select(PREFIXES + "SELECT DISTINCT ?name WHERE { ?p a hkg:Person ; skos:prefLabel ?name }")
    names = {row["name"]["value"] for row in rows}
    assert len(names) > 50
    assert any("Voroşilov" in name for name in names)
