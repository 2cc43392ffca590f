"""Extraction finds persons, places, organizations, treaties and dates by
clues, on texts written for the tests (names no file lists) and on the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from histkg.pipeline import extract_document
from histkg.text.corpus import load_corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def mentions_of(text: str, tmp_path: Path, nlp) -> dict[str, set[str]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = load_corpus([path])
    found: dict[str, set[str]] = {}
    for mention in extract_document(document, nlp).mentions:
        found.setdefault(mention.label, set()).add(mention.text)
    return found


def test_apostrophe_rule_splits_turkish_case_suffix(nlp):
    assert [t.text for t in nlp.make_doc("Voroşilov'un Kars’ta")] == ["Voroşilov", "'un", "Kars", "’ta"]


def test_apostrophe_rule_leaves_numbers_and_plain_words(nlp):
    assert [t.text for t in nlp.make_doc("1921'de heyet")] == ["1921'de", "heyet"]


def test_persons_found_by_honorifics_titles_and_russian_names(tmp_path, nlp):
    found = mentions_of(
        "Tahsin Rıfat Paşa ile Yoldaş Petrovski görüştü. Grigoriy Aleksandroviç Petrovski "
        "söz aldı. Dr. Nazmi Tevfik ve Zinovyev de oradaydı.", tmp_path, nlp)
    persons = found["PERSON"]
    assert "Tahsin Rıfat Paşa" in persons
    assert "Yoldaş Petrovski" in persons
    assert "Grigoriy Aleksandroviç Petrovski" in persons
    assert "Dr. Nazmi Tevfik" in persons
    assert "Zinovyev" in persons


def test_person_with_surname_in_parentheses(tmp_path, nlp):
    found = mentions_of("Bu sırada Rauf Nejdet (Arıkan) Bey Erzurum'a gitti.", tmp_path, nlp)
    assert "Rauf Nejdet (Arıkan) Bey" in found["PERSON"]


def test_known_name_found_again_without_its_clue(tmp_path, nlp):
    found = mentions_of("Yoldaş Kamenski geldi. Kamenski'nin heyeti bekledi.", tmp_path, nlp)
    assert found["PERSON"] >= {"Yoldaş Kamenski", "Kamenski"}


def test_places_by_gazetteer_and_by_locative_suffix(tmp_path, nlp):
    found = mentions_of("Heyet Trabzon'dan Batum'a geçti ve Köprübaşıköy'de kaldı.", tmp_path, nlp)
    assert {"Trabzon", "Batum", "Köprübaşıköy"} <= found["PLACE"]


def test_treaty_names_by_head_word(tmp_path, nlp):
    found = mentions_of("Karlofça Antlaşması ile Bükreş Muahedesi, Mudanya Mütarekesi ve Varna Deklarasyonu anıldı.",
                        tmp_path, nlp)
    assert {"Karlofça Antlaşması", "Bükreş Muahedesi", "Mudanya Mütarekesi", "Varna Deklarasyonu"} <= found["TREATY"]


def test_a_list_of_kinds_belongs_to_the_treaty_name_but_a_list_of_cities_does_not(tmp_path, nlp):
    found = mentions_of("Türk-Yugoslav Dostluk, Saldırmazlık ve Hakem Antlaşması ile Kars ve Moskova "
                              "Antlaşmaları anıldı.", tmp_path, nlp)
    assert {"Türk-Yugoslav Dostluk, Saldırmazlık ve Hakem Antlaşması", "Moskova Antlaşmaları"} == found["TREATY"]
    assert "Kars" in found["PLACE"]


def test_organizations_by_head_word_and_acronym(tmp_path, nlp):
    found = mentions_of("Terakki Fırkası ve TBMM Hükümeti ile SSCB temsilcileri görüştü.", tmp_path, nlp)
    assert "Terakki Fırkası" in found["ORG"]
    assert "TBMM Hükümeti" in found["ORG"]
    assert "SSCB" in found["ORG"]


def test_dates_with_case_suffix(tmp_path, nlp):
    found = mentions_of("Heyet 29 Ekim 1923'te yola çıktı.", tmp_path, nlp)
    assert any(text.startswith("29 Ekim 1923") for text in found["DATE"])


def test_sentence_start_word_is_not_a_place(tmp_path, nlp):
    found = mentions_of("Ancak heyet yola çıktı. Heyet ancak geç geldi.", tmp_path, nlp)
    assert "Ancak" not in found.get("PLACE", set())


@pytest.fixture(scope="module")
def seed_mentions(nlp):
    return {document.doc_id: extract_document(document, nlp) for document in load_corpus([SEEDS])}


def test_seeds_name_the_main_actors_and_places(seed_mentions):
    texts = {label: set() for label in ("PERSON", "PLACE", "DATE")}
    for extraction in seed_mentions.values():
        for mention in extraction.mentions:
            texts.setdefault(mention.label, set()).add(mention.text)
    assert {"Voroşilov", "İsmet Paşa", "Mustafa Kemal"} <= texts["PERSON"]
    assert {"Ankara", "İstanbul", "Moskova"} <= texts["PLACE"]
    assert len(texts["DATE"]) > 50


def is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def test_every_seed_mention_points_at_its_words_in_the_original(seed_mentions):
    """The original span holds the mention's letters in order, from its first
    to its last (a footnote number the clean-up removed may stand between)."""
    for extraction in seed_mentions.values():
        original = extraction.document.text
        for mention in extraction.mentions:
            quoted = re.sub(r"\s", "", original[mention.start:mention.end])
            text = re.sub(r"\s", "", mention.text)
            assert quoted[0] == text[0] and quoted[-1] == text[-1], mention
            assert is_subsequence(text, quoted), mention


def test_abbreviation_glued_to_a_name_is_split_but_initials_are_not(nlp):
    assert [t.text for t in nlp.make_doc("Çvr.Galip")] == ["Çvr", ".", "Galip"]
    assert [t.text for t in nlp.make_doc("E.H.Carr")] == ["E.H.Carr"]


def test_surname_in_capitals_after_a_given_name(tmp_path, nlp):
    found = mentions_of("Bu makale Araştırma Görevlisi Nurcan KARAOĞLAN tarafından çevrildi.", tmp_path, nlp)
    assert "Nurcan KARAOĞLAN" in found["PERSON"]


def test_translator_after_a_glued_abbreviation(tmp_path, nlp):
    found = mentions_of("Tarih Kitabı, (Çvr.Nazlı Ayşe Yıldız), İstanbul, 1950, s.12.", tmp_path, nlp)
    assert "Nazlı Ayşe Yıldız" in found["PERSON"]


def test_name_after_a_word_of_office_and_name_joined_to_a_person(tmp_path, nlp):
    found = mentions_of("Ticaret Komiser Yardımcısı Borodin geldi. Ayrıca Berzin ve Zinovyev de oradaydı.",
                        tmp_path, nlp)
    assert {"Borodin", "Berzin", "Zinovyev"} <= found["PERSON"]


def test_a_period_with_a_footnote_number_glued_on_ends_the_sentence():
    from histkg.mentions.extract import build_nlp

    doc = build_nlp()("Padişah ısrarından vazgeçti.3 Sonunda heyet toplandı. Bu fasıl 1.5 sayfadır. "
                      "Müzakereler başladı.1 Ocak 1918'de Paşa geldi.")  # the number before a month is its day
    assert [s.text for s in doc.sents] == ["Padişah ısrarından vazgeçti.3", "Sonunda heyet toplandı.",
                                           "Bu fasıl 1.5 sayfadır.", "Müzakereler başladı.1 Ocak 1918'de Paşa geldi."]



def test_the_mentions_of_one_sentence_hold_one_string_of_it(tmp_path, nlp):
    # every mention keeps its sentence: one string a sentence, not one a mention (memory, and the workers' pickles)
    path = tmp_path / "doc.txt"
    path.write_text("Tahsin Rıfat Paşa ile Yoldaş Petrovski Moskova'da görüştü.\n\nKarahan Ankara'ya geldi.\n",
                    encoding="utf-8")
    (document,) = load_corpus([path])
    mentions = extract_document(document, nlp).mentions
    by_sentence: dict[str, set[int]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, set()).add(id(mention.sentence))
    assert len(by_sentence) == 2 and all(len(ids) == 1 for ids in by_sentence.values())
    assert len(mentions) >= 4
