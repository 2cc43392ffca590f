"""Treaty slots from the grammar of Turkish sentences: who the parties are,
where and when a treaty was signed. The texts are written for the tests:
persons, towns and treaties in them are invented or in no file of ontology/
(the countries are real: a party is a state)."""

from __future__ import annotations

from event_graphs import build_texts, inferences, labels, only
from rdflib.namespace import OWL, RDF, SKOS

from histkg.rdf.namespaces import HKG


def parties(graph, treaty) -> set[str]:
    return labels(graph, graph.objects(treaty, HKG.party))


def conforming_graph(tmp_path, text: str):
    """The graph histkg builds from one text, which must conform to the shapes."""
    result, graph = build_texts(tmp_path, {"a.txt": text})
    assert result.conforms, result.validation.report_text
    return graph


def test_a_country_the_place_finder_leaves_untagged_is_still_a_party(tmp_path):
    # `Türkiye` is also a word of the not-a-name list, so the place finder skips it.
    graph = conforming_graph(tmp_path, (
        "Türkiye ile Yunanistan arasında 12 Mart 1926 tarihinde Varna'da bir ticaret antlaşması imzalandı.\n"))
    treaty = only(graph, HKG.Treaty, "ticaret antlaşması")
    assert parties(graph, treaty) == {"Türkiye", "Yunanistan"}
    state = only(graph, HKG.Place, "Türkiye")
    assert str(graph.value(state, OWL.sameAs)) == "https://sws.geonames.org/298795/"


def test_a_government_named_by_its_seat_makes_its_state_a_party(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Yunanistan o yıl yalnız kaldı. Atina hükümeti uzun bir direnişten sonra 4 Mayıs 1926 tarihinde "
        "Varna'da Bulgaristan ile barış imzalamış ve savaştan çekilmişti.\n"))
    treaty = only(graph, HKG.Treaty, "barış")
    assert parties(graph, treaty) == {"Yunanistan", "Bulgaristan"}


def test_a_government_whose_state_the_text_never_names_brings_that_state(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Atina hükümeti 4 Mayıs 1926 tarihinde Varna'da Bulgaristan ile barış imzaladı.\n"))
    treaty = only(graph, HKG.Treaty, "barış")
    assert parties(graph, treaty) == {"Yunanistan", "Bulgaristan"}


def test_both_states_of_a_signing_are_the_two_named_just_before(tmp_path):
    graph = conforming_graph(tmp_path, (
        "3 Nisan 1926'da Varna Paktı imzalandı. Bu pakta Yunanistan ve Bulgaristan'da davet edilmiş "
        "ve her iki devlet de bu pakta imza atmış oldu.\n"))
    treaty = only(graph, HKG.Treaty, "Varna Paktı")
    assert parties(graph, treaty) == {"Yunanistan", "Bulgaristan"}


def test_a_treaty_made_with_a_state_has_that_state_as_party(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Yunanistan ile yapılan 3 Nisan 1926 tarihli Varna Muahedesi Bulgaristan tarafından da "
        "benimsenmişti.\n"))
    treaty = only(graph, HKG.Treaty, "Varna")
    assert "Yunanistan" in parties(graph, treaty)


def test_an_agreement_between_named_sides_is_labelled_by_the_whole_phrase(tmp_path):
    graph = conforming_graph(tmp_path, (
        "12 Le Marchal ve Vardanyan arasındaki anlaşma, Kestel (Ju. Arlov, Dogovory, Moskova 1926, s. 75).\n"))
    treaty = only(graph, HKG.Treaty, "anlaşma")
    assert str(graph.value(treaty, SKOS.prefLabel)) == "Le Marchal ve Vardanyan arasındaki anlaşma"


def test_a_state_in_the_genitive_before_a_nominalised_signing_verb_signed_it(tmp_path):
    # `X'in, ... imzaladığı`: Turkish marks the subject of a -DIğI clause with the genitive.
    graph = conforming_graph(tmp_path, (
        "Konferansa Yunanistan'ın, daha önce Varna Antlaşmasını imzaladığı gerekçesiyle çağrılmaması "
        "tartışıldı. Bulgaristan'ın elçisi Selanik Antlaşmasını imzaladığı gün şehre döndü.\n"))
    assert parties(graph, only(graph, HKG.Treaty, "Varna")) == {"Yunanistan"}
    assert parties(graph, only(graph, HKG.Treaty, "Selanik")) == set()


