"""`make bench`: how fast a build is, and how that compares with peers measured
in the same run on the same data.

Two corpora: the seeds, and COPIES copies of them with their paragraphs
shuffled (so no two documents are alike), generated in a temporary folder,
never committed. Each build runs in a process of its own (so its peak memory
is its own), under a time and a memory budget: a build past either is stopped
and the bench reports the stages it finished. Per stage: seconds, tokens/s or
quads/s; the peak resident memory of the build and its workers together; the
CPU the worker processes of extraction and of validation (rudof's) used.

Peers: extraction against spaCy's bare Turkish tokenizer (`spacy.blank("tr")`)
on the same texts (one tokenizer for all, and a new one for each text); each
RDF writer against pyoxigraph serialising the same quads; validation against
the other SHACL engine (`rdf.validate.ENGINES`) on the same graph. The seeds
are also rebuilt after one file changes, to show that the cache extracts only
that file. The figures go to `bench/last.json`.

    python -m histkg.bench [--copies 100] [--workers N] [--budget 900] [--max-memory-gib 8] [seeds]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox
import spacy

from histkg.export.registry import GraphData, export
from histkg.pipeline import build, collector_paused
from histkg.rdf.validate import ENGINES, validate
from histkg.text.corpus import load_catalog

RDF_WRITERS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MIB = 1024 * 1024


# --- the shuffled corpus -----------------------------------------------------------------


def make_copies(source: Path, target: Path, copies: int) -> Path:
    """`copies` copies of every text of `source` in `target`, each with its
    paragraphs in an order of its own, and a catalog that names them."""
    catalog = load_catalog(source)
    entries = []
    for path in sorted(source.glob("*.txt")):
        paragraphs = PARAGRAPH_BREAK.split(path.read_text(encoding="utf-8"))
        meta = catalog.get(path.name) or catalog.get(path.stem) or {}
        for copy in range(copies):
            random.Random(f"{path.name}/{copy}").shuffle(paragraphs)
            name = f"{path.stem}-copy{copy:03d}.txt"
            (target / name).write_text("\n\n".join(paragraphs), encoding="utf-8")
            entries.append(catalog_entry(name, meta))
    (target / "catalog.toml").write_text("\n".join(entries), encoding="utf-8")
    return target


def catalog_entry(name: str, meta: dict) -> str:
    """One TOML table; JSON strings and lists of strings are TOML too."""
    lines = [f"[{json.dumps(name)}]"]
    for key in ("title", "creator", "year", "language", "translator"):
        if key in meta:
            lines.append(f"{key} = {json.dumps(meta[key], ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


# --- one build, in a process of its own ---------------------------------------------------


class Reporter:
    """A build's Progress that posts each stage's start to the bench, with the time.
    Through a pipe, not a queue: a queue's feeder thread would make the build
    start its worker processes another way than `histkg build` does."""

    def __init__(self, events: Connection) -> None:
        self.events = events

    def __call__(self, message: str) -> None:
        pass

    def start(self, stage: str, total: int, unit: str) -> None:
        self.events.send(("stage", stage, time.perf_counter(), children_cpu()))

    def advance(self, stage: str, amount: int = 1, note: str = "") -> None:
        pass


def measured_build(paths: list[str], workers: int, out: str, events: Connection) -> None:
    """Build `paths` into `out`, then measure the peers on what it made; every
    figure is posted as soon as it is known, so a build stopped half way still tells."""
    os.setpgrp()  # the bench stops the build and its workers together
    start = time.perf_counter()
    result = build(paths, out, workers=workers, progress=Reporter(events))
    events.send(("build", {"seconds": result.seconds, "total": time.perf_counter() - start,
                          "quads": len(result.dataset), "documents": len(result.documents),
                          "conforms": result.conforms, "peak_own_mib": peak_own_mib(),
                          "children_cpu": children_cpu()}))
    texts = [document.text for document in result.documents]
    events.send(("tokenizer", bare_tokenizer(texts)))
    events.send(("writers", writer_peers(GraphData(result.dataset), Path(out))))
    events.send(("validation", validation_peers(result.dataset)))


def peak_own_mib() -> float:
    """This process's peak resident memory (Linux counts KiB). Not its
    children's: a child's ru_maxrss counts the pages of the parent it was
    started from (Linux keeps the old address space's high-water mark at
    exec), so each rudof worker would count the whole build once more."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_cpu() -> float:
    """CPU seconds of this process's children that have ended: the extraction
    workers once their pool closes, rudof's workers once validation is done."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def bare_tokenizer(texts: list[str]) -> dict:
    """spaCy's bare Turkish tokenizer on the texts, two ways. One tokenizer
    for all, as a pipeline runs it: it remembers each word it has split, so on
    copies, whose every word it has met, this measures its memory more than
    its work (the seeds: 129,000 tokens/s; ten copies: 560,000). And a new
    one for each text, made before its clock starts: each document as the
    first it meets, the rate on texts that are not copies."""
    tokenizer = spacy.blank("tr").tokenizer
    start = time.perf_counter()
    tokens = sum(len(tokenizer(text)) for text in texts)
    seconds = time.perf_counter() - start
    fresh = 0.0
    for text in texts:
        tokenizer = spacy.blank("tr").tokenizer
        start = time.perf_counter()
        tokenizer(text)
        fresh += time.perf_counter() - start
    return {"tokens": tokens, "seconds": seconds, "fresh_seconds": fresh}


def writer_peers(data: GraphData, out: Path) -> dict:
    """Each RDF writer and pyoxigraph alone on the same sorted statements,
    with the cyclic collector paused as a build writes (pipeline.collector_paused):
    otherwise each writer's small objects would set it walking the whole graph."""
    with collector_paused():
        start = time.perf_counter()
        data.ordered.quad_columns, data.ordered.triple_columns, data.prefixes  # noqa: B018 (the order every writer shares, timed apart)
        figures: dict = {"views": time.perf_counter() - start}
        start = time.perf_counter()
        data.readable_texts  # noqa: B018 (each term's Turtle text, shared by Turtle and TriG)
        figures["turtle_texts"] = time.perf_counter() - start
        quads, triples = list(data.quads()), list(data.triples())
        for fmt, ox_format in RDF_WRITERS.items():
            statements = quads if fmt in ("nquads", "trig") else triples
            ours, alone = fastest_in_turn(partial(export, data, fmt, out / f"bench.{fmt}"),
                                          partial(ox.serialize, statements, str(out / f"bench-ox.{fmt}"), ox_format))
            figures[fmt] = {"seconds": ours, "pyoxigraph_seconds": alone, "ratio": alone / ours}
    return figures


