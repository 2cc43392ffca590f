"""Person rules that generalise, each on a sentence written for the test:
regnal ordinals, the parts only a person plays, lists of persons, weak clues
against the gazetteer, and case suffixes glued to a place without an apostrophe."""

from __future__ import annotations

import pytest

from histkg.mentions.tokens import followed_by_suffix, glued_case_suffix
from mentions.test_detection import found


def persons(text: str, tmp_path, nlp) -> set[str]:
    return found(text, tmp_path, nlp).get("PERSON", set())


@pytest.mark.parametrize("text, name", [
    ("Sarayda Kral IV. Boris misafirleri kabul etti.", "IV. Boris"),
    ("XII. Karlo'nun sefiri geldi.", "XII. Karlo"),
])
def test_a_ruler_after_his_ordinal(tmp_path, nlp, text, name):
    assert name in persons(text, tmp_path, nlp)


def test_a_numbered_thing_is_no_ruler(tmp_path, nlp):
    assert not persons("III. Ordu ile II. Dünya Savaşı arasında bağ yoktur.", tmp_path, nlp)


@pytest.mark.parametrize("text, name", [
    ("Heyet Viyana'ya gitti ve Barlotti ile görüştü.", "Barlotti"),
    ("Toplantıya bu defa Kormanu başkanlık ediyordu.", "Kormanu"),
    ("Sonraki celselere Delvani de katıldı.", "Delvani"),
    ("Mukaveleyi Norveç adına Haldorsen imzaladı.", "Haldorsen"),
])
def test_a_bare_name_in_a_part_only_a_person_plays(tmp_path, nlp, text, name):
    assert name in persons(text, tmp_path, nlp)


def test_two_sides_of_a_negotiation_are_no_partner(tmp_path, nlp):
    """`ile` before another name, not before the meeting word: the sides of a talk."""
    assert "Kalvarno" not in persons("Sınır Kalvarno ile Atina arasındaki müzakereye bırakıldı.", tmp_path, nlp)


def test_a_list_closed_by_ve_after_a_person(tmp_path, nlp):
    names = persons("Heyeti Yoldaş Petrovski, Barlotti ve Delvani karşıladı.", tmp_path, nlp)
    assert {"Barlotti", "Delvani"} <= names


def test_commas_without_a_closing_ve_make_no_list(tmp_path, nlp):
    """`Ali Paşa, Kitapçık, nşr.`: a reference, the work after the author's name."""
    assert "Kitapçık" not in persons("Eserler: Ahmed Paşa, Kitapçık, nşr. Ali Veli, 1950.", tmp_path, nlp)


def test_a_weak_clue_beats_a_town_the_document_never_uses_as_a_place(tmp_path, nlp):
    """`Kalinin` is a town too; here only a man who receives the envoys."""
    names = persons("Elçiler Moskova'da Molotof ve Kalinin tarafından kabul edildi.", tmp_path, nlp)
    assert "Kalinin" in names


def test_a_state_keeps_its_name_against_a_weak_clue(tmp_path, nlp):
    labels = found("Konferansa Yoldaş Petrovski ve Fransa katıldı.", tmp_path, nlp)
    assert "Fransa" not in labels.get("PERSON", set())


def test_surname_endings_oglu_and_turk(tmp_path, nlp):
    names = persons("Heyette Kâmil Demircioğlu vardı. Yaşartürk de katıldı.", tmp_path, nlp)
    assert {"Kâmil Demircioğlu", "Yaşartürk"} <= names


def test_a_particle_after_a_title(tmp_path, nlp):
    assert "von Dahlmann" in persons("Alman Büyükelçisi von Dahlmann'ın raporu geldi.", tmp_path, nlp)


@pytest.mark.parametrize("word, size", [("Ankaradan", 3), ("İstanbulda", 2), ("Lozanda", 2), ("Ankaraya", 2),
                                        ("Kamenski", 0), ("Lenin", 0), ("Almanya", 0), ("Ankaraa", 0),
                                        # GeoNames lists `Trabzona` among Trabzon's names, and `Bergam` among Bergamo's
                                        ("Trabzona", 1), ("Samsuna", 1), ("Bergama", 0), ("Berna", 0),
                                        ("Karsta", 2)])  # a town of the region the corpus is about
def test_a_case_suffix_glued_to_a_known_place(word, size):
    assert glued_case_suffix(word) == size


def test_a_glued_suffix_is_split_and_the_place_is_no_person(nlp):
    doc = nlp("Heyet Ankaradan hareketle İstanbulda kaldı.")
    assert [t.text for t in doc][1:3] == ["Ankara", "dan"]
    assert followed_by_suffix(doc, 2) == "dan"
    assert {(e.text, e.label_) for e in doc.ents} == {("Ankara", "PLACE"), ("İstanbul", "PLACE")}


def test_a_place_ends_before_a_case_suffix_glued_on(nlp):
    doc = nlp("Heyet Gümüşhane üzerinden Trabzona indi.")
    assert {(e.text, e.label_) for e in doc.ents} == {("Gümüşhane", "PLACE"), ("Trabzon", "PLACE")}
    assert followed_by_suffix(doc, 4) == "a"


