"""Validate a histkg graph against the SHACL shapes, with a report a historian can read.

`validate()` runs pySHACL with `shapes/histkg-shapes.ttl` and the ontology
(`ontology/histkg.ttl`, passed as `ont_graph` so that `sh:class` follows the class
hierarchy, with no inference), and turns pySHACL's report graph into `Finding`s.

Two choices differ from pySHACL's defaults, on purpose:

- `conforms` counts Violations only. pySHACL reports a graph with any result as
  non-conforming, warnings included; histkg's warnings (sources that disagree on a
  date) are information for the historian, not a broken build.
- A Dataset (one named graph per source document) is validated as the union of its
  graphs: a treaty's claim may live in another document's graph than its date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from histkg.language.resources import ontology_file, shapes_file
from histkg.rdf.namespaces import HKG, OA, bind_prefixes
from histkg.rdf.oxterms import UnionView
from histkg.rdf.rudof import RudofError, remembered, rudof_validate  # noqa: F401 (remembered: public here)

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


class ValidationSetupError(RuntimeError):
    """The shapes or the ontology are broken (not the data): a bug to fix in histkg."""


@dataclass(frozen=True)
class Finding:
    """One result of the validation, in words."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str  # IRI of the node the finding is about
    focus_label: str | None  # its skos:prefLabel (or rdfs:label), when it has one
    path: str | None  # the property, as a prefixed name such as "skos:prefLabel"
    message: str
    value: str | None  # the offending value, when there is one
    sentence: str | None  # the source sentence of the focus node's first evidence
    # The statement at fault as RDF terms: (focus, property IRI or None for a node
    # or a longer path, value or None); engines agree on the words above, not on these.
    terms: tuple = field(default=(None, None, None), compare=False, repr=False)


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool  # True when there is no Violation (warnings allowed)
    report_graph: Graph
    report_text: str
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "Violation")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "Warning")


@lru_cache(maxsize=8)
def _parse_cached(path: str, mtime: float) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def _load(path) -> Graph:
    # Parsed once per process (and again if the file changes); callers get a copy,
    # so nothing they do to it leaks into the next validation.
    cached = _parse_cached(str(path), path.stat().st_mtime)
    copy = Graph()
    for prefix, namespace in cached.namespaces():
        copy.bind(prefix, namespace)
    copy += cached
    return copy


def load_shapes() -> Graph:
    """The SHACL shapes graph (`shapes/histkg-shapes.ttl`, or `$HISTKG_SHAPES`)."""
    return _load(shapes_file("histkg-shapes.ttl"))


def load_ontology() -> Graph:
    """The OWL ontology (`ontology/histkg.ttl`, or `$HISTKG_ONTOLOGY`)."""
    return _load(ontology_file("histkg.ttl"))


