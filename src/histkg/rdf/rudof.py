"""rudof, the Rust SHACL engine (`pyrudof`), run the way validation needs it.

Evidence (annotations, their targets and selectors) is three quarters of a
graph's triples, and every one of those nodes is written whole into the
graph of the document it annotates. So a Dataset is validated in parts, in
parallel processes: the evidence of each document (with the sources, which
its targets point to) against every shape, and the rest of the graph against
the shapes of everything but evidence, itself in parts of a few thousand
nodes, each with what their shapes read of other nodes (rest_parts). The
parts see all that each shape reads, so the findings are those of the whole
graph (the shape tests run on parts of a node or two); each part is smaller,
so less memory and time. Within one build's validations (`remembered`), a
part repair did not touch is not validated again, nor is the graph split again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import threading
import zlib
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import pyrudof
from rdflib import BNode, Dataset, Graph
from rdflib.namespace import RDF, SH

from histkg.rdf.namespaces import HKG, OA
from histkg.rdf.oxterms import triples_to_ntriples
from histkg.rdf.quadstore import QuadStore, compact

EVIDENCE_CLASSES = (OA.Annotation, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector)
RudofError = pyrudof.RudofError
WORKER = Path(__file__).with_name("rudof_worker.py")


def rudof_validate(data: Graph | Dataset, shapes: Graph, ontology: Graph) -> Graph:
    """The report graph of `data` (a Dataset: its union) against `shapes`,
    with the ontology merged in (sh:class follows its subclasses)."""
    ontology_text = triples_to_ntriples(ontology)
    data = compact(data)
    text = NumberedText(data)
    memory = MEMORY if MEMORY is not None else Memory()
    parts = memory.parts(data.store, shapes)

    def task(shape: str, statements: list, focus: set | None) -> tuple[str, str, str, frozenset | None]:
        return shape, text.lines(statements), ontology_text, None if focus is None else text.of(focus)

    # Each part's text is made when a worker takes it, not all at once (600 MB for 100 copies of the seeds),
    # and not at all when rudof answered the same part last time.
    named = Digests(data.store, ontology_text)
    texts = reports([(named(*part), partial(task, *part)) for part in parts], memory.reports)
    report = Graph()
    for report_text in texts:  # each parse gives its blank nodes fresh names
        report.parse(data=report_text, format="nt")
    return report


class Memory:
    """What the validations of one build keep for the next (`remembered`):
    rudof's report on each part, by the part's digest, and the last split of
    the graph with the store's changes it was made at. Repair leaves
    statements out and validates again: the parts of the last split, less
    what was left out, are parts of what stays (leaving out adds nothing a
    shape must read), so the graph is not split again, and a part that lost
    nothing is answered from memory."""

    def __init__(self) -> None:
        self.reports: dict[bytes, str] = {}
        self.last: Split | None = None

    def parts(self, store: QuadStore, shapes: Graph) -> list[tuple[str, list, set | None]]:
        shapes_text, last = shapes.serialize(format="turtle"), self.last
        if last is not None and last.made_of(store, shapes_text):
            parts = without(last.parts, gone_since(store, last.removals))
        else:
            parts = split(store, statements_by_graph(store), shapes)
        self.last = Split(store.token, store.additions, len(store.removals), shapes_text, parts)
        return parts


class Split(NamedTuple):
    """The parts of a graph, and what they were made of: the store (its
    token), how many additions and removals it had seen, the shapes' text."""

    store: int
    additions: int
    removals: int
    shapes: str
    parts: list

    def made_of(self, store: QuadStore, shapes: str) -> bool:
        """Whether these parts were made of `store` with nothing added since, and of `shapes`."""
        return (self.store, self.additions, self.shapes) == (store.token, store.additions, shapes)


MEMORY: Memory | None = None  # set inside `remembered`: outside, a validation keeps nothing for the next


@contextmanager
def remembered() -> Iterator[None]:
    """The validations of one graph inside this block (a build's, and its
    repair's) remember for each other (Memory); what they remember goes at
    its end."""
    global MEMORY
    outer, MEMORY = MEMORY, Memory()
    try:
        yield
    finally:
        MEMORY = outer


def gone_since(store: QuadStore, seen: int) -> set[tuple[int, int, int]]:
    """The triples removed from `store` after its first `seen` removals that no graph holds now."""
    return {(subject, predicate, obj) for subject, predicate, obj, _ in store.removals[seen:]
            if not store.holds(subject, predicate, obj)}


def without(parts: list, gone: set) -> list:
    """`parts`, each less the triples in `gone` (the same part, where it has none)."""
    return [part if gone.isdisjoint(part[1]) else (part[0], [t for t in part[1] if t not in gone], part[2])
            for part in parts]


class NumberedText:
    """The N-Triples text of a QuadStore's statements, each term's text made once (QuadStore.ntriples)."""

    def __init__(self, data: Graph | Dataset) -> None:
        self.texts = data.store.ntriples

    def lines(self, statements) -> str:
        texts = self.texts
        return "".join(f"{texts[s]} {texts[p]} {texts[o]} .\n" for s, p, o, *_ in statements)

    def of(self, nodes) -> frozenset[str]:
        return frozenset(self.texts[node] for node in nodes)


