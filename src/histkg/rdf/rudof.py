"""rudof, the Rust SHACL engine (`pyrudof`), run the way validation needs it.

Evidence (annotations, their targets and selectors) is three quarters of a
graph's triples, and every one of those nodes is written whole into the
graph of the document it annotates. So a Dataset is validated in parts, in
parallel processes: the evidence of each document (with the sources, which
its targets point to) against every shape, and the rest of the graph, with the
types of the annotations, against the shapes of everything but evidence. The
parts see all that each shape reads, so the findings are those of the whole
graph (a test compares them); each part is smaller, so less memory and time.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyrudof
from rdflib import Dataset, Graph
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
    held = statements_by_graph(data.store)
    if len(held) < 2:
        parts = [(shapes.serialize(format="turtle"), [s for triples in held for s in triples])]
    else:
        parts = split(data.store, held, shapes)

    def job(shape: str, statements: list) -> tuple[str, str, str]:
        return shape, text.lines(statements), ontology_text

    # Each part's text is made when a worker takes it, not all at once (600 MB for 100 copies of the seeds).
    texts = reports([partial(job, *part) for part in parts])
    report = Graph()
    for report_text in texts:  # each parse gives its blank nodes fresh names
        report.parse(data=report_text, format="nt")
    return report


class NumberedText:
    """The N-Triples text of a QuadStore's statements, each term's text made once."""

    def __init__(self, data: Graph | Dataset) -> None:
        store = data.store
        convert = store.converter
        terms, _ = store.numbers_used()
        self.texts = {number: str(convert(store.terms[number])) for number in terms}

    def lines(self, statements) -> str:
        texts = self.texts
        return "".join(f"{texts[s]} {texts[p]} {texts[o]} .\n" for s, p, o, *_ in statements)


def statements_by_graph(store: QuadStore) -> list[list[tuple[int, int, int]]]:
    """Each graph's statements, as numbers, the graphs (empty ones too) in the order they were added."""
    held: dict[int, list] = {graph: [] for graph in store.contexts_added}
    for subject, predicate, obj, graph in store.numbered_statements():
        held[graph].append((subject, predicate, obj))
    return list(held.values())


def reports(jobs: list[Callable[[], tuple[str, str, str]]]) -> list[str]:
    """rudof's report on each job (made when a worker takes it), by as many
    worker processes as there are cores (rudof holds the GIL while it works),
    each taking the next job when it is done. The workers are fresh
    interpreters (rdf.rudof_worker), not forks of the build: a fork counts
    the build's whole graph as its own (1.9 GB for each on ten copies of the
    seeds, where a worker needs a tenth of that), and a child forked where
    rudof had run can wait forever on a lock one of rudof's threads held."""
    answers: list = [None] * len(jobs)
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
                try:
                    pickle.dump(job(), worker.stdin)
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
    return texts


def split(store: QuadStore, held: list[list[tuple[int, int, int]]], shapes: Graph) -> list[tuple[str, list]]:
    """(shapes as Turtle, the statements) of each part: the rest of the
    graph first (the largest shape work), then each document's evidence.
    `held`: each graph's statements, as the store's numbers."""
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
    rest = [(node, rdf_type, annotation) for pairs in typed for node, cls in pairs if cls == annotation]
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
    # What every document's graph says of an entity is said once (a third of the rest on ten copies of the seeds).
    return [(without_evidence_targets(shapes).serialize(format="turtle"), list(dict.fromkeys(rest))),
            *[(all_shapes, part + sources) for _, part in sorted(parts.items())]]


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