def test_a_nationality_word_inside_a_partys_name_does_not_add_that_state(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Ermenistan o yıl sessiz kaldı. 5 Mayıs 1926'da Zengi Ermeni Cumhuriyeti ile dostluk antlaşması imzalandı.\n"))
    treaty = only(graph, HKG.Treaty, "dostluk antlaşması")
    assert "Ermenistan" not in parties(graph, treaty)


def test_a_lone_treaty_noun_with_the_object_suffix_is_labelled_without_it(tmp_path):
    # `barışı imzalamış`: -ı here marks the object; a compound (`Varna barışı`) needs a word before it.
    graph = conforming_graph(tmp_path, (
        "Yunanistan 7 Mayıs 1926'da barışı imzalamış ve savaştan çekilmişti.\n"))
    treaty = only(graph, HKG.Treaty, "barış")
    assert str(graph.value(treaty, SKOS.prefLabel)).startswith("barış (")


def test_a_sentence_opening_with_bu_antlasma_dates_the_treaty_of_the_sentence_before(tmp_path):
    # The date stands after another agreement (`… antlaşmasıyla aynı gün`), before the signing verb.
    graph = conforming_graph(tmp_path, (
        "Velistra Antlaşması iki ülke arasındaki sınırı çizdi. Bu antlaşma, Yunanlılarla yapılan ticaret "
        "antlaşmasıyla aynı gün içerisinde (4 Mayıs 1926) imzalanmıştı.\n"))
    treaty = only(graph, HKG.Treaty, "Velistra")
    assert str(graph.value(treaty, HKG.signedOn)) == "1926-05-04"
    assert all("refers to" in why for why in inferences(graph, treaty, HKG.signedOn))


def test_bu_antlasma_refers_to_the_nearest_singular_treaty_not_an_older_name_or_a_plural(tmp_path):
    # `antlaşmaların` (plural) cannot be what `Bu antlaşma` (singular) refers to; Velistra is further back.
    graph = conforming_graph(tmp_path, (
        "1920 tarihli Velistra Antlaşması sınırı çizmişti. Yunanistan ile yapılan dostluk antlaşması, Atina "
        "hükümeti tarafından kararlaştırıldığı için bu tarzda yapılan antlaşmaların ilkidir. Bu antlaşma "
        "4 Mayıs 1926'da imzalandı.\n"))
    assert str(graph.value(only(graph, HKG.Treaty, "Velistra"), HKG.signedOn)) == "1920"
    described = only(graph, HKG.Treaty, "dostluk antlaşması")
    assert str(graph.value(described, HKG.signedOn)) == "1926-05-04"


def test_a_bu_antlasma_that_points_at_another_speaks_of_the_treaty_that_one_speaks_of(tmp_path):
    # The third sentence's `Bu antlaşma` points at the second's, which points at the unnamed treaty.
    graph = conforming_graph(tmp_path, (
        "Romanya ile Bulgaristan arasında Varna'da bir dostluk antlaşması imzalandı. Bu antlaşma 4 Mayıs 1926'da "
        "imzalanmıştı. Bu antlaşma 1930'da yeniden imzalandı.\n"))
    treaty = only(graph, HKG.Treaty, "antlaşma")  # one treaty, not a second `antlaşma (1930)`
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1926-05-04", "1930"}


def test_the_state_whose_government_made_a_treaty_it_is_the_subject_of_is_a_party(tmp_path):
    # `X, Y'nin hükümeti tarafından kararlaştırıldı`: the treaty is the subject, Y's government the agent.
    graph = conforming_graph(tmp_path, (
        "Yunanistan ile yapılan dostluk antlaşması, Bulgaristan'ın sivil hükümeti tarafından kararlaştırıldığı "
        "için bu tarzda yapılan antlaşmaların ilkidir.\n"))
    treaty = only(graph, HKG.Treaty, "dostluk antlaşması")
    assert parties(graph, treaty) == {"Yunanistan", "Bulgaristan"}


# Velistra (invented) is a friendship treaty Bulgaristan signed; Varna's is one Romanya signed.
TWO_FRIENDSHIPS = (
    "Bulgaristan'ın, daha önce Velistra Antlaşmasını imzaladığı biliniyordu. Velistra'daki dostluk antlaşması "
    "iki ülkeyi yakınlaştırdı. Romanya ile 5 Mayıs 1926 tarihinde Varna'da bir dostluk antlaşması imzalandı. "
    "Varna Antlaşması uzun sürmedi. ")


def test_a_described_treaty_joins_the_one_named_treaty_whose_kind_and_parties_agree(tmp_path):
    graph = conforming_graph(tmp_path, TWO_FRIENDSHIPS + (
        "Türk-Bulgar dostluk antlaşmasıyla ilgili görüşmeler uzun sürdü. Yunanistan ile yapılan dostluk "
        "antlaşması, Bulgaristan'ın hükümeti tarafından kararlaştırıldı.\n"))
    treaty = only(graph, HKG.Treaty, "Velistra")
    assert parties(graph, treaty) == {"Bulgaristan", "Yunanistan"}
    assert all("agree" in why for why in inferences(graph, treaty, HKG.party) if why)
    assert not [n for n in graph.subjects(RDF.type, HKG.Treaty) if "dostluk antlaşması" in str(graph.value(n, SKOS.prefLabel))]
    assert "Yunanistan" not in parties(graph, only(graph, HKG.Treaty, "Varna"))  # Romanya's: not the one described


def test_a_described_treaty_stays_apart_when_several_named_treaties_fit(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Bulgaristan'ın, daha önce Velistra Antlaşmasını imzaladığı biliniyordu. Bulgaristan'ın, 1925'te "
        "Kalvira Antlaşmasını imzaladığı da biliniyordu. Velistra'daki dostluk antlaşması ve Kalvira'daki "
        "dostluk antlaşması iki ülkeyi yakınlaştırdı. Yunanistan ile yapılan dostluk antlaşması, Bulgaristan "
        "hükümeti tarafından kararlaştırıldı.\n"))
    assert parties(graph, only(graph, HKG.Treaty, "Velistra")) == {"Bulgaristan"}
    assert parties(graph, only(graph, HKG.Treaty, "Kalvira")) == {"Bulgaristan"}
    assert parties(graph, only(graph, HKG.Treaty, "dostluk antlaşması (")) == {"Yunanistan", "Bulgaristan"}


