"""Visits: postings of envoys, legs of a journey, stops in the order a
sentence tells them, and how the evaluator matches gold visits. The texts are
written for the tests: the persons and missions in them are invented, and no
name in them is in any file of ontology/."""

from __future__ import annotations

import pytest
from event_graphs import build_texts, built_once, labels, only, places, stop_inferences, visit_labels
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from histkg.evaluate.events import visit_node
from histkg.facts.frame_facts import between_stops, enrich
from histkg.facts.journey import StopFact, VisitFact
from histkg.language.verbs import analyse
from histkg.mentions.extract import Mention
from histkg.rdf.namespaces import HKG

POSTINGS_TEXT = (
    "Varşova'ya verilen itimatnameler: 3 Nisan 1924 Petro Kalenko (Ukrayna hükümeti, 9 Mayıs 1925’ten beri "
    "elçi, bkz. Tarih Dergisi, No: 4), 9 Mayıs 1925 Ahmet Naci Bey (İran). – Romanya'nın Sofya'daki elçi "
    "veya büyükelçileri: Hasan Tahsin Paşa (Ekim 1926'ya kadar), Refik Saffet Bey (12 Ocak 1927).\n\n"
    "Kemal Nuri Bey, Sofya'da bir süre bulunmuş olmalı (Balkan Mecmuası, No: 54, s. 11).\n"
)
APPOINTMENT_TEXT = (
    "14 Mart 1925'te Doğu Ordusu Komutanı Refet Sami Paşa Varşova elçiliğine atandı. "
    "Osman Nuri Bey de heyette bulunuyordu. "
    "Bu heyet 2 Nisan 1925'te Sinop'tan hareketle Varna üzerinden Bükreş'e geçmiş ve burada 5 Nisan 1925'e "
    "kadar kalmıştı. 12 Nisan 1925'te Varşova'ya vardılar.\n\n"
    "Bu arada ordu 20 Mayıs 1925'te Konya'ya girmiş ve elçi Ahmet Cevdet Bey Prag'a itimatnamesini vermişti.\n"
)
CLAUSES_TEXT = "Celal Nuri Paşa Sinop'a çıktıktan sonra Osman Bey ile Amasya'da görüşmüştü.\n"
LEGS_TEXT = (
    "Dışişleri Bakanı Hasan Fehmi Bey başkanlığındaki heyet 3 Mayıs 1927'de Sinop'tan hareket etti. "
    "Heyet Sinop'ta Vali Cemil Bey tarafından uğurlanmış ve Varna'ya hareket edilmişti. "
    "Heyet 5 Mayıs 1927'de Varna'ya vardı.\n\n"
    "6 Mayıs 1927'de heyet, kaleyi gezmek maksadıyla vapurla Burgaz'a gitti. "
    "Heyet burada da halk tarafından karşılanmıştı. Sonra Varna'ya dönülmüştü.\n\n"
    "Heyetle birlikte Mehmet Sait Bey ve Osman Nuri Bey 8 Mayıs 1927'de Filibe'ye uğramıştı. "
    "Burada bir fabrikayı gezmişlerdi. 10 Mayıs 1927'de heyet Sofya'ya ulaştı.\n\n"
    "Heyet 12 Mayıs 1927'de Sofya'dan Rusçuk'a gelirken Şumnu'yu da gezmek istemişti. "
    "Heyetle birlikte Tahsin Bey de bulunmaktaydı.\n\n"
    "Heyeti getiren tren 13 Mayıs 1927 günü Rusçuk'a ulaşabildi.\n"
)
SENDING_TEXT = (
    "Şakir Bey, Rusçuk'tan Sofya'ya bir heyetin gönderilmesini istemişti.\n\n"
    "Refik Paşa, 1926 yılında yaveri Tahir Bey'i Edirne'ye göndermişti.\n"
)


postings_graph = built_once({"a.txt": POSTINGS_TEXT})


appointment_graph = built_once({"a.txt": APPOINTMENT_TEXT})


def test_each_envoy_of_a_list_goes_to_the_capital_the_heading_names(postings_graph):
    result, graph = postings_graph
    kalenko = only(graph, HKG.Visit, "Kalenko")
    assert labels(graph, graph.objects(kalenko, HKG.destination)) == {"Varşova"}
    assert places(graph, kalenko) == ["Varşova"]
    assert str(graph.value(kalenko, HKG.startDate)) == "1924-04-03"  # the date before the name, not one in his parenthesis
    naci = only(graph, HKG.Visit, "Ahmet Naci")
    assert str(graph.value(naci, HKG.startDate)) == "1925-05-09"
    saffet = only(graph, HKG.Visit, "Refik Saffet")
    assert labels(graph, graph.objects(saffet, HKG.destination)) == {"Sofya"}
    assert str(graph.value(saffet, HKG.startDate)) == "1927-01-12"
    assert result.conforms


