"""Small graphs for the shape tests: a valid one and the pieces to break it."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from histkg.rdf.namespaces import HKG, OA, SCHEMA, WD, bind_prefixes

# A plain Namespace: rdflib's XSD warns when pytest probes module attributes.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ID = Namespace("https://w3id.org/histkg/id/")
DOC = "doc-1"
SOURCE = ID[f"source/{DOC}"]
# The "original file": offsets below are code points into this string.
TEXT = (
    "Gümrü Antlaşması 2 Aralık 1920'de Gümrü'de imzalandı. "
    "Kâzım Karabekir Paşa antlaşmayı TBMM Hükümeti adına imzaladı."
)
SENTENCE_1 = TEXT[: TEXT.index(".") + 1]
SENTENCE_2 = TEXT[TEXT.index(".") + 2 :]
PERSON = ID["person/kazim-karabekir"]
ORG = ID["organization/tbmm-hukumeti"]
TREATY = ID["treaty/gumru-antlasmasi"]
CLAIM = ID["claim/gumru-antlasmasi-signedon-1920-12-02"]
PLACE = ID["place/gumru"]
VISIT = ID["visit/karabekir-gumru"]
STOP = ID["visit/karabekir-gumru/stop/1"]
TIMESPAN = ID["date/1920-12-02"]
DATE = Literal("1920-12-02", datatype=XSD.date)


def add_claim(g: Graph, claim: URIRef, subject: URIRef, predicate: URIRef, obj, evidence: URIRef) -> None:
    g.add((claim, RDF.type, HKG.Claim))
    g.add((claim, HKG.subject, subject))
    g.add((claim, HKG.predicate, predicate))
    g.add((claim, HKG.object, obj))
    g.add((claim, HKG.evidence, evidence))


def build_valid_graph() -> Graph:
    g = Graph()
    bind_prefixes(g)

    g.add((SOURCE, RDF.type, HKG.Source))
    g.add((SOURCE, DCTERMS.title, Literal("Gümrü Antlaşması üzerine", lang="tr")))
    g.add((SOURCE, DCTERMS.creator, Literal("Ayşe Yılmaz")))
    g.add((SOURCE, DCTERMS.language, Literal("tr")))
    g.add((SOURCE, DCTERMS.date, Literal("1998", datatype=XSD.gYear)))
    g.add((SOURCE, HKG.sha256, Literal("0" * 56 + "deadbeef")))
    g.add((SOURCE, HKG.file, Literal("seeds/doc-1.txt")))

    g.add((PERSON, RDF.type, HKG.Person))
    g.add((PERSON, SKOS.prefLabel, Literal("Kâzım Karabekir", lang="tr")))
    g.add((PERSON, SKOS.altLabel, Literal("Kâzım Karabekir Paşa", lang="tr")))
    g.add((PERSON, OWL.sameAs, WD.Q312870))
    g.add((PERSON, HKG.evidence, annotate(g, "Kâzım Karabekir Paşa", SENTENCE_2)))

    g.add((PLACE, RDF.type, HKG.Place))
    g.add((PLACE, SKOS.prefLabel, Literal("Gümrü", lang="tr")))
    g.add((PLACE, OWL.sameAs, URIRef("https://sws.geonames.org/616635/")))
    g.add((PLACE, SCHEMA.latitude, Literal("40.7942", datatype=XSD.decimal)))
    g.add((PLACE, SCHEMA.longitude, Literal("43.8453", datatype=XSD.decimal)))
    g.add((PLACE, HKG.coordinateSource, HKG.GeoNamesCoordinates))
    g.add((PLACE, HKG.evidence, annotate(g, "Gümrü", SENTENCE_1, occurrence=1)))

    g.add((ORG, RDF.type, HKG.Organization))
    g.add((ORG, SKOS.prefLabel, Literal("TBMM Hükümeti", lang="tr")))
    g.add((ORG, HKG.evidence, annotate(g, "TBMM Hükümeti", SENTENCE_2)))

    date_evidence = annotate(g, "2 Aralık 1920", SENTENCE_1)
    g.add((date_evidence, HKG.calendar, HKG.GregorianCalendar))
    g.add((TIMESPAN, RDF.type, HKG.TimeSpan))
    g.add((TIMESPAN, RDFS.label, Literal("1920-12-02")))
    g.add((TIMESPAN, HKG.edtf, Literal("1920-12-02")))
    g.add((TIMESPAN, HKG.value, DATE))
    g.add((TIMESPAN, HKG.earliest, DATE))
    g.add((TIMESPAN, HKG.latest, DATE))
    g.add((TIMESPAN, HKG.evidence, date_evidence))

    g.add((TREATY, RDF.type, HKG.Treaty))
    g.add((TREATY, SKOS.prefLabel, Literal("Gümrü Antlaşması", lang="tr")))
    g.add((TREATY, HKG.evidence, annotate(g, "Gümrü Antlaşması", SENTENCE_1)))
    g.add((TREATY, HKG.signedOn, DATE))
    g.add((TREATY, HKG.signedAt, PLACE))
    g.add((TREATY, HKG.party, ORG))
    g.add((TREATY, HKG.signatory, PERSON))
    g.add((TREATY, HKG.earliest, DATE))
    g.add((TREATY, HKG.latest, DATE))
    add_claim(g, CLAIM, TREATY, HKG.signedOn, DATE, date_evidence)

    g.add((VISIT, RDF.type, HKG.Visit))
    g.add((VISIT, SKOS.prefLabel, Literal("Kâzım Karabekir'in Gümrü yolculuğu", lang="tr")))
    g.add((VISIT, HKG.evidence, annotate(g, "Gümrü'de", SENTENCE_1)))
    g.add((VISIT, HKG.visitor, PERSON))
    g.add((VISIT, HKG.leader, PERSON))
    g.add((VISIT, HKG.destination, PLACE))
    g.add((VISIT, HKG.stop, STOP))
    g.add((STOP, RDF.type, HKG.Stop))
    g.add((STOP, HKG.place, PLACE))
    g.add((STOP, HKG.order, Literal(1)))
    return g


def annotate(g: Graph, surface: str, sentence: str, occurrence: int = 0) -> URIRef:
    """Add the annotation (target, position and quote selectors) for `surface` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(surface, start + 1)
    end = start + len(surface)
    ann = ID[f"annotation/{DOC}/{start}-{end}"]
    target = URIRef(f"{ann}/target")
    position = URIRef(f"{ann}/position")
    quote = URIRef(f"{ann}/quote")
    g.add((ann, RDF.type, OA.Annotation))
    g.add((ann, OA.motivatedBy, OA.identifying))
    g.add((ann, OA.hasTarget, target))
    g.add((ann, HKG.sentence, Literal(sentence)))
    g.add((ann, HKG.section, Literal("body")))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, SOURCE))
    g.add((target, OA.hasSelector, position))
    g.add((target, OA.hasSelector, quote))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(surface)))
    g.add((quote, OA.prefix, Literal(TEXT[max(0, start - 10) : start])))
    g.add((quote, OA.suffix, Literal(TEXT[end : end + 10])))
    return ann