class _PreparedQueryGraph(Graph):
    """A Graph that parses each distinct SPARQL text once.

    pySHACL runs a SPARQL-based constraint once per focus node, always with the same
    text (the focus node comes in through initBindings). rdflib parses the text on
    every call, and parsing (~15 ms) costs forty times more than answering (~0.3 ms):
    on a graph of real size that is the difference between 40 s and a few seconds.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._prepared: dict[str, Query] = {}

    def query(self, query_object, processor="sparql", result="sparql", initNs=None, *args, **kwargs):  # noqa: N803
        if isinstance(query_object, str):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = prepareQuery(query_object, initNs=initNs or dict(self.namespaces()))
                self._prepared[query_object] = prepared
            query_object = prepared
        return super().query(query_object, processor, result, initNs, *args, **kwargs)


def _union(data: Graph | Dataset) -> Graph:
    """A fresh Graph holding every triple of `data` (all named graphs of a Dataset).

    Validation works on this copy, so pySHACL may add the ontology's axioms to it
    in place (no second copy) and the caller's graph is never touched.
    """
    union = _PreparedQueryGraph()
    bind_prefixes(union)
    for graph in data.graphs() if isinstance(data, Dataset) else [data]:  # graphs() includes the default graph
        union += graph
    return union


def validate(
    data: Graph | Dataset,
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
    engine: str | None = None,
) -> ValidationResult:
    """Validate `data` against the histkg shapes, with `engine` (one of
    `ENGINES`; by default `DEFAULT_ENGINE`). Every engine gives the same findings.

    Example:
        result = validate(graph)
        if not result.conforms:
            print(result.report_text)
    """
    shapes = load_shapes() if shapes is None else shapes
    ontology = load_ontology() if ontology is None else ontology
    _check_prebinding(shapes)
    report_graph, working = ENGINES[engine or DEFAULT_ENGINE](data, shapes, ontology)
    bind_prefixes(report_graph)
    findings = _findings(report_graph, working)
    conforms = not any(f.severity == "Violation" for f in findings)
    return ValidationResult(
        conforms=conforms,
        report_graph=report_graph,
        report_text=format_report(findings),
        findings=findings,
    )


# Each engine: (data, shapes, ontology) ->
# (report graph, the data as a graph to read labels and sentences from).


def _by_pyshacl(data: Graph | Dataset, shapes: Graph, ontology: Graph) -> tuple[Graph, Graph]:
    working = _union(data)
    _, report_graph, _ = pyshacl.validate(
        working,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        inplace=True,  # `working` is our own copy
        advanced=False,  # SPARQL-based constraints are core SHACL; nothing here needs SHACL-AF
        meta_shacl=False,
        allow_warnings=True,
    )
    if not isinstance(report_graph, Graph):
        # pySHACL returns the exception instead of a report when the shapes are unusable.
        raise ValidationSetupError(f"the SHACL shapes cannot be applied: {report_graph}")
    return report_graph, working


def _by_rudof(data: Graph | Dataset, shapes: Graph, ontology: Graph) -> tuple[Graph, Graph]:
    """rudof (Rust), a Dataset in parts in parallel (rdf.rudof); its report
    mended to say what SHACL says. The data is read in place, never copied."""
    try:
        report = rudof_validate(data, shapes, ontology)
    except RudofError as error:
        raise ValidationSetupError(f"the SHACL shapes cannot be applied: {error}") from None
    _as_the_standard_says(report, shapes)
    return report, UnionView(data) if isinstance(data, Dataset) else data


LOGICAL_LISTS = (SH["or"], SH["and"], SH.xone)
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _as_the_standard_says(report: Graph, shapes: Graph) -> None:
    """Two mends to rudof's report, so that it says what pySHACL (and SHACL
    2.1, 3.6.2) says: a shape inside sh:or, sh:and, sh:xone, sh:not or sh:node
    reports nothing of its own (the shape that uses it reports one result),
    and a result takes the sh:message of the shape it comes from."""
    nested = {shape for lists in LOGICAL_LISTS for head in shapes.objects(None, lists)
              for shape in Collection(shapes, head)}
    nested |= set(shapes.objects(None, SH["not"])) | set(shapes.objects(None, SH.node))
    nested -= {shape for target in TARGETS for shape in shapes.subjects(target, None)}
    for result in list(report.subjects(RDF.type, SH.ValidationResult)):
        shape = report.value(result, SH.sourceShape)
        if shape in nested:
            for link in list(report.subjects(SH.result, result)):
                report.remove((link, SH.result, result))
            report.remove((result, None, None))
        elif report.value(result, SH.sourceConstraintComponent) != SH.SPARQLConstraintComponent:
            messages = list(shapes.objects(shape, SH.message))
            if messages:
                report.remove((result, SH.resultMessage, None))
                for message in messages:
                    report.add((result, SH.resultMessage, message))


# SPARQL-based constraints may not use what pre-binding $this cannot reach (SHACL 5.2.1);
# pySHACL refuses them, rudof would run them.
NOT_PREBINDABLE = re.compile(r"\b(VALUES|MINUS|SERVICE)\b", re.IGNORECASE)


def _check_prebinding(shapes: Graph) -> None:
    for query in shapes.objects(None, SH.select):
        keyword = NOT_PREBINDABLE.search(str(query))
        if keyword:
            raise ValidationSetupError(f"the SHACL shapes cannot be applied: a SPARQL constraint uses "
                                       f"{keyword.group(1).upper()}, which pre-binding $this forbids")


ENGINES = {"pyshacl": _by_pyshacl, "rudof": _by_rudof}
DEFAULT_ENGINE = "rudof"  # the same findings as pySHACL on every shape test, about 3x faster on the seeds


# --- from report graph to findings -------------------------------------------------


def _findings(report: Graph, data: Graph) -> tuple[Finding, ...]:
    findings = set()  # pySHACL can report the same result twice (e.g. sh:or inside sh:or)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        path = report.value(result, SH.resultPath)
        findings.add(
            Finding(
                severity=SEVERITIES.get(report.value(result, SH.resultSeverity), "Violation"),
                focus=str(focus),
                focus_label=_label(data, focus),
                path=_path_text(report, path),
                message=_message(report, result),
                value=None if value is None else _value_text(data, value),
                sentence=_sentence(data, focus),
                terms=(focus, path if isinstance(path, URIRef) else None, value),
            )
        )
    # a total order: two findings on one focus and path (a value too many, twice) come out the same way
    # in every run, whatever order the set gives them in
    return tuple(sorted(findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.focus_label or f.focus,
                                                 f.path or "", f.message or "", f.value or "", f.focus)))


def _label(data: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    for prop in (SKOS.prefLabel, RDFS.label, DCTERMS.title):
        labels = sorted(str(o) for o in data.objects(node, prop))
        if labels:
            return labels[0]
    return None


def _sentence(data: Graph, focus: Node | None) -> str | None:
    """The hkg:sentence behind a finding, so the historian sees the passage at fault.

    The focus node's first evidence (sorted, for a stable report); for an annotation,
    its own sentence; for an annotation's target or selector, the annotation's.
    """
    if focus is None:
        return None
    evidence = list(data.objects(focus, HKG.evidence))
    if evidence:
        candidates = _first_in_order(evidence)
    else:
        # The focus may be an annotation itself, its target (…/target) or a selector.
        targets = list(data.subjects(OA.hasSelector, focus)) or [focus]
        candidates = [focus, *sorted(a for t in targets for a in data.subjects(OA.hasTarget, t))]
    for annotation in candidates:
        sentence = data.value(annotation, HKG.sentence)
        if sentence is not None:
            return str(sentence)
    return None


def _first_in_order(nodes: list) -> Iterator:
    """The first of `nodes`, then all of them in order: the first is all a finding's
    sentence takes, as a rule, and sorting a person's thousands of evidence is not."""
    yield min(nodes)
    yield from sorted(nodes)