def test_a_posting_until_a_date_ends_then(postings_graph):
    _, graph = postings_graph
    tahsin = only(graph, HKG.Visit, "Hasan Tahsin")
    assert graph.value(tahsin, HKG.endDate) == Literal("1926-10", datatype=XSD.gYearMonth)
    assert graph.value(tahsin, HKG.startDate) is None
    assert str(graph.value(tahsin, HKG.latest)) == "1926-10-31"
    assert str(graph.value(tahsin, HKG.earliest)) != "0001-01-01"


def test_a_colon_inside_a_citation_is_no_list_of_envoys(postings_graph):
    _, graph = postings_graph
    visits = [str(graph.value(v, SKOS.prefLabel)) for v in graph.subjects(RDF.type, HKG.Visit)]
    assert not any("Kemal Nuri" in label for label in visits), visits


def test_an_appointment_opens_a_journey_through_the_places_passed(appointment_graph):
    _, graph = appointment_graph
    visit = only(graph, HKG.Visit, "Refet Sami")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Varşova"}
    assert places(graph, visit) == ["Sinop", "Varna", "Bükreş", "Varşova"]
    assert "Osman Nuri Bey" in labels(graph, graph.objects(visit, HKG.visitor))
    assert str(graph.value(visit, HKG.startDate)) == "1925-04-02"
    assert str(graph.value(visit, HKG.endDate)) == "1925-04-12"


def test_credentials_presented_send_the_envoy_to_that_capital_and_an_earlier_clause_is_not_his(appointment_graph):
    _, graph = appointment_graph
    visit = only(graph, HKG.Visit, "Ahmet Cevdet")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Prag"}
    assert places(graph, visit) == ["Prag"]  # the army entered Konya, not the envoy


