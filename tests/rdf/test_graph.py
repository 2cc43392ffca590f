"""The graph: deterministic IRIs and bytes, evidence that quotes the original,
named graphs per source, and readers other than rdflib."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from histkg.pipeline import build
from histkg.rdf.namespaces import HKG, OA, SCHEMA
from histkg.text.corpus import load_corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_same_input_gives_byte_identical_turtle(small_corpus, tmp_path):
    build([small_corpus], tmp_path / "one")
    build([small_corpus], tmp_path / "two")
    first = (tmp_path / "one" / "graph.ttl").read_bytes()
    assert first == (tmp_path / "two" / "graph.ttl").read_bytes()
    assert b"https://w3id.org/histkg/id/person/" in first


def test_base_option_changes_every_data_iri(small_corpus, tmp_path):
    result = build([small_corpus], None, base="https://example.org/kg/")
    subjects = {str(s) for s, _, _, _ in result.dataset.quads((None, RDF.type, None, None))}
    assert subjects and all(s.startswith("https://example.org/kg/") for s in subjects)


def test_one_named_graph_per_source(small_corpus):
    result = build([small_corpus], None)
    names = sorted(str(g.identifier) for g in result.dataset.graphs() if len(g))
    assert names == ["https://w3id.org/histkg/id/graph/a", "https://w3id.org/histkg/id/graph/b"]


def test_a_person_named_in_two_sources_is_one_node_with_evidence_from_both(small_corpus):
    result = build([small_corpus], None)
    union = Graph()
    for quad in result.dataset.quads():
        union.add(quad[:3])
    (petrovski,) = [s for s, o in union.subject_objects(SKOS.prefLabel)
                    if "Petrovski" in o and (s, RDF.type, HKG.Person) in union]
    sources = {union.value(union.value(a, OA.hasTarget), OA.hasSource) for a in union.objects(petrovski, HKG.evidence)}
    assert len(sources) == 2


@pytest.fixture(scope="module")
def seeds_graph(seeds_build):
    _, out = seeds_build
    graph = Graph()
    graph.parse(out / "graph.ttl", format="turtle")
    return graph


def test_seeds_graph_conforms_and_has_persons_places_dates_for_both_seeds(seeds_build, seeds_graph):
    result, _ = seeds_build
    assert result.conforms, result.validation.report_text
    for cls in (HKG.Person, HKG.Place, HKG.TimeSpan, HKG.Organization, HKG.Treaty):
        assert len(set(seeds_graph.subjects(RDF.type, cls))) > 3, cls
    per_source = Counter(str(seeds_graph.value(t, OA.hasSource)) for t in seeds_graph.subjects(RDF.type, OA.SpecificResource))
    assert len(per_source) == 2 and min(per_source.values()) > 100


def test_every_evidence_quotes_the_original_file_exactly(seeds_graph):
    texts = {document.doc_id: document.text for document in load_corpus([SEEDS])}
    checked = 0
    for target in seeds_graph.subjects(RDF.type, OA.SpecificResource):
        doc_id = str(seeds_graph.value(target, OA.hasSource)).rsplit("/", 1)[-1]
        selectors = list(seeds_graph.objects(target, OA.hasSelector))
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in seeds_graph)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in seeds_graph)
        start, end = int(seeds_graph.value(position, OA.start)), int(seeds_graph.value(position, OA.end))
        assert texts[doc_id][start:end] == str(seeds_graph.value(quote, OA.exact))
        assert texts[doc_id][:start].endswith(str(seeds_graph.value(quote, OA.prefix)))
        checked += 1
    assert checked > 500


def test_every_person_has_exactly_one_turkish_preflabel(seeds_graph):
    for person in seeds_graph.subjects(RDF.type, HKG.Person):
        labels = list(seeds_graph.objects(person, SKOS.prefLabel))
        assert len(labels) == 1 and isinstance(labels[0], Literal) and labels[0].language == "tr"


def test_turtle_reads_back_with_oxigraph_too(seeds_build, seeds_graph):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    _, out = seeds_build
    with open(out / "graph.ttl", "rb") as stream:
        triples = list(pyoxigraph.parse(stream, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(seeds_graph)


def test_trig_keeps_one_named_graph_per_seed(seeds_build):
    from rdflib import Dataset

    _, out = seeds_build
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    named = [g for g in dataset.graphs() if len(g) and "graph/" in str(g.identifier)]
    assert len(named) == 2


def test_graphml_reads_back_with_every_node_labelled_and_typed(seeds_build):
    _, out = seeds_build
    network = nx.read_graphml(out / "graph.graphml")
    assert network.number_of_nodes() > 100 and network.number_of_edges() > 100
    for _, data in network.nodes(data=True):
        assert data["label"] and data["type"]
    for _, _, data in network.edges(data=True):
        assert data["label"]
    text = (out / "graph.graphml").read_text(encoding="utf-8")
    assert 'id="label"' in text and 'id="d0"' not in text


CALENDAR_TEXT = (
    "Kars Muahedesi 13 Teşrinievvel 1337 tarihinde Kars'ta imzalandı. "
    "Ali Fuat Paşa 1 Muharrem 1340 günü Moskova'ya vardı. Heyet İstanbul'da Beyoğlu'nda kaldı. "
    "Gümrü Antlaşması 2 Aralık 1920'de imzalandı. Heyet daha sonra Fransa'ya gitti.\n"
)


@pytest.fixture(scope="module")
def calendar_build(tmp_path_factory):
    """A text written for the test: a Rumi, a Hicri and a Gregorian date; a
    GeoNames city, a quarter from the authority file and a country."""
    folder = tmp_path_factory.mktemp("calendars")
    (folder / "a.txt").write_text(CALENDAR_TEXT, encoding="utf-8")
    result = build([folder], None)
    union = Graph()
    for quad in result.dataset.quads():
        union.add(quad[:3])
    return result, union


def date_annotation(graph: Graph, exact: str):
    """The annotation of the date mention whose quote starts with `exact`."""
    (annotation,) = [a for d in graph.subjects(RDF.type, HKG.TimeSpan) for a in graph.objects(d, HKG.evidence)
                     if str(graph.value(URIRef(f"{a}/quote"), OA.exact)).startswith(exact)]
    return annotation


def date_claims(graph: Graph, value: str) -> list:
    return [c for c in graph.subjects(RDF.type, HKG.Claim) if str(graph.value(c, HKG.object)) == value]


def test_a_date_annotation_names_the_calendar_the_text_wrote_it_in(calendar_build):
    result, graph = calendar_build
    assert result.conforms, result.validation.report_text
    assert graph.value(date_annotation(graph, "13 Teşrinievvel 1337"), HKG.calendar) == HKG.RumiCalendar
    assert graph.value(date_annotation(graph, "1 Muharrem 1340"), HKG.calendar) == HKG.HicriCalendar
    assert graph.value(date_annotation(graph, "2 Aralık 1920"), HKG.calendar) == HKG.GregorianCalendar


def test_a_claim_of_a_rumi_or_hicri_date_names_the_calendar_and_keeps_a_gregorian_value(calendar_build):
    _, graph = calendar_build
    (signed,) = [c for c in date_claims(graph, "1921-10-13") if graph.value(c, HKG.predicate) == HKG.signedOn]
    assert graph.value(signed, HKG.object) == Literal("1921-10-13", datatype=XSD.date)
    assert graph.value(signed, HKG.calendar) == HKG.RumiCalendar
    hicri = date_claims(graph, "1921-09-04")
    assert hicri and all(graph.value(c, HKG.calendar) == HKG.HicriCalendar for c in hicri)
    gregorian = date_claims(graph, "1920-12-02")
    assert gregorian and all(graph.value(c, HKG.calendar) is None for c in gregorian)


def place_named(graph: Graph, label: str):
    (place,) = [p for p in graph.subjects(RDF.type, HKG.Place) if str(graph.value(p, SKOS.prefLabel)) == label]
    return place


def test_every_place_with_coordinates_says_how_they_were_chosen(calendar_build):
    _, graph = calendar_build
    assert graph.value(place_named(graph, "Moskova"), HKG.coordinateSource) == HKG.GeoNamesCoordinates
    assert graph.value(place_named(graph, "Beyoğlu"), HKG.coordinateSource) == HKG.AuthorityCoordinates
    france = place_named(graph, "Fransa")
    assert graph.value(france, HKG.coordinateSource) == HKG.CapitalCoordinates
    assert (float(graph.value(france, SCHEMA.latitude)), float(graph.value(france, SCHEMA.longitude))) == \
        pytest.approx((48.85341, 2.3488), abs=1e-3)  # Paris, the country's representative point
    located = set(graph.subjects(SCHEMA.latitude, None))
    assert located and located == set(graph.subjects(HKG.coordinateSource, None))


def test_seeds_date_annotations_all_name_a_calendar(seeds_graph):
    dates = [a for d in seeds_graph.subjects(RDF.type, HKG.TimeSpan) for a in seeds_graph.objects(d, HKG.evidence)]
    calendars = Counter(seeds_graph.value(a, HKG.calendar) for a in dates)
    assert None not in calendars and calendars[HKG.GregorianCalendar] > 100
