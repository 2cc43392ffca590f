"""The build's compact store answers as rdflib's Memory store does, keeps
every term as written, and holds a graph in a fraction of the memory."""

from __future__ import annotations

import tracemalloc

from rdflib import BNode, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from histkg.rdf import quadstore
from histkg.rdf.oxterms import triples_to_ntriples
from histkg.rdf.quadstore import QuadStore
from histkg.rdf.rudof import NumberedText

EX = Namespace("http://example.org/")
ONE, TWO = EX["graph/one"], EX["graph/two"]


def filled(dataset: Dataset) -> Dataset:
    one, two = dataset.graph(ONE), dataset.graph(TWO)
    for graph in (one, two):  # the same triple in two graphs
        graph.add((EX.ankara, RDF.type, EX.Place))
    one.add((EX.ankara, RDFS.label, Literal("Ankara")))
    one.add((EX.ankara, RDFS.label, Literal("Angora", lang="tr")))
    one.add((EX.ankara, EX.latitude, Literal("39.93300", datatype=XSD.decimal)))
    two.add((EX.note, EX.start, Literal("8", datatype=XSD.nonNegativeInteger)))
    two.add((EX.note, EX.about, EX.ankara))
    two.add((BNode("b1"), EX.about, EX.moskova))
    dataset.add((EX.moskova, RDF.type, EX.Place))  # the default graph
    return dataset


def both():
    return filled(Dataset()), filled(Dataset(store=QuadStore()))


def answers(dataset: Dataset, pattern) -> set:
    return set(dataset.quads(pattern))


def test_every_pattern_gets_the_answer_rdflibs_memory_store_gives():
    memory, compact = both()
    patterns = [(None, None, None, None), (EX.ankara, None, None, None), (None, RDF.type, None, None),
                (None, RDF.type, EX.Place, None), (None, None, EX.ankara, None), (EX.ankara, RDF.type, EX.Place, None),
                (None, None, None, ONE), (EX.ankara, None, None, TWO), (None, EX.nothing, None, None),
                (None, None, Literal("8", datatype=XSD.nonNegativeInteger), None)]
    for pattern in patterns:
        assert answers(compact, pattern) == answers(memory, pattern), pattern
    assert len(compact) == len(memory) == 8  # distinct triples of all graphs
    assert {g.identifier for g in compact.graphs()} == {g.identifier for g in memory.graphs()}
    assert len(compact.graph(ONE)) == len(memory.graph(ONE)) == 4
    assert set(compact.graph(TWO).subjects(EX.about)) == set(memory.graph(TWO).subjects(EX.about))
    assert compact.graph(ONE).value(EX.ankara, EX.latitude) == memory.graph(ONE).value(EX.ankara, EX.latitude)


def test_literals_come_back_as_written_not_by_value():
    _, compact = both()
    assert compact.graph(TWO).value(EX.note, EX.start) == Literal("8", datatype=XSD.nonNegativeInteger)
    assert str(compact.graph(ONE).value(EX.ankara, EX.latitude)) == "39.93300"
    assert Literal("Ankara") in set(compact.graph(ONE).objects(EX.ankara, RDFS.label))  # no datatype stays none


def test_a_triple_held_by_two_graphs_is_one_triple_with_both_graphs():
    memory, compact = both()
    found = [(triple, {g.identifier for g in graphs})
             for triple, graphs in compact.store.triples((EX.ankara, RDF.type, None), None)]
    assert found == [((EX.ankara, RDF.type, EX.Place), {ONE, TWO})]
    held = (EX.ankara, RDF.type, EX.Place)
    assert {g.identifier for g in compact.graphs(held)} == {g.identifier for g in memory.graphs(held)}


def test_removing_by_pattern_and_graph_leaves_the_rest():
    memory, compact = both()
    for dataset in (memory, compact):
        dataset.graph(TWO).remove((EX.ankara, None, None))
        dataset.remove((EX.note, EX.start, None, None))
        dataset.remove_graph(dataset.graph(ONE))
    assert answers(compact, (None, None, None, None)) == answers(memory, (None, None, None, None))
    assert (EX.ankara, RDF.type, EX.Place) not in compact
    assert len(compact) == len(memory)


def test_sparql_and_prefixes_work_through_rdflib():
    memory, compact = both()
    for dataset in (memory, compact):
        dataset.bind("ex", EX)
    query = "SELECT ?s WHERE { GRAPH ?g { ?s a ex:Place } } ORDER BY ?s"
    assert list(compact.query(query)) == list(memory.query(query))
    assert dict(compact.namespaces())["ex"] == URIRef(str(EX))


def test_the_statements_as_text_are_what_pyoxigraph_writes_of_them():
    memory, compact = both()
    ours = NumberedText(compact).lines(compact.store.numbered_statements())
    theirs = triples_to_ntriples((s, p, o) for s, p, o, _ in memory.quads((None, None, None, None)))
    assert sorted(ours.splitlines()) == sorted(theirs.splitlines())
    assert '"8"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>' in ours


def test_a_graph_takes_a_fraction_of_rdflibs_memory():
    def size(make) -> int:
        tracemalloc.start()
        dataset = make()
        for index in range(3000):
            graph = dataset.graph(EX[f"graph/{index % 10}"])
            node = EX[f"annotation/{index}"]
            graph.add((node, RDF.type, EX.Annotation))
            graph.add((node, EX.start, Literal(index, datatype=XSD.nonNegativeInteger)))
            graph.add((node, EX.quote, Literal(f"words {index}")))
            graph.add((EX.ankara, EX.evidence, node))
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return held

    assert size(lambda: Dataset(store=QuadStore())) < size(Dataset) / 2


def test_a_node_with_many_statements_answers_by_predicate_the_same_before_and_after_changes(monkeypatch):
    monkeypatch.setattr(quadstore, "HUB", 2)  # every node of more than two statements is a hub
    memory, compact = both()
    patterns = [(EX.ankara, RDFS.label, None, None), (None, EX.about, EX.ankara, None),
                (EX.ankara, RDF.type, None, ONE), (None, RDF.type, EX.Place, None), (EX.ankara, EX.nothing, None, None)]

    def same() -> None:
        for pattern in patterns:
            assert answers(compact, pattern) == answers(memory, pattern), pattern

    same()  # the hubs made now
    for dataset in (memory, compact):
        dataset.graph(ONE).add((EX.ankara, RDFS.label, Literal("Engürü", lang="tr")))
        dataset.graph(TWO).add((EX.other, EX.about, EX.ankara))
        dataset.graph(ONE).remove((EX.ankara, RDFS.label, Literal("Ankara")))
        dataset.remove((None, RDF.type, EX.Place, None))
    same()
    assert {str(o) for o in compact.graph(ONE).objects(EX.ankara, RDFS.label)} == {"Angora", "Engürü"}