def test_a_described_treaty_stays_apart_when_its_date_contradicts_the_named_one(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Bulgaristan'ın, 1921'de Velistra Antlaşmasını imzaladığı biliniyordu. Velistra'daki dostluk antlaşması iki ülkeyi "
        "yakınlaştırdı. Yunanistan ile yapılan dostluk antlaşması, Bulgaristan hükümeti tarafından "
        "kararlaştırıldı. Bu antlaşma 1930 yılında imzalandı.\n"))
    velistra = only(graph, HKG.Treaty, "Velistra")
    assert parties(graph, velistra) == {"Bulgaristan"} and str(graph.value(velistra, HKG.signedOn)) == "1921"
    assert str(graph.value(only(graph, HKG.Treaty, "dostluk antlaşması ("), HKG.signedOn)) == "1930"


BULGARIAN_STORY = (
    "Bulgaristan o yıllarda komşularıyla yakınlaştı. Sofya'da yeni bir hükümet kuruldu ve Bulgaristan "
    "ordusunu küçülttü. ")
SIGNED_WITH_ONE_SIDE = "Bu arada üç Kalvira Cumhuriyeti ile de 13 Ekim 1921 yılında Varna'da bir dostluk antlaşması imza edildi.\n"


def test_the_side_a_passive_signing_leaves_out_is_the_state_the_document_is_about(tmp_path):
    graph = conforming_graph(tmp_path, BULGARIAN_STORY + SIGNED_WITH_ONE_SIDE)
    treaty = only(graph, HKG.Treaty, "dostluk antlaşması")
    assert parties(graph, treaty) == {"üç Kalvira Cumhuriyeti", "Bulgaristan"}
    assert [why for why in inferences(graph, treaty, HKG.party) if why] == [
        "the side the sentence leaves out: the state the document is about (Bulgaristan)"]


def test_no_side_is_implied_when_the_document_is_about_two_states_alike(tmp_path):
    graph = conforming_graph(tmp_path, (
        BULGARIAN_STORY + "Romanya da ordusunu küçülttü; Bükreş'te ve Romanya'nın kuzeyinde yeni okullar açıldı. "
        + SIGNED_WITH_ONE_SIDE))
    assert parties(graph, only(graph, HKG.Treaty, "dostluk antlaşması")) == {"üç Kalvira Cumhuriyeti"}


