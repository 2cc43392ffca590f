"""Treaties and visits as events: slots from sentences, claims per source,
conflicts and impossible dates as warnings. The texts are written for the
tests: no name in them is in any file of ontology/."""

from __future__ import annotations

from event_graphs import build_texts, built_once, claims_of, inferences, labels, only, places, stop_inferences
from rdflib import Literal
from rdflib.namespace import RDF, SKOS, XSD

from histkg.export.registry import as_graph
from histkg.rdf.namespaces import HKG, SCHEMA

TREATY_TEXT = (
    "Yunanistan ile Bulgaristan arasında 12 Mart 1926 tarihinde Varna'da bir ticaret antlaşması imzalandı. "
    "Bu gelişmeden sonra iki ülkenin ilişkileri düzeldi.\n\n"
    "4 Nisan 1925 tarihli Selanik Muahedesi iki ülke arasındaki sınırı çizmişti.\n"
)
VISIT_TEXT = (
    "Dışişleri Bakanı Ahmet Rasim Bey başkanlığındaki heyet 3 Mayıs 1927'de Batum'dan hareket etti. "
    "Ahmet Rasim Bey'den başka heyette Mehmet Sait Bey ve Osman Nuri Bey bulunuyordu. "
    "Heyet 5 Mayıs 1927'de Tiflis'e vardı. "
    "Tiflis'te heyeti Yusuf Ziya Paşa karşıladı. "
    "9 Mayıs 1927'de heyet Bakü'ye geçti. "
    "Heyet 13 Mayıs 1927 pazartesi günü Bakü'den ayrıldı.\n"
)


treaty_graph = built_once({"a.txt": TREATY_TEXT})
visit_graph = built_once({"a.txt": VISIT_TEXT})


def test_a_treaty_named_only_by_what_it_is_gets_date_place_and_parties(treaty_graph):
    result, graph = treaty_graph
    treaty = only(graph, HKG.Treaty, "ticaret antlaşması")
    assert graph.value(treaty, HKG.signedOn) == Literal("1926-03-12", datatype=XSD.date)
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Varna"}
    assert {"Yunanistan", "Bulgaristan"} <= labels(graph, graph.objects(treaty, HKG.party))
    assert str(graph.value(treaty, HKG.earliest)) == "1926-03-12" == str(graph.value(treaty, HKG.latest))


def test_a_named_treaty_takes_its_date_and_the_city_of_its_name(treaty_graph):
    result, graph = treaty_graph
    treaty = only(graph, HKG.Treaty, "Selanik")
    assert graph.value(treaty, HKG.signedOn) == Literal("1925-04-04", datatype=XSD.date)
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Selanik"}


def test_every_treaty_value_has_a_claim_with_source_and_evidence(treaty_graph):
    result, graph = treaty_graph
    treaty = only(graph, HKG.Treaty, "ticaret antlaşması")
    for predicate in (HKG.signedOn, HKG.signedAt, HKG.party):
        for value in graph.objects(treaty, predicate):
            claims = [c for c in claims_of(graph, treaty, predicate) if graph.value(c, HKG.object) == value]
            assert len(claims) == 1, (predicate, value)
            assert graph.value(claims[0], HKG.source) is not None
            assert graph.value(claims[0], HKG.evidence) is not None
    assert result.conforms


def test_a_visit_has_leader_travellers_host_and_stops_in_order(visit_graph):
    result, graph = visit_graph
    visit = only(graph, HKG.Visit, "Ahmet Rasim")
    assert labels(graph, graph.objects(visit, HKG.leader)) == {"Ahmet Rasim Bey"}
    assert {"Ahmet Rasim Bey", "Mehmet Sait Bey", "Osman Nuri Bey"} <= labels(graph, graph.objects(visit, HKG.visitor))
    assert "Yusuf Ziya Paşa" in labels(graph, graph.objects(visit, HKG.host))
    stops = sorted(graph.objects(visit, HKG.stop), key=lambda s: int(graph.value(s, HKG.order)))
    places = [str(graph.value(graph.value(s, HKG.place), SKOS.prefLabel)) for s in stops]
    assert places == ["Batum", "Tiflis", "Bakü"]
    assert str(graph.value(stops[1], HKG.date)) == "1927-05-05"
    assert str(graph.value(visit, HKG.startDate)) == "1927-05-03"
    assert str(graph.value(visit, HKG.earliest)) == "1927-05-03"
    assert str(graph.value(visit, HKG.latest)) == "1927-05-09"


