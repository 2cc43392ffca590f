"""The closed vocabulary of histkg and the standard namespaces it uses.

`HKG` is a `DefinedNamespace` with `_fail = True`, as rdflib's own `_SH.py`:
a mistyped term raises in tests instead of silently minting a new IRI.
Scholars' queries depend on these names; add terms, never rename them.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace


class HKG(DefinedNamespace):
    """histkg ontology terms (https://w3id.org/histkg/ontology#)."""

    _NS = Namespace("https://w3id.org/histkg/ontology#")
    _fail = True

    # Classes of the vocabulary contract.
    Person: URIRef
    Place: URIRef
    Venue: URIRef
    Organization: URIRef
    Treaty: URIRef
    Visit: URIRef
    Stop: URIRef
    Claim: URIRef
    Source: URIRef
    Entity: URIRef  # superclass of everything the texts name
    Event: URIRef  # superclass of Treaty and Visit
    TimeSpan: URIRef  # a date as sources state it, keyed by its EDTF value (crm:E52_Time-Span)
    CitedWork: URIRef  # a book or article a footnote cites
    Calendar: URIRef  # a calendar a source writes dates in (time:TRS)
    CoordinateSource: URIRef  # how a place's coordinates were chosen

    # Provenance and sources.
    evidence: URIRef
    sha256: URIRef
    file: URIRef
    sentence: URIRef  # the source sentence of an annotation (plain text)
    section: URIRef  # body, heading or footnote: where in the document a mention stands
    translator: URIRef

    # Events.
    signedOn: URIRef
    signedAt: URIRef
    party: URIRef
    signatory: URIRef
    visitor: URIRef
    leader: URIRef
    origin: URIRef
    destination: URIRef
    startDate: URIRef
    endDate: URIRef
    host: URIRef
    stop: URIRef
    place: URIRef
    order: URIRef
    date: URIRef
    partOf: URIRef  # a visit that is one leg of a larger journey -> that journey

    # Claims.
    subject: URIRef
    predicate: URIRef
    object: URIRef
    source: URIRef  # a claim -> the hkg:Source whose text makes it
    yearFromContext: URIRef  # xsd:boolean: the text gives no year, the claim takes it from context
    inference: URIRef  # how a value the passage does not state was drawn from the context
    problem: URIRef  # why a claimed value cannot be right as the text states it (weekday, narrative)

    # Dates.
    value: URIRef  # typed by precision: xsd:date, xsd:gYearMonth or xsd:gYear
    edtf: URIRef  # Extended Date/Time Format string
    earliest: URIRef  # xsd:date lower bound
    latest: URIRef  # xsd:date upper bound
    mentions: URIRef  # a source mentions an entity or date
    calendar: URIRef  # an annotation of a date, or a claim of a date -> the hkg:Calendar the text wrote it in
    GregorianCalendar: URIRef  # the closed set of hkg:Calendar values
    RumiCalendar: URIRef  # the Ottoman Rumi (fiscal) calendar, Julian-based, years 584 behind: Teşrinievvel 1336
    HicriCalendar: URIRef  # Islamic lunar calendar: 1 Muharrem 1296

    # Places.
    coordinateSource: URIRef  # a place -> the hkg:CoordinateSource of its schema:latitude/longitude
    GeoNamesCoordinates: URIRef  # the closed set of hkg:CoordinateSource values: the GeoNames record's point
    CapitalCoordinates: URIRef  # a country's representative point: its capital's GeoNames point
    AuthorityCoordinates: URIRef  # the point a curated authority file (ontology/authorities/places.json) gives

    # Footnotes: cited works and the part persons play.
    narrativeRole: URIRef  # "actor", "cited_author" or "both"
    citedIn: URIRef  # a cited work -> the source whose footnote cites it
    publicationPlace: URIRef  # place of publication as the reference writes it
    pages: URIRef  # pages cited, as written ("462", "66-67")

    # Curation: a scholar's decisions (the curation file), each applied entry a prov:Activity.
    action: URIRef  # an activity -> which kind of entry it applied: "merge", "reject", ...
    reason: URIRef  # an activity -> why, as the entry says
    curatedBy: URIRef  # a node an entry changed -> that entry's prov:Activity
    curated: URIRef  # xsd:boolean: a claim a scholar asserted, not the extractor
    removedFrom: URIRef  # a rejected statement (rdf:Statement) -> the named graph it was in


OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEONAMES = Namespace("https://sws.geonames.org/")
WD = Namespace("http://www.wikidata.org/entity/")

DEFAULT_BASE = "https://w3id.org/histkg/id/"

PREFIXES = {
    "hkg": HKG._NS,
    "oa": OA,
    "schema": SCHEMA,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "dcterms": DCTERMS,
    "prov": PROV,
    "crm": CRM,
    "sem": SEM,
    "wd": WD,
    "gn": GEONAMES,
}


def bind_prefixes(graph) -> None:
    """Bind every prefix histkg writes, so Turtle output is readable."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
