"""histkg query and histkg queries: the named queries, the engine, the formats, the command line.

Every named query is checked three ways: it answers on the seeds' graph, it answers on a small
graph built here by hand (events, claims, stops: the vocabulary contract), and pyoxigraph's
answer equals rdflib's for the same query.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hand_built import add_annotation
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

import histkg.cli
from histkg.cli import main
from histkg.query.sparql import (
    NamedQuery,
    QueryError,
    QueryResult,
    catalogue,
    format_result,
    named_query,
    open_store,
    query_text,
    run_named_query,
    run_query,
)
from histkg.rdf.namespaces import HKG, SCHEMA

# Queries that answer only once the build extracts treaties' dates, visits, stops and claims.
# The seeds' build has them now, so none is skipped; a query listed here is skipped on the seeds
# (never on the hand-built graph below), for a build without events.
NEEDS_EVENTS: frozenset[str] = frozenset()

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/histkg/id/"
QUERY_NAMES = sorted(catalogue())


# --- a hand-built graph in the shape of the vocabulary contract ------------------------------


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


class EventGraphBuilder:
    """Two sources, each its own named graph; every entity, date and claim cites its source."""

    def __init__(self) -> None:
        self.dataset = Dataset()
        for doc in ("a", "b"):
            source = iri(f"source/{doc}")
            graph = self.graph(doc)
            graph.add((source, RDF.type, HKG.Source))
            graph.add((source, HKG.file, Literal(f"seeds/{doc}.txt")))
            graph.add((source, DCTERMS.title, Literal(f"Article {doc.upper()}")))
            graph.add((source, DCTERMS.language, Literal("tr")))

    def graph(self, doc: str) -> Graph:
        return self.dataset.graph(iri(f"graph/{doc}"))

    def annotation(self, doc: str, start: int, exact: str, sentence: str) -> URIRef:
        node = iri(f"annotation/{doc}/{start}-{start + len(exact)}")
        return add_annotation(self.graph(doc), node, iri(f"source/{doc}"), start, exact, sentence, section="body")

    def entity(self, doc: str, kind, slug: str, label: str, start: int, sentence: str, **extra) -> URIRef:
        node = iri(f"{kind.lower()}/{slug}")
        graph = self.graph(doc)
        graph.add((node, RDF.type, getattr(HKG, kind)))
        graph.add((node, SKOS.prefLabel, Literal(label, lang="tr")))
        graph.add((node, HKG.evidence, self.annotation(doc, start, label, sentence)))
        for predicate, value in extra.items():
            graph.add((node, getattr(HKG, predicate) if hasattr(HKG, predicate) else URIRef(predicate), value))
        return node

    def claim(self, doc: str, subject: URIRef, predicate: URIRef, value, start: int, exact: str, sentence: str,
              **extra) -> None:
        node = iri(f"claim/{doc}-{start}")
        graph = self.graph(doc)
        for p, o in ((RDF.type, HKG.Claim), (HKG.subject, subject), (HKG.predicate, predicate),
                     (HKG.object, value), (HKG.source, iri(f"source/{doc}")),
                     (HKG.evidence, self.annotation(doc, start, exact, sentence)), (predicate, value)):
            graph.add((node, p, o) if p is not predicate else (subject, p, o))
        for name, value in extra.items():
            graph.add((node, getattr(HKG, name), value))

    def add(self, doc: str, *triples) -> None:
        for triple in triples:
            self.graph(doc).add(triple)


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def build_event_dataset() -> Dataset:
    b = EventGraphBuilder()
    meeting = "Kâzım Karabekir Paşa ile Çiçerin Gümrü'de görüştü."
    karabekir = b.entity("a", "Person", "kazim-karabekir", "Kâzım Karabekir Paşa", 0, meeting,
                         narrativeRole=Literal("actor"))
    cicerin = b.entity("a", "Person", "cicerin", "Çiçerin", 25, meeting, narrativeRole=Literal("actor"))
    b.add("a", (cicerin, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q295454")))
    ali_fuat = b.entity("b", "Person", "ali-fuat", "Ali Fuat", 100, "Ali Fuat Moskova'ya gitti.",
                        narrativeRole=Literal("both"))
    bayur = b.entity("b", "Person", "bayur", "Yusuf Hikmet Bayur", 900, "Y. H. Bayur, Türk İnkılabı Tarihi.",
                     narrativeRole=Literal("cited_author"))
    moskova = b.entity("b", "Place", "moskova", "Moskova", 110, "Ali Fuat Moskova'ya gitti.")
    b.add("b", (moskova, OWL.sameAs, URIRef("https://sws.geonames.org/524901/")),
          (moskova, SCHEMA.latitude, Literal("55.75204", datatype=XSD.decimal)),
          (moskova, SCHEMA.longitude, Literal("37.61781", datatype=XSD.decimal)),
          (moskova, HKG.coordinateSource, HKG.GeoNamesCoordinates))
    ankara = b.entity("a", "Place", "ankara", "Ankara", 300, "Heyet Ankara'dan ayrıldı.")
    kars = b.entity("a", "Place", "kars", "Kars", 320, "Heyet Kars'ta kaldı.")
    gumru = b.entity("a", "Place", "gumru", "Gümrü", 40, meeting)
    bmm = b.entity("a", "Organization", "bmm", "Büyük Millet Meclisi", 500, "Büyük Millet Meclisi onayladı.")

    treaty = b.entity("a", "Treaty", "gumru-barisi", "Gümrü Barışı", 600, "Gümrü Barışı imzalandı.")
    b.add("a", (treaty, HKG.signedAt, gumru), (treaty, HKG.party, bmm), (treaty, HKG.signatory, karabekir),
          (treaty, HKG.earliest, day("1920-12-02")), (treaty, HKG.latest, day("1920-12-03")))
    b.claim("a", treaty, HKG.signedOn, day("1920-12-03"), 620, "3 Aralık 1920", "3 Aralık 1920'de imzalandı.")
    b.claim("b", treaty, HKG.signedOn, day("1920-12-02"), 640, "2 Aralık", "2 Aralık'ta imzalandı.",
            yearFromContext=Literal(True))
    pact = b.entity("a", "Treaty", "turk-sovyet-pakti", "Türk-Sovyet Paktı", 700, "Pakt imzalandı.")
    b.add("a", (pact, HKG.signatory, cicerin), (pact, HKG.signatory, karabekir),
          (pact, HKG.earliest, day("1925-12-17")), (pact, HKG.latest, day("1925-12-17")))
    b.claim("a", pact, HKG.signedOn, day("1925-12-17"), 720, "17 Kânunuevvel 1341", "17 Kânunuevvel 1341'de.",
            calendar=HKG.RumiCalendar)

    mission = iri("visit/ali-fuat-moskova-1920")
    b.add("b", (mission, RDF.type, HKG.Visit), (mission, SKOS.prefLabel, Literal("Ali Fuat → Moskova (1920)", lang="tr")),
          (mission, HKG.leader, ali_fuat), (mission, HKG.visitor, ali_fuat), (mission, HKG.visitor, bayur),
          (mission, HKG.host, cicerin), (mission, HKG.origin, ankara), (mission, HKG.destination, moskova),
          (mission, HKG.earliest, day("1920-11-01")), (mission, HKG.latest, day("1921-02-18")))
    # The two sources agree up to precision: a month and a day within it are no conflict.
    b.claim("a", mission, HKG.startDate, Literal("1920-11", datatype=XSD.gYearMonth), 800, "Kasım 1920",
            "Kasım 1920'de yola çıktı.")
    b.claim("b", mission, HKG.startDate, day("1920-11-21"), 820, "21 Kasım 1920", "21 Kasım 1920'de çıktı.")
    for order, (place, date) in enumerate(((kars, "1920-12-10"), (moskova, "1921-02-18")), start=1):
        stop = URIRef(f"{mission}/stop/{order}")
        b.add("b", (mission, HKG.stop, stop), (stop, RDF.type, HKG.Stop), (stop, HKG.place, place),
              (stop, HKG.order, Literal(order)), (stop, HKG.date, day(date)))

    guest = iri("visit/cicerin-ankara-1933")
    b.add("a", (guest, RDF.type, HKG.Visit), (guest, SKOS.prefLabel, Literal("Çiçerin → Ankara (1933)", lang="tr")),
          (guest, HKG.leader, cicerin), (guest, HKG.visitor, cicerin), (guest, HKG.host, karabekir),
          (guest, HKG.destination, ankara), (guest, HKG.startDate, day("1933-10-25")),
          (guest, HKG.earliest, day("1933-10-25")), (guest, HKG.latest, day("1933-11-07")))

    timespan = iri("date/1920-12-03")
    b.add("a", (timespan, RDF.type, HKG.TimeSpan), (timespan, RDFS.label, Literal("1920-12-03")),
          (timespan, HKG.edtf, Literal("1920-12-03")), (timespan, HKG.value, day("1920-12-03")),
          (timespan, HKG.earliest, day("1920-12-03")), (timespan, HKG.latest, day("1920-12-03")),
          (timespan, HKG.evidence, iri("annotation/a/620-633")))
    work = iri("work/bayur-turk-inkilabi-tarihi-1953")
    b.add("b", (work, RDF.type, HKG.CitedWork), (work, DCTERMS.creator, bayur),
          (work, DCTERMS.title, Literal("Türk İnkılabı Tarihi")), (work, DCTERMS.date, Literal("1953", datatype=XSD.gYear)),
          (work, HKG.publicationPlace, Literal("Ankara")), (work, HKG.pages, Literal("66-67")),
          (work, HKG.citedIn, iri("source/b")))
    return b.dataset


@pytest.fixture(scope="module")
def event_trig(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "events.trig"
    build_event_dataset().serialize(path, format="trig")
    return path


@pytest.fixture(scope="module")
def event_store(event_trig):
    return open_store(event_trig)


@pytest.fixture(scope="module")
def seeds_ttl(seeds_build):
    return seeds_build[1] / "graph.ttl"


@pytest.fixture(scope="module")
def seeds_store(seeds_ttl):
    return open_store(seeds_ttl)


def values(result, column: str) -> list[str]:
    index = result.variables.index(column)
    return [row[index].value if row[index] is not None else None for row in result.rows]


def rows_as_dicts(result) -> list[dict[str, str]]:
    return [{name: term.value for name, term in zip(result.variables, row) if term is not None}
            for row in result.rows]


# --- the catalogue -------------------------------------------------------------------------


def test_the_catalogue_has_at_least_twelve_queries_each_with_a_title_and_prefixes():
    queries = catalogue()
    assert len(queries) >= 12
    assert list(queries) == sorted(queries)
    for name, query in queries.items():
        assert isinstance(query, NamedQuery) and query.name == name
        assert query.text.startswith("# "), name
        assert query.title and len(query.title) <= 100 and query.title.endswith("."), name
        assert re.search(r"^PREFIX hkg: <https://w3id.org/histkg/ontology#>$", query.text, re.M), name


def test_the_description_is_the_leading_comment_without_hashes():
    query = named_query("events-in-window")
    assert query.description.startswith("Treaties and visits that happened within a time window")
    assert "#" not in query.description and "PREFIX" not in query.description
    assert query.title == query.description.splitlines()[0]


def test_an_unknown_name_is_a_query_error_that_lists_the_names():
    with pytest.raises(QueryError, match="no named query 'treatys'.*treaties"):
        named_query("treatys")


# --- every named query on the seeds, on the hand-built graph, and against rdflib ------------


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_named_query_answers_on_the_seeds_graph(name, seeds_store):
    if name in NEEDS_EVENTS:
        pytest.skip(f"{name} needs events (treaty dates, visits, stops, claims) the seeds' build lacks yet")
    assert len(run_named_query(seeds_store, name).rows) >= 1


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_named_query_answers_on_a_hand_built_event_graph(name, event_store):
    assert len(run_named_query(event_store, name).rows) >= 1


def lexical(value) -> str:
    """A cell as text, as both engines agree to write it.

    A GROUP_CONCAT list is sorted, since its order is the engine's choice; a decimal loses its
    trailing zeros, since Oxigraph keeps the canonical form (40.876) where rdflib keeps the
    file's (40.87600).
    """
    text = "" if value is None else str(value)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return format(Decimal(text).normalize(), "f")
    return "; ".join(sorted(text.split("; ")))


def oxigraph_rows(store, text: str) -> list[tuple[str, ...]]:
    return sorted(tuple(lexical(None if term is None else term.value) for term in row)
                  for row in run_query(store, text).rows)


def rdflib_rows(graph, text: str) -> list[tuple[str, ...]]:
    return sorted(tuple(lexical(value) for value in row) for row in graph.query(text))


@pytest.fixture(scope="module")
def seeds_rdflib(seeds_ttl):
    return Graph().parse(seeds_ttl, format="turtle")


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_oxigraph_and_rdflib_give_the_same_answer_on_the_seeds(name, seeds_store, seeds_rdflib):
    text = named_query(name).text
    assert oxigraph_rows(seeds_store, text) == rdflib_rows(seeds_rdflib, text)


@pytest.fixture(scope="module")
def event_rdflib_union(event_trig):
    union = Dataset(default_union=True)
    union.parse(event_trig, format="trig")
    return union


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_oxigraph_and_rdflib_union_give_the_same_answer_on_the_event_graph(name, event_store, event_rdflib_union):
    text = named_query(name).text
    assert oxigraph_rows(event_store, text) == rdflib_rows(event_rdflib_union, text)


@pytest.fixture(scope="module")
def seeds_trig_store(seeds_build):
    return open_store(seeds_build[1] / "graph.trig")


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_trig_with_a_graph_per_source_answers_as_the_turtle_union(name, seeds_store, seeds_trig_store):
    text = named_query(name).text
    assert oxigraph_rows(seeds_trig_store, text) == oxigraph_rows(seeds_store, text)


# --- what the event queries say on the hand-built graph ------------------------------------


def test_treaties_come_in_date_order_with_both_disputed_dates(event_store):
    result = run_named_query(event_store, "treaties")
    assert values(result, "name") == ["Gümrü Barışı", "Gümrü Barışı", "Türk-Sovyet Paktı"]
    assert sorted(values(result, "signedOn")[:2]) == ["1920-12-02", "1920-12-03"]
    gumru = rows_as_dicts(result)[0]
    assert gumru["signedAt"] == "Gümrü" and gumru["parties"] == "Büyük Millet Meclisi"
    assert gumru["signatories"] == "Kâzım Karabekir Paşa"


def test_conflicting_dates_pairs_the_two_sources_of_gumru_and_ignores_mere_precision(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "conflicting-dates"))
    assert [(r["subjectName"], r["property"], r["value1"], r["file1"], r["value2"], r["file2"]) for r in rows] == [
        ("Gümrü Barışı", "signedOn", "1920-12-02", "seeds/b.txt", "1920-12-03", "seeds/a.txt")]
    assert (rows[0]["quote1"], rows[0]["quote2"]) == ("2 Aralık", "3 Aralık 1920")


def test_treaty_claims_give_file_offsets_quote_and_year_from_context(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "treaty-claims"))
    disputed = {r["signedOn"]: r for r in rows if r["treatyName"] == "Gümrü Barışı"}
    assert disputed["1920-12-02"]["file"] == "seeds/b.txt"
    assert (disputed["1920-12-02"]["start"], disputed["1920-12-02"]["end"]) == ("640", "648")
    assert disputed["1920-12-02"]["yearFromContext"] == "true"
    assert disputed["1920-12-03"]["quote"] == "3 Aralık 1920" and "yearFromContext" not in disputed["1920-12-03"]
    assert "calendar" not in disputed["1920-12-03"]  # Gregorian: the claim names no calendar
    pact = next(r for r in rows if r["treatyName"] == "Türk-Sovyet Paktı")
    assert (pact["signedOn"], pact["quote"]) == ("1925-12-17", "17 Kânunuevvel 1341")
    assert pact["calendar"] == str(HKG.RumiCalendar)


def test_delegation_members_list_leader_and_every_traveller(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "delegation-members"))
    mission = next(r for r in rows if r["visitName"].startswith("Ali Fuat"))
    assert mission["leader"] == "Ali Fuat"
    assert sorted(mission["travellers"].split("; ")) == ["Ali Fuat", "Yusuf Hikmet Bayur"]


def test_itinerary_lists_stops_in_order_with_dates_and_coordinates(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "itinerary"))
    assert [(r["order"], r["place"], r["date"]) for r in rows] == [("1", "Kars", "1920-12-10"),
                                                                  ("2", "Moskova", "1921-02-18")]
    assert rows[1]["latitude"] == "55.75204"


def test_visit_hosts_say_who_received_whom(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "visit-hosts"))
    assert {(r["visitName"], r["host"]) for r in rows} == {("Ali Fuat → Moskova (1920)", "Çiçerin"),
                                                           ("Çiçerin → Ankara (1933)", "Kâzım Karabekir Paşa")}


def test_events_in_window_keep_1920_1921_and_leave_1925_and_1933_out(event_store):
    names = set(values(run_named_query(event_store, "events-in-window"), "name"))
    assert names == {"Gümrü Barışı", "Ali Fuat → Moskova (1920)"}


def test_the_window_moves_when_its_values_are_edited(event_store):
    text = named_query("events-in-window").text.replace("1920-01-01", "1933-01-01").replace("1921-12-31", "1933-12-31")
    assert set(values(run_query(event_store, text), "name")) == {"Çiçerin → Ankara (1933)"}


def test_missions_to_moscow_are_visits_whose_destination_is_moscow(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "missions-to-moscow"))
    assert {(r["visitName"], r["origin"]) for r in rows} == {("Ali Fuat → Moskova (1920)", "Ankara")}
    assert sorted(r["startDate"] for r in rows) == ["1920-11", "1920-11-21"]  # as each source states it


def test_persons_who_met_pair_signatories_travellers_and_hosts_once(event_store):
    pairs = {(r["person1"], r["person2"], r["eventName"])
             for r in rows_as_dicts(run_named_query(event_store, "persons-who-met"))}
    assert ("Kâzım Karabekir Paşa", "Çiçerin", "Türk-Sovyet Paktı") in pairs
    assert ("Ali Fuat", "Çiçerin", "Ali Fuat → Moskova (1920)") in pairs
    assert all(person1 < person2 for person1, person2, _ in pairs)


def test_co_mentioned_persons_count_shared_sentences(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "co-mentioned-persons"))
    assert rows == [{"person1": "Kâzım Karabekir Paşa", "person2": "Çiçerin", "sentences": "1"}]


def test_cited_authors_and_narrative_actors_split_by_role(event_store):
    cited = rows_as_dicts(run_named_query(event_store, "cited-authors"))
    assert [(r["person"], r["role"], r["title"], r["year"], r["citedInFile"]) for r in cited] == [
        ("Yusuf Hikmet Bayur", "author", "Türk İnkılabı Tarihi", "1953", "seeds/b.txt")]
    actors = set(values(run_named_query(event_store, "narrative-actors"), "name"))
    assert actors == {"Kâzım Karabekir Paşa", "Çiçerin", "Ali Fuat"}


def test_places_carry_geonames_and_coordinates(event_store):
    moskova = next(r for r in rows_as_dicts(run_named_query(event_store, "places")) if r["name"] == "Moskova")
    assert moskova["geonames"] == "https://sws.geonames.org/524901/"
    assert (moskova["latitude"], moskova["longitude"], moskova["mentions"]) == ("55.75204", "37.61781", "1")
    assert moskova["coordinateSource"] == str(HKG.GeoNamesCoordinates)
    ankara = next(r for r in rows_as_dicts(run_named_query(event_store, "places")) if r["name"] == "Ankara")
    assert "coordinateSource" not in ankara and "latitude" not in ankara


def test_person_mentions_point_into_the_original_text(event_store):
    rows = rows_as_dicts(run_named_query(event_store, "person-mentions"))
    cicerin = next(r for r in rows if r["name"] == "Çiçerin")
    assert (cicerin["file"], cicerin["start"], cicerin["end"], cicerin["exact"]) == ("seeds/a.txt", "25", "32", "Çiçerin")
    assert cicerin["sentence"].startswith("Kâzım Karabekir Paşa ile Çiçerin")


def test_person_mentions_on_the_seeds_quote_the_source_file_exactly(seeds_store):
    for row in rows_as_dicts(run_named_query(seeds_store, "person-mentions"))[:50]:
        text = (ROOT / row["file"]).read_text(encoding="utf-8")
        assert text[int(row["start"]):int(row["end"])] == row["exact"]


# --- the engine: stores, query kinds, errors ------------------------------------------------


def test_the_default_graph_is_the_union_of_the_sources_graphs(event_store):
    assert run_query(event_store, "ASK { ?s a <https://w3id.org/histkg/ontology#Visit> }").boolean is True
    per_graph = run_query(event_store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sorted(values(per_graph, "g")) == [ID + "graph/a", ID + "graph/b"]


def test_ask_answers_a_boolean(event_store):
    assert run_query(event_store, "ASK { ?s ?p 'no such value' }").boolean is False


def test_construct_answers_triples_written_as_turtle_and_ntriples(event_store):
    result = run_query(event_store, """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        CONSTRUCT { ?s skos:prefLabel ?label } WHERE { ?s a <https://w3id.org/histkg/ontology#Place> ;
        skos:prefLabel ?label }""")
    assert result.kind == "graph" and len(result.triples) == 4
    turtle = format_result(result, "turtle")
    assert "@prefix skos:" in turtle and "@prefix oa:" not in turtle
    assert len(Graph().parse(data=turtle, format="turtle")) == 4
    assert len(Graph().parse(data=format_result(result, "ntriples"), format="nt")) == 4
    assert format_result(result, "table") == turtle


def test_describe_answers_the_triples_about_a_node(event_store):
    result = run_query(event_store, f"DESCRIBE <{ID}place/moskova>")
    assert result.kind == "graph" and any(str(t.predicate) == f"<{OWL.sameAs}>" for t in result.triples)


def test_bad_sparql_is_one_line_with_the_place_and_not_the_parsers_token_list(event_store):
    with pytest.raises(QueryError) as error:
        run_query(event_store, "SELECT ?x WHERE { ?x ?y }")
    assert str(error.value) == 'bad SPARQL: syntax error at line 1, column 26, after "{ ?x ?y }"'


def test_an_unknown_prefix_is_named_with_its_line_and_column(event_store):
    with pytest.raises(QueryError) as error:
        run_query(event_store, "SELECT ?name WHERE {\n  ?p a hkg:Person ;\n     foaf:name ?name }")
    assert str(error.value) == 'bad SPARQL: unknown prefix "foaf:" at line 3, column 6'


def test_common_prefixes_need_no_declaration(event_store):
    undeclared = "SELECT (COUNT(*) AS ?n) WHERE { ?p a hkg:Person ; skos:prefLabel ?name ; hkg:evidence ?a . ?a a oa:Annotation }"
    declared = ("PREFIX hkg: <https://w3id.org/histkg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                "PREFIX oa: <http://www.w3.org/ns/oa#>\n" + undeclared)
    assert values(run_query(event_store, undeclared), "n") == values(run_query(event_store, declared), "n") != ["0"]


def test_a_prefix_the_query_declares_wins_over_the_common_one(event_store):
    text = "PREFIX hkg: <urn:elsewhere#> ASK { ?p a hkg:Person }"
    assert run_query(event_store, text).boolean is False


def test_an_update_is_refused_saying_histkg_query_only_reads(event_store):
    with pytest.raises(QueryError, match="^histkg query only reads: SPARQL Update .* rebuilding it$"):
        run_query(event_store, "PREFIX a: <urn:a#>\nINSERT DATA { <http://a> <http://b> <http://c> }")


def test_a_missing_file_or_unknown_extension_is_a_query_error(tmp_path):
    with pytest.raises(QueryError, match="no such graph file"):
        open_store(tmp_path / "missing.ttl")
    (tmp_path / "graph.xyz").write_text("x", encoding="utf-8")
    with pytest.raises(QueryError, match="cannot tell the format"):
        open_store(tmp_path / "graph.xyz")


def test_unreadable_turtle_is_a_query_error_naming_the_file(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://a> <http://b> .", encoding="utf-8")
    with pytest.raises(QueryError, match="cannot read .*broken.ttl as Turtle"):
        open_store(broken)


def test_every_built_format_opens_and_answers_alike(seeds_build, seeds_store):
    expected = oxigraph_rows(seeds_store, named_query("treaties").text)
    for name in ("graph.nt", "graph.nq", "graph.jsonld"):
        assert oxigraph_rows(open_store(seeds_build[1] / name), named_query("treaties").text) == expected, name


def test_an_oxigraph_folder_opens_read_only(tmp_path, event_trig):
    folder = tmp_path / "store"
    writer = ox.Store(str(folder))
    writer.load(path=event_trig, format=ox.RdfFormat.TRIG)
    writer.flush()
    quads = len(writer)
    del writer
    store = open_store(folder)
    assert len(run_named_query(store, "itinerary").rows) == 2
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.NamedNode("http://c")))
    assert len(ox.Store.read_only(str(folder))) == quads  # the folder itself is never written


COUNT_PERSONS = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/histkg/ontology#Person> }"
BUILT_FORMATS = ("graph.nt", "graph.trig", "graph.nq", "graph.jsonld", "store/")


@pytest.fixture(scope="module")
def seeds_stores(seeds_build, tmp_path_factory):
    """The seeds' graph opened from every built format and from an Oxigraph folder loaded with graph.nq."""
    out = seeds_build[1]
    folder = tmp_path_factory.mktemp("seeds-store") / "store"
    writer = ox.Store(str(folder))
    writer.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    writer.flush()
    del writer
    return {name: open_store(folder if name == "store/" else out / name) for name in BUILT_FORMATS}