def test_a_weekday_that_does_not_match_the_date_is_kept_and_reported(visit_graph):
    result, graph = visit_graph
    problems = [c for c in graph.subjects(HKG.problem, None)]
    assert len(problems) == 1
    assert str(graph.value(problems[0], HKG.object)) == "1927-05-13"
    assert "pazartesi" in str(graph.value(problems[0], HKG.problem))
    assert result.conforms
    assert "1927-05-13" in result.validation.report_text and "Warning" in result.validation.report_text


def test_two_sources_that_disagree_keep_both_dates_and_the_warning_names_both(tmp_path):
    result, graph = build_texts(tmp_path, {
        "first.txt": "3 Haziran 1926 tarihli Varna Antlaşması ilişkileri düzeltti.\n",
        "second.txt": "4 Haziran 1926'da Varna'da bir antlaşma imzalandı.\n",
    })
    treaty = only(graph, HKG.Treaty, "Varna")
    assert {str(v) for v in graph.objects(treaty, HKG.signedOn)} == {"1926-06-03", "1926-06-04"}
    sources = {str(graph.value(c, HKG.source)).rsplit("/", 1)[-1] for c in claims_of(graph, treaty, HKG.signedOn)}
    assert sources == {"first", "second"}
    assert result.conforms
    warning = [line for line in result.validation.report_text.splitlines() if "disagree" in line]
    assert warning and "first.txt" in warning[0] and "second.txt" in warning[0]


def test_seeds_gumru_treaty_carries_both_dates_each_from_its_source(seeds_build):
    result, _ = seeds_build
    graph = as_graph(result.dataset)
    treaty = only(graph, HKG.Treaty, "Gümrü")
    claims = claims_of(graph, treaty, HKG.signedOn)
    by_date = {str(graph.value(c, HKG.object)): str(graph.value(c, HKG.source)).rsplit("/", 1)[-1][:3] for c in claims}
    assert by_date == {"1920-12-03": "000", "1920-12-02": "004"}
    assert result.conforms


def test_seeds_vorosilov_delegation_travels_with_its_members_through_the_cities(seeds_build):
    result, _ = seeds_build
    graph = as_graph(result.dataset)
    journeys = [v for v in graph.subjects(RDF.type, HKG.Visit) if graph.value(v, HKG.partOf) is None
                and "Voroşilov" in str(graph.value(v, SKOS.prefLabel))]
    assert len(journeys) == 1, journeys
    visit = journeys[0]
    legs = {str(graph.value(leg, SKOS.prefLabel)) for leg in graph.subjects(HKG.partOf, visit)}
    assert any("Bergama" in leg for leg in legs) and any("Eskişehir" in leg for leg in legs), legs
    travellers = " ".join(str(label) for person in graph.objects(visit, HKG.visitor)
                          for label in graph.objects(person, SKOS.prefLabel | SKOS.altLabel))
    for spellings in (("Bubrov", "Boubnov"), ("Budiyanni", "Budenny"), ("Krjijanovski", "Krijanovski"), ("Karahan",)):
        assert any(name in travellers for name in spellings), spellings
    stops = sorted(graph.objects(visit, HKG.stop), key=lambda s: int(graph.value(s, HKG.order)))
    places = [str(graph.value(graph.value(s, HKG.place), SKOS.prefLabel)) for s in stops]
    order = [places.index(p) for p in ("Sivastopol", "İstanbul", "Ankara", "Eskişehir", "İzmir", "Bergama", "Çanakkale")]
    assert order == sorted(order)
    assert str(graph.value(visit, HKG.earliest)).startswith("1933-10")
    assert str(graph.value(visit, HKG.latest)).startswith("1933-11")