A_VISIT = (
    "Yunanistan ile Bulgaristan arasındaki ilişkiler o yıl düzelmişti. Bu dostluğu pekiştirmek üzere Yunan "
    "Dışişleri Bakanı Velikos, Varna'ya {when}geldi. ")
A_PROTOCOL = "17 Aralık 1929'da da yeni bir protokol imza edilmiş ve ticaret ilişkileri düzelmiş oldu.\n"


def test_a_protocol_signed_right_after_a_visit_arrives_is_signed_in_that_city_by_both_states(tmp_path):
    graph = conforming_graph(tmp_path, A_VISIT.format(when="") + A_PROTOCOL)
    treaty = only(graph, HKG.Treaty, "protokol")
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Varna"}
    assert parties(graph, treaty) == {"Bulgaristan", "Yunanistan"}
    whys = inferences(graph, treaty, HKG.signedAt) + inferences(graph, treaty, HKG.party)
    assert len(whys) == 3 and all("visit" in why for why in whys)


def test_a_protocol_dated_outside_the_visit_is_not_placed_in_its_city(tmp_path):
    graph = conforming_graph(tmp_path, A_VISIT.format(when="3 Mayıs 1927'de ") + A_PROTOCOL)
    treaty = only(graph, HKG.Treaty, "protokol")
    assert not list(graph.objects(treaty, HKG.signedAt)) and parties(graph, treaty) == set()


def test_a_name_of_nations_and_of_what_the_treaty_is_makes_one_treaty_with_those_parties(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Türkiye ile Romanya arasındaki ilişkiler düzeldi. 9 Şubat 1934 günü Türk-Romen Dostluk, Saldırmazlık, Hakem ve Uzlaşma "
        "Antlaşması imzalandı.\n"))
    treaty = only(graph, HKG.Treaty, "Türk-Romen Dostluk, Saldırmazlık, Hakem ve Uzlaşma Antlaşması")
    assert parties(graph, treaty) == {"Türkiye", "Romanya"}


def test_country_names_in_a_treaty_name_are_its_parties(tmp_path):
    graph = conforming_graph(tmp_path, (
        "İran ve Irak o yıl anlaştılar. Cenevre'de imzalanan İran-Irak Hudut Antlaşması uzun sürdü.\n"))
    treaty = only(graph, HKG.Treaty, "İran-Irak")
    assert parties(graph, treaty) == {"İran", "Irak"}


def test_a_signing_that_names_no_treaty_is_of_the_treaty_named_just_before(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Norveç ile Danimarka arasındaki Kervanlı Muahedesi 3 Mart 1930'da Trondheim'da müzakere edildi. "
        "Muahedenameyi Norveç namına Hariciye Nazırı Lars Halvorsen, Danimarka namına Hariciye Nazırı "
        "Jens Nørby imzalamışlardır.\n"))
    treaty = only(graph, HKG.Treaty, "Kervanlı Muahedesi")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Lars Halvorsen", "Jens Nørby"}
    assert all("named just before" in why for why in inferences(graph, treaty, HKG.signatory))


def test_country_names_joined_by_a_hyphen_open_a_described_treaty_and_are_its_parties(tmp_path):
    graph = conforming_graph(tmp_path, (
        "İran ile Irak uzun süre anlaşamadı. Bu anlaşmazlık 4 Temmuz 1937'de Tahran'da imzalanan İran-Irak sınır "
        "antlaşması ile çözüldü.\n"))
    treaty = only(graph, HKG.Treaty, "İran-Irak")
    assert parties(graph, treaty) == {"İran", "Irak"}


def test_a_short_name_signed_the_same_day_is_the_same_treaty_as_the_full_name(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Türk-Romen Dostluk ve Hakem Antlaşması 9 Şubat 1934'te Varna'da imzalandı. "
        "Türk-Romen Antlaşması 9 Şubat 1934 tarihinde imzalanmış, ertesi yıl yürürlüğe girmişti.\n\n"
        "Türk-Romen Ticaret Antlaşması ise 3 Mart 1936'da imzalandı.\n"))
    treaty = only(graph, HKG.Treaty, "Türk-Romen Dostluk ve Hakem Antlaşması")
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Varna"}
    short = [t for t in graph.subjects(RDF.type, HKG.Treaty) if str(graph.value(t, SKOS.prefLabel)) == "Türk-Romen Antlaşması"]
    assert short == []  # one treaty, told by both names
    assert only(graph, HKG.Treaty, "Ticaret") != treaty  # another day: another treaty


