"""Footnotes told where their marks stand: a note that goes on with the
story of a journey, and a quotation with no subject that tells of the person
of the sentence its mark stands in. The text is laid out like the seeds
(short body lines, marks glued to words, numbered notes after the body); the
persons and towns in it are invented, and no name in it is in any file of
ontology/."""

from __future__ import annotations

from event_graphs import built_once, claims_of, labels, only, places, stop_inferences, visit_labels

from histkg.rdf.namespaces import HKG

PAGE_TEXT = (
    "Genelkurmay Başkanı Refet Sami Paşa, durumu yakından görmek\n"
    "istemişti.1 Bu maksatla Mart 1921'de Sarıçam'dan Yeşilköz'e gelen\n"
    "Osman Nuri Bey'i Demirkapı'ya göndermiş, yardımları sağlamak\n"
    "istemişti.2 Ayrıca Hasan Fehmi Bey başkanlığında bir heyet 10 Mart\n"
    "1921'de Akçalı'dan Gölyaka'ya gitti.3 Heyet 12 Mart 1921'de\n"
    "Gölyaka'dan Sarıyer'e geçti ve Vali Emin Bey heyeti karşıladı.4\n"
    "Heyet orada bir hafta kaldı.\n\n"
    "1 Ahmet Naci, Hatıralar, Kozalı, 1950, s.12.\n"
    "2 \"1922 yılında deniz yolu ile Tarpınar'a bir miktar silah gönderdi, ayrıca külçe altını da Dereköy'de "
    "Tümen'e teslim etti\" Kemal Sait, Anılar, Kozalı, 1965, s.73.\n"
    "3 Cemal Fikri, Günlük, Kozalı, 1960, s.4. Heyet Gölyaka'da Karaçam'daki Ziraat Mektebi'ne de gitmişti.\n"
    "4 \"Tahir Bey de Sarıyer'e gitti\" Kemal Sait, Anılar, s.80.\n"
)


page_graph = built_once({"a.txt": PAGE_TEXT})


def test_a_quotation_with_no_subject_tells_of_the_person_of_the_sentence_its_mark_stands_in(page_graph):
    result, graph = page_graph
    visit = only(graph, HKG.Visit, "→ Dereköy")
    assert labels(graph, graph.objects(visit, HKG.leader)) == {"Osman Nuri Bey"}
    assert "note 2" in str(graph.value(claims_of(graph, visit, HKG.leader)[0], HKG.inference))
    assert str(graph.value(visit, HKG.startDate)) == "1922"
    assert result.conforms


def test_he_was_where_the_quotation_has_him_act_not_where_he_sent_things(page_graph):
    _, graph = page_graph
    visit = only(graph, HKG.Visit, "→ Dereköy")
    assert places(graph, visit) == ["Dereköy"]  # `Dereköy'de … teslim etti`, not `Tarpınar'a … gönderdi`
    assert graph.value(claims_of(graph, visit, HKG.destination)[0], HKG.inference) is not None
    assert stop_inferences(graph, visit) == ["the quotation has him act or arrive in Dereköy"]


def test_a_note_that_goes_on_with_the_story_is_told_where_its_mark_stands(page_graph):
    _, graph = page_graph
    visit = only(graph, HKG.Visit, "Hasan Fehmi")
    assert places(graph, visit)[:3] == ["Akçalı", "Gölyaka", "Karaçam"]  # note 3, before the move to Sarıyer
    assert places(graph, visit)[-1] == "Sarıyer"


def test_a_quotation_that_names_who_did_it_is_told_of_him(page_graph):
    _, graph = page_graph
    tahir = only(graph, HKG.Visit, "Tahir Bey")
    assert labels(graph, graph.objects(tahir, HKG.leader)) == {"Tahir Bey"}
    assert not any(v.startswith("Emin Bey") for v in visit_labels(graph))  # the one person of mark 4's sentence
