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
from histkg.query.workbench.graph import Graph, text
from histkg.query.workbench.sentences import Sentences

LINKED_SHOWN = 30  # the entities most often named with it; the rest are in the SPARQL console
MENTIONS_SHOWN = 100  # sentences on the page unless all are asked for (?mentions=all)


@dataclass(frozen=True)
class Correction:
    """A curation entry the build applied to the entity (its prov:Activity): what, why, who, when."""

    action: str
    reason: str
    by: str = ""
    date: str = ""


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
    corrected: list[Correction] = field(default_factory=list)  # the curation entries a build applied to it

    @property
    def mention_count(self) -> int:
        return sum(len(found) for found in self.mentions.values()) + self.mentions_left_out


def gather(graph: Graph, catalog: Catalog, sentences: Sentences, entity: Entity,
           all_mentions: bool = False) -> EntityPage:
    reader = FactReader(graph, catalog)
    facts = reader.outgoing(entity.iri)
    disagreements = conflicts(facts)
    shown, total = evidence_of(graph, entity.iri, None if all_mentions else MENTIONS_SHOWN)
    mentions: dict[str, list[Evidence]] = defaultdict(list)
    for evidence in shown:
        mentions[evidence.source].append(evidence)
    itinerary = reader.itinerary(entity.iri) if entity.kind.name == "visit" else []
    agreed = [fact for fact in facts if fact.predicate not in disagreements]
    return EntityPage(entity, agreed, disagreements, reader.incoming(entity.iri), itinerary,
                      sentences.named_with(entity.iri, LINKED_SHOWN), dict(mentions), total - len(shown),
                      corrections_of(graph, entity.iri))


def corrections_of(graph: Graph, iri: str) -> list[Correction]:
    rows = graph.select(f"""SELECT ?action ?reason ?by ?date WHERE {{ <{iri}> hkg:curatedBy ?activity .
        ?activity hkg:action ?action ; hkg:reason ?reason .
        OPTIONAL {{ ?activity dcterms:creator ?by }} OPTIONAL {{ ?activity dcterms:date ?date }} }}
        ORDER BY ?date ?action ?reason""")
    return [Correction(text(row["action"]), text(row["reason"]), text(row.get("by")), text(row.get("date")))
            for row in rows]