def test_a_place_reached_before_dıktan_sonra_comes_first(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": CLAUSES_TEXT})
    visit = only(graph, HKG.Visit, "Celal Nuri")
    assert places(graph, visit) == ["Sinop", "Amasya"]


legs_graph = built_once({"a.txt": LEGS_TEXT})


def leg_of(graph, label_part: str) -> URIRef:
    leg = only(graph, HKG.Visit, label_part)
    journey = graph.value(leg, HKG.partOf)
    assert journey is not None and "Varna" in str(graph.value(journey, SKOS.prefLabel))
    return leg


def test_an_excursion_is_a_leg_of_the_journey_until_the_group_returns(legs_graph):
    result, graph = legs_graph
    leg = leg_of(graph, "→ Burgaz")
    assert labels(graph, graph.objects(leg, HKG.leader)) == {"Hasan Fehmi Bey"}
    assert places(graph, leg) == ["Burgaz", "Varna"]
    assert str(graph.value(leg, HKG.startDate)) == str(graph.value(leg, HKG.endDate)) == "1927-05-06"
    assert result.conforms


def test_persons_who_go_with_the_group_somewhere_make_a_leg_they_lead(legs_graph):
    _, graph = legs_graph
    leg = leg_of(graph, "Mehmet Sait")
    assert labels(graph, graph.objects(leg, HKG.visitor)) == {"Mehmet Sait Bey", "Osman Nuri Bey"}
    assert places(graph, leg) == ["Filibe"]  # the group's arrival in Sofya two days later is not part of it


def test_an_excursion_on_the_way_begins_where_the_group_left_and_ends_where_it_arrives(legs_graph):
    _, graph = legs_graph
    leg = leg_of(graph, "→ Rusçuk")
    assert places(graph, leg) == ["Sofya", "Şumnu", "Rusçuk"]
    assert "Tahsin Bey" in labels(graph, graph.objects(leg, HKG.visitor))
    assert (str(graph.value(leg, HKG.startDate)), str(graph.value(leg, HKG.endDate))) == ("1927-05-12", "1927-05-13")


def test_hosts_who_see_the_group_off_at_home_make_no_leg(legs_graph):
    _, graph = legs_graph
    legs = [graph.value(v, SKOS.prefLabel) for v in graph.subjects(HKG.partOf, None)]
    assert not any("Cemil" in str(label) for label in legs), legs
    assert len(legs) == 3


def test_the_one_sent_travels_not_the_sender(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": SENDING_TEXT})
    visits = [str(graph.value(v, SKOS.prefLabel)) for v in graph.subjects(RDF.type, HKG.Visit)]
    assert visits == ["Tahir Bey → Edirne (1926)"], visits


# --------------------------------------------------------------------------- the evaluator

BASE = "https://example.org/"


def small_graph() -> Graph:
    """Three visits to Sofya (in 1925 one led by nobody named and one by Veli
    Bey, in 1930 one by Ali Bey), and a leg of a journey to Varna led by Ali Bey."""
    graph = Graph()
    ali, veli = URIRef(BASE + "ali-bey"), URIRef(BASE + "veli-bey")
    sofya, varna = URIRef(BASE + "sofya"), URIRef(BASE + "varna")
    for node, label in ((ali, "Ali Bey"), (veli, "Veli Bey"), (sofya, "Sofya"), (varna, "Varna")):
        graph.add((node, SKOS.prefLabel, Literal(label)))
    for name, leader, place, year, part_of in (("unnamed", None, sofya, "1925", None), ("veli", veli, sofya, "1925", None),
                                               ("ali", ali, sofya, "1930", None), ("leg", ali, varna, "1930", BASE + "ali")):
        visit = URIRef(BASE + name)
        graph.add((visit, RDF.type, HKG.Visit))
        if leader is not None:
            graph.add((visit, HKG.leader, leader))
        if part_of is not None:
            graph.add((visit, HKG.partOf, URIRef(part_of)))
        graph.add((visit, HKG.destination, place))
        graph.add((visit, HKG.earliest, Literal(f"{year}-01-01", datatype=XSD.date)))
        graph.add((visit, HKG.latest, Literal(f"{year}-02-01", datatype=XSD.date)))
        stop = URIRef(f"{visit}/stop/1")
        graph.add((visit, HKG.stop, stop))
        graph.add((stop, HKG.order, Literal(1)))
        graph.add((stop, HKG.place, place))
    return graph


def test_a_gold_visit_with_no_named_leader_matches_by_place_and_time():
    graph = small_graph()
    gold = {"leader": "adı verilmeyen bir temsilci", "destination": "Sofya", "start": "1925-01",
            "itinerary": [{"place": "Sofya"}]}
    assert visit_node(graph, gold) == URIRef(BASE + "unnamed")  # not Veli Bey's, there at that time too
    assert visit_node(graph, dict(gold, start=None)) == URIRef(BASE + "unnamed")
    assert visit_node(graph, dict(gold, start="1927-05")) is None  # the right place at the wrong time is no match
    assert visit_node(graph, {"leader": None, "destination": "Varna", "itinerary": [{"place": "Varna"}]}) is None


def test_a_leg_matches_only_a_visit_that_is_part_of_another():
    graph = small_graph()
    gold = {"leader": "Ali Bey", "destination": "Varna", "itinerary": [{"place": "Varna"}]}
    assert visit_node(graph, gold, legs=True) == URIRef(BASE + "leg")
    assert visit_node(graph, gold, legs=False) == URIRef(BASE + "ali")


NOT_MADE_TEXT = (
    "Dışişleri Bakanı Orhan Veli Bey'in Sofya'yı ziyareti kararlaştırılmıştı. Bu sırada Orhan Veli Bey "
    "hastalanmıştı.\n\n"
    "Rıza Nuri Bey, Edirne'ye gelecekti.\n\n"
    "Cemal Fikri Bey, meclisteki konuşmasında Bulgaristan'a bakışı ve gelinen noktayı anlatmıştı.\n\n"
    "Vakit gazetesi, 12 Mart 1934; Kemal Sait Bey 4 veya 5 Nisan 1921'de Sinop'a gelmişti.\n"
)


not_made_graph = built_once({"a.txt": NOT_MADE_TEXT})


def test_a_journey_only_planned_or_awaited_is_no_visit(not_made_graph):
    _, graph = not_made_graph
    visits = visit_labels(graph)
    assert not any("Orhan Veli" in v or "Rıza Nuri" in v for v in visits), visits


def test_a_motion_word_after_ve_and_another_word_sends_no_one(not_made_graph):
    _, graph = not_made_graph
    assert not any("Cemal Fikri" in v for v in visit_labels(graph))  # a speech about a country, not a journey


def test_a_date_before_a_semicolon_is_another_statement_and_one_of_two_days_gives_the_year(not_made_graph):
    _, graph = not_made_graph
    visit = only(graph, HKG.Visit, "Kemal Sait")
    assert str(graph.value(visit, SKOS.prefLabel)).endswith("(1921)")
    assert str(graph.value(visit, HKG.earliest)) == "1921-04-04"
    assert str(graph.value(visit, HKG.latest)) == "1921-04-05"


CONFERENCE_TEXT = (
    "Türk-Bulgar ilişkileri, Cenevre Konferansı sürecinde de gelişmişti. Konferansta Türk Delegasyon Başkanı "
    "Hasan Fehmi Bey ile Petro Kalenko'nun Fransız Delegasyon Başkanı Jean Morel'e karşı ortak tavırları "
    "önemliydi.\n\n"
    "Varşova Konferansı sırasında Kemal Sait Bey bir ittifak için harekete geçmiş, Refik Saffet Bey ise "
    "Sofya'ya yakınmıştı.\n\n"
    "Konferans boyunca yaşanan tartışmalar için bakınız, Ahmet Naci Bey, Cenevre, 1950.\n"
)


conference_graph = built_once({"a.txt": CONFERENCE_TEXT})


@pytest.mark.parametrize("person", ["Hasan Fehmi", "Petro Kalenko", "Jean Morel"])
def test_heads_of_delegations_at_a_conference_named_just_before_went_to_its_city(conference_graph, person):
    _, graph = conference_graph
    visit = only(graph, HKG.Visit, person)
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Cenevre"}
    assert places(graph, visit) == ["Cenevre"]


def test_the_person_right_after_konferansı_sırasında_was_there_and_a_later_clause_is_not_his(conference_graph):
    _, graph = conference_graph
    visit = only(graph, HKG.Visit, "Kemal Sait")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Varşova"}
    visits = visit_labels(graph)
    assert not any("Refik Saffet" in v or "Ahmet Naci" in v for v in visits), visits


def test_a_conference_named_after_capitalised_words_is_of_the_city_right_before_its_noun(tmp_path):
    # `Müttefik Devletler Cenevre Konferansı'nda`: the city is the last capitalised word, not the first
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Müttefik Devletler Cenevre Konferansı'nda Hasan Fehmi Bey başkanlığındaki Sofya heyetine yeni bir "
        "teklif sundu.\n")})
    visit = only(graph, HKG.Visit, "Hasan Fehmi")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Cenevre"}