def test_a_triple_two_sources_state_counts_once_in_every_format(seeds_store, seeds_stores):
    expected = oxigraph_rows(seeds_store, COUNT_PERSONS)
    for name, store in seeds_stores.items():
        assert oxigraph_rows(store, COUNT_PERSONS) == expected, name


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_named_query_answers_alike_in_every_format(name, seeds_store, seeds_stores):
    text = named_query(name).text
    expected = oxigraph_rows(seeds_store, text)
    for fmt, store in seeds_stores.items():
        assert oxigraph_rows(store, text) == expected, fmt


def test_a_folder_that_is_no_store_is_a_query_error(tmp_path):
    with pytest.raises(QueryError, match="is not an Oxigraph store"):
        open_store(tmp_path)


# --- formats -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def places(event_store):
    return run_named_query(event_store, "places")


def test_table_aligns_columns_compacts_iris_and_counts_rows(places):
    lines = format_result(places, "table").splitlines()
    header, rule, *body, count = lines
    assert header.split() == list(places.variables)
    assert count == f"({len(places.rows)} rows)"
    starts = [match.start() for match in re.finditer(r"-+", rule)]
    geonames_column = places.variables.index("geonames")
    moskova = next(line for line in body if line.startswith("Moskova"))
    assert moskova[starts[geonames_column]:].startswith("gn:524901/")
    assert "id:place/moskova" in moskova


