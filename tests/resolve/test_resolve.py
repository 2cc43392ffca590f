"""Resolution: one node per real person, never one node for two people."""

from __future__ import annotations

from histkg.language.spelling import similar_spelling
from histkg.mentions.extract import Mention
from histkg.resolve.persons import resolve_persons


def persons(*surfaces: str, section: str = "body"):
    mentions = [Mention("doc", "PERSON", text, i * 100, i * 100 + len(text), section, text)
                for i, text in enumerate(surfaces)]
    return {entity.label: set(m.text for m in entity.mentions) for entity in resolve_persons(mentions)}


def test_spelling_variants_of_a_russian_name_are_one_person():
    found = persons("Kliment Yefromoviç Voroşilov", "Voroşilof", "Varoşilov", "Vorolişoff", "General Voroşilof")
    assert list(found.values()) == [{"Kliment Yefromoviç Voroşilov", "Voroşilof", "Varoşilov", "Vorolişoff",
                                     "General Voroşilof"}]


def test_german_transliteration_joins_the_turkish_spelling():
    found = persons("Georgi Vasilyeviç Çiçerin", "G. Tschitscherin")
    assert len(found) == 1


def test_two_people_sharing_a_surname_stay_apart_and_the_bare_surname_joins_neither():
    found = persons("Budu Mdivani", "Simeon Mdivani", "Mdivani")
    assert set(found) == {"Budu Mdivani", "Simeon Mdivani", "Mdivani"}


def test_a_given_name_with_bey_is_not_a_surname_of_someone_else():
    found = persons("Kâzım Karabekir Paşa", "Kâzım Özalp", "Kâzım Bey", "Ömer Kâzım")
    assert len(found) == 4


def test_a_lone_given_name_joins_no_author_of_the_footnotes():
    mentions = [Mention("doc", "PERSON", "Enver Paşa", 0, 10, "body", "s"),
                Mention("doc", "PERSON", "Enver Ziya Karal", 50, 66, "footnote", "s", data="author")]
    assert len(resolve_persons(mentions)) == 2


def test_a_lone_given_name_joins_a_person_a_footnote_tells_of():
    mentions = [Mention("doc", "PERSON", "Dr. Selim", 0, 9, "body", "s"),
                Mention("doc", "PERSON", "Dr. Miralay Selim Nazif", 50, 73, "footnote", "s")]
    assert len(resolve_persons(mentions)) == 1


def test_initials_join_the_full_given_names():
    found = persons("Simeon Mikailovitch Budenny", "S.M. Budiyenni", "Albay Budenny")
    assert len(found) == 1


def test_authority_file_links_and_joins_forms_of_one_man():
    mentions = [Mention("doc", "PERSON", "Mustafa Kemal Paşa", 0, 18, "body", "s"),
                Mention("doc", "PERSON", "Atatürk", 40, 47, "body", "s")]
    (entity,) = resolve_persons(mentions)
    assert entity.label == "Mustafa Kemal Atatürk"
    assert entity.same_as == ("http://www.wikidata.org/entity/Q5152",)


def test_similar_spelling_needs_more_than_a_shared_first_letter():
    assert similar_spelling("Bubrov", "Bubnov")
    assert not similar_spelling("Karahan", "Karabekir")
    assert not similar_spelling("Osman", "Orhan")


def test_a_treaty_name_with_a_word_in_front_joins_the_shorter_name():
    from histkg.resolve.entities import resolve_treaties

    mentions = [Mention("doc", "TREATY", text, i * 50, i * 50 + len(text), "body", text)
                for i, text in enumerate(["Bükreş Antlaşması", "Romanya Bükreş Anlaşması", "Bükreş Protokolü"])]
    treaties = {e.label: {m.text for m in e.mentions} for e in resolve_treaties(mentions)}
    assert treaties == {"Bükreş Antlaşması": {"Bükreş Antlaşması", "Romanya Bükreş Anlaşması"},
                        "Bükreş Protokolü": {"Bükreş Protokolü"}}


def test_a_rank_keeps_two_men_with_one_given_name_apart():
    found = persons("Albay Selim", "Selim Paşa", "Selim Nazif Paşa")
    assert found == {"Albay Selim": {"Albay Selim"}, "Selim Nazif Paşa": {"Selim Paşa", "Selim Nazif Paşa"}}


def test_a_lone_given_name_joins_the_one_fuller_name_whose_rank_fits():
    found = persons("Dr. Selim", "Dr. Miralay Selim Nazif", "Selim Tuna")
    assert found["Selim Nazif"] == {"Dr. Selim", "Dr. Miralay Selim Nazif"}
    found = persons("Sabri Bey", "Sabri Erkal", "Sabri Tuna Paşa")
    assert found["Sabri Erkal"] == {"Sabri Bey", "Sabri Erkal"}


