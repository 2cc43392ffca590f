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

    def values(self, predicate: str) -> list:
        return [c.value for c in self.claims if c.predicate == predicate]

    def add(self, predicate: str, value, evidence: tuple, problem: str | None = None,
            inference: str | None = None) -> None:
        if value is None:
            return
        for claim in self.claims:
            if claim.predicate == predicate and same_value(claim.value, value) and claim.doc_id == evidence[0].doc_id:
                return  # one claim per value and source
        self.claims.append(EventClaim(predicate, value, evidence, problem, inference))


def same_value(a, b) -> bool:
    if hasattr(a, "data") and hasattr(b, "data") and hasattr(a.data, "edtf"):
        return a.data.edtf == b.data.edtf
    return a is b
