"""Networks for Gephi: the entity network (GraphML), the event network with
time (GEXF 1.3 with spells) and the co-occurrence network of persons.

Gephi's traps decide the shapes (DESIGN.md): GraphML keys are named, never
`d0…`; an attribute has one value type and never None or a list; time only
reaches Gephi's timeline through GEXF spells. networkx writes GEXF 1.3 with a
wrong XML Schema instance namespace and a date stamp in every file, so GEXF is
written here with xml.etree (networkx still reads it back).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from histkg.rdf.namespaces import HKG, OA, SCHEMA

NODE_CLASSES = {HKG.Person: "Person", HKG.Place: "Place", HKG.Venue: "Venue", HKG.Organization: "Organization",
                HKG.Treaty: "Treaty", HKG.Visit: "Visit", HKG.Stop: "Stop", HKG.TimeSpan: "TimeSpan",
                HKG.Source: "Source", HKG.CitedWork: "CitedWork"}
EVENT_CLASSES = (HKG.Treaty, HKG.Visit)
# Who and where takes part in an event, by the property that says so.
PARTICIPANT_PROPERTIES = (HKG.signatory, HKG.party, HKG.signedAt, HKG.leader, HKG.visitor, HKG.host,
                          HKG.origin, HKG.destination, HKG.partOf)
PERSON_ROLES = (HKG.signatory, HKG.leader, HKG.visitor, HKG.host)

GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GEXF_SCHEMA = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
GEXF_TYPES = ((bool, "boolean"), (int, "integer"), (float, "double"), (str, "string"))  # bool before int

Spell = tuple[str, str]  # (first day, last day) as ISO xsd:date strings, both included


# The entity network ---------------------------------------------------------

def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """Entities (not literals) as nodes with `label` and `type`; object
    properties between them as edges labelled with the property's local name;
    where an entity is mentioned, a weighted `mentionedIn` edge to the source."""
    network = nx.MultiDiGraph()
    nodes = typed_nodes(graph)
    for node, type_name in nodes:
        network.add_node(str(node), **node_attributes(graph, node, type_name))
    for node in list(network):
        links = sorted((local_name(p), str(o)) for p, o in graph.predicate_objects(URIRef(node))
                       if isinstance(o, URIRef) and str(o) in network and p != RDF.type)
        for name, target in links:
            network.add_edge(node, target, key=name, label=name, weight=1)
    for (entity, source), count in sorted(mention_counts(graph, [node for node, _ in nodes]).items()):
        if str(entity) in network and str(source) in network:
            network.add_edge(str(entity), str(source), key="mentionedIn", label="mentionedIn", weight=count)
    return network


def typed_nodes(graph: Graph) -> list[tuple[URIRef, str]]:
    """Every node of a class the networks show, with its type name, sorted."""
    return sorted((node, type_name) for cls, type_name in NODE_CLASSES.items()
                  for node in set(graph.subjects(RDF.type, cls)))


def node_attributes(graph: Graph, node: URIRef, type_name: str) -> dict:
    """Label, type, IRI, number of mentions; a place's coordinates, a person's
    narrative role, an event's bounds: only values that exist, one type each."""
    attributes = {"label": node_label(graph, node, type_name), "type": type_name, "iri": str(node),
                  "mentions": len(set(graph.objects(node, HKG.evidence)))}
    latitude, longitude = graph.value(node, SCHEMA.latitude), graph.value(node, SCHEMA.longitude)
    if latitude is not None and longitude is not None:
        attributes["latitude"], attributes["longitude"] = float(latitude), float(longitude)
    role = graph.value(node, HKG.narrativeRole)
    if role is not None:
        attributes["narrativeRole"] = str(role)
    spell = event_spell(graph, node)
    if spell is not None:
        attributes["earliest"], attributes["latest"] = spell
    return attributes


def node_label(graph: Graph, node: URIRef, type_name: str = "") -> str:
    label = graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label) or graph.value(node, DCTERMS.title)
    if label is not None:
        return str(label)
    place = graph.value(node, HKG.place)
    if type_name == "Stop" and place is not None:  # a stop has no name of its own
        return f"{node_label(graph, place)} (stop {graph.value(node, HKG.order)})"
    return local_name(node)


def mention_counts(graph: Graph, entities: list[URIRef]) -> Counter:
    """(entity, source) -> number of annotations of that entity in that source, for `entities`
    (each node's own evidence: not every statement of the graph read for hkg:evidence)."""
    counts: Counter = Counter()
    for entity in entities:
        for annotation in graph.objects(entity, HKG.evidence):
            source = annotation_source(graph, annotation)
            if source is not None:
                counts[(entity, source)] += 1
    return counts


def annotation_source(graph: Graph, annotation) -> URIRef | None:
    target = graph.value(annotation, OA.hasTarget)
    return graph.value(target, OA.hasSource) if target is not None else None