def test_a_given_name_with_bey_joins_no_author_whose_name_ends_with_it():
    mentions = [Mention("doc", "PERSON", "Sabri Bey", 0, 9, "body", "s"),
                Mention("doc", "PERSON", "Ömer Sabri", 50, 60, "footnote", "s", data="author")]
    assert len(resolve_persons(mentions)) == 2


def test_names_a_letter_apart_join_only_when_they_play_the_same_part():
    actor_and_author = [Mention("doc", "PERSON", "Zorahan", 0, 7, "body", "s"),
                        Mention("doc", "PERSON", "Ali Rıza Zorakan", 50, 66, "footnote", "s", data="author")]
    assert len(resolve_persons(actor_and_author)) == 2
    two_actors = [Mention("doc", "PERSON", "Zorahan", 0, 7, "body", "s"),
                  Mention("doc", "PERSON", "Ali Rıza Zorakan", 50, 66, "body", "s")]
    assert len(resolve_persons(two_actors)) == 1


def test_authority_file_links_a_soviet_commissar():
    (entity,) = resolve_persons([Mention("doc", "PERSON", "Voroşilof", 0, 9, "body", "s")])
    assert entity.same_as == ("http://www.wikidata.org/entity/Q153434",)


def test_organizations_of_an_authority_record_are_one_node_with_its_wikidata_iri():
    from histkg.resolve.entities import resolve_organizations

    mentions = [Mention("doc", "ORG", text, i * 40, i * 40 + len(text), "body", text)
                for i, text in enumerate(["SSCB", "Sovyetler Birliği", "Terakki Fırkası"])]
    by_label = {e.label: e for e in resolve_organizations(mentions)}
    assert set(by_label) == {"Sovyet Sosyalist Cumhuriyetler Birliği", "Terakki Fırkası"}
    assert by_label["Sovyet Sosyalist Cumhuriyetler Birliği"].same_as == ("http://www.wikidata.org/entity/Q15180",)
    assert by_label["Terakki Fırkası"].same_as == ()


def test_a_quarter_from_the_curated_gazetteer_gets_coordinates_and_no_invented_link():
    from histkg.resolve.entities import resolve_places

    (place,) = resolve_places([Mention("doc", "PLACE", "Haydarpaşa", 0, 10, "body", "s")])
    assert place.same_as == () and round(place.latitude, 1) == 41.0 and round(place.longitude, 1) == 29.0


def test_a_palace_the_curated_gazetteer_names_alone_is_a_venue_with_its_point():
    from histkg.resolve.entities import resolve_places

    (palace,) = resolve_places([Mention("doc", "PLACE", "Dolmabahçe", 0, 10, "body", "s")])  # `Dolmabahçe önünde`
    (quarter,) = resolve_places([Mention("doc", "PLACE", "Kadıköy", 0, 7, "body", "s")])
    assert palace.kind == "Venue" and round(palace.latitude, 1) == 41.0
    assert quarter.kind == "Place"


def test_an_alias_the_text_gives_joins_the_person(tmp_path):
    from histkg.pipeline import extract_document
    from histkg.resolve.entities import resolve
    from histkg.text.corpus import load_corpus

    path = tmp_path / "doc.txt"
    path.write_text("Paşa yaveri Selim Nazif'i Demir Paşa takma adıyla Moskova'ya göndermişti. "
                    "Sonra Selim Nazif Bey yine yola çıktı.\n", encoding="utf-8")
    persons = [e for e in resolve([extract_document(d) for d in load_corpus([path])]) if e.kind == "Person"]
    assert [sorted({m.text for m in e.mentions}) for e in persons] == [["Demir Paşa", "Selim Nazif", "Selim Nazif Bey"]]


def test_a_full_name_in_parentheses_after_a_name_is_the_same_person(tmp_path):
    from histkg.pipeline import extract_document
    from histkg.resolve.entities import resolve
    from histkg.text.corpus import load_corpus

    path = tmp_path / "doc.txt"
    path.write_text("Heyette Erkan-ı Harbiye Kaymakamı Nuri (General Nuri Kantaroğlu) Bey de bulunuyordu. "
                    "Nuri Bey ertesi gün döndü.\n", encoding="utf-8")
    persons = [e for e in resolve([extract_document(d) for d in load_corpus([path])]) if e.kind == "Person"]
    assert len(persons) == 1 and "General Nuri Kantaroğlu" in {m.text for m in persons[0].mentions}


