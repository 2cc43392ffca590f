"""A graph's statements in the order the writers give them, worked out on
numbers: the same graph always gives the same bytes.

The order: subjects together, in the order of their IRIs; a subject's
rdf:type first (Turtle's `a`), then by predicate and object, each compared as
N-Triples writes it. A quad file takes its graphs in the order of their
names, each graph's statements in that order. Sorting the statements as
text (a million N-Triples lines for ten copies of the seeds) took seconds;
here each distinct term's text is sorted once, and the statements are
columns of their terms' ranks (numpy arrays, four bytes a term), sorted
together. N-Triples and N-Quads are written of each term's text (what
pyoxigraph writes of them), Turtle and TriG of each term's Turtle text (what
pyoxigraph's Turtle writer makes of it, read once per term), JSON-LD of each
term's JSON; no list of a million pyoxigraph objects, nor the whole text of
a file, is ever held.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyoxigraph as ox
from rdflib.namespace import RDF

from histkg.rdf.quadstore import QuadStore

RDF_TYPE = ox.NamedNode(str(RDF.type))
LINES_A_BLOCK = 65536
# The statements pyoxigraph writes to give the Turtle text of terms (turtle_texts):
# one subject, two predicates in turn, so that each term ends a line of its own.
RENDER_SUBJECT = ox.NamedNode("urn:histkg:render")
RENDER_PREDICATES = (ox.NamedNode("urn:histkg:p0"), ox.NamedNode("urn:histkg:p1"))


class Columns(NamedTuple):
    """Statements in the writers' order, a column of ranks for each place:
    the subject's in `subject_texts`, the predicate's and the object's in
    `texts`, the graph's in `graph_names` (none for triples)."""

    subjects: np.ndarray
    predicates: np.ndarray
    objects: np.ndarray
    graphs: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.subjects)

    def rows(self, start: int, end: int) -> Columns:
        return Columns(*(None if column is None else column[start:end] for column in self))


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
        text_rank = {t: rank for rank, t in enumerate(self.texts)}
        self.subject_text_ranks = [text_rank[t] for t in self.subject_texts]
        self.type_rank = text_rank.get(str(RDF_TYPE), -1)
        # each store number's rank as a subject, as a predicate or object, as a graph (-1: none)
        subject_rank, rank, graph_rank = ([-1] * len(store.terms) for _ in range(3))
        for number in terms:
            rank[number] = text_rank[texts[number]]
        subject_index = {t: index for index, t in enumerate(self.subject_texts)}
        for number in store.by_subject:
            subject_rank[number] = subject_index[texts[number]]
        for index, number in enumerate(ranked_graphs):
            graph_rank[number] = index
        self.subject_rank, self.rank, self.graph_rank = (np.array(ranks, dtype=np.int32)
                                                         for ranks in (subject_rank, rank, graph_rank))

    @cached_property
    def quad_columns(self) -> Columns:
        """Every quad, by graph, then in the order of the triples."""
        store = self.store
        count = sum(len(held) for held in store.by_subject.values())
        numbers = np.fromiter(chain.from_iterable(store.numbered_statements()), dtype=np.int64,
                              count=4 * count).reshape(-1, 4)
        return self.in_order(Columns(self.subject_rank[numbers[:, 0]], self.rank[numbers[:, 1]],
                                     self.rank[numbers[:, 2]], self.graph_rank[numbers[:, 3]]))

    @cached_property
    def triple_columns(self) -> Columns:
        """The union's triples, each once, in order."""
        quads = self.quad_columns
        return self.in_order(Columns(quads.subjects, quads.predicates, quads.objects))

    def in_order(self, columns: Columns) -> Columns:
        """`columns` sorted (by graph, subject, rdf:type first, predicate, object), each statement once."""
        keys = [columns.objects, columns.predicates, columns.predicates != self.type_rank, columns.subjects]
        if columns.graphs is not None:
            keys.append(columns.graphs)
        order = np.lexsort(keys)
        columns = Columns(*(None if column is None else column[order] for column in columns))
        # a row the same as the one before: two terms pyoxigraph writes alike make one statement
        repeated = np.zeros(len(columns), dtype=bool)
        repeated[1:] = True
        for column in columns:
            if column is not None:
                repeated[1:] &= column[1:] == column[:-1]
        return Columns(*(None if column is None else column[~repeated] for column in columns))

    def graph_rows(self) -> Iterator[tuple[int, Columns]]:
        """(rank in `graph_names`, its quads) of each graph."""
        quads = self.quad_columns
        ends = np.searchsorted(quads.graphs, np.arange(len(self.graph_names)), side="right").tolist()
        for rank, (start, end) in enumerate(zip([0, *ends], ends)):
            yield rank, quads.rows(start, end)

    def triples(self) -> Iterator[ox.Triple]:
        """The union's triples, each once, in order, made one at a time."""
        subjects, terms = self.subject_terms, self.text_terms
        for subject, predicate, obj in zip(*(column.tolist() for column in self.triple_columns[:3])):
            yield ox.Triple(subjects[subject], terms[predicate], terms[obj])

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, by graph name, then in the order of the triples, made one at a time."""
        subjects, terms, graphs = self.subject_terms, self.text_terms, self.graph_names
        for subject, predicate, obj, graph in zip(*(column.tolist() for column in self.quad_columns)):
            yield ox.Quad(subjects[subject], terms[predicate], terms[obj], graphs[graph])

    def write_lines(self, path: Path, with_graphs: bool) -> None:
        """The triples as N-Triples (the quads as N-Quads, `with_graphs`) into
        `path`: what pyoxigraph writes of them, joined of each term's text in
        UTF-8, a block of lines at a time (the whole text of 100 copies of the
        seeds is a gigabyte)."""
        predicates = pieces_of(f"{text} ".encode() for text in self.texts)
        subjects = predicates[self.subject_text_ranks]  # the same bytes, by the subjects' order
        objects = pieces_of(text.encode() for text in self.texts)
        ends = pieces_of(f"{name} .\n".encode() for name in self.graph_texts)
        statements = self.quad_columns if with_graphs else self.triple_columns
        with open(path, "wb") as out:
            for start in range(0, len(statements), LINES_A_BLOCK):
                rows = statements.rows(start, start + LINES_A_BLOCK)
                pieces = np.empty(4 * len(rows), dtype=object)  # four pieces a line, joined once
                pieces[0::4] = subjects[rows.subjects]
                pieces[1::4] = predicates[rows.predicates]
                pieces[2::4] = objects[rows.objects]
                pieces[3::4] = b" .\n" if rows.graphs is None else ends[rows.graphs]
                out.write(b"".join(pieces.tolist()))

    def readable(self, prefixes: dict[str, str]) -> ReadableTexts:
        """What the Turtle and TriG writers write of each term with `prefixes`."""
        named = [name for name in self.graph_names if not isinstance(name, ox.DefaultGraph)]
        texts = turtle_texts([*self.text_terms, *named], prefixes)
        terms = pieces_of(f"{text} ".encode() for text in texts[:len(self.text_terms)])
        graph_texts = iter(texts[len(self.text_terms):])
        predicates = terms.copy()
        if self.type_rank >= 0:
            predicates[self.type_rank] = b"a "
        lines = sorted(f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in prefixes.items())
        return ReadableTexts(
            header="\n".join(lines).encode() + b"\n\n" if lines else b"\n",
            subjects=terms[self.subject_text_ranks], predicates=predicates,
            objects=pieces_of(text.encode() for text in texts[:len(self.text_terms)]),
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
                if len(self.triple_columns):
                    write_subjects(out, texts, self.triple_columns, b" .\n\n", b" ;\n\t")
                    out.write(b" .\n")
                return
            for rank, rows in self.graph_rows():
                opening = texts.graphs[rank]
                if opening is None:  # the default graph
                    write_subjects(out, texts, rows, b" .\n", b" ;\n\t")
                    out.write(b" .\n")
                else:
                    out.write(opening)
                    write_subjects(out, texts, rows, b" .\n\n\t", b" ;\n\t\t")
                    out.write(b" .\n}\n")


def write_subjects(out, texts: ReadableTexts, statements: Columns, between_subjects: bytes,
                   between_predicates: bytes) -> None:
    """`statements` (one graph's), each subject's together, a block at a
    time: each statement's object after what comes before it (the subject and
    the predicate when the subject is new, the predicate when only it is new,
    ` , ` when neither is); what ends the last is the caller's to write."""
    subjects, predicates = statements.subjects, statements.predicates
    new_subject = np.ones(len(statements), dtype=bool)
    new_subject[1:] = subjects[1:] != subjects[:-1]
    new_predicate = new_subject.copy()
    new_predicate[1:] |= predicates[1:] != predicates[:-1]
    leads = np.array([b" , ", between_predicates, between_subjects], dtype=object)
    lead_of = new_subject.astype(np.int8) + new_predicate
    for start in range(0, len(statements), LINES_A_BLOCK):
        end = start + LINES_A_BLOCK
        rows = statements.rows(start, end)
        subject_pieces, predicate_pieces = texts.subjects[rows.subjects], texts.predicates[rows.predicates]
        subject_pieces[~new_subject[start:end]] = b""
        predicate_pieces[~new_predicate[start:end]] = b""
        pieces = np.empty(4 * len(rows), dtype=object)
        pieces[0::4] = leads[lead_of[start:end]]
        pieces[1::4] = subject_pieces
        pieces[2::4] = predicate_pieces
        pieces[3::4] = texts.objects[rows.objects]
        if start == 0:
            pieces[0] = b""  # nothing comes between the graph's opening and its first subject
        out.write(b"".join(pieces.tolist()))


def pieces_of(texts) -> np.ndarray:
    """Byte strings as an array, to be picked by arrays of ranks."""
    texts = list(texts)
    pieces = np.empty(len(texts), dtype=object)
    pieces[:] = texts
    return pieces


class ReadableTexts(NamedTuple):
    """The bytes Turtle and TriG are written of: each term's Turtle text (and
    a space after it as a subject or predicate), by rank; each graph's
    opening, None for the default graph's (no braces)."""

    header: bytes
    subjects: np.ndarray
    predicates: np.ndarray
    objects: np.ndarray
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