def local_name(iri) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def write_entity_graphml(graph: Graph, path: Path) -> None:
    write_graphml(entity_network(graph), path)


def write_graphml(network: nx.Graph, path: Path) -> None:
    # Named keys: Gephi then reads `label` as the label, not `d3`/`d7`.
    nx.write_graphml(network, str(path), named_key_ids=True, encoding="utf-8")


# Events in time ---------------------------------------------------------------

@dataclass(frozen=True)
class Participation:
    """`participant` takes part in `event` as `role` (a property's local name), during `spell`."""

    event: URIRef
    participant: URIRef
    role: str
    spell: Spell | None


def event_spell(graph: Graph, node: URIRef) -> Spell | None:
    """(hkg:earliest, hkg:latest) of an event or stop; None unless both are known."""
    earliest = [str(value) for value in graph.objects(node, HKG.earliest)]
    latest = [str(value) for value in graph.objects(node, HKG.latest)]
    if not earliest or not latest:
        return None
    return min(earliest), max(latest)


def participations(graph: Graph) -> list[Participation]:
    """Every (event, participant, role) of the treaties and visits: persons,
    parties and places, and the place of each stop of a visit, in the stop's
    own bounds when it has them."""
    found = []
    for event in sorted({e for cls in EVENT_CLASSES for e in graph.subjects(RDF.type, cls)}):
        spell = event_spell(graph, event)
        for prop in PARTICIPANT_PROPERTIES:
            for participant in graph.objects(event, prop):
                if isinstance(participant, URIRef):
                    found.append(Participation(event, participant, local_name(prop), spell))
        for stop in graph.objects(event, HKG.stop):
            place = graph.value(stop, HKG.place)
            if isinstance(place, URIRef):
                found.append(Participation(event, place, "stop", event_spell(graph, stop) or spell))
    return sorted(found, key=lambda p: (str(p.event), str(p.participant), p.role, p.spell or ("", "")))


def merge_spells(spells) -> list[Spell]:
    """Overlapping spells joined: Gephi refuses a node whose intervals overlap."""
    merged: list[list[str]] = []
    for start, end in sorted(spells):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def event_network(graph: Graph) -> nx.DiGraph:
    """Treaties and visits, each linked to its participants by one edge whose
    label names the roles; events, edges and participants carry spells, so
    Gephi's timeline shows who took part in what, when. Undated events and
    their participants stay without spells (always shown)."""
    network = nx.DiGraph()
    type_of = dict(typed_nodes(graph))
    edges: dict[tuple[URIRef, URIRef], list[Participation]] = defaultdict(list)
    for participation in participations(graph):
        edges[(participation.event, participation.participant)].append(participation)
    for node in sorted({node for pair in edges for node in pair} | events_of(graph)):
        network.add_node(str(node), **node_attributes(graph, node, type_of.get(node, "Entity")))
    spells_of: dict[URIRef, list[Spell]] = defaultdict(list)
    for (event, participant), roles in edges.items():
        spells = merge_spells(p.spell for p in roles if p.spell)
        attributes = {"label": ", ".join(sorted({p.role for p in roles})), "weight": 1.0}
        if spells:  # both ends show while the edge does (a stop may lie outside its visit's bounds)
            attributes["spells"] = spells
            spells_of[participant].extend(spells)
            spells_of[event].extend(spells)
        network.add_edge(str(event), str(participant), **attributes)
    for node, data in network.nodes(data=True):
        own = event_spell(graph, URIRef(node))
        spells = merge_spells(([own] if own else []) + spells_of.get(URIRef(node), []))
        if spells:
            data["spells"] = spells
    return network


def events_of(graph: Graph) -> set[URIRef]:
    return {event for cls in EVENT_CLASSES for event in graph.subjects(RDF.type, cls)}


def write_event_gexf(graph: Graph, path: Path) -> None:
    write_gexf(event_network(graph), path, "histkg: treaties and visits with their participants, in time")


# Co-occurrence of persons -------------------------------------------------------

def cooccurrence_network(graph: Graph) -> nx.Graph:
    """Persons linked when a source names them in the same sentence or when
    they take part in the same event. Edge `weight` = `sentences` + `events`
    (how many of each they share); nodes carry label, narrativeRole and
    mentions. Undirected, no self loops; persons with no link stay as isolates."""
    persons = sorted(set(graph.subjects(RDF.type, HKG.Person)))
    sentences = shared_counts(persons_by_sentence(graph, persons))
    events = shared_counts(persons_by_event(graph, set(persons)))
    network = nx.Graph()
    for person in persons:
        attributes = node_attributes(graph, person, "Person")
        network.add_node(str(person), **{key: attributes[key] for key in ("label", "narrativeRole", "mentions", "iri")
                                          if key in attributes})
    for pair in sorted(set(sentences) | set(events)):
        counts = {"sentences": sentences.get(pair, 0), "events": events.get(pair, 0)}
        network.add_edge(str(pair[0]), str(pair[1]), weight=counts["sentences"] + counts["events"], **counts)
    return network


