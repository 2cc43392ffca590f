"""rdflib terms -> pyoxigraph terms: the graph is built with rdflib, then
written, stored and checked by pyoxigraph and Rust SHACL engines; a
Dataset's graphs converted once for all of them; and the union of a
Dataset's graphs, read in place."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD

from histkg.rdf.quadstore import QuadStore


class TermError(ValueError):
    """A term pyoxigraph has no counterpart for."""


class OxConverter:
    """rdflib terms -> pyoxigraph terms; a term met again is the same object.
    `iris` holds every IRI met, literals' datatypes included (rdf:langString
    and xsd:string too: a Turtle writer binds their prefixes)."""

    def __init__(self) -> None:
        self.iris: dict[str, ox.NamedNode] = {}
        self.terms: dict = {}

    def iri(self, text: str) -> ox.NamedNode:
        node = self.iris.get(text)
        if node is None:
            node = self.iris[text] = ox.NamedNode(text)
        return node

    def __call__(self, term):
        node = self.terms.get(term)
        if node is None:
            node = self.terms[term] = self.convert(term)
        return node

    def convert(self, term):
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, Literal):
            if term.language:
                self.iri(LANG_STRING)
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=self.iri(str(term.datatype)))
            self.iri(XSD_STRING)
            return ox.Literal(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        raise TermError(f"cannot convert the term {term!r}")

    def graph_name(self, name):
        if name is None or name == DATASET_DEFAULT_GRAPH_ID:
            return ox.DefaultGraph()
        return self(name)


LANG_STRING = str(RDF.langString)
XSD_STRING = str(XSD.string)


class OxGraphs:
    """Every graph of `data` (a Dataset's named graphs and its default graph,
    or one Graph) as triples of pyoxigraph terms. Reading rdflib's store and
    converting the terms take seconds on a large graph: a build does both once,
    here, and validation and the writers take the result. `data` must not
    change afterwards."""

    def __init__(self, data: Graph | Dataset) -> None:
        self.convert = convert = OxConverter()  # it has met every IRI of the graph
        graphs = list(data.graphs()) if isinstance(data, Dataset) else [data]
        # graph identifier (rdflib) -> its triples
        self.graphs: dict[object, list[ox.Triple]] = {graph.identifier: [] for graph in graphs}
        if isinstance(data.store, QuadStore):  # each term converted once, and no rdflib pattern to match
            self.read_numbers(data.store)
            return
        for graph in graphs:
            self.graphs[graph.identifier] = [ox.Triple(convert(s), convert(p), convert(o)) for s, p, o in graph]

    def read_numbers(self, store: QuadStore) -> None:
        terms = [self.convert(term) for term in store.terms]
        held = [self.graphs.get(identifier) for identifier in store.terms]
        for subject, predicate, obj, graph in store.numbered_statements():
            held[graph].append(ox.Triple(terms[subject], terms[predicate], terms[obj]))


def to_ntriples(data: Graph | Dataset) -> bytes:
    """Every triple of `data` (of all its graphs) as N-Triples bytes; a triple
    two graphs hold may come twice."""
    graphs = data.graphs() if isinstance(data, Dataset) else [data]
    return triples_to_ntriples(triple for graph in graphs for triple in graph).encode()


def triples_to_ntriples(triples) -> str:
    """rdflib triples as N-Triples text."""
    convert = OxConverter()
    return ntriples_of([ox.Triple(convert(s), convert(p), convert(o)) for s, p, o in triples])


def ntriples_of(triples: list[ox.Triple]) -> str:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()


class UnionView(Graph):
    """The union of a dataset's graphs, read in place: a store asked with no
    context answers from all of them, each triple once (copying the seeds'
    40 000 triples into a new graph took a second)."""

    def __init__(self, dataset: Dataset) -> None:
        super().__init__(store=dataset.store, namespace_manager=dataset.namespace_manager)

    def triples(self, pattern):
        for triple, _contexts in self.store.triples(pattern, context=None):
            yield triple

    def __len__(self) -> int:
        return self.store.__len__(context=None)