def validation_peers(dataset) -> dict:
    figures = {}
    for engine in ENGINES:
        start = time.perf_counter()
        result = validate(dataset, engine=engine)
        figures[engine] = {"seconds": time.perf_counter() - start, "findings": len(result.findings),
                           "violations": len(result.violations)}
    return figures


def fastest_in_turn(*works: Callable[[], object], runs: int = 5) -> list[float]:
    """The fastest of `runs` runs of each work, the works taking turns: much
    of a writer's time is the kernel taking its file, which now and then
    stalls for a second (writing back earlier files); in turn, such moments
    fall on every work alike, and the fastest run misses them."""
    best = [float("inf")] * len(works)
    for _ in range(runs):
        for index, work in enumerate(works):
            start = time.perf_counter()
            work()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


# --- watching a build -------------------------------------------------------------------


def run_measured(paths: list[str], workers: int, budget: float, max_memory_mib: float) -> dict:
    """Run `measured_build` in a child; stop it past the budget or the memory cap.
    Its files go to a folder made and removed here: a child stopped half way
    removes nothing (a hundred copies leave 7.7 GB)."""
    events, sender = multiprocessing.Pipe(duplex=False)
    out = tempfile.mkdtemp(prefix="histkg-bench-")
    try:
        return watched(multiprocessing.Process(target=measured_build, args=(paths, workers, out, sender)),
                       events, sender, budget, max_memory_mib)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def watched(child: multiprocessing.Process, events: Connection, sender: Connection, budget: float,
            max_memory_mib: float) -> dict:
    begun = time.perf_counter()
    child.start()
    sender.close()  # the child's end only: its death ends the pipe
    figures: dict = {"stage_starts": {}, "peak_rss_mib": 0.0, "stopped": None}
    while True:
        ended = collect(events, figures, begun)
        figures["peak_rss_mib"] = max(figures["peak_rss_mib"], group_rss_mib(child.pid))
        if "build" in figures:  # the build's own peak, apart from the peers measured after it
            figures.setdefault("build_peak_rss_mib", figures["peak_rss_mib"])
        if ended or "validation" in figures:
            break
        if time.perf_counter() - begun > budget:
            figures["stopped"] = f"past the budget of {budget:.0f} s"
        elif figures["peak_rss_mib"] > max_memory_mib:
            figures["stopped"] = f"past the memory cap of {max_memory_mib:.0f} MiB"
        if figures["stopped"]:
            stop(child.pid)
            break
    child.join(timeout=10)
    figures["wall"] = time.perf_counter() - begun
    return figures


