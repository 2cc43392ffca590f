"""Tests for histkg.language.dates: small sentences written for the tests, plus a measure on the gold."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histkg.language.dates import DateMatch, find_dates, typed_value

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "dates.json"
SEEDS = {"000": ROOT / "seeds" / "000_59a8525e37afcabc.txt", "004": ROOT / "seeds" / "004_8291bc0ffa594f53.txt"}


def values(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.surface, m.edtf) for m in find_dates(text, **kw)]


def edtfs(text: str, **kw) -> list[str]:
    return [m.edtf for m in find_dates(text, **kw)]


def one(text: str, **kw) -> DateMatch:
    found = find_dates(text, **kw)
    assert len(found) == 1, [(m.surface, m.edtf) for m in found]
    return found[0]


# --------------------------------------------------------------------------- basic forms


@pytest.mark.parametrize(
    "text, surface, edtf",
    [
        ("Antlaşma 13 Ekim 1921 yılında Kars'ta imzalandı.", "13 Ekim 1921 yılında", "1921-10-13"),
        ("Heyet 4 Mart 1922 günü yola çıktı.", "4 Mart 1922 günü", "1922-03-04"),
        ("Kongre 7 Eylül 1919 tarihinde toplandı.", "7 Eylül 1919 tarihinde", "1919-09-07"),
        ("Görüşmeler Haziran 1926'da başladı.", "Haziran 1926'da", "1926-06"),
        ("Mayıs 1932 tarihinde Moskova'ya gidildi.", "Mayıs 1932 tarihinde", "1932-05"),
        ("Bu karar 1924 yılında alındı.", "1924 yılında", "1924"),
        ("Bu kurum 1930 senesinde açıldı.", "1930 senesinde", "1930"),
        ("Okul 1927’de açıldı.", "1927’de", "1927"),
        ("Ahmet Bey 1878'de doğdu.", "1878'de", "1878"),
        ("Elçi 2 Şubat 1925 Pazartesi günü geldi.", "2 Şubat 1925 Pazartesi günü", "1925-02-02"),
    ],
)
def test_day_month_year_forms(text, surface, edtf):
    assert values(text) == [(surface, edtf)]


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Belge 29.10.1933 tarihlidir.", "1933-10-29"),
        ("Belge 3/11/1925 tarihlidir.", "1925-11-03"),
        ("Belgenin tarihi 1931-05-17 olarak geçer.", "1931-05-17"),
        ("Cilt 2, 1. bölüm, 12.3.1920 tarihli yazı.", "1920-03-12"),
    ],
)
def test_numeric_dates(text, edtf):
    assert edtfs(text) == [edtf]


def test_numeric_date_must_be_valid():
    assert edtfs("Yazı 31.02.1921 tarihli değildir.") == []
    assert edtfs("Sayfa 12.14.1921 diye geçer.") == []


# --------------------------------------------------------------------------- suffixes


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Ordu 30 Ağustos'ta taarruza geçti. 1922", "30 Ağustos'ta"),
        ("Ordu 30 Ağustos’ta taarruza geçti. 1922", "30 Ağustos’ta"),
        ("Heyet 1921'de döndü.", "1921'de"),
        ("Heyet 1921’den beri oradaydı.", "1921’den beri"),
        ("Meclis 1920’deki toplantıda karar verdi.", "1920’deki"),
        ("Gemi 25 Ekim 'de limana girdi. 1933", "25 Ekim 'de"),
    ],
)
def test_case_suffix_after_apostrophe_is_part_of_surface(text, surface):
    assert [m.surface for m in find_dates(text, default_year=1922)][0] == surface


def test_month_with_suffix_and_no_day_takes_year_from_context():
    m = find_dates("1920 yılı yazı sıcaktı. Mart’ta ise kar yağdı.")[-1]
    assert (m.surface, m.edtf, m.year_from_context) == ("Mart’ta", "1920-03", True)


def test_bare_month_needs_suffix_or_follower():
    assert values("1925 yılında Eylül ayında kongre yapıldı.") == [("1925 yılında", "1925"), ("Eylül ayında", "1925-09")]
    assert values("1925 yılında Ekim Devrimi anıldı.") == [("1925 yılında", "1925")]


def test_month_name_that_is_also_a_personal_name():
    assert values("1921 yılında Kasım'ın evine gidildi.") == [("1921 yılında", "1921")]
    assert values("1921 yılında Kasım'da kar yağdı.")[-1] == ("Kasım'da", "1921-11")


def test_letter_spaced_ocr_month_and_suffix():
    m = find_dates("1933 yılında kararlaştırıldı: heyet 24 E k i m ' d e gelecekti.")[-1]
    assert (m.surface, m.edtf) == ("24 E k i m ' d e", "1933-10-24")


# --------------------------------------------------------------------------- Ottoman / Rumi names


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Gazete, 24 Birinci Teşrin 1933.", "1933-10-24"),
        ("Gazete, 24 Birinci Teşrin/Ekim 1933.", "1933-10-24"),
        ("Gazete, 26 Teşrîn-i Evvel/Ekim 1933.", "1933-10-26"),
        ("Gazete, 26 Teşrin-i Evvel 1933.", "1933-10-26"),
        ("Gazete, 26 Teşrinievvel 1933.", "1933-10-26"),
        ("Gazete, 5 İkinci Teşrin/ Kasım 1933.", "1933-11-05"),
        ("Gazete, 5 Teşrîn-i Sânî 1933.", "1933-11-05"),
        ("Gazete, 5 Teşrinisani 1933.", "1933-11-05"),
        ("Gazete, 3 Kânûn-ı Evvel 1933.", "1933-12-03"),
        ("Gazete, 3 Birinci Kânun 1933.", "1933-12-03"),
        ("Gazete, 3 Kanunuevvel 1933.", "1933-12-03"),
        ("Gazete, 9 Kânûn-ı Sânî 1934.", "1934-01-09"),
        ("Gazete, 9 Kanun-ı Sani 1934.", "1934-01-09"),
        ("Gazete, 9 Kanunusani 1934.", "1934-01-09"),
        ("Gazete, 9 İkinci Kânun 1934.", "1934-01-09"),
        ("Gazete, 9 KANUNUSANİ 1934.", "1934-01-09"),
        ("Gazete, Birinci Teşrin/Ekim 1933.", "1933-10"),
    ],
)
def test_ottoman_month_names_in_1933_are_gregorian(text, edtf):
    assert edtfs(text) == [edtf]


def test_ottoman_name_split_over_a_line():
    assert values("Gazete, 26\nTeşrîn-i\nEvvel/Ekim 1933.") == [("26\nTeşrîn-i\nEvvel/Ekim 1933", "1933-10-26")]


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Meclis 23 Nisan 1336 Rumi günü açıldı.", "1920-04-23"),
        ("Cumhuriyet 29 Teşrinievvel 1339'da ilan edildi.", "1923-10-29"),
        ("Tarih: Kânûn-ı Sânî 1337.", "1921-01"),  # from 1334 the Rumi year begins in January: Y+584
        ("Kanun 15 Mart 1337 (1921) tarihlidir.", "1921-03-15"),  # the Gregorian year given wins
        ("Vesika 3 Mart 1332 Rumi tarihlidir.", "1916-03-16"),  # Julian before 1917: +13 days
        ("Mektup 1336 R. senesinde yazıldı.", "1920"),
    ],
)
def test_rumi_years_are_converted_only_when_marked(text, edtf):
    assert edtfs(text) == [edtf]


def test_unmarked_13xx_year_is_not_a_date():
    assert edtfs("Eser 1336 sayfadır; hicri 1336 senesi.") == []


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Muahede 10 Nisan 1290 tarihinde imzalandı.", "1874-04-22"),  # Julian day: +12 in the 1800s
        ("Nota 5 Şubat 1310'da verildi.", "1895-02-17"),  # Şubat 1310 falls in 1895 (year began in Mart)
        ("Nota 6 Şubat 1338'de verildi.", "1922-02-06"),  # from 1334 Şubat is in the same year
        ("Vali Mayıs 1339'da değişti.", "1923-05"),
        ("Heyet 1339 Mayısında döndü.", "1923-05"),
        ("Kanun 1336 senesinde çıktı.", "1920"),
    ],
)
def test_rumi_day_and_month_with_a_turkish_month_name(text, edtf):
    assert edtfs(text) == [edtf]


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Ferman 14 Şaban 1290 tarihinde çıktı.", "1873-10-07"),
        ("Ferman 1 Muharrem 1296'da okundu.", "1878-12-26"),
        ("İrade 3 Şevval 1301 tarihlidir.", "1884-07-27"),
        ("İrade 3 Şevvâl 1301 tarihlidir.", "1884-07-27"),
        ("Sefaret Receb 1284'te kuruldu.", "1867-11"),  # the Gregorian month of its 15th day
    ],
)
def test_hicri_dates_are_converted(text, edtf):
    assert edtfs(text) == [edtf]


def test_hicri_month_name_that_is_also_a_given_name():
    assert values("Recep 1950'de doğdu.") == [("1950'de", "1950")]


@pytest.mark.parametrize(
    "text, calendar",
    [
        ("Ferman 14 Şaban 1290 tarihinde çıktı.", "hicri"),
        ("Muahede 10 Nisan 1290 tarihinde imzalandı.", "rumi"),
        ("Muahede 10 Nisan 1925 tarihinde imzalandı.", "gregorian"),
        ("Gazete, 26 Teşrinievvel 1933.", "gregorian"),
    ],
)
def test_the_match_names_the_calendar_the_text_used(text, calendar):
    assert one(text).calendar == calendar


def test_a_day_and_its_equivalents_in_other_calendars_are_not_a_range():
    text = "Perşembe 2 Haziran 1927 — 2 Haziran 1343 — 1 Zilhicce 1345"
    assert [(m.edtf, m.calendar) for m in find_dates(text)] == [
        ("1927-06-02", "gregorian"), ("1927-06-02", "rumi"), ("1927-06-02", "hicri")
    ]


def test_a_day_glossed_in_another_calendar_after_a_slash_is_one_day_twice():
    text = "Tören (2 Haziran 1343 / 1 Zilhicce 1345) günü yapıldı."
    assert [(m.edtf, m.calendar) for m in find_dates(text)] == [("1927-06-02", "rumi"), ("1927-06-02", "hicri")]


def test_a_calendar_word_before_a_date_names_its_calendar():
    text = "Vapur 1 Mayıs 1290'da kalktı; Rumi 5 Mayıs'ta, Frengi 17 Mayıs'ta vardı."
    assert edtfs(text) == ["1874-05-13", "1874-05-17", "1874-05-17"]


def test_an_ottoman_month_without_a_year_before_1917_is_julian():
    text = "Vapur 3 Teşrinievvel 1310'da kalktı ve 9 Teşrinievvel Cuma günü vardı."
    assert edtfs(text) == ["1894-10-15", "1894-10-21"]


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Görüşmeler Mart-Haziran 1925 arasında sürdü.", "1925-03/1925-06"),
        ("Görüşmeler Ocak–Şubat 1930'da sürdü.", "1930-01/1930-02"),
    ],
)
def test_a_range_of_months_in_one_year(text, edtf):
    assert edtfs(text) == [edtf]


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("1925 yılında elçi 12 Temmuzda geldi.", ["1925", "1925-07-12"]),
        ("Heyet 1930 Kânunusanisinde döndü.", ["1930-01"]),
        ("Vapur 1927 senesi Martında kalktı.", ["1927-03"]),
    ],
)
def test_old_orthography_glues_the_case_suffix_to_the_month(text, edtf):
    assert edtfs(text) == edtf


def test_ottoman_month_written_as_one_word():
    assert edtfs("Mektup 19 Birinciteşrin 1938 tarihlidir.") == ["1938-10-19"]


# --------------------------------------------------------------------------- foreign months (citations)


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Berliner Tageblatt, 29. Oktober 1933, S. 2.", "1933-10-29"),
        ("Vossische Zeitung, 3. März 1921.", "1921-03-03"),
        ("The Times, October 30, 1933.", "1933-10-30"),
        ("The Times, 30 October 1933.", "1933-10-30"),
        ("Le Temps, 1er janvier 1920.", "1920-01-01"),
        ("Le Temps, 12 décembre 1921.", "1921-12-12"),
        ("Izvestija, 29 oktjabrja 1933.", "1933-10-29"),
        ("Правда, 29 октября 1933 г.", "1933-10-29"),
        ("Pravda, Januar 1921.", "1921-01"),
    ],
)
def test_foreign_month_names(text, edtf):
    assert edtfs(text) == [edtf]


def test_german_style_dot_is_not_read_after_a_turkish_number():
    assert values("Bkz. cilt 12. Ekim 1920'de yazıldı.") == [("Ekim 1920'de", "1920-10")]


# --------------------------------------------------------------------------- year before month


def test_year_before_month():
    assert values("1917 Şubat İhtilali'nde asker oldu.") == [("1917 Şubat", "1917-02")]
    assert values("İlk gelişi 1919 yılı Mayıs ayıdır.") == [("1919 yılı Mayıs ayıdır", "1919-05")]


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    "text, surface, edtf",
    [
        ("Bu bağlar 1923-1933 yılları arasında gelişti.", "1923-1933 yılları", "1923/1933"),
        ("II. Türk-Sovyet İlişkileri (1923-1930)", "(1923-1930)", "1923/1930"),
        ("Yazar 1917–1983 yılları arasında yazdı.", "1917–1983 yılları", "1917/1983"),
        ("Yazar 1922-23'te Kiev'deydi.", "1922-23'te", "1922/1923"),
        ("Ders yılı 1933/34 olarak geçer.", "1933/34", "1933/1934"),
        ("Olaylar 16-18 Mart 1921 günlerinde oldu.", "16-18 Mart 1921", "1921-03-16/1921-03-18"),
        ("Kitap: Mustafa Suphi, 28-29 Kanun-ı Sani 1921.", "28-29 Kanun-ı Sani 1921", "1921-01-28/1921-01-29"),
        ("Konferans (26 Eylül 1939-16 Ekim 1939) sürdü.", "(26 Eylül 1939-16 Ekim 1939)", "1939-09-26/1939-10-16"),
        ("Konferans 26 Eylül-16 Ekim 1939 arasında sürdü.", "26 Eylül-16 Ekim 1939", "1939-09-26/1939-10-16"),
        ("Görüşmeler Ekim 1919-15 Nisan 1920’ye kadar sürdü.", "Ekim 1919-15 Nisan 1920’ye kadar", "1919-10/1920-04-15"),
        ("Dünya Tarihi, 1919'dan 1937 Yılına Kadar", "1919'dan 1937 Yılına Kadar", "1919/1937"),
        ("Elçi 1920’den 1922’ye kadar Moskova'daydı.", "1920’den 1922’ye kadar", "1920/1922"),
        ("Elçi 1923 ile 1928 yılları arasında oradaydı.", "1923 ile 1928 yılları", "1923/1928"),
        ("Ara dönem (1920'lerden 1930'lara) uzundu.", "(1920'lerden 1930'lara)", "192X/193X"),
    ],
)
def test_ranges(text, surface, edtf):
    assert values(text) == [(surface, edtf)]


def test_range_bounds_span_both_ends():
    m = one("Görüşmeler Ekim 1919-15 Nisan 1920’ye kadar sürdü.")
    assert (m.earliest, m.latest, m.precision) == (dt.date(1919, 10, 1), dt.date(1920, 4, 15), "month")


# --------------------------------------------------------------------------- open intervals, sets, choices


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Komiser 1925'ten beri görevdedir.", "1925/.."),
        ("1918'den itibaren orduda görev aldı.", "1918/.."),
        ("Büyükelçi 27 Şubat 1924’ten beri Ankara'dadır.", "1924-02-27/.."),
        ("Gazete Aralık 1920’den itibaren çıktı.", "1920-12/.."),
        ("Elçi (Mayıs 1922’ye kadar) görevdeydi.", "../1922-05"),
        ("Heyet 16 Ocak 1921’e kadar kaldı.", "../1921-01-16"),
        ("Heyet 7 Kasım 1933 Salı gününe kadar kaldı.", "../1933-11-07"),
        ("Başlangıçtan 1960'a Değin Kürt Sorunu", "../1960"),
        ("Tevkifler 11, 27 ve 28 Ocak 1921’de yapıldı.", "{1921-01-11,1921-01-27,1921-01-28}"),
        ("Heyet 6 veya 7 Ekim 1920’de geldi.", "[1920-10-06,1920-10-07]"),
        ("Bakanlar 28 ya da 29 Aralık 1933’te konuştu.", "[1933-12-28,1933-12-29]"),
        ("1921 yılında 30 Temmuz/30 Ağustos tarihli notalar verildi.", "{1921-07-30,1921-08-30}"),
        ("Ermeniler 1918 ve 1920’de kaçtı.", "{1918,1920}"),
    ],
)
def test_open_intervals_sets_and_choices(text, edtf):
    assert edtfs(text)[-1] == edtf


def test_open_interval_bounds():
    since = one("Komiser 1925'ten beri görevdedir.")
    until = one("Heyet 16 Ocak 1921’e kadar kaldı.")
    assert (since.earliest, since.latest) == (dt.date(1925, 1, 1), dt.date.max)
    assert (until.earliest, until.latest) == (dt.date.min, dt.date(1921, 1, 16))


def test_dash_between_two_dates_with_suffix_is_not_a_range():
    assert edtfs("1920'de - 1921'de de") == ["1920", "1921"]


# --------------------------------------------------------------------------- approximate, decades, seasons


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("1925'li yıllar Türkiye için zordu.", "1925~"),
        ("1920'li yıllarda nüfus azdı.", "192X"),
        ("Ancak 1930'lardan itibaren yön değişti.", "193X/.."),
        ("Olay 1921 civarında oldu.", "1921~"),
        ("Olay yaklaşık 1921 yılında oldu.", "1921~"),
        ("1920 yazında Radek ile görüştüler.", "1920-22"),
        ("1920 yılı yazında koridor açıldı.", "1920-22"),
        ("1919 kışında kar çoktu.", "1919-24"),
        ("Kaynak: Ost-Information, 8 Ocak 1921?", "1921-01-08?"),
    ],
)
def test_approximate_uncertain_decade_season(text, edtf):
    assert edtfs(text) == [edtf]


def test_bounds_of_approximate_decade_and_season():
    approx, decade, summer = (one(t) for t in ("1925'li yıllar", "1920'li yıllarda", "1920 yazında"))
    assert (approx.earliest, approx.latest) == (dt.date(1924, 1, 1), dt.date(1926, 12, 31))
    assert (decade.earliest, decade.latest) == (dt.date(1920, 1, 1), dt.date(1929, 12, 31))
    assert (summer.earliest, summer.latest) == (dt.date(1920, 6, 1), dt.date(1920, 8, 31))


# --------------------------------------------------------------------------- context years


def test_day_month_takes_year_of_preceding_date_in_sentence():
    m = find_dates("Kars 15 Eylül 1918 tarihinde alındı ve 20 Eylül’de ordu ilerledi.")[-1]
    assert (m.surface, m.edtf, m.year_from_context) == ("20 Eylül’de", "1918-09-20", True)


def test_a_stated_weekday_moves_a_year_from_context_to_the_next_or_previous_year():
    text = "Elçi Kasım 1933'te atandı. 14 Ocak Pazar günü göreve başladı."
    assert edtfs(text) == ["1933-11", "1934-01-14"]


def test_a_weekday_that_fits_no_near_year_leaves_the_year_from_context():
    assert edtfs("Elçi Kasım 1933'te atandı. 14 Ocak Pazartesi günü göreve başladı.") == ["1933-11", "1933-01-14"]


def test_day_month_takes_year_of_following_date_in_same_sentence():
    m = find_dates("Gürcistan’ın tanınması 12 Ocak, Ermenistan’ın ise 19 Ocak 1920’dir.")[0]
    assert (m.edtf, m.year_from_context) == ("1920-01-12", True)


def test_following_date_of_an_earlier_month_is_not_used():
    text = "Yıl 1926 idi. Heyet 26 Ekim tarihinde geldi; ilk gelişi 1919 yılı Mayıs ayıdır."
    assert edtfs(text)[1] == "1926-10-26"


def test_context_year_from_previous_sentence():
    text = "Heyet 14 Aralık 1920’de Ankara’dan ayrıldı. Kars’ta 16 Ocak 1921’e kadar kaldı. 17 Şubat’ta Moskova’ya vardılar."
    assert edtfs(text)[-1] == "1921-02-17"


def test_context_skips_publication_years_of_references():
    text = "Heyet 2 Mayıs 1920’de yola çıktı (Ali Fuat, Moskova Hatıraları, İstanbul 1955, s. 12). 11 Mayıs’ta Trabzon’a vardı."
    assert edtfs(text)[-1] == "1920-05-11"


def test_context_skips_dates_that_date_documents():
    text = "Meclis 9 Mayıs 1920’de Lenin’in 7 Aralık 1917 tarihli çağrısını okudu. Heyet 11 Mayıs’ta yola çıktı."
    assert edtfs(text)[-1] == "1920-05-11"


def note_between(body: str, note: str, rest: str) -> tuple[str, list]:
    """A body paragraph, a footnote printed after it, and more body: the text and its sections."""
    text = body + note + rest
    return text, [("body", 0, len(body)), ("footnote", len(body), len(body) + len(note)),
                  ("body", len(body) + len(note), len(text))]


def test_a_body_date_takes_its_year_from_the_body_not_from_the_story_of_a_footnote_between():
    text, sections = note_between("Ocak 1921'de meclis toplandı. 18 Mart'ta antlaşma açıklandı.\n\n",
                                  "12 Bkz. Vakit, 26 Şubat 1920'de yazdı.\n\n", "Bu anlaşma (16 Mart) imzalanmış.")
    assert edtfs(text)[-1] == "1920-03-16"  # the year that follows the footnote's day soonest
    assert edtfs(text, sections=sections)[-1] == "1921-03-16"
    assert edtfs(text, sections=sections)[2] == "1920-02-26"  # a footnote keeps its own year


def test_a_relative_day_in_the_body_counts_from_the_body_day_not_from_a_footnote_date_between():
    # A quotation mark that never closes (OCR) does not carry the quote into the next paragraph.
    text, sections = note_between("Tren 1 Kasım 1933 Çarşamba günü şehre geldi.\n\n",
                                  "72 Hâkimiyet-i Milliye, 3 Birinci Teşrin/Ekim 1933.\n\n",
                                  '"Ayrıca meclis ona unvan verdi.\n\nErtesi günü heyet limana gitti.')
    assert edtfs(text, sections=sections)[-1] == "1933-11-02"


def test_a_body_date_still_takes_its_year_from_a_work_a_footnote_cites():
    text, sections = note_between("Heyet şehre vardı.\n\n", "12 Vakit, 24 Birinci Teşrin/Ekim 1933.\n\n",
                                  "Heyet 26 Ekim'de döndü.")
    assert edtfs(text, sections=sections)[-1] == "1933-10-26"


def test_default_year_when_text_gives_none():
    m = one("Heyet 29 Ekim'de Ankara'ya vardı.", default_year=1933)
    assert (m.edtf, m.year_from_context) == ("1933-10-29", True)


def test_no_year_anywhere_gives_no_match():
    assert find_dates("Heyet 29 Ekim'de Ankara'ya vardı.") == []


def test_bare_day_of_the_month():
    text = "The New Russia, 28 Ekim 1920 (Ankara’daki tehlike, 14’ündeki (17 Ekim?) ültimatom)"
    assert values(text) == [("28 Ekim 1920", "1920-10-28"), ("14’ündeki", "1920-10-14"), ("(17 Ekim?)", "1920-10-17?")]


# --------------------------------------------------------------------------- clock times and relative days


def test_clock_times_take_the_day_of_the_narrative():
    text = (
        "Heyet 27 Ekim 1933 Cuma günü Ankara'ya geldi. Tren 10.30'da istasyona girdi. "
        "Program gereğince saat 17.00'da Gazi heyeti kabul etti; akşam 8'de ziyafet verildi."
    )
    assert edtfs(text) == ["1933-10-27", "1933-10-27T10:30", "1933-10-27T17:00", "1933-10-27T20:00"]


def test_date_with_weekday_and_clock_time_is_one_expression():
    text = "Tren 1 Kasım 1933 Çarşamba günü saat 9'da İzmir'e geldi."
    assert values(text) == [("1 Kasım 1933 Çarşamba günü saat 9'da", "1933-11-01T09:00")]
    assert typed_value(one(text)) == ("1933-11-01", "date")


def test_night_hours_after_midnight_fall_on_the_next_day():
    text = "29 Ekim 1933 tarihinde balo verildi. Gazi balodan gece saat üçte ayrıldı."
    assert edtfs(text)[-1] == "1933-10-30T03:00"


def test_a_reference_date_does_not_give_the_day_of_a_clock_time():
    text = "Heyet 26 Ekim 1933'te İstanbul'a geldi.12 12 Milliyet, 24 Birinci Teşrin/Ekim 1933. Saat 13.45'te yemek verildi."
    assert edtfs(text)[-1] == "1933-10-26T13:45"


def test_durations_are_not_dates():
    assert find_dates("Ziyaret 27 Ekim 1933'te başladı ve dört gün sürdü; 3 saat 20 dakika konuştular.") == [
        find_dates("Ziyaret 27 Ekim 1933'te")[0]
    ]


def test_clock_time_without_a_stated_day_is_dropped():
    assert find_dates("Tren saat 17.00'da kalktı.") == []


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("Heyet 17 Şubat 1921’de Moskova’ya vardı. Bundan iki gün sonra Mdivani geldi.", "1921-02-19"),
        ("Heyet 1 Kasım 1933’te İzmir'deydi. Ertesi günü Bergama'ya gitti.", "1933-11-02"),
        ("Heyet 27 Ekim 1933’te geldi. Ankara'daki ikinci gününde sergiyi gezdi.", "1933-10-28"),
        ("Heyet 10 Mart 1921’de döndü. Bir hafta sonra meclis toplandı.", "1921-03-17"),
    ],
)
def test_relative_days(text, edtf):
    assert edtfs(text)[-1] == edtf


@pytest.mark.parametrize(
    "text, found",
    [
        ("Heyet 3 Ekim 1922'de Mudanya'ya indi. Aynı gün konferans açıldı.", ("Aynı gün", "1922-10-03")),
        ("Heyet 1 Kasım 1933'te geldi. Ertesi günü fabrikalar gezildi, aynı gün maç izlendi.", ("aynı gün", "1933-11-02")),
        ("Antlaşma 1936'da imzalandı. Ertesi yıl Tahran'a gitti.", ("Ertesi yıl", "1937")),
        ("Kanun 21 Haziran 1934'te çıktı. Aynı yıl soyadını aldı.", ("Aynı yıl", "1934")),
        ("Heyet 10 Mayıs 1932'de döndü. Aynı ayın sonunda Roma'ya gitti.", ("Aynı ayın", "1932-05")),
        ("Elçi 1925 senesinde geldi. Ertesi sene döndü.", ("Ertesi sene", "1926")),
        ("Konferans 4 Şubat 1923 akşamı dağıldı. Lord Ashby aynı gece trenine bindi.", ("aynı gece", "1923-02-04")),
        ("Kral 6 Mart 1930'da Varna'ya geldi. Ertesi gece balo verildi.", ("Ertesi gece", "1930-03-07")),
        ("Paşa 11 Şubat 1867'de sadrazam oldu. Aynı yaz Paris'e gitti.", ("Aynı yaz", "1867-22")),  # a season
        ("Antlaşma 1936'da imzalandı. Ertesi kışın Tahran'a gitti.", ("Ertesi kışın", "1937-24")),
        ("Paşa Aralık 1919'da Ankara'ya geldi. Aynı kış Sivas'a gitti.", ("Aynı kış", "1920-24")),  # a December's
        ("Makale 1936'da yazıldı. Aynı yazı ertesi yıl basıldı.", ("ertesi yıl", "1937")),  # `yazı`: writing
    ],
)
def test_a_relative_day_month_or_year_counts_from_the_date_before(text, found):
    assert values(text)[-1] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Kral 20 Mayıs 1928 Pazar günü geldi. Salı günü köşkü ziyaret etti.", ("Salı günü", "1928-05-22")),
        ("Yat 3 Eylül 1936 Perşembe günü demirledi. Cuma sabahı saat ona limana girdi.",
         ("Cuma sabahı saat ona", "1936-09-04T10:00")),
        ("Heyet 3 Mart 1930 Pazartesi günü geldi. Pazartesi akşamı ziyafet verildi.", ("Pazartesi akşamı", "1930-03-03")),
    ],
)
def test_a_weekday_alone_is_the_first_such_day_from_the_day_told_before(text, found):
    assert values(text)[-1] == found


def test_a_weekday_after_a_date_is_that_dates_own():
    assert values("Tren 30 Ekim 1933 pazartesi akşamı saat 21.50'de kalktı.")[0][1] == "1933-10-30"


def test_a_relative_year_with_no_date_before_is_no_date():
    assert find_dates("Ertesi yıl Tahran'a gitti.") == []


def test_the_same_day_as_a_named_thing_is_no_date_of_the_text_before():
    assert values("Heyet 3 Ekim 1922'de geldi. Anlaşma Sevr ile aynı gün imzalandı.") == [
        ("3 Ekim 1922'de", "1922-10-03")]


def test_relative_day_in_a_quotation_is_relative_to_the_quoted_paper():
    text = 'Heyet 27 Ekim 1933’te geldi.60 60 Vakit, 28 Birinci Teşrin/Ekim 1933. Falih Rıfkı: "Dün akşam İsmet Paşa konuştu."'
    assert values(text)[-1] == ("Dün", "1933-10-27")


def test_relative_day_in_apposition_takes_the_stated_date():
    text = "Musul kararından bir gün sonra yani 17 Aralık 1925 tarihinde pakt imzalandı."
    assert values(text) == [("bir gün sonra yani 17 Aralık 1925 tarihinde", "1925-12-17")]


# --------------------------------------------------------------------------- look-alikes


@pytest.mark.parametrize(
    "text",
    [
        "Bkz. Tarih Dergisi, s. 1921-1925.",
        "Belge No: 1920, Dosya 1933.",
        "1920 sayılı kanun yürürlüğe girdi.",
        "1926 numaralı karar okundu.",
        "Antlaşmanın madde 1921 hükmü",
        "Arşiv: B.C.A., 030.10.241.630.14, Varak No: 1",
        "Mektup 2 0 Bu konuda bilgi verir.",
        "Sevr Antlaşması madde 351 ile düzenlenmişti.",
        "Şehirde 1.920 kişi yaşıyordu; ordu 1920 asker kaybetti.",
        "Toplantı 3 saat sürdü.",
        "Tel: 1923 45 67",
        "Bu 12345 sayısı ile 21920 sayısı tarih değildir.",
        "Teşrin ihtilâlinde Ekim Devrimi başladı.",
    ],
)
def test_look_alikes_are_not_dates(text):
    assert values(text) == []


def test_footnote_number_after_year_is_left_out():
    assert values("Lenin’in 7 Aralık 1917\n4\ntarihli çağrısı") == [("7 Aralık 1917", "1917-12-07")]


def test_glued_issue_number_before_parenthesised_date():
    assert values("Töre, 131(Nisan 1982), s. 42.") == [("(Nisan 1982)", "1982-04")]


def test_invalid_day_falls_back_to_month_and_year():
    assert values("Komünistler 38 Aralık 1920’de parti kurdu.") == [("Aralık 1920’de", "1920-12")]


# --------------------------------------------------------------------------- API: bounds, precision, typed values


def test_bounds_and_precision_of_a_month():
    m = one("Şubat 1924")
    assert (m.precision, m.earliest, m.latest) == ("month", dt.date(1924, 2, 1), dt.date(1924, 2, 29))
    assert typed_value(m) == ("1924-02", "gYearMonth")


def test_bounds_and_precision_of_a_year_and_a_day():
    y, d = one("1933 yılında"), one("29 Ekim 1933")
    assert (y.precision, y.earliest, y.latest) == ("year", dt.date(1933, 1, 1), dt.date(1933, 12, 31))
    assert (d.precision, d.earliest, d.latest) == ("day", dt.date(1933, 10, 29), dt.date(1933, 10, 29))
    assert typed_value(y) == ("1933", "gYear")
    assert typed_value(d) == ("1933-10-29", "date")


@pytest.mark.parametrize(
    "text, typed",
    [
        ("1923-1933 yılları", ("1923", "gYear")),
        ("28-29 Kanun-ı Sani 1921", ("1921-01-28", "date")),
        ("(Mayıs 1922’ye kadar)", ("1922-05", "gYearMonth")),
        ("1930'lardan itibaren", ("1930", "gYear")),
        ("1925'li yıllar", ("1925", "gYear")),
        ("1920 yazında", ("1920", "gYear")),
        ("6 veya 7 Ekim 1920", ("1920-10-06", "date")),
        ("Ermeniler 1918 ve 1920’de", ("1918", "gYear")),
    ],
)
def test_typed_value_of_intervals_and_others(text, typed):
    assert typed_value(find_dates(text)[-1]) == typed


def test_matches_are_sorted_non_overlapping_and_surface_is_the_text():
    text = SEEDS["004"].read_text(encoding="utf-8")
    found = find_dates(text)
    assert found
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert text[m.start : m.end] == m.surface
        assert m.earliest <= m.latest
        assert m.precision in ("day", "month", "year")
        assert typed_value(m)[1] in ("date", "gYearMonth", "gYear")


def test_double_spaces_and_newlines_inside_an_expression():
    assert values("Antlaşma  17  Aralık\n1925  tarihinde imzalandı.") == [("17  Aralık\n1925  tarihinde", "1925-12-17")]


_PIECES = [
    "29", "31", "1", "0", "12", "Şubat", "Ekim", "Kanun-ı Sani", "Birinci Teşrin", "/", "-", "1921",
    "1336", "2099", "1899", "'da", "’den", "beri", "itibaren", "kadar", "ile", "ve", "veya", "arasında",
    "yılında", "tarihli", "saat", "17.00'de", "gece", "üçte", "Dün", "Ertesi günü", "iki gün sonra",
    "(", ")", "?", ".", ",", "Rumi", "(1921)", "yazında", "'li yıllar", "'lardan", "Cuma", "günü",
    "14’ündeki", "s.", "No:", "E k i m", "' d e", "Oktober", "1er", "janvier", "29.02.1921", "Kasım'ın",
    "\n", "  ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([None, 1933]))
def test_any_text_gives_consistent_matches(pieces, default_year):
    text = " ".join(pieces)
    found = find_dates(text, default_year=default_year)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert text[m.start : m.end] == m.surface
        assert m.earliest <= m.latest
        assert typed_value(m)[1] in ("date", "gYearMonth", "gYear")


def test_docstring_example():
    import doctest

    import histkg.language.dates

    assert doctest.testmod(histkg.language.dates).failed == 0


# --------------------------------------------------------------------------- gold


def _collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s)


@pytest.fixture(scope="module")
def gold_run():
    texts = {k: _collapse(p.read_text(encoding="utf-8")) for k, p in SEEDS.items()}
    found = {k: find_dates(t) for k, t in texts.items()}
    return texts, found


def _locate(text: str, item: dict) -> tuple[int, int]:
    surface = _collapse(item.get("surface_joined") or item["surface"])
    context = _collapse(item["context"])
    at = text.find(context)
    assert at >= 0, item["id"]
    start = text.find(surface, max(0, at - len(surface)), at + len(context) + len(surface))
    assert start >= 0, item["id"]
    return start, start + len(surface)


def test_gold_normalisation_rate(gold_run):
    texts, found = gold_run
    items = [x for x in json.loads(GOLD.read_text(encoding="utf-8")) if x.get("is_date", True)]
    wrong = []
    for item in items:
        start, end = _locate(texts[item["file"]], item)
        hits = [m for m in found[item["file"]] if m.start < end and m.end > start]
        if not any(m.edtf == item["normalized"] for m in hits):
            wrong.append((item["id"], item["category"], item["normalized"], [m.edtf for m in hits]))
    rate = 1 - len(wrong) / len(items)
    # The figures show only when the rate falls short: a print here would sit among pytest's dots.
    assert rate >= 0.90, "\n".join([f"dates gold: {len(items) - len(wrong)}/{len(items)} exact = {rate:.3f}"]
                                   + [f"  wrong: {' '.join(map(str, w))}" for w in wrong])


def test_gold_look_alikes_are_not_matched(gold_run):
    texts, found = gold_run
    items = [x for x in json.loads(GOLD.read_text(encoding="utf-8")) if x.get("is_date") is False]
    assert items
    for item in items:
        start, end = _locate(texts[item["file"]], item)
        assert not [m for m in found[item["file"]] if m.start < end and m.end > start], item["id"]


def test_a_day_without_a_year_carries_the_story_on_past_a_date_that_tells_of_an_earlier_event():
    text = ("Görüşmeler 4, 5 ve 6 Aralık 1943'te yapıldı. Metin 19 Ekim 1939'da imzalanan ittifaka atıf yaptı. "
            "Başkan 7 Aralık sabahı şehirden ayrıldı.")
    assert edtfs(text)[-1] == "1943-12-07"