def test_a_bilateral_phrase_names_a_treaty_and_its_parties(tmp_path):
    result, graph = build_texts(tmp_path, {"a.txt": (
        "Yunanistan ve Bulgaristan yakınlaştı. Sırbistan, Yunan-Bulgar ticaret antlaşmasına katılmayı reddetti.\n")})
    treaty = only(graph, HKG.Treaty, "Yunan-Bulgar")
    assert str(graph.value(treaty, SKOS.prefLabel)) == "Yunan-Bulgar ticaret antlaşması"
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Yunanistan", "Bulgaristan"}
    assert result.conforms


NAMED_AFTER_TEXT = (
    "Heyet 3 Mayıs 1927'de Selanik'e vardı ve Tevfikiye Oteli'nde kaldı. "
    "Varna Konferansı'nda Türk heyetine Ahmet Rasim Bey başkanlık etti.\n\n"
    "4 Nisan 1925 tarihli Selanik Muahedesi iki ülke arasındaki sınırı çizmişti.\n"
)
named_after_graph = built_once({"a.txt": NAMED_AFTER_TEXT})


def test_the_city_a_treaty_is_named_after_is_where_it_was_signed_but_the_name_is_no_mention_of_it(named_after_graph):
    result, graph = named_after_graph
    treaty = only(graph, HKG.Treaty, "Selanik")
    (city,) = graph.objects(treaty, HKG.signedAt)
    assert labels(graph, [city]) == {"Selanik"}
    assert any("named after" in why for why in inferences(graph, treaty, HKG.signedAt))
    assert len(list(graph.objects(city, HKG.evidence))) == 1  # `Selanik'e`, not the treaty's name
    assert result.conforms


def test_heading_a_delegation_at_a_conference_is_going_to_the_city_it_is_named_after(named_after_graph):
    result, graph = named_after_graph
    visit = next(v for v in graph.subjects(RDF.type, HKG.Visit)
                 if "Ahmet Rasim" in " ".join(labels(graph, graph.objects(v, HKG.leader))))
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Varna"}
    (extraction,) = result.extractions
    assert "Varna" not in {m.text for m in extraction.mentions if m.label == "PLACE"}  # a word of the conference's name


def test_a_hotel_or_a_palace_is_a_venue_not_a_place(named_after_graph):
    result, graph = named_after_graph
    hotel = only(graph, HKG.Venue, "Tevfikiye Oteli")
    assert (hotel, RDF.type, HKG.Place) not in graph
    assert "/venue/" in str(hotel) and graph.value(hotel, SCHEMA.latitude) is None
    assert result.conforms


def test_a_street_is_a_venue_not_a_place(tmp_path):
    result, graph = build_texts(tmp_path, {
        "a.txt": "Kongre 13 Haziran 1878'de Wilhelmstraße'deki Radziwill Sarayı'nda toplandı.\n",
    })
    street = only(graph, HKG.Venue, "Wilhelmstraße")
    assert (street, RDF.type, HKG.Place) not in graph
    assert graph.value(street, SCHEMA.latitude) is None


def test_one_journey_told_by_two_texts_keeps_the_goal_each_names_with_its_source(tmp_path):
    _, graph = build_texts(tmp_path, {
        "first.txt": "Kral Tomislav 3 Mart 1931'de Bulgaristan'ı ziyaret etti.\n",
        "second.txt": "Kral Tomislav 3 Mart 1931'de Sofya'ya geldi.\n",
    })
    visit = only(graph, HKG.Visit, "Tomislav")
    goals = {str(graph.value(c, HKG.source)).rsplit("/", 1)[-1]: str(graph.value(graph.value(c, HKG.object), SKOS.prefLabel))
             for c in claims_of(graph, visit, HKG.destination)}
    assert goals == {"first": "Bulgaristan", "second": "Sofya"}


