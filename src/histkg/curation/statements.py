"""Entries that act on the statements of the built graph: reject, retract, assert.

What a reject or a retract takes out of the graph is not lost: each quad is kept
in the named graph `…/graph/curation/rejected` as an rdf:Statement (subject,
predicate, object, the graph it was in) that the entry's prov:Activity
invalidated. Reified, not as the quads themselves: a store's default graph is
the union of the named graphs, where a rejected place would be a place again.

An asserted fact is written as the extractor writes one: the triple and an
hkg:Claim in its source's named graph, with an evidence annotation at the
quote's offsets in the original file; the claim also says `hkg:curated true`
and which prov:Activity made it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from pathlib import PurePath

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from histkg.curation.entities import Applied, NotApplicable
from histkg.curation.entries import DATE_PROPERTIES, Entry, find_quote
from histkg.mentions.extract import Extraction, Mention
from histkg.rdf.graph import Iris, add_annotation
from histkg.rdf.namespaces import HKG
from histkg.rdf.repair import claims, node_quads
from histkg.text.corpus import Document

DATE_TERMS = tuple(HKG[name] for name in DATE_PROPERTIES)
CURATION_GRAPH = "graph/curation"  # the applied entries, and hkg:curatedBy from what they changed
REJECTED_GRAPH = "graph/curation/rejected"  # what rejects and retracts took away, reified


class GraphCuration:
    """The built dataset, the corpus it came from, and the entries applied to it."""

    def __init__(self, dataset: Dataset, extractions: list[Extraction], base: str) -> None:
        self.dataset = dataset
        self.extractions = extractions
        self.iris = Iris(base)

    def iri(self, wanted: str) -> URIRef:
        return URIRef(self.iris.base + wanted)

    def graph(self, path: str):
        """A named graph of the dataset, made when first asked for (so none stays empty)."""
        return self.dataset.graph(self.iri(path))

    def activity(self, entry: Entry) -> URIRef:
        return self.iri(entry.activity_path)

    def exists(self, node: URIRef) -> bool:
        return next(iter(self.dataset.quads((node, None, None, None))), None) is not None

    # A Dataset's own subjects(), objects() and value() read its default graph only;
    # these read every named graph.
    def objects(self, node, prop) -> set:
        return {obj for _, _, obj, _ in self.dataset.quads((node, prop, None, None))}

    def subjects(self, prop, obj) -> set:
        return {subject for subject, *_ in self.dataset.quads((None, prop, obj, None))}

    def node(self, wanted: str) -> URIRef:
        node = self.iri(wanted)
        if not self.exists(node):
            raise NotApplicable(f"no node {wanted} in the graph (its canonical name changed, or another entry "
                                "took it away)")
        return node

    # --- the entries ------------------------------------------------------------

    def reject(self, entry: Entry) -> Applied:
        """The node, every statement about it or pointing to it, the claims that
        need it, and what cannot stand without it (a stop without its place)."""
        node = self.node(entry["id"])
        # Its annotations stay in their sources' graphs: the kept records' hkg:evidence
        # statements point at them, the evidence of what was rejected.
        quads = node_quads(self.dataset, node)
        for claim in claims(self.dataset, node) | claims(self.dataset, obj=node):
            quads |= node_quads(self.dataset, claim)
        self.set_aside(quads, entry)
        self.set_aside(self.orphans(), entry)
        return Applied(entry, used=(entry["id"],))

    def retract(self, entry: Entry) -> Applied:
        subject, predicate, obj = self.fact(entry)
        quads = set(self.dataset.quads((subject, predicate, obj, None)))
        if not quads:
            raise NotApplicable(f"the graph does not state {entry['subject']} {entry['property']} {entry['object']}")
        for claim in claims(self.dataset, subject, predicate, obj):
            quads |= node_quads(self.dataset, claim)
        self.set_aside(quads, entry)
        self.renew_bounds({subject} if predicate in DATE_TERMS else set())
        return self.applied_to_fact(entry, obj)

    def assert_(self, entry: Entry) -> Applied:
        subject, predicate, obj = self.fact(entry)
        document = self.document(entry["source"])
        start, end = find_quote(document.text, entry["quote"])
        if start is None:
            raise NotApplicable(f"the quote {entry['quote']!r} is not in {document.file}")
        graph = self.dataset.graph(self.iris.named_graph(document))
        annotation = self.annotation(graph, document, start, end)
        claim = self.iri("claim/curated-" + hashlib.sha1(
            f"{subject}|{predicate}|{obj}|{document.doc_id}:{start}-{end}".encode()).hexdigest()[:16])
        graph.add((subject, predicate, obj))
        for prop, value in ((RDF.type, HKG.Claim), (HKG.subject, subject), (HKG.predicate, predicate),
                            (HKG.object, obj), (HKG.source, self.iris.source(document)),
                            (HKG.evidence, annotation), (HKG.curated, Literal(True)),
                            (PROV.wasGeneratedBy, self.activity(entry))):
            graph.add((claim, prop, value))
        self.renew_bounds({subject} if predicate in DATE_TERMS else set())
        return self.applied_to_fact(entry, obj)

    # --- helpers ------------------------------------------------------------------

    def fact(self, entry: Entry) -> tuple:
        """(subject, predicate, object) of an assert or retract, its nodes checked."""
        name = entry["property"].removeprefix("hkg:")
        obj = date_literal(entry["object"]) if name in DATE_PROPERTIES else self.node(entry["object"])
        return self.node(entry["subject"]), HKG[name], obj

    @staticmethod
    def applied_to_fact(entry: Entry, obj) -> Applied:
        """An assert or retract uses its subject and an object that is a node; it changes the subject."""
        used = (entry["subject"], entry["object"]) if isinstance(obj, URIRef) else (entry["subject"],)
        return Applied(entry, used=used, changed=(entry["subject"],))

    def document(self, source: str) -> Document:
        """The document an entry names by its file as read, its file name or its id."""
        documents = [x.document for x in self.extractions]
        found = [d for d in documents if source in (d.file, PurePath(d.file).name, d.doc_id)]
        if len(found) != 1:
            raise NotApplicable(f"no source {source} in the corpus" if not found
                                else f"{source} names {len(found)} sources: give the path as read")
        return found[0]

    def annotation(self, graph, document: Document, start: int, end: int) -> URIRef:
        """The annotation of the quote: the extractor's own when it annotated
        these very offsets, else a new one with the sentence around it."""
        extraction = next(x for x in self.extractions if x.document is document)
        text = document.text
        quote = Mention(document.doc_id, "QUOTE", " ".join(text[start:end].split()), start, end,
                        section_at(extraction, start), sentence_around(text, start, end))
        node = self.iris.annotation(quote)
        return node if self.exists(node) else add_annotation(graph, quote, document, self.iris)

    def set_aside(self, quads: set, entry: Entry) -> None:
        """Move quads out of their graphs into the rejected graph, reified. What the
        curation graphs hold (an earlier entry's record naming the same node) stays."""
        own = {self.iri(CURATION_GRAPH), self.iri(REJECTED_GRAPH)}
        quads = {quad for quad in quads if quad[3] not in own}
        activity = self.activity(entry)
        rejected = self.graph(REJECTED_GRAPH) if quads else None
        for quad in sorted(quads):
            subject, predicate, obj, graph = quad
            self.dataset.remove(quad)
            record = self.iri("rejected/" + hashlib.sha1(
                f"{subject}|{predicate}|{obj.n3()}|{graph}".encode()).hexdigest()[:16])
            for prop, value in ((RDF.type, RDF.Statement), (RDF.subject, subject), (RDF.predicate, predicate),
                                (RDF.object, obj), (HKG.removedFrom, graph), (PROV.wasInvalidatedBy, activity)):
                rejected.add((record, prop, value))

    def orphans(self) -> set:
        """What a removal left unable to stand: a stop without its place or its
        visit (with its claims), a cited work without an author."""
        quads: set = set()
        for stop in self.subjects(RDF.type, HKG.Stop):
            if not self.objects(stop, HKG.place) or not self.subjects(HKG.stop, stop):
                quads |= node_quads(self.dataset, stop)
                for claim in claims(self.dataset, stop):
                    quads |= node_quads(self.dataset, claim)
        for work in self.subjects(RDF.type, HKG.CitedWork):
            if not self.objects(work, DCTERMS.creator):
                quads |= node_quads(self.dataset, work)
        return quads

    def renew_bounds(self, nodes: set) -> None:
        """hkg:earliest and hkg:latest of events whose dates changed, from the dates they now have."""
        for node in nodes:
            homes = {graph for *_, graph in self.dataset.quads((node, HKG.earliest, None, None))} or \
                {graph for *_, graph in self.dataset.quads((node, RDF.type, None, None))}
            for quad in [*self.dataset.quads((node, HKG.earliest, None, None)),
                         *self.dataset.quads((node, HKG.latest, None, None))]:
                self.dataset.remove(quad)
            days = [day for prop in DATE_TERMS for value in self.objects(node, prop) if self.counts(node, prop, value)
                    for day in day_range(value)]
            if days and homes:
                graph = self.dataset.graph(min(homes))
                graph.add((node, HKG.earliest, Literal(min(days).isoformat(), datatype=XSD.date)))
                graph.add((node, HKG.latest, Literal(max(days).isoformat(), datatype=XSD.date)))

    def counts(self, node, prop, value) -> bool:
        """A date bounds its event unless every claim of it says it cannot be right
        (`hkg:problem`), as the graph stage bounds events."""
        stated = claims(self.dataset, node, prop, value)
        return not stated or any(not self.objects(claim, HKG.problem) for claim in stated)

    def record(self, applied: list[Applied]) -> None:
        """Each applied entry as a prov:Activity (what, why, who, when, which ids), and
        `hkg:curatedBy` from each node it changed that is still in the graph."""
        if not applied:
            return
        graph = self.graph(CURATION_GRAPH)
        for item in applied:
            entry, activity = item.entry, self.activity(item.entry)
            graph.add((activity, RDF.type, PROV.Activity))
            graph.add((activity, HKG.action, Literal(entry.kind)))
            graph.add((activity, HKG.reason, Literal(entry["why"])))
            if "by" in entry.fields:
                graph.add((activity, DCTERMS.creator, Literal(entry["by"])))
            if "date" in entry.fields:
                graph.add((activity, DCTERMS.date, Literal(str(entry["date"]), datatype=XSD.date)))
            for used in item.used:
                graph.add((activity, PROV.used, self.iri(used)))
            for changed in item.changed:
                if self.exists(self.iri(changed)):
                    graph.add((self.iri(changed), HKG.curatedBy, activity))


def date_literal(value: str) -> Literal:
    """`1921`, `1921-10`, `1921-10-13`: typed by precision, as the extractor types dates."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def day_range(value) -> tuple[dt.date, ...]:
    """The first and last day a date literal can mean."""
    text = str(value)
    year = int(text[:4])
    if len(text) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(text[5:7])
    if len(text) == 7:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date.fromisoformat(text[:10])
    return day, day


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) that hold the span: from the end of the one before to
    the first full stop after it; line breaks and double spaces collapsed."""
    stops = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n\s*\n", text[:start])]
    after = re.search(r"[.!?](?=\s|$)|\n\s*\n", text[end:])
    return " ".join(text[stops[-1] if stops else 0:end + (after.end() if after else len(text) - end)].split())


def section_at(extraction: Extraction, start: int) -> str:
    """The section (body, heading, footnote) of the nearest mention the extractor found before `start`."""
    before = [m for m in extraction.mentions if m.start <= start]
    return max(before, key=lambda m: m.start).section if before else "body"