def test_the_first_head_of_a_gapped_pair_of_delegations_went_to_the_conference_too(tmp_path):
    # `A heyetine X, B heyetine ise Y başkanlık etti`: the verb of heading is said once, for both
    _, graph = build_texts(tmp_path, {"a.txt": (
        "14 Mart 1918'de Varna'da açılan konferansta Türk heyetine Bahriye Nazırı Hasan Fehmi Bey, "
        "Bulgar heyetine ise Petro Kalenko başkanlık etti.\n")})
    for person in ("Hasan Fehmi", "Petro Kalenko"):
        visit = only(graph, HKG.Visit, person)
        assert labels(graph, graph.objects(visit, HKG.destination)) == {"Varna"}, person


@pytest.mark.parametrize("text, person, place", [
    ("11 Mayıs 1920'de Varşova'da Hasan Fehmi Bey başkanlığındaki Türk heyetine şartlar tebliğ edildi.\n",
     "Hasan Fehmi", "Varşova"),
    ("Varşova'da Hasan Fehmi Bey (Kalkan) başkanlığındaki heyete şartlar tebliğ edildi.\n", "Hasan Fehmi", "Varşova"),
    ("Sinop'ta Petro Kalenko başkanlığındaki Bulgar heyeti ile görüşmeler başladı.\n", "Petro Kalenko", "Sinop"),
])
def test_a_delegation_the_text_puts_in_one_place_only_went_there(tmp_path, text, person, place):
    # no verb of motion: the group led by X is somewhere (`Varşova'da`), so its journey went there
    _, graph = build_texts(tmp_path, {"a.txt": text})
    visit = only(graph, HKG.Visit, person)
    assert places(graph, visit) == [place]
    assert labels(graph, graph.objects(visit, HKG.destination)) == {place}


MEETING_TEXT = (
    "Petro Kalenko'nun Bulgaristan'a ilk gelişi 1921 yılı Nisan ayıdır. Refet Sami Paşa Sinop'a çıktıktan "
    "sonra Kalenko ile Amasya'da görüşmüştü, bkz. Ahmet Naci, Hatıralar, Sofya, 1964.\n"
)


