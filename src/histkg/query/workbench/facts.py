"""An entity's facts as sentences a person reads (`signed on 16 March 1921 — according to 004, "…"`),
each with the claims that state it: source, quoted words, and how a value was inferred.

Facts come from the entity's own triples (a treaty's date, a journey's leader) and from the
events that point at it (the journeys a person led, the treaties signed in a place). A
property that takes one value (a date, a place of signing) but has several is a conflict: the
page shows the values side by side, each with its source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from histkg.query.workbench.catalog import Catalog
from histkg.query.workbench.evidence import Evidence, read_evidence
from histkg.query.workbench.graph import HKG, Graph, is_date, number, readable_date, readable_dates, text

# predicate -> (sentence about the subject, sentence about the object); {} is the other entity.
PHRASES = {
    "signedOn": ("signed on {}", None),
    "signedAt": ("signed at {}", "{} was signed here"),
    "party": ("{} is a party", "party to {}"),
    "signatory": ("signed by {}", "signed {}"),
    "leader": ("led by {}", "led {}"),
    "visitor": ("{} travelled", "travelled in {}"),
    "host": ("hosted by {}", "hosted {}"),
    "origin": ("set out from {}", "{} set out from here"),
    "destination": ("went to {}", "{} went here"),
    "startDate": ("began on {}", None),
    "endDate": ("ended on {}", None),
    "partOf": ("a leg of {}", "{} is a leg of it"),
}
SINGLE_VALUED = ("signedOn", "signedAt", "startDate", "endDate")  # more than one value: the sources disagree


@dataclass
class Claim:
    """One source's statement of a fact."""

    iri: str  # the hkg:Claim node: what a reviewer's verdict would be about
    source: str
    evidence: list[Evidence] = field(default_factory=list)
    inference: str = ""
    problem: str = ""
    year_from_context: bool = False
    curated: bool = False  # asserted by a scholar in the curation file, not found by the extractor


@dataclass
class Fact:
    predicate: str  # local name in hkg:
    before: str  # the sentence around the value: before + value + after
    after: str
    value: str  # a label or a readable date
    value_iri: str = ""  # the entity the value names, when it is one
    raw: str = ""  # the value as the graph writes it (a date's ISO form), for sorting
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Stop:
    order: int
    place: str
    place_label: str
    date: str
    claims: list[Claim]


def phrase_parts(template: str) -> tuple[str, str]:
    before, _, after = template.partition("{}")
    return before, after


def local_name(iri: str) -> str:
    return iri[len(HKG):] if iri.startswith(HKG) else iri.rsplit("/", 1)[-1]


