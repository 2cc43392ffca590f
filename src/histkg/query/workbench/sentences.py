"""Which entities each sentence of each source names, read once at start: who is named with whom,
for an entity's page and the network of persons. One query gathers it; a page then counts in
Python over the entity's own sentences instead of joining the graph's sentences at each request.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from histkg.query.workbench.catalog import Catalog, Entity
from histkg.query.workbench.graph import Graph

SentenceKey = tuple[str, str]  # (source IRI, the sentence as the annotation gives it)


class Sentences:
    def __init__(self, graph: Graph, catalog: Catalog) -> None:
        self.catalog = catalog
        self.named_in: dict[str, set[SentenceKey]] = defaultdict(set)  # entity IRI -> its sentences
        self.naming: dict[SentenceKey, set[str]] = defaultdict(set)  # sentence -> entities it names
        texts: dict[str, str] = {}  # one string per distinct sentence, however many mentions share it
        rows = graph.select("""SELECT ?e ?source ?sentence WHERE {
            ?e hkg:evidence ?a . ?a hkg:sentence ?sentence ; oa:hasTarget/oa:hasSource ?source }""")
        for row in rows:
            entity = catalog.get(row["e"].value)
            if entity is None or entity.kind.name == "source":
                continue
            sentence = row["sentence"].value
            key = (row["source"].value, texts.setdefault(sentence, sentence))
            self.named_in[entity.iri].add(key)
            self.naming[key].add(entity.iri)

    def named_with(self, iri: str, most: int) -> list[tuple[Entity, int]]:
        """The entities named in the same sentences as this one, with in how many, most first."""
        counts: Counter = Counter()
        for key in self.named_in.get(iri, ()):
            counts.update(self.naming[key] - {iri})
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.catalog.label(item[0])))
        return [(self.catalog.get(other), count) for other, count in ranked[:most]]

    def persons_by_sentence(self) -> dict[str, dict[str, set[str]]]:
        """source IRI -> sentence -> the persons it names."""
        groups: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for (source, sentence), entities in self.naming.items():
            persons = {iri for iri in entities if self.catalog.get(iri).kind.name == "person"}
            if persons:
                groups[source][sentence] = persons
        return groups
