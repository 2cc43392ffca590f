"""Entries that act on resolved entities: merge, split, relabel, link.

They run after events are resolved and before the graph is written, so an
entry names an entity by the id the graph gives it, and the graph is then
written as if the resolver had decided so itself: a merged person's mentions,
names and facts are the kept node's; a split-off person takes the mentions
named so, and the facts those mentions state. No slug is computed again, so
every other entity keeps its id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from histkg.curation.entries import Entry
from histkg.resolve.entity import Entity
from histkg.resolve.model import Event


class NotApplicable(Exception):
    """The entry no longer fits the graph (an id gone, a name not found): reported, not fatal."""


@dataclass(frozen=True)
class Applied:
    """An entry as applied: the ids it names and the ids of the nodes it changed
    (those point to the entry's prov:Activity in the graph)."""

    entry: Entry
    used: tuple[str, ...]
    changed: tuple[str, ...] = ()


def entity_id(entity: Entity) -> str:
    """The path of the entity's IRI below the base, as rdf.graph.Iris.entity writes it."""
    folder = "date" if entity.kind == "TimeSpan" else entity.kind.lower()
    return f"{folder}/{entity.slug}"


def apply_to_entities(entries: list[Entry], entities: list[Entity], events: list[Event]
                      ) -> tuple[list[Applied], list[str]]:
    """Apply merge, split, relabel and link entries in place, in the file's
    order; returns what was applied, and a line per entry that could not be."""
    applied, problems = [], []
    for entry in entries:
        by_id = {entity_id(entity): entity for entity in entities}  # again each time: merges and splits change it
        try:
            applied.append(APPLY[entry.kind](entry, by_id, entities, events))
        except NotApplicable as reason:
            problems.append(f"{entry.name}: {reason}")
    return applied, problems


def find(by_id: dict[str, Entity], wanted: str) -> Entity:
    if wanted.startswith("visit/"):
        raise NotApplicable(f"{wanted} is a visit, an event and no entity: reject it, or retract and assert its facts")
    if wanted not in by_id:
        raise NotApplicable(f"no entity {wanted} in the graph (its canonical name changed, or another entry "
                            "merged it away)")
    return by_id[wanted]


def merge(entry: Entry, by_id: dict, entities: list[Entity], events: list[Event]) -> Applied:
    keep = find(by_id, entry["keep"])
    drops = [find(by_id, wanted) for wanted in entry.drops]
    if keep.kind == "TimeSpan":
        raise NotApplicable(f"{entry['keep']} is a date: a date is its value, and two values are two dates")
    for wanted, drop in zip(entry.drops, drops):
        if drop.kind != keep.kind:
            raise NotApplicable(f"{wanted} is a {drop.kind} and {entry['keep']} a {keep.kind}: only one kind merges")
    for drop in drops:
        absorb(keep, drop)
        remove_by_identity(entities, drop)
        repoint_claims(events, drop, keep)
        join_treaty_events(events, drop, keep)
    return Applied(entry, used=(entry["keep"], *entry.drops), changed=(entry["keep"],))


def absorb(keep: Entity, drop: Entity) -> None:
    """The kept node takes the other's mentions (its evidence, and its names as altLabels).
    Its own label, links and coordinates stay: a `link` entry adds links."""
    keep.mentions = keep.mentions + drop.mentions
    keep.alt_labels = tuple(sorted((set(keep.alt_labels) | set(drop.alt_labels) | {drop.label}) - {keep.label}))


def remove_by_identity(items: list, gone) -> None:
    # list.remove would compare dataclasses field by field, mention lists and all.
    del items[index_of(items, gone)]


def index_of(items: list, wanted) -> int:
    return next(i for i, item in enumerate(items) if item is wanted)


def repoint_claims(events: list[Event], old: Entity, new: Entity, evidence: set | None = None) -> None:
    """Every claim and stop whose value is `old` (only those whose evidence is
    among `evidence`, when given) now has `new`."""
    def moves(value, claim_evidence) -> bool:
        return value is old and (evidence is None or any(m in evidence for m in claim_evidence))

    for event in events:
        event.claims = [replace(claim, value=new) if moves(claim.value, claim.evidence) else claim
                        for claim in event.claims]
        for stop in event.stops:
            if moves(stop.place, stop.evidence):
                stop.place = new


def join_treaty_events(events: list[Event], drop: Entity, keep: Entity) -> None:
    """A merged treaty's event: its claims join the kept treaty's event (one claim per
    value and source, as the resolver keeps them), or it becomes the kept treaty's."""
    kept = next((event for event in events if event.entity is keep), None)
    for event in [event for event in events if event.entity is drop]:
        if kept is None:  # the kept treaty had no event of its own: this one becomes it
            event.entity = keep
            kept = event
            continue
        kept.evidence.extend(event.evidence)
        for claim in event.claims:
            kept.add(claim.predicate, claim.value, claim.evidence, claim.problem, claim.inference)
        remove_by_identity(events, event)


def split(entry: Entry, by_id: dict, entities: list[Entity], events: list[Event]) -> Applied:
    old = find(by_id, entry["id"])
    if entry["new"] in by_id:
        raise NotApplicable(f"{entry['new']} exists already: merge into it, or choose another id")
    if old.kind not in ("Person", "Place", "Venue", "Organization"):
        raise NotApplicable(f"{entry['id']} is a {old.kind}: only persons, places, venues and organizations split")
    names = set(entry["names"])
    moved = [m for m in old.mentions if m.text in names]
    if not moved:
        raise NotApplicable(f"no mention of {entry['id']} is named {' or '.join(entry['names'])}")
    if len(moved) == len(old.mentions):
        raise NotApplicable(f"every mention of {entry['id']} is named so: relabel it instead")
    new = Entity(old.kind, f"{old.key}|split:{entry['new']}", moved, label=entry["names"][0],
                 slug=entry["new"].split("/", 1)[1])
    new.alt_labels = other_names(moved, new.label)
    old.mentions = [m for m in old.mentions if m.text not in names]
    if old.label in names or old.label in {m.text for m in moved}:
        old.label = most_frequent_name(old.mentions)
    old.alt_labels = other_names(old.mentions, old.label)
    entities.insert(index_of(entities, old) + 1, new)
    repoint_claims(events, old, new, evidence=set(moved))
    return Applied(entry, used=(entry["id"],), changed=(entry["id"], entry["new"]))


def other_names(mentions, label: str) -> tuple[str, ...]:
    return tuple(sorted({m.text for m in mentions} - {label}))


def most_frequent_name(mentions) -> str:
    counts = Counter(m.text for m in mentions)
    return min(counts, key=lambda name: (-counts[name], name))


def relabel(entry: Entry, by_id: dict, entities: list[Entity], events: list[Event]) -> Applied:
    """A new prefLabel; the old one stays an altLabel where a text writes it. The id stays:
    links others made to it keep working."""
    entity = find(by_id, entry["id"])
    if entity.kind == "TimeSpan":
        raise NotApplicable(f"{entry['id']} is a date: its label is its value")
    entity.alt_labels = tuple(sorted((set(entity.alt_labels) | {entity.label}) - {entry["label"]}))
    entity.label = entry["label"]
    return Applied(entry, used=(entry["id"],), changed=(entry["id"],))


def link(entry: Entry, by_id: dict, entities: list[Entity], events: list[Event]) -> Applied:
    entity = find(by_id, entry["id"])
    if entity.kind == "TimeSpan":
        raise NotApplicable(f"{entry['id']} is a date: dates are not linked")
    if entry["same_as"] not in entity.same_as:
        entity.same_as = (*entity.same_as, entry["same_as"])
    return Applied(entry, used=(entry["id"],), changed=(entry["id"],))


APPLY = {"merge": merge, "split": split, "relabel": relabel, "link": link}