class FactReader:
    """Facts and claims about one entity at a time."""

    def __init__(self, graph: Graph, catalog: Catalog) -> None:
        self.graph = graph
        self.catalog = catalog

    def value_of(self, term: ox.Term) -> tuple[str, str]:
        """(what the page shows, the entity IRI or "")."""
        if isinstance(term, ox.NamedNode):
            return self.catalog.label(term.value), term.value
        return (readable_date(term) if is_date(term) else term.value), ""

    def claims_about(self, subject_or_object: str, side: str) -> dict[tuple[str, str, str], list[Claim]]:
        """Claims by (subject, predicate, object value), for claims whose `side` is the entity."""
        rows = self.graph.select(f"""SELECT ?c ?s ?p ?o ?source ?a ?inference ?problem ?context ?curated WHERE {{
            ?c a hkg:Claim ; hkg:{side} <{subject_or_object}> ; hkg:subject ?s ; hkg:predicate ?p ;
               hkg:object ?o ; hkg:source ?source .
            OPTIONAL {{ ?c hkg:evidence ?a }} OPTIONAL {{ ?c hkg:inference ?inference }}
            OPTIONAL {{ ?c hkg:problem ?problem }} OPTIONAL {{ ?c hkg:yearFromContext ?context }}
            OPTIONAL {{ ?c hkg:curated ?curated }} }}""")
        evidence = read_evidence(self.graph, [row["a"].value for row in rows if "a" in row])
        claims: dict[str, Claim] = {}
        keys: dict[str, tuple] = {}
        for row in rows:
            iri = row["c"].value
            claim = claims.setdefault(iri, Claim(iri, row["source"].value, inference=text(row.get("inference")),
                                                 problem=text(row.get("problem")),
                                                 year_from_context=text(row.get("context")) == "true",
                                                 curated=text(row.get("curated")) == "true"))
            keys[iri] = (row["s"].value, local_name(row["p"].value), row["o"].value)
            if "a" in row and row["a"].value in evidence and evidence[row["a"].value] not in claim.evidence:
                claim.evidence.append(evidence[row["a"].value])
        grouped: dict[tuple, list[Claim]] = defaultdict(list)
        for iri, claim in claims.items():
            claim.evidence.sort(key=lambda item: item.start)
            grouped[keys[iri]].append(claim)
        return grouped

    def outgoing(self, iri: str) -> list[Fact]:
        """What the entity's own properties say: a treaty's date and parties, a journey's leader."""
        predicates = " ".join(f"hkg:{name}" for name in PHRASES)
        rows = self.graph.select(f"SELECT ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} <{iri}> ?p ?o }}")
        claims = self.claims_about(iri, "subject")
        facts = []
        for row in rows:
            name = local_name(row["p"].value)
            value, value_iri = self.value_of(row["o"])
            facts.append(Fact(name, *phrase_parts(PHRASES[name][0]), value, value_iri, row["o"].value,
                              claims.get((iri, name, row["o"].value), [])))
        order = list(PHRASES)
        return sorted(facts, key=lambda fact: (order.index(fact.predicate), fact.raw, fact.value))

    def incoming(self, iri: str) -> list[Fact]:
        """What events say of the entity: journeys a person led, treaties signed in a place."""
        predicates = " ".join(f"hkg:{name}" for name, (_, about_object) in PHRASES.items() if about_object)
        rows = self.graph.select(f"""SELECT ?s ?p WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p <{iri}> }}""")
        claims = self.claims_about(iri, "object")
        facts = []
        for row in rows:
            name, subject = local_name(row["p"].value), row["s"].value
            facts.append(Fact(name, *phrase_parts(PHRASES[name][1]), self.catalog.label(subject), subject,
                              self.catalog.get(subject).earliest if self.catalog.get(subject) else "",
                              claims.get((subject, name, iri), [])))
        facts = without_travelling_leaders(facts) + self.stops_here(iri)
        return sorted(facts, key=lambda fact: (fact.raw or "9999", fact.value, fact.predicate))

    def stops_here(self, place: str) -> list[Fact]:
        """Journeys that stop at a place, each with the stop's number and date."""
        rows = self.graph.select(f"""SELECT ?visit ?stop ?order (GROUP_CONCAT(DISTINCT STR(?d)) AS ?dates)
            WHERE {{ ?visit hkg:stop ?stop . ?stop hkg:place <{place}> ; hkg:order ?order .
            OPTIONAL {{ ?stop hkg:date ?d }} }} GROUP BY ?visit ?stop ?order""")
        facts = []
        for row in rows:
            claims = [claim for found in self.claims_about(row["stop"].value, "subject").values() for claim in found]
            dates = text(row.get("dates"))
            when = f" on {readable_dates(dates)}" if dates else ""
            first_date = min(dates.split(), default="")  # for the time order of the page
            facts.append(Fact("place", "", f" stopped here (stop {number(row['order'])}{when})",
                              self.catalog.label(row["visit"].value), row["visit"].value, first_date, claims))
        return facts

    def itinerary(self, visit: str) -> list[Stop]:
        """A journey's stops in order, each with its place, date and the claims that state them."""
        rows = self.graph.select(f"""SELECT ?stop ?order ?place (GROUP_CONCAT(DISTINCT STR(?d)) AS ?dates) WHERE {{
            <{visit}> hkg:stop ?stop . ?stop hkg:order ?order ; hkg:place ?place .
            OPTIONAL {{ ?stop hkg:date ?d }} }} GROUP BY ?stop ?order ?place ORDER BY ?order""")
        stops = []
        for row in rows:
            claims = [claim for found in self.claims_about(row["stop"].value, "subject").values() for claim in found]
            stops.append(Stop(number(row["order"]), row["place"].value, self.catalog.label(row["place"].value),
                              readable_dates(text(row.get("dates"))), claims))
        return stops


def without_travelling_leaders(facts: list[Fact]) -> list[Fact]:
    """A leader is also among a journey's travellers: say `led` once, with the claims of both."""
    led = {fact.value_iri: fact for fact in facts if fact.predicate == "leader"}
    kept = []
    for fact in facts:
        leader = led.get(fact.value_iri) if fact.predicate == "visitor" else None
        if leader is None:
            kept.append(fact)
            continue
        quoted = {evidence.annotation for claim in leader.claims for evidence in claim.evidence}
        leader.claims += [claim for claim in fact.claims
                          if not {evidence.annotation for evidence in claim.evidence} <= quoted]
    return kept


def conflicts(facts: list[Fact]) -> dict[str, list[Fact]]:
    """Single-valued properties with more than one value: the sources disagree."""
    by_predicate: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.predicate in SINGLE_VALUED:
            by_predicate[fact.predicate].append(fact)
    return {name: values for name, values in by_predicate.items() if len(values) > 1}
