"""Detection rules that generalise, on short texts written for the tests: the
names in them are in no lexicon, gazetteer or authority file."""

from __future__ import annotations

from pathlib import Path

from histkg.pipeline import extract_document
from histkg.text.corpus import load_corpus


def extraction(text: str, tmp_path: Path, nlp):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = load_corpus([path])
    return extract_document(document, nlp)


def found(text: str, tmp_path: Path, nlp) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for mention in extraction(text, tmp_path, nlp).mentions:
        labels.setdefault(mention.label, set()).add(mention.text)
    return labels


def footnote(text: str) -> str:
    """A body paragraph, then `text` as footnote 1 (the way the seeds print them)."""
    return "Bu konuda bir çalışma vardır1.\n\n" + "1 " + text + "\n"


# -- persons -------------------------------------------------------------------------------


def test_a_name_before_a_head_word_names_a_thing_not_the_person(tmp_path, nlp):
    labels = found("Petrovski Heyeti Ankara'ya geldi. Heyet Karadağ Vapuru ile döndü ve "
                   "Tevfikiye Oteli'nde kaldı. Yoldaş Petrovski bir nutuk söyledi.", tmp_path, nlp)
    assert labels["PERSON"] == {"Yoldaş Petrovski"}
    assert "Tevfikiye Oteli" in labels["PLACE"]


def test_names_joined_by_ve_to_a_person_are_persons_both_ways(tmp_path, nlp):
    labels = found("Toplantıya Yoldaş Kamenev ve Varga katıldı. Ertesi gün Hodza, Lapka ve Yoldaş Rudzutak "
                   "da geldi.", tmp_path, nlp)
    assert {"Varga", "Hodza", "Lapka"} <= labels["PERSON"]


def test_a_russian_ending_with_a_case_suffix_is_a_name_in_the_whole_document(tmp_path, nlp):
    labels = found("Kuybışin'in mektubu Ankara'ya ulaştı.\n\nSonra Kuybışin yine yazdı.", tmp_path, nlp)
    persons = [m for m in extraction("Kuybışin'in mektubu Ankara'ya ulaştı.\n\nSonra Kuybışin yine yazdı.",
                                     tmp_path, nlp).mentions if m.label == "PERSON"]
    assert labels["PERSON"] == {"Kuybışin"} and len(persons) == 2


def test_a_german_transliteration_before_a_turkish_word_is_a_name(tmp_path, nlp):
    labels = found("Bu görüşmeye Schlichter ile Türk temsilcisi katıldı.", tmp_path, nlp)
    assert labels["PERSON"] == {"Schlichter"}


def test_german_word_before_a_place_suffix_is_no_person(tmp_path, nlp):
    labels = found("Yazar 1894'te Oberschlesien'de doğmuştur.", tmp_path, nlp)
    assert "PERSON" not in labels


def test_a_particle_and_a_hyphen_join_the_parts_of_one_name(tmp_path, nlp):
    labels = found("30 Haziran 1922 günü Ahmed ed-Devle Kerimi (İran) itimatnamesini sundu.", tmp_path, nlp)
    assert "Ahmed ed-Devle Kerimi" in labels["PERSON"]


def test_plural_and_inflected_words_in_title_case_are_no_names(tmp_path, nlp):
    labels = found("Tabii Sovyetlerin Ankara'ya yardımı büyüktü. Türklerle Kürtlerin beraber yaşamak isteği "
                   "anlatıldı. III. Ordu Müfettişi geldi.", tmp_path, nlp)
    assert "PERSON" not in labels


def test_short_and_hyphenated_citations_name_their_authors(tmp_path, nlp):
    text = footnote("Trenkner, Kriegsbriefe, Leipzig 1923, s. 17; Bauer-Hüsnü, “Kafkas Cephesi”, "
                    "İstanbul 1925, s. 12; bkz. Leonid ve aynı zamanda A. Friedrich, Angora, Berlin 1923.")
    doc = extraction(text, tmp_path, nlp)
    credited = {person.text for work in doc.works for _, person in work.credits}
    assert {"Trenkner", "Bauer-Hüsnü", "Leonid"} <= credited


def test_titles_of_foreign_works_and_periodicals_are_no_authors(tmp_path, nlp):
    text = footnote("Revue du Monde Slave, Paris 1925, s. 3; U. S. Congress Papers 1921, No: 12; "
                    "Neue Rundschau, No: 4; Komunist, Bakü 1921.")
    assert "PERSON" not in found(text, tmp_path, nlp)


def test_a_place_name_between_a_given_name_and_an_honorific_is_a_surname(tmp_path, nlp):
    labels = found("Toplantıya ayrıca Ahmet Sinop Paşa da katıldı.", tmp_path, nlp)
    assert "Ahmet Sinop Paşa" in labels["PERSON"]


# -- places --------------------------------------------------------------------------------


def test_places_by_head_word_place_noun_move_and_list(tmp_path, nlp):
    # A capitalised word at a sentence start is a common word when the text
    # writes it in lower case somewhere (`heyet`, `misafirler`, `vapur`).
    labels = found("Sovyet heyet üyeleri ve misafirler vapur ile geldi. Heyet Kuruçeşme Rıhtımı'ndan Selimiye'ye geçti. "
                   "Misafirler Salacak rıhtımına çıktı. Vapur Kilyos açıklarında bekledi. Heyet vapurla Moda ve "
                   "Yalova'ya gitti.", tmp_path, nlp)
    assert {"Kuruçeşme Rıhtımı", "Selimiye", "Salacak", "Kilyos", "Moda", "Yalova"} <= labels["PLACE"]
    assert "PERSON" not in labels