def test_table_cuts_long_cells_and_keeps_one_line_per_row(event_store):
    long = "x" * 200
    result = run_query(event_store, f'SELECT ?v WHERE {{ BIND("{long}\\nnext" AS ?v) }}')
    lines = format_result(result, "table").splitlines()
    assert len(lines) == 4 and lines[2].endswith("…") and len(lines[2]) == 80


def test_csv_is_sparql_csv_with_plain_values(places):
    text = format_result(places, "csv")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text)))
    moskova = next(r for r in rows if r["name"] == "Moskova")
    assert moskova["geonames"] == "https://sws.geonames.org/524901/" and moskova["latitude"] == "55.75204"
    assert len(rows) == len(places.rows)


def test_tsv_has_plain_names_and_values_as_csv_does(places):
    header, *lines = format_result(places, "tsv").splitlines()
    assert header.split("\t") == list(places.variables)
    moskova = dict(zip(places.variables, next(line.split("\t") for line in lines if line.startswith("Moskova\t"))))
    assert moskova["geonames"] == "https://sws.geonames.org/524901/" and moskova["latitude"] == "55.75204"


def test_tsv_keeps_a_value_with_tabs_and_line_breaks_on_one_line():
    text = ox.Literal("line one\n\tline two \\ end")
    result = QueryResult("select", variables=("quote",), rows=((text,),))
    assert format_result(result, "tsv") == "quote\nline one\\n\\tline two \\\\ end\n"


