"""Organizations: each rule as the class of phrasings it covers, on sentences of our own."""

from __future__ import annotations

import pytest

from histkg.mentions.extract import build_nlp


def entities(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in build_nlp()(text).ents}


@pytest.mark.parametrize("text, name", [
    ("Kurul o gün Hariciye Nezaretinde toplandı.", "Hariciye Nezaretinde"),  # old orthography: case glued on
    ("Heyet, Irak Hükûmetinin cevabını bekledi.", "Irak Hükûmetinin"),
    ("Bu iş Dahiliye Vekâleti'ne kaldı.", "Dahiliye Vekâleti"),
])
def test_a_head_word_with_a_case_ending_ends_a_name(text, name):
    assert (name, "ORG") in entities(text)


@pytest.mark.parametrize("text, name", [
    ("Bulgar ordusunun çekilmesinden sonra sulh konuşuldu.", "Bulgar ordusunun"),
    ("Bu nota da Fransız hükümetine verildi.", "Fransız hükümetine"),
    ("Bu liman Rus donanması tarafından abluka edildi.", "Rus donanması"),
    ("Mihver devletleri bu teklifi reddetti.", "Mihver devletleri"),
])
def test_a_lower_case_head_after_a_people_or_a_place_is_an_organization(text, name):
    assert (name, "ORG") in entities(text)


@pytest.mark.parametrize("text", ["Hasan Bey hükümeti istifa etti.", "Kemal Bey hükümeti düştü.",
                                  "O gün Kerenski hükümeti düştü.", "Bu sefer Çiçerin heyetinde iki kişi vardı."])
def test_a_government_named_after_a_man_is_left_to_the_man(text):
    assert not any(label == "ORG" for _, label in entities(text))


@pytest.mark.parametrize("text, name", [
    ("Bu haberi Vakit gazetesinin muhabiri verdi.", "Vakit"),
    ("İkdam refikimiz bu nutku neşretti.", "İkdam"),
    ("Refikimiz Tasvir'in yazdığına göre heyet döndü.", "Tasvir"),
])
def test_a_newspaper_is_the_name_before_or_after_its_word(text, name):
    assert (name, "ORG") in entities(text)


@pytest.mark.parametrize("text, name", [
    ("Kanun Meclis-i Ayan tarafından kabul edildi.", "Meclis-i Ayan"),
    ("Mesele Şûra-yı Devlet'e havale olundu.", "Şûra-yı Devlet"),
])
def test_an_ottoman_institution_in_a_persian_compound(text, name):
    assert (name, "ORG") in entities(text)


@pytest.mark.parametrize("text, name", [
    ("Anlaşma 1920'de 5. Kolordu ile yapıldı.", "5. Kolordu"),
    ("O cephede XII. Kolordu bekliyordu.", "XII. Kolordu"),
    ("Bu taarruza Birinci Ordu katıldı.", "Birinci Ordu"),
])
def test_an_army_with_an_ordinal(text, name):
    assert (name, "ORG") in entities(text)


def test_a_leading_adverb_or_conjunction_is_no_part_of_the_name():
    found = entities("Uzun süre bekledik. Böylece Trabzon Hükümeti kuruldu. Fakat Halk Fırkası itiraz etti.")
    assert ("Trabzon Hükümeti", "ORG") in found and ("Halk Fırkası", "ORG") in found


def test_two_heads_are_two_names_unless_the_second_is_a_government():
    found = entities("Senato Kongresi ile Liberal Parti anlaştı; Büyük Millet Meclisi Hükümeti onayladı.")
    assert {("Senato Kongresi", "ORG"), ("Liberal Parti", "ORG"), ("Büyük Millet Meclisi Hükümeti", "ORG")} <= found


@pytest.mark.parametrize("text, name", [
    ("Bu tarihte Sovyetler Birliği davet edildi.", "Sovyetler Birliği"),
    ("Bu tarihte Amerika Birleşik Devletleri davet edildi.", "Amerika Birleşik Devletleri"),
    ("Bu tarihte üç Baltık Cumhuriyeti ile anlaşıldı.", "üç Baltık Cumhuriyeti"),  # states counted, no state so named
])
def test_a_state_is_a_place_not_an_organization(text, name):
    assert (name, "PLACE") in entities(text)


def test_a_union_that_is_no_state_stays_an_organization():
    assert ("Balkan Birliği", "ORG") in entities("Toplantıya Balkan Birliği katıldı; toplantıya herkes geldi.")


def test_a_bare_parliament_or_government_inside_a_sentence():
    found = entities("Heyet Ankara'ya döndü ve Meclis uzun süre tartıştı; sonra Babıâli cevap verdi.")
    assert ("Meclis", "ORG") in found and ("Babıâli", "ORG") in found