def persons_by_sentence(graph: Graph, persons: list[URIRef]) -> dict[tuple, set[URIRef]]:
    """(source, sentence text) -> the persons an annotation there points to."""
    groups: dict[tuple, set[URIRef]] = defaultdict(set)
    for person in persons:
        for annotation in graph.objects(person, HKG.evidence):
            sentence = graph.value(annotation, HKG.sentence)
            source = annotation_source(graph, annotation)
            if sentence is not None and source is not None:
                groups[(source, str(sentence))].add(person)
    return groups


def persons_by_event(graph: Graph, persons: set[URIRef]) -> dict[URIRef, set[URIRef]]:
    groups: dict[URIRef, set[URIRef]] = defaultdict(set)
    for event in events_of(graph):
        for role in PERSON_ROLES:
            groups[event] |= {p for p in graph.objects(event, role) if p in persons}
    return groups


def shared_counts(groups: dict) -> Counter:
    """(a, b) with a < b -> in how many groups both stand."""
    counts: Counter = Counter()
    for members in groups.values():
        counts.update(combinations(sorted(members), 2))
    return counts


def write_cooccurrence_graphml(graph: Graph, path: Path) -> None:
    write_graphml(cooccurrence_network(graph), path)


def write_cooccurrence_gexf(graph: Graph, path: Path) -> None:
    write_gexf(cooccurrence_network(graph), path, "histkg: persons named in the same sentence or event")


# GEXF 1.3 --------------------------------------------------------------------------

def write_gexf(network: nx.Graph, path: Path, description: str) -> None:
    """GEXF 1.3: `label` and (edges) `weight` as XML attributes, `spells` as
    spells, every other value as an attribute of one declared type. The file
    has no date stamp, so the same network gives the same bytes."""
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": GEXF_SCHEMA,
                               "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "histkg"
    ET.SubElement(meta, "description").text = description
    dynamic = any("spells" in data for _, data in network.nodes(data=True)) or \
        any("spells" in data for *_, data in network.edges(data=True))
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed" if network.is_directed() else "undirected",
                                          "mode": "dynamic" if dynamic else "static"})
    if dynamic:
        graph.set("timeformat", "date")
        graph.set("timerepresentation", "interval")
    node_types = attribute_types(data for _, data in network.nodes(data=True))
    edge_types = attribute_types(data for *_, data in network.edges(data=True))
    declare_attributes(graph, "node", node_types)
    declare_attributes(graph, "edge", edge_types)
    nodes = ET.SubElement(graph, "nodes")
    for node, data in network.nodes(data=True):
        element = ET.SubElement(nodes, "node", {"id": str(node), "label": str(data.get("label", node))})
        add_values(element, data, node_types)
    edges = ET.SubElement(graph, "edges")
    for number, (source, target, data) in enumerate(network.edges(data=True)):
        attributes = {"id": str(number), "source": str(source), "target": str(target)}
        attributes |= {key: str(data[key]) for key in ("label", "weight") if key in data}
        add_values(ET.SubElement(edges, "edge", attributes), data, edge_types)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


RESERVED = {"label", "weight", "spells"}  # written as XML attributes or spells, not attvalues


def attribute_types(records) -> dict[str, str]:
    """Attribute name -> GEXF type; a name with values of two types is a bug."""
    types: dict[str, str] = {}
    for data in records:
        for key, value in data.items():
            if key in RESERVED:
                continue
            gexf_type = next((name for python, name in GEXF_TYPES if isinstance(value, python)), None)
            if gexf_type is None or types.setdefault(key, gexf_type) != gexf_type:
                raise TypeError(f"GEXF attribute {key!r} has a value {value!r} of another type than {types.get(key)}")
    return dict(sorted(types.items()))


def declare_attributes(graph: ET.Element, cls: str, types: dict[str, str]) -> None:
    if types:
        attributes = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for key, gexf_type in types.items():
            ET.SubElement(attributes, "attribute", {"id": key, "title": key, "type": gexf_type})


def add_values(element: ET.Element, data: dict, types: dict[str, str]) -> None:
    values = [(key, data[key]) for key in types if key in data]
    if values:
        attvalues = ET.SubElement(element, "attvalues")
        for key, value in values:
            text = str(value).lower() if isinstance(value, bool) else str(value)
            ET.SubElement(attvalues, "attvalue", {"for": key, "value": text})
    if data.get("spells"):
        spells = ET.SubElement(element, "spells")
        for start, end in data["spells"]:
            ET.SubElement(spells, "spell", {"start": start, "end": end})