def test_a_short_name_joins_a_treaty_one_of_whose_names_it_opens(tmp_path):
    # the long name joins `Karşılıklı Yardım Antlaşması` (a name ending it); the short one opens the long one,
    # and a verbal noun between the name and its passive verb (`ayrılışından`) leaves the name its subject
    graph = conforming_graph(tmp_path, (
        "Varna'da imzalanan Karşılıklı Yardım Antlaşması'na dayanıldı.\n\n"
        "Türk-Romen Karşılıklı Yardım Antlaşması, Petro Kalenko'nun Sofya'dan ayrılışından iki gün sonra, "
        "9 Şubat 1934'te Varna'da imzalandı.\n\n"
        "Türk-Romen Antlaşması 9 Şubat 1934 tarihinde imzalanmıştı.\n"))
    treaties = list(graph.subjects(RDF.type, HKG.Treaty))
    assert len(treaties) == 1, [graph.value(t, SKOS.prefLabel) for t in treaties]
    assert {str(d) for d in graph.objects(treaties[0], HKG.signedOn)} == {"1934-02-09"}


def test_a_signing_clause_after_the_one_that_named_the_treaty_tells_of_it_but_not_one_with_its_own(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Velistra Antlaşması, Kalenko'nun Sofya'dan ayrılışından iki gün sonra, 9 Şubat 1934'te Varna'da "
        "imzalandı; vekil henüz yolda olduğundan metni Bulgaristan adına Başvekil Dr. Petro Kalenko imzaladı. "
        "Dereli Antlaşması'nın imzasından sonra Romanya, daha önce Pleven Antlaşmasını imzaladığı gerekçesiyle "
        "çağrılmadı.\n"))
    treaty = only(graph, HKG.Treaty, "Velistra")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Petro Kalenko"}
    assert labels(graph, graph.objects(only(graph, HKG.Treaty, "Dereli"), HKG.party)) == set()


def test_a_treaty_is_named_after_a_town_the_text_names_though_the_gazetteer_lacks_it(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Heyet 26 Ekim akşamı Kızılada'daki Velikoy limanına ulaştı. Velikoy Mütarekesi 30 Ekim 1918'de "
        "imzalandı.\n"))
    treaty = only(graph, HKG.Treaty, "Velikoy")
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Velikoy"}
    towns = [p for p in graph.subjects(RDF.type, HKG.Place) if str(graph.value(p, SKOS.prefLabel)) == "Velikoy"]
    assert len(towns) == 1  # the town the text names, not a second node made of the treaty's name


def test_a_treaty_signed_the_same_day_as_the_one_before_was_signed_where_it_was_by_the_two_countries(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Velistra Dostluk Muahedesi 30 Ekim 1930'da Varna'da Bulgaristan ile Romanya arasında imzalandı. "
        "Muahedeye merbut olarak iki memleketin İkamet ve Ticaret Mukavelenamesi de aynı gün imza olunmuştur.\n"))
    treaty = only(graph, HKG.Treaty, "İkamet")
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1930-10-30"}
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Varna"}
    assert parties(graph, treaty) == {"Bulgaristan", "Romanya"}


def test_a_case_glued_on_the_honorific_is_the_names_case(tmp_path):
    # the old orthography: `Hasan Fehmi Beyin` is the genitive, the subject of `imzaladığı`
    graph = conforming_graph(tmp_path, (
        "Hudut meselesi nihayet Hariciye Vekilimiz Hasan Fehmi Beyin 1932 Şubatında Varnada imzaladığı hudut "
        "itilafnamesiyle halledilmiştir.\n"))
    treaty = only(graph, HKG.Treaty, "hudut")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Hasan Fehmi"}


def test_a_signing_at_a_venue_took_place_in_the_city_the_signer_had_just_gone_to(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Hasan Fehmi Bey ertesi yıl Varna'ya giderek 8 Temmuz 1937'de Kalyon Sarayı'nda Bulgaristan ile "
        "Romanya arasındaki Kalyon Paktı'na imza koydu.\n"))
    treaty = only(graph, HKG.Treaty, "Kalyon Paktı")
    assert "Varna" in labels(graph, graph.objects(treaty, HKG.signedAt))