def test_sparql_tsv_has_question_marked_header_and_ntriples_terms(places):
    header, *lines = format_result(places, "sparql-tsv").splitlines()
    assert header.split("\t") == [f"?{name}" for name in places.variables]
    moskova = next(line.split("\t") for line in lines if line.startswith('"Moskova"@tr'))
    assert "<https://sws.geonames.org/524901/>" in moskova


def test_json_is_sparql_results_json(places):
    document = json.loads(format_result(places, "json"))
    assert document["head"]["vars"] == list(places.variables)
    bindings = document["results"]["bindings"]
    moskova = next(b for b in bindings if b["name"]["value"] == "Moskova")
    assert moskova["name"] == {"type": "literal", "value": "Moskova", "xml:lang": "tr"}
    assert moskova["geonames"] == {"type": "uri", "value": "https://sws.geonames.org/524901/"}
    assert moskova["latitude"]["datatype"] == str(XSD.decimal)
    ankara = next(b for b in bindings if b["name"]["value"] == "Ankara")
    assert "geonames" not in ankara  # unbound variables are left out, as the standard says


def test_ask_in_every_format(event_store):
    result = run_query(event_store, "ASK { ?s ?p ?o }")
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(result, "table") == "yes\n"
    assert format_result(result, "csv").strip() == "true"


