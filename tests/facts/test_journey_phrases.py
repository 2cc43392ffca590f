"""Journeys told in a phrase: a participle after the place, a parenthesis
after the traveller, a guest at a conference; a traveller the text does not
name. The texts are written for the tests: the persons, towns and congresses
in them are invented, and no name in them is in any file of ontology/."""

from __future__ import annotations

from event_graphs import built_once, claims_of, labels, only, places, stop_inferences, visit_labels
from rdflib.namespace import RDF, SKOS

from histkg.rdf.namespaces import HKG

NOTE_TEXT = (
    "Bu sırada Kozalı'da bulunan bazı Ruslar da bizimle temas kurdular. Sarıçam'dan Yeşilköz'e gelen "
    "salâhiyetli bir Rus'un yanında, Emin Bey adında bir tercüman vardı. Biz bu teklifi kabul etmedik. "
    "Sonradan bu Rus'un Yeşilköz'den Kozalı'ya dönüşünde tevkif edildiğini öğrendim.\n\n"
    "Gölyaka'daki Türk temsilcisi (Mart 1921'de Demirkapı'dan gelmişti?) ve Karabeyli Ahmet Bey 2 Nisan "
    "tarihinde bir telgraf çekmişti. Osman Nuri Bey (Mayıs 1925'te Akçalı'dan gelmişti) orada kaldı. "
    "Kozalı yolu (1925'te Demirkapı'dan geçmişti) kapanmıştı. Cemal Fikri Bey'in mektubu (Haziran 1925'te "
    "Hasan Tahsin Bey Akçalı'dan Dereköy'e gelmişti) okundu. Sarıçam'dan Yeşilköz'e gelen mektup okundu.\n\n"
    "Bolşeviklerin konuk olarak Yeşilova Kongresi’nde bulunması? (Ahmet Naci, Hatıralar, s. 12).\n\n"
    "Mart 1920'de Sarıçam'dan Kozalı'ya gelen Refik Saffet Bey'i Vali karşıladı.\n"
)
MEETING_TEXT = "Yeşilova Kongresi'nin toplandığı Ağustos 1921'de Yeşilova'da büyük bir kalabalık vardı.\n"


phrases_graph = built_once({"a.txt": NOTE_TEXT, "b.txt": MEETING_TEXT})


def test_a_participle_after_the_place_is_a_visit_of_the_one_it_describes_with_no_leader(phrases_graph):
    result, graph = phrases_graph
    visit = only(graph, HKG.Visit, "salâhiyetli bir Rus")
    assert graph.value(visit, HKG.leader) is None
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Yeşilköz"}
    assert labels(graph, graph.objects(visit, HKG.origin)) == {"Sarıçam"}
    assert result.conforms


def test_a_person_the_text_puts_at_the_side_of_an_unnamed_traveller_travels_with_him(phrases_graph):
    _, graph = phrases_graph
    visit = only(graph, HKG.Visit, "salâhiyetli bir Rus")
    assert labels(graph, graph.objects(visit, HKG.visitor)) == {"Emin Bey"}


def test_a_later_sentence_that_points_back_at_the_traveller_adds_where_he_went(phrases_graph):
    _, graph = phrases_graph
    visit = only(graph, HKG.Visit, "salâhiyetli bir Rus")
    assert places(graph, visit) == ["Sarıçam", "Yeşilköz", "Kozalı"]  # `bu Rus'un … Kozalı'ya dönüşünde`
    assert "'bu rus' points back" in stop_inferences(graph, visit)[-1]  # that he is that Rus is drawn


def test_a_parenthesis_with_a_motion_verb_tells_of_the_one_described_before_it(phrases_graph):
    _, graph = phrases_graph
    visit = only(graph, HKG.Visit, "Türk temsilcisi")
    assert graph.value(visit, HKG.leader) is None
    assert places(graph, visit) == ["Demirkapı", "Gölyaka"]
    assert str(graph.value(visit, HKG.endDate)) == "1921-03"


def test_where_the_words_before_the_parenthesis_place_him_is_an_inferred_destination(phrases_graph):
    _, graph = phrases_graph
    visit = only(graph, HKG.Visit, "Türk temsilcisi")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Gölyaka"}
    claim = claims_of(graph, visit, HKG.destination)[0]
    assert "Gölyaka" in str(graph.value(claim, HKG.inference))
    assert stop_inferences(graph, visit) == ["", str(graph.value(claim, HKG.inference))]  # Demirkapı is stated


def test_a_parenthesis_with_its_own_subject_after_no_person_or_with_whence_alone_is_no_visit_of_it(phrases_graph):
    _, graph = phrases_graph
    visits = visit_labels(graph)
    assert not any("yolu" in v or "Osman Nuri" in v or "Cemal Fikri" in v or "mektup" in v for v in visits), visits
    hasan = only(graph, HKG.Visit, "Hasan Tahsin")  # the subject inside the parenthesis travels
    assert labels(graph, graph.objects(hasan, HKG.leader)) == {"Hasan Tahsin Bey"}


def test_a_participle_before_a_name_is_a_visit_that_person_leads(phrases_graph):
    _, graph = phrases_graph
    visit = only(graph, HKG.Visit, "Refik Saffet")
    assert places(graph, visit) == ["Sarıçam", "Kozalı"]
    assert str(graph.value(visit, HKG.startDate)) == "1920-03"


def test_a_guest_at_a_conference_went_to_its_city_when_another_text_says_it_met(phrases_graph):
    _, graph = phrases_graph
    visit = only(graph, HKG.Visit, "Bolşevikler")
    assert graph.value(visit, HKG.leader) is None
    assert places(graph, visit) == ["Yeşilova"]
    assert str(graph.value(visit, HKG.startDate)) == "1921-08"
    claim = claims_of(graph, visit, HKG.startDate)[0]
    assert "Yeşilova Kongresi'nin toplandığı Ağustos 1921" in str(graph.value(claim, HKG.inference))


def test_every_visit_has_a_label_and_evidence(phrases_graph):
    _, graph = phrases_graph
    visits = list(graph.subjects(RDF.type, HKG.Visit))
    assert visits
    for visit in visits:
        assert graph.value(visit, SKOS.prefLabel) and graph.value(visit, HKG.evidence)
