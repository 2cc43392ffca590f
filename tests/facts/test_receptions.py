"""Receptions of envoys: a passive verb of receiving whose subjects are the
persons received; the place, when the text leaves it unsaid, drawn from the
document's other journeys of that year. The texts are written for the tests:
the persons and towns in them are invented, and no name in them is in any
file of ontology/."""

from __future__ import annotations

from event_graphs import built_once, claims_of, labels, only, places, stop_inferences, visit_labels

from histkg.rdf.namespaces import HKG

RECEIVED_TEXT = (
    "Refik Saffet Bey 3 Mart 1922'de Sarıçam'dan Yeşilköz'e geldi. Osman Nuri Bey 5 Nisan 1922'de Akçalı'dan "
    "Yeşilköz'e geldi. Kozalı'da bir temsilcilik açıldı; 7 Ocak 1922’de Sarıçam’dan özel temsilci Kemal Nuri Bey "
    "ve Mayıs 1922’de de Demirkapı Reisi Ahmet Naci Bey kabul edilmiştir. Heyet, Vali Hasan Tahsin Bey tarafından "
    "kabul edildi.\n"
)
UNPLACED_TEXT = (
    "Tahir Bey 3 Mart 1924'te Sarıçam'dan Yeşilköz'e geldi. Cemal Fikri Bey 5 Nisan 1924'te Akçalı'dan "
    "Gölyaka'ya geldi. Haziran 1924'te Kemal Sait Bey ve Emin Bey kabul edilmiştir.\n"
)


received_graph = built_once({"a.txt": RECEIVED_TEXT, "b.txt": UNPLACED_TEXT})


def test_envoys_received_together_make_one_visit_with_no_leader_from_the_first_date_to_the_last(received_graph):
    result, graph = received_graph
    visit = only(graph, HKG.Visit, "Kemal Nuri Bey, Ahmet Naci Bey")
    assert graph.value(visit, HKG.leader) is None
    assert labels(graph, graph.objects(visit, HKG.visitor)) == {"Kemal Nuri Bey", "Ahmet Naci Bey"}
    assert (str(graph.value(visit, HKG.startDate)), str(graph.value(visit, HKG.endDate))) == ("1922-01-07", "1922-05")
    assert result.conforms


def test_an_unsaid_place_of_reception_is_where_the_texts_other_journeys_of_that_year_all_go(received_graph):
    _, graph = received_graph
    visit = only(graph, HKG.Visit, "Kemal Nuri Bey, Ahmet Naci Bey")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Yeşilköz"}
    assert places(graph, visit) == ["Yeşilköz"]
    inference = str(graph.value(claims_of(graph, visit, HKG.destination)[0], HKG.inference))
    assert "Refik Saffet Bey" in inference and "Osman Nuri Bey" in inference
    assert stop_inferences(graph, visit) == [inference]


def test_the_agent_of_a_reception_is_received_by_no_one_and_the_persons_received_are_no_hosts(received_graph):
    _, graph = received_graph
    assert not any("Hasan Tahsin" in v for v in visit_labels(graph))
    osman = only(graph, HKG.Visit, "Osman Nuri")
    assert labels(graph, graph.objects(osman, HKG.host)) == {"Hasan Tahsin Bey"}


def test_a_reception_whose_year_sends_the_texts_journeys_to_different_places_is_left_out(received_graph):
    _, graph = received_graph
    visits = visit_labels(graph)
    # The same text's journeys are there, each to its own place; no place can be drawn for the reception.
    assert {"Tahir Bey → Yeşilköz (1924)", "Cemal Fikri Bey → Gölyaka (1924)"} <= set(visits), visits
    assert not any("Kemal Sait" in v or "Emin Bey" in v for v in visits)
