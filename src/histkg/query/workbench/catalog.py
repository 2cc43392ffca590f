"""What the graph holds, read once at start: every person, place, organization, treaty, journey
and source with its labels, sources, mention count and dates, for lists, search and labels.

A few grouped SELECTs fill it (a fraction of a second on the seeds); pages then find a label
or a list without asking the store again.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from histkg.query.workbench.graph import HKG, Graph, number, text


@dataclass(frozen=True)
class Kind:
    name: str  # the IRI's first path segment and the list's URL: /browse/person
    cls: str  # hkg class
    singular: str
    plural: str


KINDS = (
    Kind("person", HKG + "Person", "person", "Persons"),
    Kind("place", HKG + "Place", "place", "Places"),
    Kind("venue", HKG + "Venue", "venue", "Venues"),  # a building or quay where a journey stops
    Kind("organization", HKG + "Organization", "organization", "Organizations"),
    Kind("treaty", HKG + "Treaty", "treaty", "Treaties"),
    Kind("visit", HKG + "Visit", "journey", "Journeys"),
    Kind("source", HKG + "Source", "source", "Sources"),
)
KIND_OF_CLASS = {kind.cls: kind for kind in KINDS}
KIND_BY_NAME = {kind.name: kind for kind in KINDS}


@dataclass
class Entity:
    iri: str
    kind: Kind
    label: str
    alt_labels: list[str] = field(default_factory=list)
    mentions_by_source: dict[str, int] = field(default_factory=dict)  # source IRI -> mentions there
    role: str = ""  # hkg:narrativeRole of a person
    earliest: str = ""  # xsd:date bounds of an event
    latest: str = ""
    latitude: float | None = None
    longitude: float | None = None
    same_as: list[str] = field(default_factory=list)
    file: str = ""  # a source's hkg:file

    @property
    def mentions(self) -> int:
        return sum(self.mentions_by_source.values())

    @property
    def source_id(self) -> str:
        """A source's last IRI segment, the name of its page in the reader."""
        return self.iri.rsplit("/", 1)[-1]


def folded(value: str) -> str:
    """Lower case without diacritics, so `vorosilov` finds `Voroşilov` and `ismet` finds `İsmet`."""
    decomposed = unicodedata.normalize("NFKD", value.replace("ı", "i").replace("İ", "I"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Catalog:
    """The entities of the graph by IRI and by kind."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.entities: dict[str, Entity] = {}
        self._read_entities()
        self._read_alt_labels()
        self._read_mentions()
        self._read_attributes()
        self.by_kind: dict[str, list[Entity]] = defaultdict(list)
        for entity in sorted(self.entities.values(), key=lambda entity: folded(entity.label)):
            self.by_kind[entity.kind.name].append(entity)

    def _read_entities(self) -> None:
        classes = " ".join(f"<{kind.cls}>" for kind in KINDS)
        rows = self.graph.select(f"""SELECT ?e ?type (MIN(?name) AS ?label) WHERE {{
            VALUES ?type {{ {classes} }} ?e a ?type .
            OPTIONAL {{ ?e skos:prefLabel|dcterms:title ?name }} }} GROUP BY ?e ?type""")
        for row in rows:
            iri = row["e"].value
            self.entities[iri] = Entity(iri, KIND_OF_CLASS[row["type"].value], text(row.get("label")) or iri)

    def _read_alt_labels(self) -> None:
        for row in self.graph.select("SELECT ?e ?alt WHERE { ?e skos:altLabel ?alt } ORDER BY ?e ?alt"):
            if entity := self.entities.get(row["e"].value):
                entity.alt_labels.append(row["alt"].value)

    def _read_mentions(self) -> None:
        rows = self.graph.select("""SELECT ?e ?source (COUNT(DISTINCT ?a) AS ?n) WHERE {
            ?e hkg:evidence ?a . ?a oa:hasTarget/oa:hasSource ?source } GROUP BY ?e ?source""")
        for row in rows:
            if entity := self.entities.get(row["e"].value):
                entity.mentions_by_source[row["source"].value] = number(row["n"])

    def _read_attributes(self) -> None:
        rows = self.graph.select("""SELECT ?e ?role ?earliest ?latest ?lat ?long ?file WHERE {
            { ?e hkg:narrativeRole ?role } UNION { ?e hkg:earliest ?earliest } UNION { ?e hkg:latest ?latest }
            UNION { ?e schema:latitude ?lat ; schema:longitude ?long } UNION { ?e hkg:file ?file } }""")
        for row in rows:
            entity = self.entities.get(row["e"].value)
            if entity is None:
                continue
            entity.role = text(row.get("role")) or entity.role
            entity.file = text(row.get("file")) or entity.file
            if "earliest" in row:  # two sources may bound an event differently: keep the widest span
                entity.earliest = min(filter(None, (entity.earliest, row["earliest"].value)))
            if "latest" in row:
                entity.latest = max(entity.latest, row["latest"].value)
            if "lat" in row:
                entity.latitude, entity.longitude = float(row["lat"].value), float(row["long"].value)
        for row in self.graph.select("SELECT ?e ?other WHERE { ?e owl:sameAs ?other } ORDER BY ?other"):
            if entity := self.entities.get(row["e"].value):
                entity.same_as.append(row["other"].value)

    # --- asking it -----------------------------------------------------------------------

    def get(self, iri: str) -> Entity | None:
        return self.entities.get(iri)

    def label(self, iri: str) -> str:
        entity = self.entities.get(iri)
        return entity.label if entity else iri.rsplit("/", 1)[-1]

    def sources(self) -> list[Entity]:
        return self.by_kind["source"]

    def counts(self) -> dict[str, int]:
        return {kind.name: len(self.by_kind[kind.name]) for kind in KINDS}

    def search(self, words: str, kinds=None) -> list[Entity]:
        """Entities whose preferred or other label contains every word, best first:
        a label that starts with the words, then by mentions."""
        needles = folded(words).split()
        found = []
        for entity in self.entities.values():
            if kinds and entity.kind.name not in kinds:
                continue
            labels = [folded(label) for label in (entity.label, *entity.alt_labels)]
            if needles and any(all(needle in label for needle in needles) for label in labels):
                starts = any(label.startswith(needles[0]) for label in labels)
                found.append((not starts, -entity.mentions, folded(entity.label), entity))
        return [entry[-1] for entry in sorted(found, key=lambda entry: entry[:3])]