def test_an_old_city_name_from_the_curated_gazetteer_is_linked(tmp_path, nlp):
    doc = extraction("Ermeni heyeti Aleksandropol'da toplandı.", tmp_path, nlp)
    (place,) = [m for m in doc.mentions if m.label == "PLACE"]
    assert place.text == "Aleksandropol" and place.data == "geonames:616635"


def test_a_word_with_a_russian_ending_owned_by_a_named_person_is_the_title_of_a_work(tmp_path, nlp):
    labels = found(footnote("Gazi Rıza'nın Söylev ve Demeçleri, C.I, Ankara 1997, s.12. Orada Petrov ve "
                            "Yoldaş Sidorev'in mektupları da vardır."), tmp_path, nlp)
    assert "Söylev" not in labels["PERSON"]
    assert {"Petrov", "Yoldaş Sidorev"} <= labels["PERSON"]


def test_the_sides_of_an_agreement_named_by_bare_names_are_persons(tmp_path, nlp):
    labels = found("Ekim 1920'de Le Brunel ve Kelo arasındaki anlaşma imzalandı. Türkiye ve Bulgaristan "
                   "arasındaki anlaşma da aynı gün imzalandı. Sonra Kelo Tiflis'e döndü.", tmp_path, nlp)
    assert {"Le Brunel", "Kelo"} <= labels["PERSON"]
    assert not {"Türkiye", "Bulgaristan"} & labels["PERSON"]


def test_a_treaty_name_starts_at_its_first_name_word_not_at_a_dash_or_a_demonstrative(tmp_path, nlp):
    labels = found("Bu Varna Anlaşması 1925'te imzalandı ve bu anlaşma uzun sürdü.\n\n"
                   + footnote("Yeni Siyaset, İstanbul 1934, s. 68. – Varna Anlaşması’nın yerine getirilmesinde "
                              "Bulgaristan geri kaldı."), tmp_path, nlp)
    assert labels["TREATY"] == {"Varna Anlaşması"}


def test_a_demonstrative_before_a_lower_case_head_points_back_and_names_no_treaty(tmp_path, nlp):
    labels = found("Varna Anlaşması 1925'te imzalandı. Bu anlaşma ile iki devlet barıştı. "
                   "Aynı muahede uzun sürdü.", tmp_path, nlp)
    assert labels["TREATY"] == {"Varna Anlaşması"}


def test_a_treaty_named_by_the_city_where_it_was_made_and_what_it_is(tmp_path, nlp):
    labels = found("Varna’daki dostluk anlaşması’nda iki devlet sınırı tanıdı. Varna Anlaşması uzun sürdü.",
                   tmp_path, nlp)
    assert labels["TREATY"] == {"Varna’daki dostluk anlaşması", "Varna Anlaşması"}


def test_a_treaty_head_with_a_case_ending_written_without_apostrophe_is_found_and_joins_its_treaty(tmp_path, nlp):
    from histkg.resolve.entities import resolve

    text = "Varna Antlaşması 1925'te imzalandı. Bulgaristan daha önce Varna Antlaşmasını imzalamıştı."
    labels = found(text, tmp_path, nlp)
    assert labels["TREATY"] == {"Varna Antlaşması", "Varna Antlaşmasını"}
    treaties = [e for e in resolve([extraction(text, tmp_path, nlp)]) if e.kind == "Treaty"]
    assert [e.label for e in treaties] == ["Varna Antlaşması"]


def test_a_word_that_opens_the_sentence_before_a_given_name_is_not_part_of_the_name(tmp_path, nlp):
    labels = found("Heyette Osman Nuri Bey de vardı. Ona Osman Nuri Bey bir mektup yazdı.", tmp_path, nlp)
    assert labels["PERSON"] == {"Osman Nuri Bey"}


def test_names_listed_with_dates_in_parentheses_after_a_person_are_persons(tmp_path, nlp):
    labels = found(footnote("Sofya elçileri: Kerim (Tunalı) Paşa (Mayıs 1922’ye kadar), Nazım Yurtsever "
                            "(Kasım 1924’e kadar), Rüfeyda (Ekim 1928), Tekbaş Lomi (17 Eylül 1934)."), tmp_path, nlp)
    assert {"Nazım Yurtsever", "Rüfeyda", "Tekbaş Lomi"} <= labels["PERSON"]


def test_a_country_is_a_place_even_where_the_names_lexicon_says_it_starts_no_persons_name(tmp_path, nlp):
    labels = found("Türkiye ile Bulgaristan arasında bir ticaret antlaşması imzalandı.", tmp_path, nlp)
    assert {"Türkiye", "Bulgaristan"} <= labels["PLACE"]


def test_a_city_between_two_words_of_office_is_part_of_the_title_not_a_person(tmp_path, nlp):
    labels = found("Üçüncü murahhas Berlin Sefiri Sadık Bey idi.", tmp_path, nlp)  # Berlin: a given name too
    assert labels["PERSON"] == {"Sadık Bey"}
    assert "Berlin" not in labels.get("PLACE", set())


def test_a_name_the_document_gives_only_to_a_treaty_is_the_treaty_where_its_text_is_acted_on(tmp_path, nlp):
    labels = found("Konferans Sevr Muahedesi'ni görüştü. Müttefikler Sevr'i kısmen değiştiren bir teklif verdi.",
                   tmp_path, nlp)
    assert "Sevr" not in labels.get("PLACE", set())


def test_a_city_that_names_a_pact_is_still_the_city_one_visits(tmp_path, nlp):
    labels = found("Heyet Bağdat Paktı'nı görüştü. Vekil Bağdat'ı ziyaret etti.", tmp_path, nlp)
    assert "Bağdat" in labels["PLACE"]