def test_unknown_format_or_graph_format_for_rows_is_a_query_error(places):
    with pytest.raises(QueryError, match="unknown format 'xml'"):
        format_result(places, "xml")
    with pytest.raises(QueryError, match="for CONSTRUCT and DESCRIBE"):
        format_result(places, "turtle")


def test_query_text_takes_exactly_one_source(tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("ASK {}", encoding="utf-8")
    assert query_text(file=rq) == "ASK {}"
    assert query_text(sparql="ASK {}") == "ASK {}"
    assert query_text(name="sources") == named_query("sources").text
    with pytest.raises(QueryError, match="exactly one"):
        query_text()
    with pytest.raises(QueryError, match="exactly one.*QUERY, --named"):
        query_text(sparql="ASK {}", name="sources")


# --- the command line ----------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_cli_named_query_writes_csv_when_piped(event_trig):
    result = run("query", event_trig, "--named", "missions-to-moscow")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["visitName"] for r in rows} == {"Ali Fuat → Moskova (1920)"}


def test_cli_writes_a_table_on_a_terminal(event_trig, monkeypatch):
    monkeypatch.setattr(histkg.cli, "stdout_is_terminal", lambda: True)
    result = run("query", event_trig, "--named", "itinerary")
    assert result.exit_code == 0 and result.output.splitlines()[-1] == "(2 rows)"


