"""Resolution: one node per real person, never one node for two people."""

from __future__ import annotations

from histkg.extract import Mention
from histkg.resolve import resolve_persons, similar_spelling


def persons(*surfaces: str, section: str = "body"):
    mentions = [Mention("doc", "PERSON", text, i * 100, i * 100 + len(text), section, text)
                for i, text in enumerate(surfaces)]
    return {entity.label: set(m.text for m in entity.mentions) for entity in resolve_persons(mentions)}


def test_spelling_variants_of_a_russian_name_are_one_person():
    found = persons("Kliment Yefromoviç Voroşilov", "Voroşilof", "Varoşilov", "Vorolişoff", "General Voroşilof")
    assert found == {"Kliment Yefromoviç Voroşilov": {"Kliment Yefromoviç Voroşilov", "Voroşilof", "Varoşilov",
                                                      "Vorolişoff", "General Voroşilof"}}


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
    from histkg.resolve import resolve_treaties

    mentions = [Mention("doc", "TREATY", text, i * 50, i * 50 + len(text), "body", text)
                for i, text in enumerate(["Bükreş Antlaşması", "Romanya Bükreş Anlaşması", "Bükreş Protokolü"])]
    treaties = {e.label: {m.text for m in e.mentions} for e in resolve_treaties(mentions)}
    assert treaties == {"Bükreş Antlaşması": {"Bükreş Antlaşması", "Romanya Bükreş Anlaşması"},
                        "Bükreş Protokolü": {"Bükreş Protokolü"}}
