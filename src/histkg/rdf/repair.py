"""One bad fact does not sink a corpus: each statement that breaks a shape (a
Violation) is left out of the graph, together with what depends on it, and
everything else is kept; the report lists what was left out, with the
document and the sentence it came from.

What a finding takes with it:
- a property with values (too many, or a value of the wrong kind): those
  values, and the hkg:Claims that state them;
- a node that is wrong in itself (a missing property, a node-level rule, a
  longer path): the node, every statement about it or pointing to it, and
  the claims about it.
Leaving something out can break what pointed to it (a visit without its only
stop); the graph is validated again until it conforms, a few rounds at most.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from histkg.rdf.namespaces import HKG
from histkg.rdf.validate import Finding, ValidationResult, validate

ROUNDS = 5


@dataclass(frozen=True)
class LeftOut:
    """A Violation, and the statements that went out of the graph with it."""

    finding: Finding
    files: tuple[str, ...]  # the documents whose graphs stated them
    statements: int


def leave_out_violations(dataset: Dataset, validation: ValidationResult,
                         check: Callable[[Dataset], ValidationResult] = validate,
                         ) -> tuple[ValidationResult, list[LeftOut]]:
    """Remove from `dataset` (in place) what each Violation is about, then
    validate again, until it conforms. Returns the validation of what stays
    and what was left out."""
    files = source_files(dataset)
    left_out: list[LeftOut] = []
    for _ in range(ROUNDS):
        if validation.conforms:
            break
        for finding in validation.violations:
            quads = remove_statement(dataset, finding)
            if not quads:  # gone already with another finding's node
                continue
            names = {files.get(graph, str(graph)) for *_, graph in quads}
            left_out.append(LeftOut(finding, tuple(sorted(names)), len(quads)))
        validation = check(dataset)
    return validation, left_out


def source_files(dataset: Dataset) -> dict:
    """Named graph -> the file of the source document it holds."""
    files = {}
    for graph in dataset.graphs():
        for source in graph.subjects(RDF.type, HKG.Source):
            files[graph.identifier] = str(graph.value(source, HKG.file))
    return files


def remove_statement(dataset: Dataset, finding: Finding) -> set[tuple]:
    """Remove the statement a finding is about (see the module's docstring); the quads removed."""
    focus, prop, value = finding.terms
    quads: set[tuple] = set()
    if prop is not None:
        values = [value] if value is not None else {o for _, _, o, _ in dataset.quads((focus, prop, None, None))}
        for each in values:
            quads |= set(dataset.quads((focus, prop, each, None)))
            for claim in claims(dataset, focus, prop, each):
                quads |= node_quads(dataset, claim)
    if not quads and focus is not None:  # nothing to take away but the node itself
        quads = node_quads(dataset, focus)
        for claim in claims(dataset, focus) | claims(dataset, obj=focus):
            quads |= node_quads(dataset, claim)
    for quad in quads:
        dataset.remove(quad)
    return quads


def claims(dataset: Dataset, subject=None, predicate=None, obj=None) -> set:
    """The hkg:Claims that state (subject, predicate, obj); None matches anything."""
    found = None
    for prop, term in ((HKG.subject, subject), (HKG.predicate, predicate), (HKG.object, obj)):
        if term is not None:
            nodes = {claim for claim, *_ in dataset.quads((None, prop, term, None))}
            found = nodes if found is None else found & nodes
    return found or set()


def node_quads(dataset: Dataset, node: URIRef) -> set[tuple]:
    return set(dataset.quads((node, None, None, None))) | set(dataset.quads((None, None, node, None)))


def format_left_out(left_out: list[LeftOut]) -> str:
    """The section of validation.txt that says what the graph files lack, and why."""
    if not left_out:
        return ""
    count = sum(item.statements for item in left_out)
    head = (f"left out of the graph files: {count} statement{'s' if count != 1 else ''} "
            f"for {len(left_out)} violation{'s' if len(left_out) != 1 else ''}; everything else is written")
    lines = [head]
    for item in left_out:
        finding = item.finding
        parts = [", ".join(item.files) or "-", finding.focus_label or finding.focus]
        if finding.path:
            parts.append(finding.path)
        parts.append(finding.message)
        if finding.value is not None and finding.value not in finding.message:
            parts.append(f"[value: {finding.value}]")
        lines.append("  ".join(parts) + f"  ({item.statements} statements)")
        if finding.sentence:
            lines.append(f"    “{finding.sentence.strip()}”")
    return "\n".join(lines) + "\n"
