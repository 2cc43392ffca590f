"""Extraction of a corpus: one document after another, in a pool of processes,
or on a Dask cluster; with an `ExtractionCache`, only the documents it does not hold.

Every way gives the same extractions in the document order, so the graph built
from them is the same. A worker builds the spaCy pipeline once, not once per
document: forked workers inherit the one built before the fork, others build
it as they start, Dask workers on their first document (`build_nlp` is cached).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed

from spacy.language import Language

from histkg.facts.cache import ExtractionCache, fingerprint
from histkg.facts.collect import with_facts
from histkg.mentions.extract import Extraction, build_nlp, extract
from histkg.text.corpus import Document

EXECUTORS = ("processes", "dask")
SCHEDULER_TIMEOUT = "10s"  # how long to wait for a Dask scheduler that does not answer


class ExecutorError(Exception):
    """A cluster that cannot be reached, or a package it needs that is missing."""


def extract_document(document: Document, nlp: Language | None = None) -> Extraction:
    """A document's mentions, then the facts its sentences state: the
    per-document part of the build, the one that can run in parallel."""
    return with_facts(extract(document, nlp))


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def extract_all(documents: Sequence[Document], *, workers: int = 1, executor: str = "processes",
                scheduler: str | None = None, cache: ExtractionCache | None = None,
                done: Callable[[Document, bool], None] = lambda document, cached: None) -> list[Extraction]:
    """The extractions of `documents`, in their order. `done(document, cached)`
    is called as each is ready; the cache (if any) learns the new ones."""
    found: dict[int, Extraction] = {}
    for index, document in enumerate(documents):
        extraction = cache.get(document) if cache is not None else None
        if extraction is not None:
            found[index] = extraction
            done(document, True)
    missing = [index for index in range(len(documents)) if index not in found]
    for position, extraction in run([documents[i] for i in missing], workers, executor, scheduler):
        document = documents[missing[position]]
        found[missing[position]] = extraction
        if cache is not None:
            cache.put(document, extraction)
        done(document, False)
    return [found[index] for index in range(len(documents))]


def run(documents: list[Document], workers: int, executor: str,
        scheduler: str | None) -> Iterator[tuple[int, Extraction]]:
    """(position in `documents`, extraction), in the order they finish."""
    if not documents:
        return iter(())
    if executor == "dask":
        return on_dask(documents, workers, scheduler)
    if executor != "processes":
        raise ExecutorError(f"unknown executor {executor!r}: one of {', '.join(EXECUTORS)}")
    if workers > 1 and len(documents) > 1:
        return in_processes(documents, workers)
    return one_by_one(documents)


def one_by_one(documents: list[Document]) -> Iterator[tuple[int, Extraction]]:
    nlp = build_nlp()
    for position, document in enumerate(documents):
        yield position, extract_document(document, nlp)


def in_processes(documents: list[Document], workers: int) -> Iterator[tuple[int, Extraction]]:
    """A pool of processes (`pool_context`), the longest documents first (the
    last to finish is then a short one)."""
    context = pool_context()
    if context.get_start_method() == "fork":
        build_nlp()  # once, here: every worker inherits it
    longest_first = sorted(range(len(documents)), key=lambda i: -len(documents[i].text))
    with ProcessPoolExecutor(min(workers, len(documents)), mp_context=context, initializer=build_nlp) as pool:
        futures = {pool.submit(extract_document, documents[i]): i for i in longest_first}
        for future in as_completed(futures):
            yield futures[future], future.result()


def pool_context():
    """How workers start. Forked, where the process runs no other thread:
    they start at once with the pipeline built. Beside other threads (a
    queue's feeder, a Dask client's loop) a fork can copy a lock one of them
    holds, and the worker waits on it forever: then from a fork server, a
    fresh process with histkg imported, so each worker only builds its
    pipeline. Spawned elsewhere than on Linux (macOS's system libraries are
    not safe to fork; Windows cannot)."""
    if sys.platform != "linux":
        return multiprocessing.get_context("spawn")
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def on_dask(documents: list[Document], workers: int, scheduler: str | None) -> Iterator[tuple[int, Extraction]]:
    """A Dask cluster: the one at `scheduler`, or a local one of `workers`
    processes. Its workers must run the same histkg (code and ontology): the
    cache and the graph would otherwise mix two versions' extractions."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorError("--executor dask needs dask.distributed: pip install 'dask[distributed]'") from None
    if scheduler is None:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield from dask_map(client, documents)
        return
    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:
        check_same_histkg(client)
        yield from dask_map(client, documents)


def dask_map(client, documents: list[Document]) -> Iterator[tuple[int, Extraction]]:
    from dask.distributed import as_completed

    futures = client.map(extract_document, documents, pure=False)
    position = {future.key: i for i, future in enumerate(futures)}
    for future in as_completed(futures):
        yield position[future.key], future.result()


def check_same_histkg(client) -> None:
    theirs = {worker: value for worker, value in client.run(fingerprint).items() if value != fingerprint()}
    if theirs:
        raise ExecutorError(f"the Dask workers {', '.join(sorted(theirs))} run another histkg (code or ontology "
                            "differ from this machine's): install the same version on every machine")
