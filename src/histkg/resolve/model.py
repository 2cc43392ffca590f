"""Events: the values one treaty or journey has, each claimed by a source."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EventClaim:
    """One value of one slot of an event, as one source states it."""

    predicate: str  # a term of the hkg vocabulary: signedOn, signedAt, party, visitor...
    value: object  # an Entity, or a DATE Mention (its DateMatch gives the literal)
    evidence: tuple  # Mentions
    problem: str | None = None
    inference: str | None = None  # how a value the passage does not state was drawn from the context

    @property
    def doc_id(self) -> str:
        return self.evidence[0].doc_id


@dataclass
class Stop:
    order: int
    place: object  # Entity
    evidence: tuple
    date: EventClaim | None = None
    flagged: list[EventClaim] = field(default_factory=list)  # days the text states but cannot be right
    inference: str | None = None  # how a place the passage does not state was drawn from the context


@dataclass
class Event:
    kind: str  # Treaty | Visit
    label: str
    slug: str = ""
    entity: object = None  # the Treaty entity a treaty event describes
    evidence: list = field(default_factory=list)  # Mentions that name the event
    claims: list[EventClaim] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    part_of: object = None  # the Event of the journey a visit is a leg of
    # (predicate, value, source) of every claim: one claim per value and source,
    # looked up rather than searched for among the claims (a treaty many texts tell of has many)
    told: set = field(default_factory=set, repr=False)

    def values(self, predicate: str) -> list:
        return [c.value for c in self.claims if c.predicate == predicate]

    def add(self, predicate: str, value, evidence: tuple, problem: str | None = None,
            inference: str | None = None) -> None:
        if value is None:
            return
        key = (predicate, value_key(value), evidence[0].doc_id)
        if key in self.told:
            return
        self.told.add(key)
        self.claims.append(EventClaim(predicate, value, evidence, problem, inference))


def value_key(value) -> tuple:
    """A date is the same value as any mention of the same date; an entity only as itself."""
    data = getattr(value, "data", None)
    return ("date", data.edtf) if hasattr(data, "edtf") else ("object", id(value))
