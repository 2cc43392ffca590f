"""A graph's statements in the order the writers give them, worked out on
numbers: the same graph always gives the same bytes.

The order: subjects together, in the order of their IRIs; a subject's
rdf:type first (Turtle's `a`), then by predicate and object, each compared as
N-Triples writes it. A quad file takes its graphs in the order of their
names, each graph's statements in that order. Sorting the statements as
text (a million N-Triples lines for ten copies of the seeds) took seconds;
here each distinct term's text is sorted once, and a statement's place is
one integer packed of its terms' ranks. N-Triples and N-Quads are written
as text of each term's text (what pyoxigraph writes of them); the Turtle and
TriG writers take pyoxigraph objects made one at a time as they write, and
JSON-LD reads the places; no list of a million pyoxigraph objects, nor the
whole text of a file, is ever held.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from histkg.rdf.quadstore import QuadStore

RDF_TYPE = ox.NamedNode(str(RDF.type))
LINES_A_BLOCK = 65536


class Ordered:
    """The statements of a QuadStore, in the writers' order. `iris`: every IRI
    of the statements, literals' datatypes and graph names included (the
    prefixes a writer binds come from it)."""

    def __init__(self, store: QuadStore) -> None:
        self.store = store
        convert, texts = store.converter, store.ntriples  # validation made these already
        terms, graphs = store.numbers_used()
        # Each term's N-Triples text; two rdflib terms pyoxigraph writes alike ("x" and
        # "x"^^xsd:string) are one term here, as they are one in the files.
        term_of_text = {}
        for number in terms:
            if texts[number] not in term_of_text:
                term_of_text[texts[number]] = convert(store.terms[number])
        self.texts = sorted(term_of_text)
        self.subject_texts = sorted({texts[number] for number in store.by_subject}, key=lambda t: t.strip("<>"))
        self.text_terms = [term_of_text[t] for t in self.texts]  # by rank, as pyoxigraph terms
        self.subject_terms = [term_of_text[t] for t in self.subject_texts]
        name_of = {number: convert.graph_name(store.terms[number]) for number in graphs}
        ranked_graphs = sorted(graphs, key=lambda number: str(store.terms[number]))
        self.graph_names = [name_of[number] for number in ranked_graphs]
        self.graph_texts = [graph_text(name) for name in self.graph_names]
        self.iris = iris_of([*term_of_text.values(), *self.graph_names])
        self.bits = bits = max(len(self.texts), 1).bit_length()
        self.graph_shift = 3 * bits + 1
        text_rank = {t: rank for rank, t in enumerate(self.texts)}
        subject_rank = {t: rank for rank, t in enumerate(self.subject_texts)}
        type_text = str(RDF_TYPE)
        # A statement's place is the sum of what its subject, predicate, object and graph add.
        size = len(store.terms)
        self.subject_part, self.predicate_part, self.object_part, self.graph_part = ([0] * size for _ in range(4))
        for number in terms:
            t = texts[number]
            if t in subject_rank:
                self.subject_part[number] = subject_rank[t] << (2 * bits + 1)
            self.predicate_part[number] = ((t != type_text) << (2 * bits)) | (text_rank[t] << bits)
            self.object_part[number] = text_rank[t]
        for rank, number in enumerate(ranked_graphs):
            self.graph_part[number] = rank << self.graph_shift

    @cached_property
    def quad_places(self) -> list[int]:
        """Every statement as its place: its graph's rank above its place among the union's."""
        subject_part, predicate_part, object_part, graph_part = (
            self.subject_part, self.predicate_part, self.object_part, self.graph_part)
        return sorted({subject_part[subject] | predicate_part[predicate] | object_part[obj] | graph_part[graph]
                       for subject, predicate, obj, graph in self.store.numbered_statements()})

    def graph_of(self, place: int) -> int:
        """The rank of a quad's graph (an index of `graph_names`)."""
        return place >> self.graph_shift

    @cached_property
    def triple_places(self) -> list[int]:
        """The union's statements, each once, as places in order."""
        mask = (1 << self.graph_shift) - 1
        return sorted({place & mask for place in self.quad_places})

    def triples(self) -> Iterator[ox.Triple]:
        """The union's triples, each once, in order, made one at a time."""
        subjects, terms = self.subject_terms, self.text_terms
        bits = self.bits
        mask = (1 << bits) - 1
        for place in self.triple_places:
            yield ox.Triple(subjects[(place >> (2 * bits + 1)) & mask], terms[(place >> bits) & mask],
                            terms[place & mask])

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, by graph name, then in the order of the triples, made one at a time."""
        subjects, terms, graphs = self.subject_terms, self.text_terms, self.graph_names
        bits, shift = self.bits, self.graph_shift
        mask = (1 << bits) - 1
        for place in self.quad_places:
            yield ox.Quad(subjects[(place >> (2 * bits + 1)) & mask], terms[(place >> bits) & mask],
                          terms[place & mask], graphs[place >> shift])

    def write_lines(self, path: Path, with_graphs: bool) -> None:
        """The triples as N-Triples (the quads as N-Quads, `with_graphs`) into
        `path`: what pyoxigraph writes of them, joined of each term's text in
        UTF-8, a block of lines at a time (the whole text of 100 copies of the
        seeds is a gigabyte)."""
        subjects = [f"{text} ".encode() for text in self.subject_texts]
        predicates = [f"{text} ".encode() for text in self.texts]
        objects = [text.encode() for text in self.texts]
        ends = [f"{name} .\n".encode() for name in self.graph_texts] if with_graphs else [b" .\n"]
        places = self.quad_places if with_graphs else self.triple_places
        bits, shift = self.bits, self.graph_shift
        mask = (1 << bits) - 1
        with open(path, "wb") as out:
            for start in range(0, len(places), LINES_A_BLOCK):
                pieces: list[bytes] = []
                put = pieces.append  # four pieces a line, appended: faster than formatting each line
                for place in places[start:start + LINES_A_BLOCK]:
                    put(subjects[(place >> (2 * bits + 1)) & mask])
                    put(predicates[(place >> bits) & mask])
                    put(objects[place & mask])
                    put(ends[place >> shift])  # a triple's place has no graph: 0
                out.write(b"".join(pieces))


def iris_of(terms) -> set[str]:
    """The IRIs among `terms` and their literals' datatypes (rdf:langString and xsd:string too: a
    Turtle writer binds their prefixes)."""
    return {term.value for term in terms if isinstance(term, ox.NamedNode)} | {
        term.datatype.value for term in terms if isinstance(term, ox.Literal)}


def graph_text(name) -> str:
    """What an N-Quads line says of its graph after the object: nothing for the default graph."""
    return "" if isinstance(name, ox.DefaultGraph) else f" {name}"