def test_an_undated_journey_to_meet_someone_takes_the_date_of_his_journey_told_just_before(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": MEETING_TEXT})
    visit = only(graph, HKG.Visit, "Refet Sami")
    assert places(graph, visit) == ["Sinop", "Amasya"]
    assert str(graph.value(visit, HKG.startDate)) == "1921-04"  # not 1964, the year of the book cited


def test_a_country_the_group_travels_to_is_no_stop_of_its_itinerary(tmp_path):
    graph = build_texts(tmp_path, {"a.txt": (
        "Dışişleri Bakanı Hasan Fehmi Bey başkanlığındaki heyet 3 Mayıs 1927'de Sinop'tan Bulgaristan'a hareket etti. "
        "Heyet 5 Mayıs 1927'de Varna'ya vardı. Heyet 7 Mayıs 1927'de Bulgaristan'dan Sofya'ya geçti.\n")})
    _, graph = graph
    visit = only(graph, HKG.Visit, "Hasan Fehmi")
    assert places(graph, visit) == ["Sinop", "Varna", "Sofya"]


ITINERARY_TEXT = (
    "Dışişleri Bakanı Hasan Fehmi Bey başkanlığındaki heyet 3 Mayıs 1927'de Kozalı'dan Yeşilköz'e hareket etti. "
    "Heyeti getiren vapur Yeşilköz açıklarına gelmişti. Sonra misafirler Tarpınar rıhtımına çıkmışlar ve burada "
    "Vali tarafından karşılanmışlardı. Heyet 5 Mayıs 1927'de Sarıçam'dan Demirkapı'ya geçti. "
    "Özel tren Akçalı'dan ve Dereköy'den geçerek Gölyaka'ya hareket edecekti. "
    "Heyet ziyaretlerin ardından Demirkapı'dan ayrılmıştı. Heyet 7 Mayıs 1927'de Dereköy'den Gölyaka'ya ulaştı. "
    "Kemal Nuri Bey gazetesinde heyetin Kozalı'dan gelişini ve konuşmaları değerlendirmekteydi. "
    "Heyet 8 Mayıs 1927'de Gölyaka'da yatırımları, Sinop'u, gezdiği fabrikaları ve okulları övmüştü.\n"
)


itinerary_graph = built_once({"a.txt": ITINERARY_TEXT})


def test_a_place_noun_that_carries_the_case_ending_sends_the_group_there(itinerary_graph):
    _, graph = itinerary_graph
    stops = places(graph, only(graph, HKG.Visit, "Hasan Fehmi"))
    assert stops[:5] == ["Kozalı", "Yeşilköz", "Tarpınar", "Sarıçam", "Demirkapı"]  # `Tarpınar rıhtımına çıkmışlar`


def test_a_way_announced_before_the_departure_is_taken_after_it(itinerary_graph):
    _, graph = itinerary_graph
    stops = places(graph, only(graph, HKG.Visit, "Hasan Fehmi"))
    assert stops[4:] == ["Demirkapı", "Akçalı", "Dereköy", "Gölyaka"]  # not back to Demirkapı after Dereköy


def test_a_journey_the_sentence_talks_about_and_a_place_in_a_list_of_things_praised_are_no_stops(itinerary_graph):
    _, graph = itinerary_graph
    stops = places(graph, only(graph, HKG.Visit, "Hasan Fehmi"))
    assert stops.count("Kozalı") == 1 and "Sinop" not in stops


WELCOME_TEXT = (
    "Dışişleri Bakanı Hasan Fehmi Bey başkanlığındaki heyetin programı belirlenmişti. Buna göre 3 Mayıs 1927'de "
    "misafirler Kozalı'dan Yeşilköz'e hareket edeceklerdi. Hasan Fehmi Bey ve heyeti Kozalı Limanı'nda Sefir Refik "
    "Saffet Bey ve Osman Nuri Bey tarafından karşılanmış ve vapurla Yeşilköz'e hareket edilmişti. Heyet 5 Mayıs "
    "1927'de Yeşilköz'de Vali Cemil Bey tarafından karşılanmıştı.\n"
)


def test_those_who_welcome_the_group_where_its_journey_begins_came_there_a_leg_no_one_leads(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": WELCOME_TEXT})
    leg = only(graph, HKG.Visit, "Refik Saffet")
    assert graph.value(leg, HKG.partOf) is not None and graph.value(leg, HKG.leader) is None
    assert labels(graph, graph.objects(leg, HKG.visitor)) == {"Refik Saffet Bey", "Osman Nuri Bey"}
    assert labels(graph, graph.objects(leg, HKG.destination)) == {"Kozalı"}
    assert places(graph, leg) == ["Kozalı", "Kozalı Limanı"]
    came, welcomed = stop_inferences(graph, leg)  # that they came to Kozalı is drawn; the port, the text states
    assert "welcomed the group" in came and welcomed == ""
    assert str(graph.value(leg, HKG.endDate)) == "1927-05-03"
    legs = [str(graph.value(v, SKOS.prefLabel)) for v in graph.subjects(HKG.partOf, None)]
    assert not any("Cemil" in label for label in legs), legs  # a governor welcoming it on the way, at home


def test_the_owner_of_a_guest_is_his_host_not_a_traveller(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Kral Tomislav 3 Mart 1931'de Varna'ya geldi. Başvekil Hasan Fehmi Bey misafirini istasyonda "
        "karşıladı. Kral ertesi gün Burgaz'a gitti.\n")})
    assert not any("Hasan Fehmi" in label.split("→")[0] for label in visit_labels(graph)), visit_labels(graph)