def test_a_journey_with_no_date_and_no_goal_in_one_text_joins_no_journey_of_another(tmp_path):
    _, graph = build_texts(tmp_path, {
        "first.txt": "Hasan Fehmi Bey 1920 yılında Sofya'ya gitti.\n",
        "second.txt": "Hükümet, Hasan Fehmi Bey başkanlığında bir heyeti de Burgaz'a gönderdi.\n",
    })
    journeys = [v for v in graph.subjects(RDF.type, HKG.Visit) if graph.value(v, HKG.partOf) is None]
    sofia = [v for v in journeys if "Sofya" in str(graph.value(v, SKOS.prefLabel))]
    assert sofia, labels(graph, journeys)
    stops = {str(graph.value(graph.value(s, HKG.place), SKOS.prefLabel)) for s in graph.objects(sofia[0], HKG.stop)}
    assert stops == {"Sofya"}, stops


def test_a_journey_with_no_goal_told_goes_to_the_capital_of_the_places_it_is_sent_to_as_often(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Kral Tomislav Hazretlerinin memleketimizdeki seyahatleri sona erdi. "
        "Varna'ya gelen misafir, oradan Sofya'ya hareket etmiştir.\n")})
    visit = only(graph, HKG.Visit, "Tomislav")
    assert str(graph.value(graph.value(visit, HKG.destination), SKOS.prefLabel)) == "Sofya"


def test_two_journeys_to_one_place_months_apart_in_one_year_are_two(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Bey 3 Haziran 1931'de Varna'ya çıktı ve 9 Haziran'da Sofya'ya ulaştı. Görüşmeler uzun sürdü.\n\n"
        "Hasan Fehmi Bey 24 Eylül 1931'de yeniden Sofya'ya geldi.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if "Hasan Fehmi" in str(graph.value(v, SKOS.prefLabel))]
    assert sorted(str(graph.value(v, HKG.startDate)) for v in visits) == ["1931-06-03", "1931-09-24"], \
        labels(graph, visits)


def test_arriving_back_where_a_journey_set_out_ends_it_and_the_next_departure_is_another(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "2 Haziran 1930'da Hariciye Vekili Hasan Fehmi Bey'in Yunanistan seyahati başladı: heyet İzmir'den "
        "Ege Denizi'ni geçti; Atina'da Kral tarafından kabul edildi, Selanik'e de uğradı. Dönüş Pire üzerinden "
        "oldu ve heyet 12 Haziran 1930'da İzmir'e vardı. Aynı ayın sonunda Doktor, Hasan Fehmi Bey ile birlikte "
        "Sofya'ya gitti.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit)
              if "Hasan Fehmi" in str(graph.value(v, SKOS.prefLabel)) and graph.value(v, HKG.partOf) is None]
    stops = [places(graph, v) for v in visits]
    assert ["Sofya"] in stops, labels(graph, visits)
    assert not any("Sofya" in each and "Atina" in each for each in stops), stops


# a memoir's digression, long enough that the journey told after it is read from its own sentences
DIGRESSION = " ".join(f"O günlerde {n}. defterimi dolduruyordum." for n in range(1, 13))


def test_a_narrator_who_travels_as_we_goes_with_the_head_of_the_retinue_across_paragraphs(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Ben o yıl Hariciye kâtiplerinin en genci idim. Kral Tomislav Hazretlerinin maiyetinde Hariciye Nazırı "
        "Hasan Fehmi Bey ve Doktor Nuri Bey bulunuyordu. " + DIGRESSION + "\n\n"
        "Yolda Varna'ya ve Burgaz'a uğradık. Midye'ye çıktığımızda vali bizi karşıladı.\n\n"
        "Midye'de Sadrazam Ali Rıza Paşa bizi bekliyordu. Oradan trenle Edirne'ye gidildi.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if graph.value(v, HKG.partOf) is None]
    led = {str(graph.value(graph.value(v, HKG.leader), SKOS.prefLabel)): v for v in visits
           if graph.value(v, HKG.leader) is not None}
    assert "Ali Rıza Paşa" not in led, labels(graph, visits)  # named before `gidildi`, but not one of `us`
    king = next(v for name, v in led.items() if "Tomislav" in name)
    assert places(graph, king) == ["Varna", "Burgaz", "Midye", "Edirne"]


def test_a_journey_told_by_an_infinitive_of_purpose_is_the_main_subjects_and_dated_by_the_same_night(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Görüşmeler uzadı ve 4 Şubat 1923 akşamı konferans dağıldı. Lord Ashby aynı gece Londra'ya dönmek üzere "
        "hususi trenine bindi.\n")})
    visit = only(graph, HKG.Visit, "Ashby")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Londra"}
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1923-02-04"}


