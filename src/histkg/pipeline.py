"""The whole road: corpus -> normalize -> mentions -> facts -> resolve ->
graph -> validate -> export. `histkg build` is a thin layer over `build()`."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from histkg.curation.apply import CurationOutcome, curate_entities, curate_graph
from histkg.curation.entries import load_curation
from histkg.export.registry import GraphData, atomic_path, export
from histkg.facts.cache import ExtractionCache
from histkg.facts.workers import extract_all, extract_document  # noqa: F401  (the per-document step, public here)
from histkg.mentions.extract import Extraction
from histkg.rdf.graph import build_graph
from histkg.rdf.namespaces import DEFAULT_BASE
from histkg.rdf.repair import LeftOut, format_left_out, leave_out_violations
from histkg.rdf.validate import ValidationResult, remembered, validate
from histkg.resolve.entities import resolve
from histkg.resolve.entity import Entity
from histkg.resolve.events import resolve_events
from histkg.text.corpus import CorpusError, Document, load_corpus

# What a conforming build writes into its output folder (graph-csv/ is a folder of tables).
OUTPUTS = {"graph.ttl": "turtle", "graph.nt": "ntriples", "graph.trig": "trig", "graph.nq": "nquads",
           "graph.jsonld": "jsonld", "graph.graphml": "graphml", "graph.gexf": "gexf",
           "graph.geojson": "geojson", "graph-csv": "csv", "cooccurrence.graphml": "cooccurrence-graphml",
           "cooccurrence.gexf": "cooccurrence-gexf"}


class Progress:
    """What a build tells while it runs; this one tells nothing. A stage with
    a count (`start`, `advance`: documents extracted, quads validated, files
    written) can be drawn as a bar; calling it with a message is one line."""

    def __call__(self, message: str) -> None:
        pass

    def start(self, stage: str, total: int, unit: str) -> None:
        pass

    def advance(self, stage: str, amount: int = 1, note: str = "") -> None:
        pass


SILENT = Progress()


class Lines(Progress):
    """A function of one message as a Progress: each counted step is a line."""

    def __init__(self, tell: Callable[[str], None]) -> None:
        self.tell = tell

    def __call__(self, message: str) -> None:
        self.tell(message)

    def advance(self, stage: str, amount: int = 1, note: str = "") -> None:
        if note:
            self.tell(note)


@dataclass
class BuildResult:
    documents: list[Document]
    extractions: list[Extraction]
    entities: list[Entity]
    dataset: Dataset
    validation: ValidationResult
    written: list[Path] = field(default_factory=list)
    cached: int = 0  # documents whose extraction was read back from the cache
    seconds: dict[str, float] = field(default_factory=dict)
    export_seconds: dict[str, float] = field(default_factory=dict)  # output name -> seconds to write it
    left_out: list[LeftOut] = field(default_factory=list)  # violations whose statements the graph files lack
    skipped: list[str] = field(default_factory=list)  # why each unreadable document was skipped
    curation: CurationOutcome | None = None  # the curation file's entries, applied and not

    @property
    def curation_problems(self) -> list[str]:
        return self.curation.problems if self.curation is not None else []

    @property
    def conforms(self) -> bool:
        """The graph as written conforms (what broke a shape was left out)."""
        return self.validation.conforms

    @property
    def problems(self) -> bool:
        """Something of the corpus is not in the graph: exit 1, or 2 with --strict."""
        return bool(self.left_out or self.skipped or self.curation_problems) or not self.conforms

    @property
    def report(self) -> str:
        """validation.txt: the documents skipped, the curation entries not applied, the
        statements left out, then the SHACL report."""
        return self.problems_report + self.validation.report_text

    @property
    def problems_report(self) -> str:
        """What of the corpus is not in the graph: the documents skipped, the curation
        entries not applied, the statements left out."""
        skipped = "".join(f"skipped, cannot be read: {reason}\n" for reason in self.skipped)
        curation = self.curation.report if self.curation is not None else ""
        return skipped + curation + format_left_out(self.left_out)


def build(paths: Sequence[Path | str], out_dir: Path | str | None = None, *, base: str = DEFAULT_BASE,
          progress: Progress | Callable[[str], None] = SILENT, workers: int = 1, executor: str = "processes",
          scheduler: str | None = None, cache_dir: Path | str | None = None, strict: bool = False,
          curation: Path | str | None = None) -> BuildResult:
    """Build, validate and (when `out_dir` is given) write the graph.

    Extraction runs in `workers` processes, or on Dask (`executor="dask"`, on
    the cluster at `scheduler` or a local one); with `cache_dir`, documents
    extracted before by the same code and data are read back (facts.cache).
    Every way gives the same graph. A statement that breaks a shape is left
    out of the graph with what depends on it (rdf.repair), and listed in the
    report; so is a document that cannot be read. With `strict`, either is
    fatal (CorpusError, or a result with `problems`) and nothing is written.
    The validation report is always written (unless strict), so a failed build says why.
    With `curation`, a curation file (histkg.curation) is read first (CurationError
    when malformed) and applied; an entry that no longer fits is a problem as above."""
    progress = progress if hasattr(progress, "start") else Lines(progress)  # a Progress, or a function of a message
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    curation_file = load_curation(curation) if curation is not None else None
    skipped: list[str] = []
    documents = load_corpus(paths, skip=None if strict else lambda error: skipped.append(str(error)))
    if not documents:
        raise CorpusError(skipped[0] if len(skipped) == 1 else f"no document could be read ({len(skipped)} tried): "
                          f"{skipped[0]}")
    lap("read")
    progress(f"read {len(documents)} documents")
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    progress.start("extract", len(documents), "documents")
    extractions = extract_all(documents, workers=workers, executor=executor, scheduler=scheduler, cache=cache,
                              done=lambda document, cached: progress.advance(
                                  "extract", note=f"{'read back' if cached else 'extracted'} {document.file}"))
    if cache is not None:
        cache.prune()
    # each document as its extraction holds it: from a worker, a copy whose clean text is the extraction's
    # own, so the one made in reading is not kept beside it
    documents = [extraction.document for extraction in extractions]
    lap("extract")
    entities = resolve(extractions)
    events = resolve_events(extractions, entities)
    curated = curate_entities(curation_file, entities, events) if curation_file is not None else None
    lap("resolve")
    # The graph's objects (millions on a large corpus) live until the build ends, and
    # validation and export make few cycles: a full collection would walk them all and
    # find nothing (on ten copies of the seeds, 5 s of the 27 s these stages took).
    with collector_paused():
        dataset = build_graph(extractions, entities, base, events)
        if curated is not None:
            curate_graph(curated, dataset, extractions, base)
            progress(curated.summary)
        lap("graph")
        progress.start("validate", len(dataset), "quads")
        left_out: list[LeftOut] = []
        with remembered():  # repair validates again only what it changed, and nothing is kept past it
            validation = validate(dataset)
            if not validation.conforms and not strict:
                validation, left_out = leave_out_violations(dataset, validation)
        progress.advance("validate", len(dataset))
        lap("validate")
        result = BuildResult(documents, extractions, entities, dataset, validation, seconds=seconds,
                             cached=cache.hits if cache is not None else 0, left_out=left_out, skipped=skipped,
                             curation=curated)
        if out_dir is not None and not (strict and result.problems):
            write_outputs(result, Path(out_dir), progress)
            lap("export")
    return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the graph's hundreds of
    thousands of objects are made: they hold no garbage to collect, and each
    collection of the oldest generation would walk every one of them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_outputs(result: BuildResult, out_dir: Path, progress: Progress = SILENT) -> None:
    report = out_dir / "validation.txt"
    with atomic_path(report) as tmp:
        tmp.write_text(result.report + "\n", encoding="utf-8")
    result.written.append(report)
    if not result.conforms:
        return
    data = GraphData(result.dataset)  # union, and the order of quads and triples, made once for every file
    progress.start("export", len(OUTPUTS), "files")
    for name, fmt in OUTPUTS.items():
        start = time.perf_counter()
        result.written.append(export(data, fmt, out_dir / name))
        result.export_seconds[name] = time.perf_counter() - start
        progress.advance("export")
