"""`make bench`: time each stage of a build of the seeds and print the figures."""

from __future__ import annotations

import resource
import sys
import tempfile
import time

from histkg.mentions.extract import build_nlp
from histkg.pipeline import build, extract_document
from histkg.text.corpus import load_corpus


def main(argv: list[str]) -> None:
    paths = argv or ["seeds"]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        result = build(paths, out)
    total = time.perf_counter() - start
    for stage, seconds in result.seconds.items():
        print(f"{stage:>10}: {seconds:7.3f} s")
        if stage == "export":  # each file; the first pays for the sorted quads and triples they share
            for name, file_seconds in result.export_seconds.items():
                print(f"{'':>12}{name:<22}{file_seconds:7.3f} s")
    print(f"{'total':>10}: {total:7.3f} s  ({len(result.dataset)} quads, conforms={result.conforms})")
    documents, nlp = load_corpus(paths), build_nlp()
    start = time.perf_counter()
    for document in documents:
        extract_document(document, nlp)
    print(f"extraction of {len(documents)} documents, model built: {time.perf_counter() - start:.3f} s (target < 3 s)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
