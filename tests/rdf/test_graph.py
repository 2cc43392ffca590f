"""The graph: deterministic IRIs and bytes, evidence that quotes the original,
named graphs per source, and readers other than rdflib."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from histkg.pipeline import build
from histkg.rdf.namespaces import HKG, OA
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
