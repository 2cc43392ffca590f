"""A curation file applied to one build: entity entries between resolution and
the graph, statement entries on the graph, then the record of what was done.
An entry that no longer fits (an id gone, a quote not in its source) is skipped
and reported; the others are applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from histkg.curation.entities import Applied, NotApplicable, apply_to_entities
from histkg.curation.entries import CURATION_FILE, ENTITY_KINDS, STATEMENT_KINDS, Curation, CurationError
from histkg.curation.statements import GraphCuration
from histkg.mentions.extract import Extraction
from histkg.resolve.entity import Entity
from histkg.resolve.model import Event


@dataclass
class CurationOutcome:
    curation: Curation
    applied: list[Applied] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per entry not applied, naming it and why

    @property
    def summary(self) -> str:
        total = len(self.curation.entries)
        return f"curation: applied {len(self.applied)} of {total} entr{'y' if total == 1 else 'ies'} " \
               f"of {self.curation.path}"

    @property
    def report(self) -> str:
        """The section of validation.txt that lists the entries not applied."""
        if not self.problems:
            return ""
        head = f"curation entries not applied ({self.curation.path}): {len(self.problems)}"
        return "\n".join([head, *(f"  {line}" for line in self.problems)]) + "\n"


def default_curation(paths) -> Path | None:
    """`curation.toml` in the corpus folder, when a folder of `paths` has one."""
    found = [Path(p) / CURATION_FILE for p in paths if (Path(p) / CURATION_FILE).is_file()]
    if len(found) > 1:
        raise CurationError(f"{' and '.join(map(str, found))} are both curation files: name one with --curation")
    return found[0] if found else None


def curate_entities(curation: Curation, entities: list[Entity], events: list[Event]) -> CurationOutcome:
    """Apply the merge, split, relabel and link entries to the resolved entities and events (in place)."""
    outcome = CurationOutcome(curation)
    outcome.applied, outcome.problems = apply_to_entities(curation.of_kinds(ENTITY_KINDS), entities, events)
    return outcome


def curate_graph(outcome: CurationOutcome, dataset: Dataset, extractions: list[Extraction], base: str) -> None:
    """Apply the reject, retract and assert entries to the built dataset (in place), then
    write every applied entry's prov:Activity."""
    graph = GraphCuration(dataset, extractions, base)
    act = {"reject": graph.reject, "retract": graph.retract, "assert": graph.assert_}
    for entry in outcome.curation.of_kinds(STATEMENT_KINDS):
        try:
            outcome.applied.append(act[entry.kind](entry))
        except NotApplicable as reason:
            outcome.problems.append(f"{entry.name}: {reason}")
    graph.record(outcome.applied)
