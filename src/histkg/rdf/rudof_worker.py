"""rudof at work in a process of its own: `python -P rudof_worker.py` reads
jobs pickled on stdin, each (shapes as Turtle, data as N-Triples, ontology
as N-Triples, the nodes whose results count or None for all), and answers
each with a pickled ("report", N-Triples) or ("error", a RudofError's
message) on stdout, until stdin ends.

It imports pyrudof and nothing of histkg, so it starts in a twentieth of a
second and holds only the part it validates (rdf.rudof says why it is not
a forked worker). It serves several jobs: rudof's first run in a process
costs more than the next ones.
"""

from __future__ import annotations

import pickle
import sys

import pyrudof

FOCUS_NODE = "<http://www.w3.org/ns/shacl#focusNode>"


def rudof_report(shapes_turtle: str, data_ntriples: str, ontology_ntriples: str, focus: set[str] | None = None) -> str:
    """rudof's report on one part, as N-Triples; with `focus` (nodes as
    N-Triples terms), only the results about those nodes."""
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_shacl(shapes_turtle, pyrudof.ShaclFormat.Turtle)
    rudof.read_data(data_ntriples, pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict)
    rudof.read_data(ontology_ntriples, pyrudof.RDFFormat.NTriples, merge=True)
    rudof.validate_shacl()
    report = rudof.serialize_shacl_validation_results(pyrudof.ResultShaclValidationFormat.NTriples)
    return report if focus is None else results_about(report, focus)


def results_about(report: str, focus: set[str]) -> str:
    """The lines of an N-Triples report that do not belong to a result about a
    node outside `focus`: a part's other nodes are there to be read, and what
    rudof finds of them, seeing them only in part, is not to be reported."""
    triples = [line.rstrip()[:-1].rstrip().split(" ", 2) for line in report.splitlines() if line.strip()]
    left_out = {subject for subject, predicate, obj in triples if predicate == FOCUS_NODE and obj not in focus}
    below: dict[str, list[str]] = {}
    for subject, _, obj in triples:
        if obj.startswith("_:"):
            below.setdefault(subject, []).append(obj)
    reached = {subject for subject, *_ in triples} - {obj for *_, obj in triples}  # the report's root
    stack = list(reached)
    while stack:  # what the root reaches, but through a result left out
        for child in below.get(stack.pop(), ()):
            if child not in reached and child not in left_out:
                reached.add(child)
                stack.append(child)
    return "".join(f"{subject} {predicate} {obj} .\n" for subject, predicate, obj in triples if subject in reached)


def serve(jobs, answers) -> None:
    while True:
        try:
            job = pickle.load(jobs)
        except EOFError:
            return
        try:
            answer = ("report", rudof_report(*job))
        except pyrudof.RudofError as error:
            answer = ("error", str(error))
        pickle.dump(answer, answers)
        answers.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