def collect(events: Connection, figures: dict, begun: float) -> bool:
    """Take the next figure the build posts, waiting half a second; True when the build has ended."""
    if not events.poll(0.5):
        return False
    try:
        kind, *payload = events.recv()
    except EOFError:
        return True
    if kind == "stage":
        figures["stage_starts"][payload[0]] = payload[1] - begun
        figures.setdefault("children_cpu_at", {})[payload[0]] = payload[2]
    else:
        figures[kind] = payload[0]
    return False


def group_rss_mib(group: int) -> float:
    """The resident memory of every process of a group (the build and its workers), from /proc."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # fields after the name: state, ppid, pgrp, ..., rss is the 22nd
            total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    return total / MIB


def stop(group: int) -> None:
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        pass


# --- the incremental rebuild ------------------------------------------------------------


def incremental(seeds: Path, workers: int) -> dict:
    """Build a copy of the seeds with a cache, change one file, build again:
    the second build should extract one document and read the others back."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        shutil.copytree(seeds, corpus)
        build([str(corpus)], workers=workers, cache_dir=cache)
        changed = min(corpus.glob("*.txt"))
        changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        start = time.perf_counter()
        result = build([str(corpus)], workers=workers, cache_dir=cache)
        return {"documents": len(result.documents), "read_back": result.cached,
                "extracted": len(result.documents) - result.cached, "seconds": time.perf_counter() - start,
                "extract_seconds": result.seconds.get("extract")}


# --- figures and report -----------------------------------------------------------------


def summarise(figures: dict, workers: int) -> dict:
    """Rates and ratios from the raw figures of one corpus."""
    built, tokens = figures.get("build"), figures.get("tokenizer")
    if not built:
        return {}
    seconds = built["seconds"]
    summary = {"quads_per_s": {stage: built["quads"] / seconds[stage]
                               for stage in ("graph", "validate", "export") if seconds.get(stage)},
               "validation_share": seconds.get("validate", 0) / built["total"],
               "workers_cpu": workers_cpu(figures.get("children_cpu_at", {}), built.get("children_cpu"))}
    if tokens:
        extract_rate = tokens["tokens"] / seconds["extract"]
        bare_rate = tokens["tokens"] / tokens["seconds"]
        fresh_rate = tokens["tokens"] / tokens["fresh_seconds"]
        summary |= {"extract_tokens_per_s": extract_rate, "bare_tokenizer_tokens_per_s": bare_rate,
                    "extract_vs_bare_per_worker": extract_rate / workers / bare_rate,
                    "fresh_bare_tokenizer_tokens_per_s": fresh_rate,
                    "extract_vs_fresh_bare_per_worker": extract_rate / workers / fresh_rate}
    return summary


def workers_cpu(at_start: dict[str, float], at_end: float | None) -> dict[str, float]:
    """CPU seconds the worker processes of each stage used (those that ended
    in it): the children's CPU when the next stage started, less when it did."""
    stages = list(at_start)
    ends = [at_start[stage] for stage in stages[1:]] + [at_end]
    return {stage: end - at_start[stage] for stage, end in zip(stages, ends)
            if end is not None and end > at_start[stage]}