def statements_by_graph(store: QuadStore) -> list[list[tuple[int, int, int]]]:
    """Each graph's statements, as numbers, the graphs (empty ones too) in the order they were added."""
    held: dict[int, list] = {graph: [] for graph in store.contexts_added}
    for subject, predicate, obj, graph in store.numbered_statements():
        held[graph].append((subject, predicate, obj))
    return list(held.values())


class Digests:
    """A part's name in Memory.reports: a digest of the store, the shapes, the
    ontology and the numbers of the part's statements and nodes (a number
    names one term for the store's life), worked out without its text."""

    def __init__(self, store: QuadStore, ontology: str) -> None:
        self.hashed = hashlib.blake2b(f"{store.token}\0{ontology}\0".encode(), digest_size=20)

    def __call__(self, shapes: str, statements: list, focus: set | None) -> bytes:
        hashed = self.hashed.copy()
        hashed.update(shapes.encode())
        hashed.update(b"\0%d\0" % len(statements))
        hashed.update(array("q", chain.from_iterable(statements)).tobytes())
        hashed.update(b"all" if focus is None else array("q", sorted(focus)).tobytes())
        return hashed.digest()


def reports(jobs: list[tuple[bytes, Callable[[], tuple[str, str, str, frozenset | None]]]],
            answered: dict[bytes, str]) -> list[str]:
    """rudof's report on each job (its digest, and what makes its text when a
    worker takes it), by as many worker processes as there are cores (rudof
    holds the GIL while it works), each taking the next job when it is done;
    what rudof answered last time comes from `answered`, which keeps this
    time's answers after. The workers are fresh
    interpreters (rdf.rudof_worker), not forks of the build: a fork counts
    the build's whole graph as its own (1.9 GB for each on ten copies of the
    seeds, where a worker needs a tenth of that), and a child forked where
    rudof had run can wait forever on a lock one of rudof's threads held."""
    answers: list = [None] * len(jobs)
    digests: list = [None] * len(jobs)
    queue = iter(enumerate(jobs))
    taking = threading.Lock()

    def work() -> None:
        with subprocess.Popen([sys.executable, "-P", str(WORKER)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE) as worker:
            while True:
                with taking:
                    index, job = next(queue, (None, None))
                if job is None:
                    break
                digests[index], make = job
                if digests[index] in answered:  # changed only once every job is answered
                    answers[index] = ("report", answered[digests[index]])
                    continue
                try:
                    pickle.dump(make(), worker.stdin)
                    worker.stdin.flush()
                    answers[index] = pickle.load(worker.stdout)
                except (EOFError, BrokenPipeError):
                    answers[index] = ("failed", f"rudof's worker ended with exit status {worker.wait()}")
                    return
            worker.stdin.close()

    threads = [threading.Thread(target=work) for _ in range(min(len(jobs), os.cpu_count() or 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    texts = []
    for answer in answers:
        kind, text = answer or ("failed", "rudof's worker ended early")
        if kind == "error":
            raise RudofError(text)
        if kind == "failed":
            raise RuntimeError(text)
        texts.append(text)
    answered.clear()
    answered.update(zip(digests, texts))
    return texts


def split(store: QuadStore, held: list[list[tuple[int, int, int]]],
          shapes: Graph) -> list[tuple[str, list, set | None]]:
    """(shapes as Turtle, the statements, the nodes whose results count or
    None for all) of each part: the rest of the graph first, in parts of its
    own (rest_parts), then each document's evidence. `held`: each graph's
    statements, as the store's numbers."""
    number = store.known
    rdf_type, source, annotation = number(RDF.type), number(HKG.Source), number(OA.Annotation)
    evidence_classes = {number(cls) for cls in EVIDENCE_CLASSES}
    typed = [[(s, o) for s, p, o in triples if p == rdf_type] for triples in held]
    evidence = {node for pairs in typed for node, cls in pairs if cls in evidence_classes}
    roots = evidence_roots(held, evidence, [number(link) for link in (OA.hasTarget, OA.hasSelector)])
    sources = []
    for triples, pairs in zip(held, typed):
        in_graph = {node for node, cls in pairs if cls == source}
        sources += [t for t in triples if t[0] in in_graph]
    # the rest's shapes read the annotations' class (hkg:evidence's sh:class) and target no annotation
    annotations = [(node, rdf_type, annotation) for pairs in typed for node, cls in pairs if cls == annotation]
    rest = []
    part_of_root: dict = {}  # an annotation's tree goes whole to the part of the first graph that holds some of it
    parts: dict[int, list] = {}
    for index, triples in enumerate(held):
        for triple in triples:
            subject = triple[0]
            if subject in evidence:
                part = part_of_root.setdefault(roots.get(subject, subject), index)
                parts.setdefault(part, []).append(triple)
            else:
                rest.append(triple)
    if None in part_of_root:  # nodes the trees share: no split
        parts = {0: [triple for part in parts.values() for triple in part]}
    all_shapes = shapes.serialize(format="turtle")
    rest_shapes = without_evidence_targets(shapes)
    # What every document's graph says of an entity is said once (a third of the rest on ten copies of the seeds).
    rest = list(dict.fromkeys(rest))
    rest_text = rest_shapes.serialize(format="turtle")
    return [*[(rest_text, *part) for part in rest_parts(store, rest, annotations, rest_shapes)],
            *[(all_shapes, part + sources, None) for _, part in sorted(parts.items())]]


PART_STATEMENTS = 20_000  # about so many statements of its own nodes in each part of the rest of the graph
# What the shapes read of a node that is not theirs, besides the statements their
# inverse paths follow: its classes (sh:class) and, for the SPARQL constraints, the
# claims about it (hkg:subject) and their sources' files (hkg:source/hkg:file).
READ_OF_VALUES = (RDF.type, HKG.file)
ABOUT = HKG.subject


def rest_parts(store: QuadStore, rest: list[tuple[int, int, int]], read: list[tuple[int, int, int]],
               shapes: Graph) -> list[tuple[list, set | None]]:
    """(statements, the part's own nodes) of each part of the rest of the
    graph (entities, events, claims; `read`: statements of nodes no shape
    here targets, the annotations' classes). rudof's time on one part grows
    faster than the part (its SPARQL constraints look through every claim
    for each event): 11 s for the 226,000 statements of thirty copies of the
    seeds, 6 s in parts of 20,000.

    Each node goes, with the claims about it, to the part its IRI's checksum
    picks, so that a part nothing changed in has the same text in the next
    round of repair. A part holds too what its nodes' shapes read of other
    nodes; rudof's results count for its own nodes only."""
    own, known = by_subject(rest), by_subject(read)
    count = -(-len(rest) // PART_STATEMENTS)
    if count < 2 or whole_graph_targets(shapes) or any(isinstance(store.terms[node], BNode) for node in own):
        return [(list(dict.fromkeys(rest + read)), None)]  # a blank node has no name to tell its results by
    known.update(own)
    inverse = {store.known(path) for path in shapes.objects(None, SH.inversePath)}
    pointing: dict[int, list] = {}  # node -> the statements that point to it along an inverse path
    for triple in rest:
        if triple[1] in inverse:
            pointing.setdefault(triple[2], []).append(triple)
    about = store.known(ABOUT)
    claims_about: dict[int, list[int]] = {}  # claim -> the nodes it is about
    for subject, predicate, obj in rest:
        if predicate == about and obj in own:
            claims_about.setdefault(subject, []).append(obj)
    members: list[list[int]] = [[] for _ in range(count)]
    for node in own:
        home = claims_about[node][0] if node in claims_about else node
        members[zlib.crc32(str(store.terms[home]).encode()) % count].append(node)
    also: dict[int, list] = {}  # node -> the claims about it that went to another node's part
    for claim, nodes in claims_about.items():
        for node in nodes[1:]:
            also.setdefault(node, []).append(claim)
    reads = {store.known(term) for term in READ_OF_VALUES}
    parts = []
    for nodes in filter(None, members):
        focus = set(nodes)
        statements = [triple for node in nodes for triple in own[node]]
        beside = [triple for node in nodes for claim in also.get(node, ()) for triple in own[claim]]
        beside += [triple for node in nodes for triple in pointing.get(node, ())]
        others = {obj for *_, obj in statements + beside} | {subject for subject, *_ in beside}
        beside += [triple for node in others - focus for triple in known.get(node, ()) if triple[1] in reads]
        parts.append((statements + list(dict.fromkeys(beside)), focus))
    return parts


def by_subject(statements: list[tuple[int, int, int]]) -> dict[int, list]:
    held: dict[int, list] = {}
    for triple in statements:
        held.setdefault(triple[0], []).append(triple)
    return held


def whole_graph_targets(shapes: Graph) -> bool:
    """Whether a shape targets nodes by what points to them or by name, which a part cannot tell."""
    return any(True for target in (SH.targetObjectsOf, SH.targetNode) for _ in shapes.triples((None, target, None)))


def evidence_roots(held: list[list], evidence: set, links: list) -> dict:
    """Each target and selector -> the annotation whose tree it is in (a
    target -> itself when no annotation has it); None for a node two trees
    share. `held`: each graph's statements; `links`: hasTarget, hasSelector."""
    roots: dict = {}
    for link in links:
        for triples in held:
            for parent, predicate, child in triples:
                if predicate == link and parent in evidence and child in evidence:
                    root = roots.get(parent, parent)
                    roots[child] = root if roots.get(child, root) == root else None
    return roots


def without_evidence_targets(shapes: Graph) -> Graph:
    """The shapes, none of them aimed at evidence (those nodes are not all there)."""
    kept = Graph()
    kept += shapes
    for cls in EVIDENCE_CLASSES:
        kept.remove((None, SH.targetClass, cls))
    return kept