@pytest.mark.parametrize("words", ["Kral ertesi gün", "Kral Hazretleri ertesi gün"])
def test_a_title_alone_before_a_date_is_the_person_last_named_with_it(tmp_path, words):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Kral Tomislav 3 Mart 1931'de Varna'ya geldi. Başvekil Hasan Fehmi Bey onu karşıladı. "
        f"{words} Burgaz'a gitti.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if "Burgaz" in places(graph, v)]
    assert visits and all("Tomislav" in str(graph.value(v, SKOS.prefLabel)) for v in visits), visit_labels(graph)


def test_a_narrator_put_beside_someone_travels_with_him_as_we_and_the_way_home_is_no_goal(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "O günlerde Bursa'da karargâhta bulunuyordum. Paşa, Ferik Kâzım Paşa'yı murahhas tayin etti; "
        "bu zatın yanına beni de verdiler.\n\n"
        "3 Mart 1922 sabahı Bursa'dan otomobillerle Gemlik'e indik. Müzakereler üç gün sürdü.\n\n"
        "İmzadan sonra biz de Paşa ile birlikte Bursa'ya çıktık.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit)
              if "Kâzım" in " ".join(labels(graph, graph.objects(v, HKG.leader)))]
    destinations = {d for v in visits for d in labels(graph, graph.objects(v, HKG.destination))}
    assert "Gemlik" in destinations, visit_labels(graph)


def test_the_first_member_of_a_delegation_leads_it_to_the_port_its_head_noun_reaches(tmp_path):
    """`heyet X, Y ve Z'den oluştu`: X heads it; `Pire limanına ulaştı`: the dative glued on the head noun."""
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Sonunda heyet Bahriye Nazırı Kemal Bey, Hariciye Müsteşarı Nuri Bey ve Kaymakam Sami Bey'den oluştu. "
        "3 Mart 1920 gecesi İstanbul'dan ayrılan heyet 5 Mart akşamı Pire limanına ulaştı.\n")})
    visit = only(graph, HKG.Visit, "Kemal Bey")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Pire"}, visit_labels(graph)


def test_the_noun_a_participle_modifies_is_no_argument_of_the_next_participle(tmp_path):
    from histkg.facts.clauses import clauses
    from histkg.facts.collect import sentences
    from histkg.mentions.extract import extract
    from histkg.text.corpus import load_corpus

    path = tmp_path / "a.txt"
    path.write_text("Bu masada imzalanan mütarekename, dört yıl önce Sivastopol limanında imzalanan Kırım "
                    "Mütarekesi'nin tam tersiydi.\n", encoding="utf-8")
    (sentence,) = sentences(extract(load_corpus([path])[0]).paragraphs)
    second = [c for c in clauses(sentence) if c.verb is not None][1]
    words = [sentence.doc[a.start:a.end].text for a in second.arguments]
    assert "mütarekename" not in words and "Sivastopol" in words, words


def test_a_sovereigns_title_after_his_state_stands_alone_for_him(tmp_path):
    """`Macaristan Kralı ve Hırvatistan Hükümdarı X`: both titles are his; `Kral Hazretleri` later is he."""
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Bulgaristan Kralı ve Makedonya Hükümdarı Haşmetlû Üçüncü Boris Hazretleri dün şehrimize geldi. "
        "Vali Rüstem Bey misafiri karşıladı. Ertesi gün Kral Hazretleri oradan Burgaz'a geçmiştir.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if "Burgaz" in places(graph, v)]
    assert visits and all("Üçüncü Boris" in str(graph.value(v, SKOS.prefLabel)) for v in visits), visit_labels(graph)


