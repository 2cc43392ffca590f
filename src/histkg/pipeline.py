"""The whole road: corpus -> normalize -> mentions -> facts -> resolve ->
graph -> validate -> export. `histkg build` is a thin layer over `build()`."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from spacy.language import Language

from histkg.export.registry import GraphData, atomic_path, export
from histkg.facts.collect import with_facts
from histkg.mentions.extract import Extraction, build_nlp, extract
from histkg.rdf.graph import build_graph
from histkg.rdf.namespaces import DEFAULT_BASE
from histkg.rdf.validate import ValidationResult, validate
from histkg.resolve.entities import resolve
from histkg.resolve.entity import Entity
from histkg.resolve.events import resolve_events
from histkg.text.corpus import Document, load_corpus

# What a conforming build writes into its output folder (graph-csv/ is a folder of tables).
OUTPUTS = {"graph.ttl": "turtle", "graph.nt": "ntriples", "graph.trig": "trig", "graph.nq": "nquads",
           "graph.jsonld": "jsonld", "graph.graphml": "graphml", "graph.gexf": "gexf",
           "graph.geojson": "geojson", "graph-csv": "csv", "cooccurrence.graphml": "cooccurrence-graphml",
           "cooccurrence.gexf": "cooccurrence-gexf"}


@dataclass
class BuildResult:
    documents: list[Document]
    extractions: list[Extraction]
    entities: list[Entity]
    dataset: Dataset
    validation: ValidationResult
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    export_seconds: dict[str, float] = field(default_factory=dict)  # output name -> seconds to write it

    @property
    def conforms(self) -> bool:
        return self.validation.conforms


def build(paths: Sequence[Path | str], out_dir: Path | str | None = None, *, base: str = DEFAULT_BASE,
          progress: Callable[[str], None] = lambda message: None) -> BuildResult:
    """Build, validate and (when `out_dir` is given) write the graph.

    The graph files are written only when the graph conforms; the validation
    report is always written, so a failed build says why."""
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    documents = load_corpus(paths)
    lap("read")
    progress(f"read {len(documents)} documents")
    nlp = build_nlp()
    lap("model")
    extractions = []
    for document in documents:
        extractions.append(extract_document(document, nlp))
        progress(f"extracted {document.file}: {len(extractions[-1].mentions)} mentions")
    lap("extract")
    entities = resolve(extractions)
    events = resolve_events(extractions, entities)
    lap("resolve")
    dataset = build_graph(extractions, entities, base, events)
    lap("graph")
    progress(f"validating {len(dataset)} quads")
    validation = validate(dataset)
    lap("validate")
    result = BuildResult(documents, extractions, entities, dataset, validation, seconds=seconds)
    if out_dir is not None:
        write_outputs(result, Path(out_dir))
        lap("export")
    return result


def extract_document(document: Document, nlp: Language | None = None) -> Extraction:
    """A document's mentions, then the facts its sentences state: the
    per-document part of the build, the one that can run in parallel."""
    return with_facts(extract(document, nlp))


def write_outputs(result: BuildResult, out_dir: Path) -> None:
    report = out_dir / "validation.txt"
    with atomic_path(report) as tmp:
        tmp.write_text(result.validation.report_text + "\n", encoding="utf-8")
    result.written.append(report)
    if not result.conforms:
        return
    data = GraphData(result.dataset)  # union, sorted quads and triples made once for every file
    for name, fmt in OUTPUTS.items():
        start = time.perf_counter()
        result.written.append(export(data, fmt, out_dir / name))
        result.export_seconds[name] = time.perf_counter() - start