def _path_text(report: Graph, path: Node | None) -> str | None:
    """A SHACL property path in SPARQL syntax with prefixed names: `oa:hasSelector/rdf:type`."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return path.n3(report.namespace_manager)
    if (path, RDF.first, None) in report:  # sequence path: an RDF list
        return "/".join(_path_text(report, step) or "?" for step in Collection(report, path))
    for operator, template in (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        inner = report.value(path, operator)
        if inner is not None:
            return template.format(_path_text(report, inner))
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_text(report, step) or "?" for step in Collection(report, alternatives)) + ")"
    return str(path)


def _message(report: Graph, result: Node) -> str:
    # English first when messages come in several languages.
    messages = sorted(
        report.objects(result, SH.resultMessage),
        key=lambda m: (getattr(m, "language", None) not in (None, "en"), str(m)),
    )
    if not messages:
        return "Constraint not satisfied."
    if report.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent:
        return _sorted_lists(str(messages[0]))
    return str(messages[0])


# A list a SPARQL constraint gathered with GROUP_CONCAT, in brackets (`({?file})`): SPARQL gives
# its items in no set order, and rudof's order changes from run to run.
_GATHERED = re.compile(r"\(([^()]*, [^()]*)\)")


def _sorted_lists(message: str) -> str:
    """The message with the items of each gathered list in sorted order, so the report's bytes
    are the same for the same graph."""
    return _GATHERED.sub(lambda m: "(" + ", ".join(sorted(m.group(1).split(", "))) + ")", message)


def _value_text(data: Graph, value: Node) -> str:
    if isinstance(value, Literal):
        # Plain text as it is; a language or a datatype is part of what may be wrong.
        if value.datatype in (None, XSD.string) and not value.language:
            return str(value)
        return value.n3(data.namespace_manager)
    return _label(data, value) or value.n3(data.namespace_manager)


# --- the readable report ---------------------------------------------------------------


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def format_report(findings: tuple[Finding, ...] | list[Finding]) -> str:
    """A summary line, then one line per finding and, indented, the source sentence.

        does not conform: 1 violation, 1 warning
        Violation  Kliment Voroşilov  skos:prefLabel  Needs exactly one preferred name, … [value: …]
            “Voroşilov Ankara'ya geldi.”
    """
    violations = sum(f.severity == "Violation" for f in findings)
    warnings = sum(f.severity == "Warning" for f in findings)
    infos = sum(f.severity == "Info" for f in findings)
    verdict = "does not conform" if violations else "conforms"
    counts = [_plural(violations, "violation"), _plural(warnings, "warning")]
    if infos:
        counts.append(_plural(infos, "note"))
    lines = [f"{verdict}: {', '.join(counts)}"]
    for f in findings:
        parts = [f"{f.severity:<9}", f.focus_label or f.focus]
        if f.path:
            parts.append(f.path)
        parts.append(f.message)
        line = "  ".join(parts)
        if f.value is not None and f.value not in f.message:
            line += f"  [value: {f.value}]"
        lines.append(line)
        if f.sentence:
            lines.append(f"    “{f.sentence.strip()}”")
    return "\n".join(lines) + "\n"