def test_a_king_and_a_queen_joined_by_ve_are_two(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Kral Tomislav ile Kraliçe Milena 3 Mart 1931'de Varna'ya geldiler. "
        "Ertesi gün Kral ve Kraliçe Hazerâtı Burgaz'a gitmişlerdir.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if "Burgaz" in places(graph, v)]
    assert visits and not any("Hazerâtı" in label for label in visit_labels(graph)), visit_labels(graph)
    assert any("Tomislav" in str(graph.value(v, SKOS.prefLabel)) for v in visits), visit_labels(graph)


def test_an_old_style_journey_keeps_countries_and_places_left_as_stops_and_its_host_travels_not(tmp_path):
    """The old style honours a king with the plural (`gitmişlerdi`); a country on the way is a stop, and so is
    the place a later leg leaves from; the agent of a passive reception is the host."""
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Kral Tomislav Hazretleri Mart 1931'de Romanya'ya geçmiş, Bükreş'ten trenle Bulgaristan'a gitmişlerdi. "
        "Sofya'da Başvekil Hasan Fehmi Bey tarafından kabul edilen misafirler, oradan Varna'ya inerek "
        "İstanbul'a muvasalat buyurmuşlardı.\n")})
    assert not any("Hasan Fehmi" in label.split("→")[0] for label in visit_labels(graph)), visit_labels(graph)
    visit = only(graph, HKG.Visit, "Tomislav")
    assert places(graph, visit) == ["Romanya", "Bükreş", "Bulgaristan", "Sofya", "Varna", "İstanbul"]


def test_the_owner_of_a_noun_in_the_instrumental_is_no_traveller(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "5 Nisan 1946 — Bir zırhlının, Washington'da ölen Büyükelçi Kemal Sait Bey'in naaşıyla İstanbul'a gelişi.\n")})
    assert not any("Kemal Sait" in label for label in visit_labels(graph)), visit_labels(graph)


def test_in_a_memoir_a_group_no_one_else_leads_is_the_narrators_led_by_its_head(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Sofya'ya giden heyetin en genç kâtiplerinden biriydim.\n\n"
        "Heyetimiz 3 Mart 1931 sabahı Ankara'dan yola çıktı. Başımızda Hariciye Vekili Hasan Fehmi Bey vardı.\n")})
    assert any(label.startswith("Hasan Fehmi Bey → Sofya") for label in visit_labels(graph)), visit_labels(graph)


def test_the_frames_fill_in_the_places_between_two_stops_that_follow_each_other():
    def stops(*names):
        return [StopFact(Mention("a", "PLACE", name, 0, len(name), "body", "")) for name in names]

    told = stops("Tahran", "Kars", "Gümüşhane", "Ankara", "İzmir")
    read = stops("Kars", "Erzurum", "Bayburt", "Gümüşhane", "Ankara", "Eskişehir", "Afyon", "İzmir")
    merged = [s.place.text for s in between_stops(told, read)]
    assert merged == ["Tahran", "Kars", "Erzurum", "Bayburt", "Gümüşhane", "Ankara", "Eskişehir", "Afyon", "İzmir"]
    # where the fact names a place of its own between the two, it keeps its own order and adds nothing
    assert [s.place.text for s in between_stops(stops("Kars", "Bakü", "Moskova"), stops("Kars", "Tiflis", "Moskova"))] \
        == ["Kars", "Bakü", "Moskova"]


def test_a_day_flagged_on_a_stop_stays_on_that_stop_when_the_frames_add_places_before_it():
    def stop(name):
        return StopFact(Mention("a", "PLACE", name, 0, len(name), "body", ""))

    told = VisitFact("a", stop("x").place, stops=[stop("Kars"), stop("Tiflis"), stop("Bakü")])
    told.flagged = [(2, "13 Mayıs pazartesi")]
    read = VisitFact("a", stop("x").place, stops=[stop("Kars"), stop("Tiflis"), stop("Tiflis"), stop("Bakü")])
    enrich(told, read)
    assert [told.stops[i].place.text for i, _ in told.flagged] == ["Bakü"]


def test_the_ruler_a_participle_speaks_of_is_the_one_whose_journey_the_text_tells(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Kral Tomislav 3 Mart 1931'de Varna'ya geldi. Halk onu coşkuyla selamladı. Şehirde büyük bir ziyafet "
        "verildi. Şumnu üzerinden Rusçuk'a inen hükümdar, Tuna'yı ilk defa burada gördü.\n")})
    assert any(label.startswith("Tomislav → Rusçuk") for label in visit_labels(graph)), visit_labels(graph)