def test_talks_that_ended_in_a_treaty_made_it_on_their_day(tmp_path):
    # `sonuçlan-` with a treaty in the instrumental: the treaty was concluded; the visit is no signer
    graph = conforming_graph(tmp_path, (
        "Aralık 1921'de Sofya'ya gelen Petro Kalenko'nun ziyareti de 2 Ocak 1922'de bir dostluk antlaşmasıyla "
        "sonuçlandı.\n"))
    dated = [t for t in graph.subjects(RDF.type, HKG.Treaty)
             if {str(d) for d in graph.objects(t, HKG.signedOn)} == {"1922-01-02"}]
    assert len(dated) == 1
    assert labels(graph, graph.objects(dated[0], HKG.signatory)) == set()


def test_a_date_written_tarihli_before_a_treaty_dates_it_whatever_the_sentence_goes_on_to_tell(tmp_path):
    # `yerine` (instead of) is another event after the name; `1930 tarihli` still dates the treaty itself.
    graph = conforming_graph(tmp_path, (
        "Bulgaristan, 1930 tarihli Velistra Antlaşması'nın yerine Romanya ile yeni bir antlaşma yaptı.\n"))
    assert str(graph.value(only(graph, HKG.Treaty, "Velistra"), HKG.signedOn)) == "1930"


def test_a_year_before_a_treaty_noun_names_the_treaty_made_that_year_but_a_dated_clause_does_not(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Velistra Antlaşması 1925'te imzalandı. Süresi 1929 protokolü ve 1935 protokolü ile uzatıldı. "
        "Bulgaristan 5 Nisan 1936'da pakta katıldı.\n"))
    dates = {str(graph.value(t, HKG.signedOn)) for t in graph.subjects(RDF.type, HKG.Treaty)}
    assert {"1929", "1935"} <= dates
    assert "1936-04-05" not in dates  # joining a pact on a day is no signing named by that day


def test_a_treaty_named_by_its_year_is_the_treaty_its_document_names_that_year(tmp_path):
    graph = conforming_graph(tmp_path, (
        "17 Aralık 1925 tarihli Velistra Paktı iki devleti yakınlaştırdı. "
        "1925 antlaşmasıyla elde edilen kazanımlar korundu.\n"))
    treaties = list(graph.subjects(RDF.type, HKG.Treaty))
    assert labels(graph, treaties) == {"Velistra Paktı"}  # no second `antlaşma (1925)`


def test_the_side_a_passive_signing_leaves_out_is_the_state_the_text_speaks_for_that_day(tmp_path):
    # no state stands out in the text; the one it speaks for, on each day, is one it names
    graph = conforming_graph(tmp_path, (
        "Türkiye o yıllarda barış arıyordu. İran ile 22 Nisan 1926'da Tahran'da Velistra Antlaşması imzalandı. "
        "Osmanlı Devleti o çağda zayıftı. "
        "Rusya ile 3 Mart 1878'de Ayaslı Antlaşması imzalandı. Yunanistan ve Bulgaristan bu işe karışmadı.\n"))
    later = only(graph, HKG.Treaty, "Velistra")
    assert parties(graph, later) == {"İran", "Türkiye"}
    assert any("leaves out" in why for why in inferences(graph, later, HKG.party))
    assert parties(graph, only(graph, HKG.Treaty, "Ayaslı")) == {"Rusya", "Osmanlı Devleti"}


def test_signers_listed_by_the_state_each_acts_for_all_sign_with_their_titles_between(tmp_path):
    graph = conforming_graph(tmp_path, (
        "Velistra Antlaşması 9 Şubat 1934'te Varna'da, Bulgaristan namına Başvekil Nikola Mushanov ile Hariciye "
        "Nazırı Kosta Batolov, Romanya namına Hariciye Nazırı Nicolae Titulescu ile Sefir Victor Cădere "
        "tarafından imzalanmıştır.\n"))
    treaty = only(graph, HKG.Treaty, "Velistra")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {
        "Nikola Mushanov", "Kosta Batolov", "Nicolae Titulescu", "Victor Cădere"}

