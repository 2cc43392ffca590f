"""ontology/histkg.ttl declares, labels and explains every term of the HKG vocabulary."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, TIME

from histkg.language import resources
from histkg.language.resources import ontology_file
from histkg.rdf.namespaces import CRM, HKG, PROV, SCHEMA, SEM

ONTOLOGY_IRI = URIRef("https://w3id.org/histkg/ontology")
HKG_NS = str(HKG._NS)
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, OWL.NamedIndividual}


def hkg_terms() -> list[URIRef]:
    """Every name the closed vocabulary in namespaces.py defines."""
    return [HKG[name] for name in HKG.__annotations__]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    graph.parse(ontology_file("histkg.ttl"), format="turtle")
    return graph


def test_ontology_header(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    titles = {t.language for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert {"en", "tr"} <= titles


@pytest.mark.parametrize("term", hkg_terms(), ids=lambda t: t.removeprefix(HKG_NS))
def test_every_term_is_declared_labelled_and_explained(ontology, term):
    kinds = set(ontology.objects(term, RDF.type)) & DECLARATIONS
    assert len(kinds) == 1, f"{term} must be declared once as a class, a property or an individual"
    for prop in (RDFS.label, RDFS.comment):
        languages = [o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)]
        assert sorted(languages) == ["en", "tr"], f"{term} needs one {prop} in English and one in Turkish"


def test_ontology_declares_nothing_outside_the_vocabulary(ontology):
    # namespaces.py and the ontology must not drift apart: a term only in the ontology
    # would fail in code (HKG has _fail = True).
    declared = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(HKG_NS)}
    assert declared == set(hkg_terms())


CLASSES = {"Person", "Place", "Venue", "Organization", "Treaty", "Visit", "Stop", "Claim", "Source", "Entity", "Event", "TimeSpan",
           "CitedWork", "Calendar", "CoordinateSource"}
# The closed sets of values: each individual, the class it belongs to.
INDIVIDUALS = {"GregorianCalendar": "Calendar", "RumiCalendar": "Calendar", "HicriCalendar": "Calendar",
               "GeoNamesCoordinates": "CoordinateSource", "CapitalCoordinates": "CoordinateSource",
               "AuthorityCoordinates": "CoordinateSource"}


def test_classes_are_classes_individuals_individuals_and_the_rest_properties(ontology):
    for name in HKG.__annotations__:
        is_class = (HKG[name], RDF.type, OWL.Class) in ontology
        assert is_class == (name in CLASSES), name
        is_individual = (HKG[name], RDF.type, OWL.NamedIndividual) in ontology
        assert is_individual == (name in INDIVIDUALS), name


@pytest.mark.parametrize("name, cls", sorted(INDIVIDUALS.items()))
def test_individuals_belong_to_their_class(ontology, name, cls):
    assert (HKG[name], RDF.type, HKG[cls]) in ontology
    assert set(ontology.subjects(RDF.type, HKG[cls])) == {HKG[n] for n, c in INDIVIDUALS.items() if c == cls}


def test_a_venue_is_no_place_but_stops_and_signings_may_be_at_either(ontology):
    assert (HKG.Venue, RDFS.subClassOf, HKG.Place) not in ontology
    for prop in (HKG.signedAt, HKG.origin, HKG.destination, HKG.place):
        assert (prop, RDFS.range, CRM.E53_Place) in ontology


def test_calendar_and_coordinate_source_ranges(ontology):
    assert (HKG.calendar, RDFS.range, HKG.Calendar) in ontology
    assert (HKG.coordinateSource, RDFS.range, HKG.CoordinateSource) in ontology
    assert (HKG.coordinateSource, RDFS.domain, HKG.Place) in ontology


@pytest.mark.parametrize(
    "child, parents",
    [
        (HKG.Person, [HKG.Entity, CRM.E21_Person, SCHEMA.Person]),
        (HKG.Place, [HKG.Entity, CRM.E53_Place, SCHEMA.Place]),
        (HKG.Venue, [HKG.Entity, CRM.E53_Place, SCHEMA.Place]),
        (HKG.Organization, [HKG.Entity, CRM.E74_Group, SCHEMA.Organization]),
        (HKG.Treaty, [HKG.Event, SEM.Event, CRM.E7_Activity]),
        (HKG.Visit, [HKG.Event, SEM.Event, CRM.E7_Activity]),
        (HKG.Event, [SEM.Event]),
        (HKG.Source, [PROV.Entity, SCHEMA.CreativeWork, CRM.E31_Document]),
        (HKG.Claim, [PROV.Entity]),
        (HKG.TimeSpan, [CRM["E52_Time-Span"]]),
        (HKG.Calendar, [TIME.TRS, SKOS.Concept]),
        (HKG.CoordinateSource, [SKOS.Concept]),
    ],
)
def test_class_alignment(ontology, child, parents):
    for parent in parents:
        assert (child, RDFS.subClassOf, parent) in ontology, f"{child} ⊑ {parent}"


@pytest.mark.parametrize(
    "child, parent",
    [
        (HKG.visitor, SEM.hasActor),
        (HKG.party, SEM.hasActor),
        (HKG.signatory, SEM.hasActor),
        (HKG.signedAt, SEM.hasPlace),
        (HKG.signedOn, SEM.hasTimeStamp),
    ],
)
def test_property_alignment(ontology, child, parent):
    assert (child, RDFS.subPropertyOf, parent) in ontology


def test_no_blank_nodes(ontology):
    # pySHACL copies the ontology's axioms into the data graph, which has none.
    assert not any(isinstance(term, BNode) for triple in ontology for term in triple)


def test_parses_with_pyoxigraph():
    pyoxigraph = pytest.importorskip("pyoxigraph")
    store = pyoxigraph.Store()
    store.load(path=str(ontology_file("histkg.ttl")), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 200


def test_resources_find_the_repository_folders(tmp_path, monkeypatch):
    assert resources.ontology_dir() == resources.ROOT / "ontology"
    assert resources.shapes_dir() == resources.ROOT / "shapes"
    monkeypatch.setenv("HISTKG_ONTOLOGY", str(tmp_path))
    assert resources.ontology_dir() == tmp_path.resolve()
    with pytest.raises(FileNotFoundError, match="HISTKG_ONTOLOGY"):
        ontology_file("histkg.ttl")
