"""rudof at work in a process of its own: `python -P rudof_worker.py` reads
jobs pickled on stdin, each (shapes as Turtle, data as N-Triples, ontology
as N-Triples), and answers each with a pickled ("report", N-Triples) or
("error", a RudofError's message) on stdout, until stdin ends.

It imports pyrudof and nothing of histkg, so it starts in a twentieth of a
second and holds only the part it validates (rdf.rudof says why it is not
a forked worker). It serves several jobs: rudof's first run in a process
costs more than the next ones.
"""

from __future__ import annotations

import pickle
import sys

import pyrudof


def rudof_report(shapes_turtle: str, data_ntriples: str, ontology_ntriples: str) -> str:
    """rudof's report on one part, as N-Triples."""
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_shacl(shapes_turtle, pyrudof.ShaclFormat.Turtle)
    rudof.read_data(data_ntriples, pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict)
    rudof.read_data(ontology_ntriples, pyrudof.RDFFormat.NTriples, merge=True)
    rudof.validate_shacl()
    return rudof.serialize_shacl_validation_results(pyrudof.ResultShaclValidationFormat.NTriples)


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