def test_a_treaty_named_by_the_city_where_it_was_made_joins_the_treaty_named_after_that_city():
    from histkg.resolve.entities import resolve_treaties

    def treaty(text, start):
        return Mention("doc", "TREATY", text, start, start + len(text), "body", "s")

    treaties = resolve_treaties([treaty("Varna Antlaşması", 0), treaty("Varna’daki dostluk anlaşması", 100),
                                 treaty("Dostluk Antlaşması", 200)])
    assert sorted(sorted(m.text for m in t.mentions) for t in treaties) == [
        ["Dostluk Antlaşması"], ["Varna Antlaşması", "Varna’daki dostluk anlaşması"]]


def test_a_treaty_named_only_with_a_glued_case_ending_is_labelled_without_it():
    from histkg.resolve.entities import resolve_treaties

    (treaty,) = resolve_treaties([Mention("doc", "TREATY", "Sovyet-Fin antlaşmasının", 0, 24, "body", "s")])
    assert treaty.label == "Sovyet-Fin antlaşması"


def organizations(*items: tuple[str, str]):
    """(document, name) pairs -> the sets of names each organization holds."""
    from histkg.resolve.entities import resolve_organizations
    mentions = [Mention(doc, "ORG", text, i * 100, i * 100 + len(text), "body", text) for i, (doc, text) in enumerate(items)]
    return sorted(sorted({m.text for m in e.mentions}) for e in resolve_organizations(mentions))


def test_an_abbreviation_joins_the_name_whose_initials_it_spells():
    found = organizations(("a", "Cumhuriyet Halk Fırkası"), ("a", "CHF"), ("b", "CHF"))
    assert found == [["CHF", "Cumhuriyet Halk Fırkası"]]


def test_an_abbreviation_may_leave_out_the_state_word_and_ve():
    found = organizations(("a", "Türkiye Büyük Millet Meclisi"), ("a", "TBMM"), ("b", "BMM"),
                          ("c", "Büyük Millet Meclisi"), ("c", "BMM Hükümeti"),
                          ("d", "İttihat ve Terakki Cemiyeti"), ("d", "İTC"))
    assert found == [["BMM", "BMM Hükümeti", "Büyük Millet Meclisi", "TBMM", "Türkiye Büyük Millet Meclisi"],
                     ["İTC", "İttihat ve Terakki Cemiyeti"]]


def test_an_abbreviation_two_names_spell_joins_neither():
    found = organizations(("a", "Halk Fırkası"), ("b", "Hürriyet Fırkası"), ("c", "HF"))
    assert ["HF"] in found


def test_a_leading_adverb_and_a_glued_case_ending_are_no_part_of_the_key():
    found = organizations(("a", "Böylece Trabzon Hükümeti"), ("b", "Trabzon Hükümeti"),
                          ("a", "Maliye Nezaretinde"), ("b", "Maliye Nezareti"))
    assert found == [["Böylece Trabzon Hükümeti", "Trabzon Hükümeti"], ["Maliye Nezareti", "Maliye Nezaretinde"]]


def test_a_bare_meclis_is_the_assembly_of_its_own_document():
    found = organizations(("a", "Büyük Millet Meclisi"), ("a", "Meclis"), ("b", "Meclis"), ("b", "Meclis-i Mebusan"))
    assert ["Büyük Millet Meclisi", "Meclis"] in found and ["Meclis"] in found


def test_short_forms_of_one_man_by_the_text_and_the_authority():
    mentions = [Mention("a", "PERSON", "Gazi Mustafa Kemal", 0, 18, "body", "s"),
                Mention("a", "PERSON", "Gazi Hazretleri", 40, 55, "body", "s"),
                Mention("b", "PERSON", "M. Kemal", 0, 8, "body", "s"),
                Mention("c", "PERSON", "Mustafa Kemal Paşa", 0, 18, "body", "s")]
    (entity,) = resolve_persons(mentions)
    assert entity.same_as == ("http://www.wikidata.org/entity/Q5152",)


def test_a_title_shared_by_two_men_joins_the_one_its_document_names():
    mentions = [Mention("a", "PERSON", "Gazi Osman Paşa", 0, 15, "body", "s"),
                Mention("a", "PERSON", "Gazi", 40, 44, "body", "s"),
                Mention("b", "PERSON", "Gazi Mustafa Kemal", 0, 18, "body", "s"),
                Mention("b", "PERSON", "Gazi", 40, 44, "body", "s")]
    assert len(resolve_persons(mentions)) == 3  # `Gazi` alone spans two documents, two men: it joins neither


def test_men_sharing_a_given_name_stay_apart_with_an_initial():
    found = persons("Mustafa Kemal", "Yusuf Kemal", "M. Kemal", "Y. Kemal")
    assert len(found) == 2