def test_a_compounds_first_noun_before_an_office_is_no_place_with_a_glued_case(nlp):
    # the tokenizer splits `Bahriye` as `Bahri` (a city) + `ye`; before `Nazırı` it is a compound's noun
    doc = nlp("Bahriye Nazırı Cemal Paşa Ankarada kaldı.")
    assert {(e.text, e.label_) for e in doc.ents} == {("Cemal Paşa", "PERSON"), ("Ankara", "PLACE")}


@pytest.mark.parametrize("text, name", [
    ("Notası gelmiş, Dubois-Lafitte 28 Eylül'de İzmir'e çıkmıştı.", "Dubois-Lafitte"),
    ("Ertesi gün Halvorsen 3 Mart 1918'de Batum'dan ayrıldı.", "Halvorsen"),
])
def test_a_bare_name_before_a_place_of_motion_and_its_verb_is_a_person_whole_with_its_hyphen(
        tmp_path, nlp, text, name):
    assert name in persons(text, tmp_path, nlp)


def test_a_place_after_two_given_names_that_a_comma_closes_is_a_surname(tmp_path, nlp):
    # `Aras` is a river, `Tuna` a river too: the comma leaves no room for a case suffix
    names = persons("Dr. Selim Rüştü Aras, 1883'te doğdu. Hasan Tahsin Tuna (1890-1950) da geldi.", tmp_path, nlp)
    assert {"Dr. Selim Rüştü Aras", "Hasan Tahsin Tuna"} <= names


def test_a_known_place_with_a_case_suffix_of_place_ends_the_name_before_it(tmp_path, nlp):
    names = persons("Mustafa Kemal Havza'da on gün kaldı.", tmp_path, nlp)
    assert names == {"Mustafa Kemal"}


def test_a_surname_the_document_knows_is_no_person_before_a_place_noun(tmp_path, nlp):
    text = "Dr. Selim Rüştü Aras, 1883'te doğdu. Aras ırmağının adı da budur."
    assert persons(text, tmp_path, nlp) == {"Dr. Selim Rüştü Aras"}
    assert "Aras" in found(text, tmp_path, nlp).get("PLACE", set())


@pytest.mark.parametrize("text, name", [
    ("Genel Sekreter Robert de Caix'nin Ankara'ya gelişiyle ateşkes kararlaştırıldı.", "Robert de Caix"),
    ("Paul du Véou bu konuda bir kitap yazdı.", "Paul du Véou"),
])
def test_a_short_particle_between_a_given_name_and_a_surname_is_part_of_the_name(tmp_path, nlp, text, name):
    assert name in persons(text, tmp_path, nlp)


def test_de_the_clitic_joins_no_name_to_a_given_name_or_a_place(tmp_path, nlp):
    assert persons("Ahmet de Rauf Bey'le görüştü. Mehmet de Ankara'ya gitti.", tmp_path, nlp) >= {"Rauf Bey"}
    assert not {p for p in persons("Ahmet de Rauf Bey'le görüştü. Mehmet de Ankara'ya gitti.", tmp_path, nlp)
                if " de " in p}


def test_the_general_staff_in_the_old_spelling_is_no_person_before_its_chief(tmp_path, nlp):
    found_persons = persons("Heyetimizde Başvekil Kemal Tuncer, Hariciye Vekili Ferit Alkan ve Erkânıharbiyei "
                            "Umumiye Reisi Mareşal Sabri Doğan vardı.", tmp_path, nlp)
    assert not any(name.startswith("Erkânıharbiye") for name in found_persons), found_persons


@pytest.mark.parametrize("text, name", [
    ("Haşmetlû İkinci Vilhelm Hazretleri dün geldi.", "Haşmetlû İkinci Vilhelm Hazretleri"),  # an Ottoman honorific, a regnal ordinal
    ("Majeste Sekizinci Edvard Türk sularına girdi.", "Majeste Sekizinci Edvard"),
    ("Ziyafette Mösyö fon Bülov da vardı.", "Mösyö fon Bülov"),  # `fon`: `von` as the old press writes it
    ("Ziyafette Baron Marşal fon Biberştayn da vardı.", "Baron Marşal fon Biberştayn"),
])
def test_old_press_titles_and_ordinals_are_part_of_the_name(text, name, tmp_path, nlp):
    assert name in persons(text, tmp_path, nlp)


@pytest.mark.parametrize("text", [
    "Heyet 5 İkinci Teşrin 1930 günü döndü.",
    "Heyet İkinci Teşrin ayında döndü.",  # `Teşrin` is a given name too, but here the month of the Republic's calendar
    "Birinci Dünya Savaşı başladı.",
    "Kral ve Kraliçe Hazerâtı Çankaya'ya gittiler.",  # a plural honorific is no one's name
])
def test_ordinals_and_plural_honorifics_name_no_person(text, tmp_path, nlp):
    assert not [p for p in persons(text, tmp_path, nlp) if "İkinci" in p or "Birinci" in p or "Hazerâtı" in p]


@pytest.mark.parametrize("text", [
    "Paşa, Fransız generalini karşısına, İtalyan'ı soluna oturttu.",  # a nationality alone
    "1934 Soyadı Kanunu ile Tengirşenk soyadını aldı.",  # a law's name
])
def test_a_nationality_or_a_law_is_no_person(text, tmp_path, nlp):
    assert not [p for p in persons(text, tmp_path, nlp) if "İtalyan" in p or "Kanun" in p or "Soyadı" in p]

