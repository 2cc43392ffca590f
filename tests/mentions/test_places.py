"""Places: a gazetteer name is a place only where it stands as one."""

import pytest

from histkg.language.gazetteer import Gazetteer, is_country
from histkg.mentions.extract import build_nlp
from histkg.mentions.places import fits_stem


def places(text: str) -> list[str]:
    return [e.text for e in build_nlp()(text).ents if e.label_ == "PLACE"]


@pytest.mark.parametrize("text, absent", [
    ("Ben o gün evde kaldım.", "Ben"),  # a pronoun opening a sentence (alias of Bern)
    ("Ahmet Bey toplantıya geldi.", "Bey"),  # an honorific
    ("Stalin'in kararı herkesi şaşırttı.", "Stalin"),  # a person's name
    ("Eserin Cilt XVI kısmında yazılıdır.", "XVI"),  # a Roman numeral
    ("Turan politikası o yıllarda tartışıldı.", "Turan"),  # a compound's modifier
    ("Haz. Selim Turan, Ankara, 1998, s. 4.", "Turan"),  # a surname is no item of the list of places after it
    ("Dava görüldü (Zarja Vostoka, Tiflis, 30 Mayıs 1921).", "Vostok"),  # a foreign name's last word, no case glued on
    ('Nutukları "Lozan\'ın İzlerinde On Yıl" adıyla kitaplaştırıldı.', "Lozan"),  # a quoted title
    ("Ali Bey oradan Paşa'ya gitti.", "Paşa"),  # one goes from a place to a person
    ("Hava Orgenerali Sir Sholto Douglas geldi.", "Hav"),  # a rank's first noun (`Hav` + `a`), no case glued on
])
def test_words_that_are_no_places(text, absent):
    assert absent not in places(text)


@pytest.mark.parametrize("text, place", [
    ("Heyet Londra'ya vardı.", "Londra"),  # a case of place
    ("Elçi Bükreş, Sofya ve Atina'yı dolaştı.", "Bükreş"),  # a list of places
    ("Turan, Ankara ve İzmir şehirlerinde çalıştı.", "Turan"),  # a weak name a list of places holds
    ("Paşa Londra Büyükelçisi oldu.", "Londra"),  # an office held there
    ("Hükümdar İzmirde iki gün kaldı.", "İzmir"),  # a case glued on, old orthography
    ("Tahir Bey de Sarıyer'e gitti.", "Sarıyer"),  # Turkish `de` (too), no French `de` of a name
    ("Misafirler oradan Kuneytra'ya geçtiler.", "Kuneytra"),  # `oradan` (from there): the dative is a place too
    ("Kafile Medine-i Münevvere'ye vardı.", "Medine-i Münevvere"),  # an epithet joined by the izafet
])
def test_names_that_stand_as_places(text, place):
    assert any(place in found for found in places(text))


@pytest.mark.parametrize("text, head", [
    ("Ankara kedisi çok sevilir.", "Ankara"),
    ("Kırım Savaşı uzun sürdü.", "Kırım"),
    ("Paris Sergisi açıldı.", "Paris"),
    ("Tahran Konferansı'ndan sonra döndüler.", "Tahran"),  # an event held there
    ("Bir Avrupa kongresi teklif edildi.", "Avrupa"),
    ("Halk Galata köprüsü üzerinde toplandı.", "Galata"),  # a bridge, street or square named after it
    ("Kral Dolmabahçe sarayında kaldı.", "Dolmabahçe"),
    ("Kongre (Congrès de Paris) toplandı.", "Paris"),  # a foreign name, as a gloss gives it
])
def test_a_compound_names_a_thing_not_the_place(text, head):
    assert head not in places(text)


@pytest.mark.parametrize("text, city", [
    ("Görüşmeye Viyana Sefiri Nuri Bey de katıldı.", "Viyana"),
    ("Teklifi Konya mebusu Hakkı Bey verdi.", "Konya"),
    ("Ziyafette Roma Büyükelçisi\nKont Aldo da vardı.", "Roma"),  # the name on the next line
])
def test_a_city_in_the_title_before_a_persons_name_is_part_of_the_title(text, city):
    assert city not in places(text)


