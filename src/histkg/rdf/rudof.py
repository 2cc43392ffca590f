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
from pathlib import Path

import pyoxigraph as ox
import pyrudof
from rdflib import Dataset, Graph
from rdflib.namespace import RDF, SH

from histkg.rdf.namespaces import HKG, OA
from histkg.rdf.oxterms import OxGraphs, ntriples_of, triples_to_ntriples

EVIDENCE_CLASSES = (OA.Annotation, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector)
RudofError = pyrudof.RudofError
WORKER = Path(__file__).with_name("rudof_worker.py")


def rudof_validate(data: Graph | Dataset, shapes: Graph, ontology: Graph, graphs: OxGraphs | None = None) -> Graph:
    """The report graph of `data` (a Dataset: its union) against `shapes`,
    with the ontology merged in (sh:class follows its subclasses). `graphs`:
    `data` converted already (rdf.oxterms.OxGraphs), when the caller has it."""
    ontology_text = triples_to_ntriples(ontology)
    held = list((graphs or OxGraphs(data)).graphs.values())
    if len(held) < 2:
        parts = [(shapes.serialize(format="turtle"), ntriples_of([t for triples in held for t in triples]))]
    else:
        parts = split(held, shapes)
    texts = reports([(shape, text, ontology_text) for shape, text in parts])
    report = Graph()
    for text in texts:  # each parse gives its blank nodes fresh names
        report.parse(data=text, format="nt")
    return report


def reports(jobs: list[tuple[str, str, str]]) -> list[str]:
    """rudof's report on each job, by as many worker processes as there are
    cores (rudof holds the GIL while it works), each taking the next job
    when it is done. The workers are fresh interpreters (rdf.rudof_worker),
    not forks of the build: a fork counts the build's whole graph as its own
    (1.9 GB for each on ten copies of the seeds, where a worker needs a
    tenth of that), and a child forked where rudof had run can wait forever
    on a lock one of rudof's threads held."""
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
                    pickle.dump(job, worker.stdin)
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


OX_TYPE, OX_SOURCE, OX_ANNOTATION = (ox.NamedNode(str(iri)) for iri in (RDF.type, HKG.Source, OA.Annotation))
OX_EVIDENCE_CLASSES = {ox.NamedNode(str(cls)) for cls in EVIDENCE_CLASSES}
OX_TREE_LINKS = (ox.NamedNode(str(OA.hasTarget)), ox.NamedNode(str(OA.hasSelector)))


def split(held: list[list[ox.Triple]], shapes: Graph) -> list[tuple[str, str]]:
    """(shapes as Turtle, data as N-Triples) for each part: the rest of the
    graph first (the largest shape work), then each document's evidence.
    `held`: each graph's triples, as pyoxigraph terms (rdf.oxterms.OxGraphs)."""
    typed = [[(s, o) for s, p, o in triples if p == OX_TYPE] for triples in held]
    evidence = {node for pairs in typed for node, cls in pairs if cls in OX_EVIDENCE_CLASSES}
    roots = evidence_roots(held, evidence)
    sources = []
    for triples, pairs in zip(held, typed):
        in_graph = {node for node, cls in pairs if cls == OX_SOURCE}
        sources += [t for t in triples if t.subject in in_graph]
    rest = [ox.Triple(node, OX_TYPE, OX_ANNOTATION) for pairs in typed for node, cls in pairs if cls == OX_ANNOTATION]
    part_of_root: dict = {}  # an annotation's tree goes whole to the part of the first graph that holds some of it
    parts: dict[int, list] = {}
    for index, triples in enumerate(held):
        for triple in triples:
            subject = triple.subject
            if subject in evidence:
                part = part_of_root.setdefault(roots.get(subject, subject), index)
                parts.setdefault(part, []).append(triple)
            else:
                rest.append(triple)
    if None in part_of_root:  # nodes the trees share: no split
        parts = {0: [triple for part in parts.values() for triple in part]}
    all_shapes = shapes.serialize(format="turtle")
    return [(without_evidence_targets(shapes).serialize(format="turtle"), ntriples_of(rest)),
            *[(all_shapes, ntriples_of(part + sources)) for _, part in sorted(parts.items())]]


def evidence_roots(held: list[list], evidence: set) -> dict:
    """Each target and selector -> the annotation whose tree it is in (a
    target -> itself when no annotation has it); None for a node two trees
    share. `held`: each graph's triples."""
    roots: dict = {}
    for link in OX_TREE_LINKS:
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
