"""A graph's statements in the order the writers give them, worked out on
numbers: the same graph always gives the same bytes.

The order: subjects together, in the order of their IRIs; a subject's
rdf:type first (Turtle's `a`), then by predicate and object, each compared as
N-Triples writes it. A quad file takes its graphs in the order of their
names, each graph's statements in that order. Sorting the statements as
text (a million N-Triples lines for ten copies of the seeds) took seconds;
here each distinct term's text is sorted once, and a statement's place is
one integer packed of its terms' ranks. N-Triples and N-Quads are written
as text of each term's text (what pyoxigraph writes of them), Turtle and TriG
of each term's Turtle text (what pyoxigraph's Turtle writer makes of it, read
once per term), and JSON-LD reads the places; no list of a million pyoxigraph
objects, nor the whole text of a file, is ever held.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib.namespace import RDF

from histkg.rdf.quadstore import QuadStore

RDF_TYPE = ox.NamedNode(str(RDF.type))
LINES_A_BLOCK = 65536
# The statements pyoxigraph writes to give the Turtle text of terms (turtle_texts):
# one subject, two predicates in turn, so that each term ends a line of its own.
RENDER_SUBJECT = ox.NamedNode("urn:histkg:render")
RENDER_PREDICATES = (ox.NamedNode("urn:histkg:p0"), ox.NamedNode("urn:histkg:p1"))


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
        self.subject_text_ranks = [text_rank[t] for t in self.subject_texts]
        type_text = str(RDF_TYPE)
        self.type_rank = text_rank.get(type_text)
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

    def readable(self, prefixes: dict[str, str]) -> ReadableTexts:
        """What the Turtle and TriG writers write of each term with `prefixes`."""
        named = [name for name in self.graph_names if not isinstance(name, ox.DefaultGraph)]
        texts = turtle_texts([*self.text_terms, *named], prefixes)
        terms = [f"{text} ".encode() for text in texts[:len(self.text_terms)]]
        graph_texts = iter(texts[len(self.text_terms):])
        predicates = list(terms)
        if self.type_rank is not None:
            predicates[self.type_rank] = b"a "
        lines = sorted(f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in prefixes.items())
        return ReadableTexts(
            header="\n".join(lines).encode() + b"\n\n" if lines else b"\n",
            subjects=[terms[rank] for rank in self.subject_text_ranks], predicates=predicates,
            objects=[text.encode() for text in texts[:len(self.text_terms)]],
            graphs=[None if isinstance(name, ox.DefaultGraph) else f"{next(graph_texts)} {{\n\t".encode()
                    for name in self.graph_names])

    def write_readable(self, path: Path, texts: ReadableTexts, with_graphs: bool) -> None:
        """The triples as Turtle (the quads as TriG, `with_graphs`) into `path`,
        laid out as pyoxigraph lays them out (a subject's predicates after ` ;`,
        a predicate's objects after ` ,`, rdf:type as `a`), with the @prefix
        lines sorted and a blank line before each subject but a graph's first
        (the default graph's subjects in TriG stand at the left, one a line)."""
        with open(path, "wb") as out:
            out.write(texts.header)
            if not with_graphs:
                if self.triple_places:
                    self.write_subjects(out, texts, self.triple_places, b" .\n\n", b" ;\n\t")
                    out.write(b" .\n")
                return
            places = self.quad_places
            for rank, opening in enumerate(texts.graphs):
                start = bisect_left(places, rank << self.graph_shift)
                end = bisect_left(places, (rank + 1) << self.graph_shift, start)
                if opening is None:  # the default graph
                    self.write_subjects(out, texts, places[start:end], b" .\n", b" ;\n\t")
                    out.write(b" .\n")
                else:
                    out.write(opening)
                    self.write_subjects(out, texts, places[start:end], b" .\n\n\t", b" ;\n\t\t")
                    out.write(b" .\n}\n")

    def write_subjects(self, out, texts: ReadableTexts, places: list[int], between_subjects: bytes,
                       between_predicates: bytes) -> None:
        """The statements of `places` (one graph's), each subject's together, a block at a time;
        what ends the last is the caller's to write."""
        subjects, predicates, objects = texts.subjects, texts.predicates, texts.objects
        bits = self.bits
        mask = (1 << bits) - 1
        last_subject = last_pair = -1
        for start in range(0, len(places), LINES_A_BLOCK):
            pieces: list[bytes] = []
            put = pieces.append
            for place in places[start:start + LINES_A_BLOCK]:
                pair = place >> bits  # the subject's rank above the predicate's
                if pair != last_pair:
                    if pair >> (bits + 1) != last_subject:
                        last_subject = pair >> (bits + 1)
                        put(between_subjects)
                        put(subjects[last_subject & mask])
                    else:
                        put(between_predicates)
                    put(predicates[pair & mask])
                    last_pair = pair
                else:
                    put(b" , ")
                put(objects[place & mask])
            if start == 0:
                pieces[0] = b""  # nothing comes between the graph's opening and its first subject
            out.write(b"".join(pieces))


class ReadableTexts(NamedTuple):
    """The bytes Turtle and TriG are written of: each term's Turtle text (and
    a space after it as a subject or predicate), by rank; each graph's
    opening, None for the default graph's (no braces)."""

    header: bytes
    subjects: list[bytes]
    predicates: list[bytes]
    objects: list[bytes]
    graphs: list[bytes | None]


def turtle_texts(terms: list, prefixes: dict[str, str]) -> list[str]:
    """Each term as pyoxigraph's Turtle writer writes it with `prefixes` (a
    prefixed name where one fits, `5` for "5"^^xsd:integer, escapes): read
    from its text of a statement per term, a block at a time. The predicates
    alternate, so each term ends a line (pyoxigraph escapes newlines in
    literals), after the same number of characters."""
    texts: list[str] = []
    subject, predicates = RENDER_SUBJECT, RENDER_PREDICATES
    first, lead = len(f"{subject} {predicates[0]} "), len(f"\t{predicates[1]} ")
    for start in range(0, len(terms), LINES_A_BLOCK):
        statements = [ox.Triple(subject, predicates[index & 1], term)
                      for index, term in enumerate(terms[start:start + LINES_A_BLOCK])]
        text = ox.serialize(statements, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode()
        lines = text[text.index(f"{subject} "):].split("\n")[:-1]  # past the @prefix lines
        texts.append(lines[0][first:-2])  # each line ends " ;", the last " ."
        texts.extend(line[lead:-2] for line in lines[1:])
    return texts


def iris_of(terms) -> set[str]:
    """The IRIs among `terms` and their literals' datatypes (rdf:langString and xsd:string too: a
    Turtle writer binds their prefixes)."""
    return {term.value for term in terms if isinstance(term, ox.NamedNode)} | {
        term.datatype.value for term in terms if isinstance(term, ox.Literal)}


def graph_text(name) -> str:
    """What an N-Quads line says of its graph after the object: nothing for the default graph."""
    return "" if isinstance(name, ox.DefaultGraph) else f" {name}"