def test_cli_query_text_and_file_with_a_format(event_trig, tmp_path):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?v a <https://w3id.org/histkg/ontology#Visit> }"
    inline = run("query", event_trig, text, "--format", "json")
    assert json.loads(inline.output)["results"]["bindings"][0]["n"]["value"] == "2"
    rq = tmp_path / "visits.rq"
    rq.write_text(text, encoding="utf-8")
    from_file = run("query", event_trig, "--file", rq, "--format", "tsv")
    assert from_file.output.splitlines()[1] == "2"


def test_cli_ask_prints_yes_on_a_terminal_and_true_when_piped(event_trig, monkeypatch):
    ask = "ASK { ?p a hkg:Person }"
    assert run("query", event_trig, ask).output == "true\n"
    monkeypatch.setattr(histkg.cli, "stdout_is_terminal", lambda: True)
    assert run("query", event_trig, ask).output == "yes\n"
    assert run("query", event_trig, "ASK { ?p a hkg:Nothing }").output == "no\n"


def test_cli_construct_prints_turtle_on_a_terminal_and_when_piped(event_trig, monkeypatch):
    construct = "CONSTRUCT { ?p a hkg:Person } WHERE { ?p a hkg:Person }"
    piped = run("query", event_trig, construct).output
    assert piped.startswith("@prefix") and len(Graph().parse(data=piped, format="turtle")) >= 1
    monkeypatch.setattr(histkg.cli, "stdout_is_terminal", lambda: True)
    assert run("query", event_trig, construct).output == piped


