"""Lists per type with filters (name, source, years, a person's narrative role) and search
across every label, over the catalog read at start."""

from __future__ import annotations

from dataclasses import dataclass

from histkg.query.workbench.catalog import Catalog, Entity, folded

ROLES = (("actor", "acts in the story"), ("cited_author", "cited author"), ("both", "both"))


@dataclass(frozen=True)
class ListFilter:
    name: str = ""
    source: str = ""  # a source IRI
    start_year: int | None = None
    end_year: int | None = None
    role: str = ""


def whole_number(value: str | None) -> int | None:
    """A whole number from a form or a URL (a year, an offset, a weight); anything else is None: no filter."""
    try:
        return int(value) if value and value.strip() else None
    except ValueError:
        return None


def matches(entity: Entity, choice: ListFilter) -> bool:
    if choice.name and not any(folded(choice.name) in folded(label) for label in (entity.label, *entity.alt_labels)):
        return False
    if choice.source and choice.source not in entity.mentions_by_source:
        return False
    if choice.role and entity.role != choice.role:
        return False
    if choice.start_year and (not entity.earliest or int((entity.latest or entity.earliest)[:4]) < choice.start_year):
        return False
    if choice.end_year and (not entity.earliest or int(entity.earliest[:4]) > choice.end_year):
        return False
    return True


def listed(catalog: Catalog, kind: str, choice: ListFilter) -> list[Entity]:
    """A type's entities that pass the filter, in name order (events in time order)."""
    entities = [entity for entity in catalog.by_kind.get(kind, []) if matches(entity, choice)]
    if kind in {"treaty", "visit"}:
        entities.sort(key=lambda entity: (entity.earliest or "9999", folded(entity.label)))
    return entities


def searched(catalog: Catalog, words: str, choice: ListFilter) -> list[Entity]:
    """Search across the labels of every type but sources."""
    kinds = [kind for kind in catalog.by_kind if kind != "source"]
    return [entity for entity in catalog.search(words, kinds) if matches(entity, choice)]
