"""What an entity's page shows: names, type, links out, facts as sentences with their claims,
conflicts side by side, a journey's itinerary, the entities linked to it and every sentence
that mentions it. One function gathers it; `templates/entity.html` lays it out, block by
block, so a later feature adds a block rather than another page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from histkg.query.workbench.catalog import Catalog, Entity
from histkg.query.workbench.evidence import Evidence, evidence_of
from histkg.query.workbench.facts import Fact, FactReader, Stop, conflicts
from histkg.query.workbench.graph import Graph, number

LINKED_SHOWN = 30  # the entities most often named with it; the rest are in the SPARQL console
MENTIONS_SHOWN = 200  # sentences per source on the page unless all are asked for (?mentions=all)


@dataclass
class EntityPage:
    entity: Entity
    facts: list[Fact]
    conflicts: dict[str, list[Fact]]
    takes_part: list[Fact]
    itinerary: list[Stop]
    named_with: list[tuple[Entity, int]]
    mentions: dict[str, list[Evidence]] = field(default_factory=dict)  # source IRI -> its mentions shown
    mentions_left_out: int = 0

    @property
    def mention_count(self) -> int:
        return sum(len(found) for found in self.mentions.values()) + self.mentions_left_out


def named_with(graph: Graph, catalog: Catalog, iri: str) -> list[tuple[Entity, int]]:
    """Entities the sources name in the same sentences, with how many sentences."""
    rows = graph.select(f"""SELECT ?other (COUNT(DISTINCT ?key) AS ?n) WHERE {{
        <{iri}> hkg:evidence ?a . ?a hkg:sentence ?sentence ; oa:hasTarget/oa:hasSource ?source .
        ?b hkg:sentence ?sentence ; oa:hasTarget/oa:hasSource ?source . ?other hkg:evidence ?b .
        FILTER(?other != <{iri}>) BIND(CONCAT(STR(?source), " ", ?sentence) AS ?key) }}
        GROUP BY ?other ORDER BY DESC(?n)""")
    found = [(catalog.get(row["other"].value), number(row["n"])) for row in rows]
    found = [(entity, count) for entity, count in found if entity and entity.kind.name != "source"]
    return found[:LINKED_SHOWN]


def gather(graph: Graph, catalog: Catalog, entity: Entity, all_mentions: bool = False) -> EntityPage:
    reader = FactReader(graph, catalog)
    facts = reader.outgoing(entity.iri)
    disagreements = conflicts(facts)
    mentions: dict[str, list[Evidence]] = defaultdict(list)
    for evidence in evidence_of(graph, entity.iri):
        mentions[evidence.source].append(evidence)
    itinerary = reader.itinerary(entity.iri) if entity.kind.name == "visit" else []
    agreed = [fact for fact in facts if fact.predicate not in disagreements]
    left_out = 0
    if not all_mentions:
        left_out = sum(max(0, len(found) - MENTIONS_SHOWN) for found in mentions.values())
        mentions = {source: found[:MENTIONS_SHOWN] for source, found in mentions.items()}
    return EntityPage(entity, agreed, disagreements, reader.incoming(entity.iri), itinerary,
                      named_with(graph, catalog, entity.iri), dict(mentions), left_out)