def test_cli_refuses_an_update_in_one_line(event_trig):
    result = run("query", event_trig, "DELETE WHERE { ?s ?p ?o }")
    assert result.exit_code == 2
    assert result.output == ("histkg: error: histkg query only reads: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, "
                             "DROP, CREATE, ADD, MOVE, COPY) is refused; change the graph by rebuilding it\n")


@pytest.mark.parametrize("args, message", [
    ((), "give exactly one of QUERY, --file or --named"),
    (("ASK {}", "--named", "sources"), "give exactly one of QUERY, --file or --named"),
    (("--named", "nope"), "no named query 'nope'"),
    (("SELECT WHERE",), "bad SPARQL"),
    (("--file", "missing.rq"), "cannot read the query file"),
])
def test_cli_user_errors_are_one_line_and_exit_2(args, message, event_trig):
    result = run("query", event_trig, *args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and message in result.output
    assert result.output.startswith("histkg: error: ")


def test_cli_missing_graph_is_one_line_and_exit_2(tmp_path):
    result = run("query", tmp_path / "missing.ttl", "--named", "sources")
    assert result.exit_code == 2 and "no such graph file" in result.output


def test_cli_queries_lists_every_name_with_its_title():
    result = run("queries")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == QUERY_NAMES
    assert all(line.endswith(catalogue()[line.split()[0]].title) for line in lines)


def test_query_commands_have_help_with_an_example():
    for command in ("query", "queries"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output, command


def test_readme_lists_every_named_query():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## SPARQL from the command line", 1)[1].split("\n## ", 1)[0]
    missing = [name for name in QUERY_NAMES if name not in section]
    assert not missing, f"README's SPARQL section lacks {missing}"