def test_our_delegation_sets_out_on_its_day_and_goes_to_the_city_it_reaches_beyond_a_region(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Heyetimiz 3 Mart 1925 sabahı Ankara'dan hususi bir trenle yola çıktı. İstasyonda bizi Vali Bey uğurladı. "
        "Başımızda Hariciye Vekili Hasan Fehmi Bey vardı. Heyetin ikinci murahhası Dr. Cemal Nuri Bey idi. "
        "Yol boyunca halk trenimizi karşıladı. 9 Mart 1925'te Sirkeci'den trene binip Avrupa'ya geçtik.\n\n"
        "Konferans uzun sürdü. Nihayet Cenevre'den ayrıldık ve Ankara'ya döndük.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if graph.value(v, HKG.partOf) is None
              and "Hasan Fehmi" in str(graph.value(v, SKOS.prefLabel))]
    dated = {str(graph.value(graph.value(v, HKG.destination), SKOS.prefLabel)): str(graph.value(v, HKG.startDate))
             for v in visits}
    assert dated.get("Cenevre") == "1925-03-03", labels(graph, visits)


def test_a_newspapers_our_port_is_the_city_of_its_dateline(tmp_path):
    _, graph = build_texts(tmp_path, {
        "a.txt": "VARNA — SALI 3 MART 1931\n\nHariciye Nazırı Dimo Kazasov dün limanımıza muvasalat etmiş ve "
                 "hususi trenle Sofya'ya hareket etmiştir.\n",
        "b.txt": "Hariciye Nazırı Ilia Todorov 4 Nisan 1931'de limanımıza muvasalat etmiş ve hususi trenle Sofya'ya "
                 "hareket etmiştir.\n"})
    visit = only(graph, HKG.Visit, "Kazasov")
    assert places(graph, visit) == ["Varna", "Sofya"]
    assert "dateline" in stop_inferences(graph, visit)[0]  # the stop's claim says how the city was drawn
    undated = only(graph, HKG.Visit, "Todorov")  # no dateline: `our port` is no place
    assert labels(graph, [graph.value(s, HKG.place) for s in graph.objects(undated, HKG.stop)]) == {"Sofya"}


def test_a_delegation_named_by_its_nation_is_led_by_the_head_its_roster_line_names(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "VARNA GÖRÜŞMELERİ (1931)\n\n"
        "Bulgar heyeti: Başvekil Andrey Lyapçev; Hariciye Nazırı Dimo Kazasov ve on kişilik bir maiyet.\n\n"
        "Bulgar heyeti 3 Mart 1931'de Sofya'dan trenle yola çıktı ve 5 Mart sabahı Varna'ya vardı. "
        "Yunan heyeti ise Atina'dan vapurla Burgaz'a vardı.\n")})
    visit = only(graph, HKG.Visit, "Lyapçev")
    assert labels(graph, graph.objects(visit, HKG.destination)) == {"Varna"}
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1931-03-03"}
    # the Greek delegation, whose head the text does not name, went to Burgaz led by no one it names
    burgaz = [v for v in graph.subjects(RDF.type, HKG.Visit) if "Burgaz" in str(graph.value(v, SKOS.prefLabel))]
    assert len(burgaz) == 1 and not list(graph.objects(burgaz[0], HKG.leader))