def test_a_verb_of_motion_with_the_suffix_of_ability_tells_a_journey_made(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hariciye Vekili Hasan Fehmi Bey'in Sofya'ya ancak görüşmeler bittikten sonra ulaşabildiği anlaşıldı.\n")})
    labels = visit_labels(graph)
    assert any(label.startswith("Hasan Fehmi Bey → Sofya") for label in labels), labels


@pytest.mark.parametrize("word, made", [("ulaşabildi", True), ("gidebilmişti", True), ("gidebilir", False)])
def test_the_suffix_of_ability_keeps_the_verb_and_its_tense(word, made):
    assert (analyse([word], 0) is not None) == made


def test_going_to_a_meeting_named_after_its_city_is_going_to_the_city(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Şubat 1931'de Sofya Konferansı'na giden Hasan Fehmi Bey orada üç hafta kaldı.\n")})
    assert any(label.startswith("Hasan Fehmi Bey → Sofya") for label in visit_labels(graph)), visit_labels(graph)


def test_a_journey_dated_by_its_year_takes_no_stops_from_sentences_years_later(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Fransızcası ilerleyen Hasan Efendi, 1835'te Viyana sefaretine ikinci kâtip olarak gönderildi. Bu ilk "
        "tecrübeden sonra 1838'de Londra'da maslahatgüzar olarak kaldı. 1840'ta İstanbul'a döndü.\n")})
    vienna = [v for v in graph.subjects(RDF.type, HKG.Visit) if "Viyana" in str(graph.value(v, SKOS.prefLabel))]
    assert vienna and all(places(graph, v) == ["Viyana"] for v in vienna), [places(graph, v) for v in vienna]


def test_a_day_after_a_semicolon_dates_the_other_statement_not_the_journey(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Bey 3 Haziran 1931'de Varna'ya çıktı ve 9 Haziran'da Sofya'ya ulaştı. Görüşmeler uzun sürdü.\n\n"
        "Hasan Fehmi Bey Eylül 1931 sonunda yeniden Sofya'ya geldi; görüşmeler 24 Eylül 1931'de tekrar açıldı.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if "Hasan Fehmi" in str(graph.value(v, SKOS.prefLabel))]
    assert "1931-09-24" not in {str(graph.value(v, HKG.startDate)) for v in visits}, visit_labels(graph)


def test_the_places_a_colon_lists_after_a_visit_are_its_stops_and_it_went_to_the_capital(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "3-7 Mart 1931 — Yunan Başvekili Kemal Sait Bey'in Bulgaristan ziyareti: önce Varna, ardından hususi "
        "trenle Sofya.\n")})
    visit = only(graph, HKG.Visit, "Kemal Sait")
    assert str(graph.value(visit, SKOS.prefLabel)).startswith("Kemal Sait Bey → Sofya"), visit_labels(graph)
    assert places(graph, visit)[:2] == ["Varna", "Sofya"]


def test_a_sentence_that_names_a_journey_only_as_what_came_before_tells_another(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Maksim Rudin 27 Ekim 1931 tarihinde Türkiye'yi ziyaret etmişti. Rudin'in ziyaretiyle Sovyetler bir mesaj "
        "vermek istedi.\n\n"
        "Rudin ziyaretinin ardından Başvekil Hasan Fehmi Paşa ve heyeti, Mayıs 1932 tarihinde Varşova'yı ziyaret "
        "etti. Heyet, Varşova'da törenlerle karşılanmıştı.\n")})
    visit = only(graph, HKG.Visit, "Rudin")
    assert not list(graph.objects(visit, HKG.host))
    assert "Varşova" not in labels(graph, [graph.value(s, HKG.place) for s in graph.objects(visit, HKG.stop)])


def test_a_day_whose_year_the_story_gives_may_lie_months_on_and_is_the_goals_not_the_places_passed_before(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "20 Kasım 1920'de Hasan Fehmi Paşa Varşova elçiliğine atandı. Bu heyet 14 Aralık 1920'de Ankara'dan "
        "hareketle Erzurum üzerinden Kars'a geçmiş ve burada 16 Ocak 1921'e kadar kalmıştı. Tiflis'ten sonra "
        "17 Şubat'ta Varşova'ya vardılar.\n")})
    visit = only(graph, HKG.Visit, "Hasan Fehmi")
    dates = {str(graph.value(graph.value(s, HKG.place), SKOS.prefLabel)): {str(d) for d in graph.objects(s, HKG.date)}
             for s in graph.objects(visit, HKG.stop)}
    assert dates["Varşova"] == {"1921-02-17"} and dates["Tiflis"] == set()