@pytest.mark.parametrize("text, place", [
    ("Hükümet Paşa'yı Viyana Sefiri tayin etti.", "Viyana"),  # the office as a predicate: he goes there
    ("Yunanistan murahhası Kont Aldo söz aldı.", "Yunanistan"),  # a state: the one he serves, a party
])
def test_an_office_as_predicate_or_of_a_state_keeps_its_place(text, place):
    assert place in places(text)


def test_a_case_glued_on_after_a_date_still_makes_a_place():
    assert "Kars" in places("Misafir 11 Haziranda Karsta karşılandı.")  # the case ending split off


def test_a_place_in_the_title_of_a_cited_work_is_no_place_but_its_place_of_publication_is():
    nlp = build_nlp()
    doc = nlp.make_doc("3 Haldun Derin, Çankaya Özel Kalemini Anımsarken (1933-1951), İstanbul, 1995, s. 4.")
    doc.user_data["section"] = "footnote"
    found = [e.text for e in nlp(doc).ents if e.label_ == "PLACE"]
    assert found == ["İstanbul"]


def test_a_long_clause_after_a_name_and_a_comma_in_a_footnote_is_no_title():
    nlp = build_nlp()
    doc = nlp.make_doc("Mustafa Kemal, Ocak 1920'de pazarlık edip bunun üzerine yaverini takma adla Moskova'ya "
                       "göndermiş olmalı (The New Russia I, Londra, s. 198).")
    doc.user_data["section"] = "footnote"
    assert "Moskova" in [e.text for e in nlp(doc).ents if e.label_ == "PLACE"]


def test_turkish_names_of_small_or_distant_cities_link_to_their_geonames_city():
    gazetteer = Gazetteer.load()  # GeoNames cities of 15,000 people, far ones of a million: these are curated
    assert gazetteer.info(gazetteer.lookup("Kudüs")).geonames_id == 281184  # Jerusalem
    assert gazetteer.info(gazetteer.lookup("Üsküp")).geonames_id == 785842  # Skopje
    assert gazetteer.info(gazetteer.lookup("Lizbon")).label == "Lisbon"


def test_old_and_foreign_names_share_the_geonames_place():
    gazetteer = Gazetteer.load()
    assert gazetteer.lookup("Angora") == gazetteer.lookup("Ankara")
    assert gazetteer.lookup("Smyrna") == gazetteer.lookup("İzmir")
    assert gazetteer.lookup("Tiflis") == gazetteer.lookup("Tbilisi")


def test_a_country_has_its_geonames_id_and_a_point():
    info = Gazetteer.load().info(Gazetteer.load().lookup("Portekiz"))
    assert is_country("Portekiz") and info.geonames_id and info.latitude is not None
    assert info.source == "geonames-capital"


def test_case_endings_follow_vowel_harmony():
    assert fits_stem("Kars", "ta") and fits_stem("Londra", "yı") and not fits_stem("Londra", "e")


def test_a_town_that_closes_a_list_after_a_known_place_is_a_place():
    assert "Kozluca" in places("Heyet Trabzon ve Kozluca yoluyla Ankara'ya ulaştı.")
    assert "Kozluca" in places("Heyet Trabzon ve Kozluca'ya uğradı.")


def test_a_name_one_lands_at_is_a_place_and_a_name_one_goes_to_need_not_be():
    assert "Kozluca" in places("Heyet 3 Haziran 1921'de Kozluca'ya çıktı.")
    assert "Kemal" not in places("Heyet akşam Kemal'e gitti.")


def test_a_common_word_opening_an_entrys_line_is_no_word_of_the_place_after_it():
    found = places("Mart 1921 — Tümenin Mersin limanından vapurlarla hareketi.\nNisan 1921 — Yeni tümenin teftişi.\n")
    assert "Mersin" in found and not any("Tümenin" in place for place in found)