def test_a_newspapers_our_guest_is_the_traveller_it_tells_of_most(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "VARNA — SALI 3 MART 1931\n\n"
        "Büyük misafirimiz dün gece hususi trenle Sofya'ya hareket etti. Vali Bey kendisini istasyonda uğurladı.\n\n"
        "Geçen hafta Burgaz'dan vapurla Varna'ya gelen Kral Petar Nikolić, şehirde üç gün kalmıştı.\n")})
    leaving = [v for v in graph.subjects(RDF.type, HKG.Visit)
               if labels(graph, graph.objects(v, HKG.destination)) == {"Sofya"}]
    assert [labels(graph, graph.objects(v, HKG.leader)) for v in leaving] == [{"Petar Nikolić"}], labels(graph, leaving)
    assert {str(d) for d in graph.objects(leaving[0], HKG.startDate)} == {"1931-03-02"}


def test_a_title_alone_before_the_name_it_goes_with_is_that_person_when_the_text_gives_it_to_one(tmp_path):
    _, graph = build_texts(tmp_path, {
        "a.txt": "Kral, 3 Mart 1931'de Varna'ya geldi ve halkı selamladı. Ertesi gün Kral Petar Nikolić vapurla "
                 "Balçık'a gitti.\n",
        "b.txt": "Kral, 4 Nisan 1931'de Burgaz'a geldi. Kral Stefan Dukić ile Kral Marko Ilić orada görüştüler.\n"})
    assert labels(graph, graph.objects(only(graph, HKG.Visit, "Varna"), HKG.leader)) == {"Petar Nikolić"}
    assert not [v for v in graph.subjects(RDF.type, HKG.Visit) if "Burgaz" in str(graph.value(v, SKOS.prefLabel))
                and graph.value(v, HKG.leader) is not None]  # two kings: `Kral` alone is neither


def test_a_journey_starts_on_the_day_it_set_out_within_the_month_another_sentence_gives(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hariciye Vekili Hasan Fehmi Bey Şubat 1931'de Sofya'ya gitti. Heyet 6 Şubat 1931 günü Ankara'dan trenle "
        "hareket etti ve Eskişehir üzerinden İstanbul'a geldi; 9 Şubat'ta Sofya'ya vardı.\n")})
    visit = only(graph, HKG.Visit, "Hasan Fehmi")
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1931-02-06"}


def test_a_journey_to_a_state_the_gazetteer_does_not_know_went_to_the_one_capital_among_its_stops(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "3 Mayıs 1908'de Hariciye Nazırı Hasan Fehmi Paşa'nın Avusturya-Macaristan İmparatorluğu seyahatine "
        "katıldı: heyet Trieste'den trenle Graz'a geçti; Viyana'da İmparator tarafından kabul edildi, Linz'e de "
        "uğradı.\n")})
    visit = only(graph, HKG.Visit, "Hasan Fehmi")
    assert "Viyana" in labels(graph, graph.objects(visit, HKG.destination))
    assert any("capital" in why for why in inferences(graph, visit, HKG.destination))


def test_a_journey_starts_the_day_it_went_out_of_a_place(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hariciye Vekili Hasan Fehmi Bey 22 Eylül 1931'de İstanbul'dan çıktı ve 25 Eylül'de Sofya'ya vardı.\n")})
    visit = only(graph, HKG.Visit, "Hasan Fehmi")
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1931-09-22"}


def test_a_return_from_a_place_the_text_never_sent_him_to_tells_a_journey_there(tmp_path):
    _, graph = build_texts(tmp_path, {
        "a.txt": "Hariciye Nazırı Dimo Kazasov'un Viyana'dan dönüşü hükümeti sevindirdi.\n",
        "b.txt": "Hariciye Nazırı Ilia Todorov 3 Mart 1931'de Prag'a gitti. Todorov 9 Mart'ta Prag'dan döndü.\n"})
    visit = only(graph, HKG.Visit, "Kazasov")
    assert places(graph, visit) == ["Viyana"]
    assert "came back from" in stop_inferences(graph, visit)[0]
    assert len([v for v in graph.subjects(RDF.type, HKG.Visit) if "Todorov" in str(graph.value(v, SKOS.prefLabel))]) == 1