def print_corpus(name: str, figures: dict, summary: dict, workers: int) -> None:
    print(f"\n== {name} (workers {workers}) ==")
    built = figures.get("build")
    if built is None:
        print(f"  stopped {figures['stopped'] or 'early'} after {figures['wall']:.0f} s; "
              f"stages started at: {stage_line(figures['stage_starts'])}")
        print(f"  peak memory (build and workers): {figures['peak_rss_mib']:.0f} MiB")
        return
    print(f"  {built['documents']} documents, {built['quads']} quads, conforms={built['conforms']}")
    for stage, seconds in built["seconds"].items():
        rate = summary["quads_per_s"].get(stage)
        print(f"  {stage:>10}: {seconds:8.2f} s" + (f"  {rate:10,.0f} quads/s" if rate else ""))
    print(f"  {'total':>10}: {built['total']:8.2f} s   validation {summary['validation_share']:.0%} of it")
    for stage, cpu in summary["workers_cpu"].items():
        print(f"  the {stage} stage's worker processes: {cpu:.2f} s of CPU ({cpu / os.cpu_count():.2f} s a core, "
              f"{os.cpu_count()} cores)")
    print(f"  peak memory of the build and its workers: {figures['build_peak_rss_mib']:.0f} MiB (its own process "
          f"{built['peak_own_mib']:.0f} MiB); with the peers after it: {figures['peak_rss_mib']:.0f} MiB")
    if "extract_tokens_per_s" in summary:
        print(f"  extraction {summary['extract_tokens_per_s']:,.0f} tokens/s; bare tokenizer "
              f"{summary['bare_tokenizer_tokens_per_s']:,.0f} tokens/s; "
              f"{summary['extract_vs_bare_per_worker']:.3f}x per worker")
        print(f"  bare tokenizer new to each document {summary['fresh_bare_tokenizer_tokens_per_s']:,.0f} tokens/s; "
              f"extraction {summary['extract_vs_fresh_bare_per_worker']:.3f}x of it per worker")
    for fmt, writer in figures.get("writers", {}).items():
        if fmt == "views":
            print(f"  the writers' order: {writer:.2f} s (shared by every writer)")
        elif fmt == "turtle_texts":
            print(f"  each term's Turtle text: {writer:.2f} s (shared by Turtle and TriG)")
        else:
            print(f"  {fmt:>10}: {writer['seconds']:.3f} s, pyoxigraph alone {writer['pyoxigraph_seconds']:.3f} s,"
                  f" {writer['ratio']:.2f}x")
    for engine, check in figures.get("validation", {}).items():
        print(f"  validation by {engine}: {check['seconds']:.2f} s, {check['findings']} findings, "
              f"{check['violations']} violations")
    if figures["stopped"]:
        print(f"  stopped {figures['stopped']} after {figures['wall']:.0f} s")


def stage_line(starts: dict) -> str:
    return ", ".join(f"{stage} {at:.0f} s" for stage, at in starts.items()) or "none"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m histkg.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", default="seeds")
    parser.add_argument("--copies", type=int, default=100, help="copies of the seeds in the large corpus (0: none)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--budget", type=float, default=900, help="seconds a build may take before it is stopped")
    parser.add_argument("--max-memory-gib", type=float, default=8, help="memory a build may take before it is stopped")
    parser.add_argument("--json", default="bench/last.json")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    options = parse(argv)
    seeds = Path(options.seeds)
    report: dict = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
                    "workers": options.workers, "copies": options.copies, "corpora": {}}
    corpora = [("seeds", [str(seeds)])]
    with tempfile.TemporaryDirectory() as tmp:
        if options.copies:
            copies = make_copies(seeds, Path(tmp), options.copies)
            corpora.append((f"{options.copies} shuffled copies", [str(copies)]))
        for name, paths in corpora:
            figures = run_measured(paths, options.workers, options.budget, options.max_memory_gib * 1024)
            summary = summarise(figures, options.workers)
            print_corpus(name, figures, summary, options.workers)
            report["corpora"][name] = figures | {"summary": summary}
    report["incremental"] = incremental(seeds, options.workers)
    print(f"\n== rebuild of the seeds after one file changed ==\n  extracted {report['incremental']['extracted']}"
          f" of {report['incremental']['documents']} documents, {report['incremental']['seconds']:.1f} s")
    target = Path(options.json)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures: {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
