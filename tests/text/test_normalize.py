"""OCR repairs, the offset map back to the original, and body/heading/footnote segments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histkg.text.layout import Segment
from histkg.text.normalize import CleanText, normalize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = SEEDS / "000_59a8525e37afcabc.txt"
SEED_004 = SEEDS / "004_8291bc0ffa594f53.txt"
REMOVABLE = re.compile(r"[\s\-\u00ad]")  # what repairs may drop inside a word


def _seed(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # no newline translation: offsets are exact


# --- invariants shared by unit, property and seed tests ----------------------------------


def check_map(original: str, ct: CleanText) -> None:
    offsets = ct.offsets
    assert len(offsets) == len(ct.text) + 1
    assert offsets[-1] == len(original)
    assert all(0 <= o <= len(original) for o in offsets)
    assert all(a <= b for a, b in zip(offsets, offsets[1:])), "offsets must not decrease"
    for i, ch in enumerate(ct.text):
        if ch not in " \n":  # only spaces and paragraph breaks are written by repairs
            assert original[offsets[i]] == ch, (i, ch, original[offsets[i]])


def check_segments(ct: CleanText) -> None:
    if not ct.text:
        assert ct.segments == ()
        return
    assert ct.segments[0].start == 0 and ct.segments[-1].end == len(ct.text)
    for seg, nxt in zip(ct.segments, ct.segments[1:]):
        assert seg.end == nxt.start
    for seg in ct.segments:
        assert seg.start < seg.end and seg.kind in {"body", "heading", "footnote"}
        assert ct.section_at(seg.start) == seg.kind == ct.section_at(seg.end - 1)


def check_words(original: str, ct: CleanText) -> None:
    """Each clean word maps to an original span holding the same word.

    Characters a repair dropped inside the span may only be whitespace and hyphens (line
    breaks, hyphenation, letter spacing); a span that lost anything else (a footnote
    reference glued inside "oluşturmaktaydı3.") is skipped.
    """
    kept = set(ct.offsets[:-1])
    for m in re.finditer(r"\S+", ct.text):
        a, b = ct.to_original(m.start(), m.end())
        dropped = [original[k] for k in range(a, b) if k not in kept]
        if any(not REMOVABLE.match(ch) for ch in dropped):
            continue
        assert REMOVABLE.sub("", original[a:b]) == REMOVABLE.sub("", m.group()), m.group()


def check_shape(ct: CleanText) -> None:
    """Paragraphs are separated by exactly one blank line; no stray spaces anywhere."""
    text = ct.text
    assert text == text.strip(" \n")
    assert "\n\n\n" not in text and re.search(r"(?<!\n)\n(?!\n)", text) is None
    assert "  " not in text and " \n" not in text and "\n " not in text


def check_all(original: str) -> CleanText:
    ct = normalize(original)
    check_map(original, ct)
    check_segments(ct)
    check_words(original, ct)
    check_shape(ct)
    return ct


# --- each repair on small strings ---------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        ("bir\r\niki\rüç", "bir iki üç"),
        ("Mustafa\u00a0Kemal\u2009Paşa", "Mustafa Kemal Paşa"),
        ("Mus\u00adtafa", "Mustafa"),
        ("Mustafa  \t Kemal", "Mustafa Kemal"),
        ("   Mustafa Kemal   \n  Paşa  ", "Mustafa Kemal Paşa"),
        ("\n\n", ""),
        ("", ""),
    ],
    ids=["newlines", "unicode-spaces", "soft-hyphen", "space-runs", "line-edges", "only-newlines", "empty"],
)
def test_whitespace_repairs(original: str, clean: str) -> None:
    assert check_all(original).text == clean


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        ("yeni dev-\nletin kuruluşu", "yeni devletin kuruluşu"),
        ("yeni dev\u00ad\nletin kuruluşu", "yeni devletin kuruluşu"),
        ("Türk-\nRus dostluğu", "Türk-Rus dostluğu"),  # capital after the hyphen: a compound
        ("s. 13-\nvd.", "s. 13-vd."),  # no letter before the hyphen: kept
        ("Almanya -\nFransa", "Almanya - Fransa"),  # a dash between words, not a hyphen
    ],
    ids=["hyphen", "soft-hyphen", "compound", "digits", "dash"],
)
def test_hyphenation(original: str, clean: str) -> None:
    assert check_all(original).text == clean


def test_lines_join_and_paragraphs_stay() -> None:
    original = "Bu süreç sadece\nRusya'yı etkilemedi.\n\nİkinci paragraf\nburada.\n"
    assert check_all(original).text == "Bu süreç sadece Rusya'yı etkilemedi.\n\nİkinci paragraf burada."


def test_blank_line_inside_a_sentence_does_not_split_it() -> None:
    # Double-spaced extraction (seeds/004): a blank line after every line.
    original = "Kafkas sorununun hassasiyeti\n\ndolayısıyla Moskova ve Ankara.\n\nYeni cümle."
    assert check_all(original).text == "Kafkas sorununun hassasiyeti dolayısıyla Moskova ve Ankara.\n\nYeni cümle."


def test_a_closing_parenthesis_before_a_blank_line_and_an_honorific_does_not_end_the_sentence() -> None:
    original = "Komutan Kerim (Tunalı)\n\nPaşa Sofya elçiliğine atandı.\n\n(1920-1925)\n\nYeni cümle."
    assert check_all(original).text == ("Komutan Kerim (Tunalı) Paşa Sofya elçiliğine atandı.\n\n(1920-1925)"
                                        "\n\nYeni cümle.")


def test_an_initial_before_a_blank_line_does_not_end_the_sentence() -> None:
    # `(Pierre K. <blank> Dumont, Le problème…)`: the blank line falls inside a cited name.
    original = "Bkz. (Pierre K.\n\nDumont, Le problème, Paris 1931, s. 45).\n\nYeni cümle."
    assert check_all(original).text == "Bkz. (Pierre K. Dumont, Le problème, Paris 1931, s. 45).\n\nYeni cümle."


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        ("Özell ikle L o z a n ' d a çözüme", "Özell ikle Lozan'da çözüme"),
        ("24 E k i m ' d e S ivas", "24 Ekim'de S ivas"),  # a capital after small letters: next word
        ("o bir de o", "o bir de o"),
        ("a b c", "a b c"),  # three one-letter words stay apart
        ("ve o a b kaldı", "ve o a b kaldı"),
    ],
    ids=["lozan", "ekim", "short-words", "three", "two-runs"],
)
def test_letter_spacing(original: str, clean: str) -> None:
    assert check_all(original).text == clean


def test_a_word_split_by_ocr_spaces_is_joined_when_the_article_writes_it_whole_elsewhere() -> None:
    original = ("Heyet Karvel istasyonuna vardı. Vali Dorman Karvel'de bekledi.\n\n"
                "Sonra heyet Kar vel'den ayrıldı ve Dor man ile görüştü.\n")
    clean = normalize(original)
    assert "Karvel'den ayrıldı ve Dorman ile" in clean.text
    start = clean.text.index("Karvel'den")
    assert clean.to_original(start, start + len("Karvel")) == (original.index("Kar vel"), original.index("Kar vel") + 7)


def test_a_case_ending_cut_from_a_name_by_a_space_joins_it_again() -> None:
    clean = normalize("Heyet Karvel 'den ayrıldı, Dorman ' a gitti ve 'iyi' dedi.\n")
    assert clean.text == "Heyet Karvel'den ayrıldı, Dorman'a gitti ve 'iyi' dedi."


def test_two_words_are_not_joined_when_each_is_a_word_of_its_own() -> None:
    original = ("Bu birlik ve beraberlik kuruldu. Ulus birlik istedi. Ulusbirlik gazetesi yazdı.\n\n"
                "Ulus ona karşıydı.\n")
    assert "Ulus birlik istedi" in normalize(original).text


def test_glued_references_leave_the_body_and_years_stay() -> None:
    original = (
        "Lenin politikayı ifade etmişti.1 Bu 1933 yılında oldu.\n"
        "Ordu en büyük güvenceyi oluşturmaktaydı2. Ayrıca denemişlerdi3.\n"
        "Kurtuluş kazanılmış olacaktı.4\n\n"
        "1 Leon Cahen, Dünya Tarihi, İstanbul, 1939, s.462.\n"
        "2 E.H.Carr, Sovyet Rusya Tarihi, c.I, İstanbul, 2002, s.249\n"
        "3 Edmond Rossier, İstanbul, 1943, s.293.\n"
        "4 Rıfkı Salim Burçak, Ankara, 1983, s.9.\n"
    )
    ct = check_all(original)
    body = ct.text[ct.segments[0].start : ct.segments[0].end]
    assert body.strip() == (
        "Lenin politikayı ifade etmişti. Bu 1933 yılında oldu. Ordu en büyük güvenceyi "
        "oluşturmaktaydı. Ayrıca denemişlerdi. Kurtuluş kazanılmış olacaktı."
    )
    notes = [s for s in ct.segments if s.kind == "footnote"]
    assert [s.number for s in notes] == [1, 2, 3, 4]
    assert "s.462." in ct.text and "s.249" in ct.text  # page numbers in notes untouched


def test_unexpected_numbers_are_not_references() -> None:
    original = "Konferans 30\nAğustos günü toplandı.5 Saat 8.30'da başladı."
    # 5 is not the next footnote (that would be 1..3) and no footnote says otherwise.
    assert check_all(original).text == "Konferans 30 Ağustos günü toplandı.5 Saat 8.30'da başladı."


def test_reference_lines_between_body_lines() -> None:
    original = (
        "karşı karşıya geldiği Sarıkamış\n1\n trajedisini müteakiben\n\n"
        "kararlaştıramazken\n2\n, \n\n"
        + " " * 48
        + "\n1 Şerif Köprülü, Sarıkamış İhata Manevrası, İstanbul 1922.\n"
        "2 W. I., XIV, s. 8.\n"
    )
    ct = check_all(original)
    assert ct.text.startswith("karşı karşıya geldiği Sarıkamış trajedisini müteakiben kararlaştıramazken,\n\n")
    notes = [(s.number, ct.text[s.start : s.end].strip()) for s in ct.segments if s.kind == "footnote"]
    assert notes == [
        (1, "1 Şerif Köprülü, Sarıkamış İhata Manevrası, İstanbul 1922."),
        (2, "2 W. I., XIV, s. 8."),
    ]


def test_split_footnote_number() -> None:
    notes = "".join(f"{n} Kaynak {n}, s.{n}.\n" for n in range(1, 85))
    original = f"Metin.\n\n{notes}8 5 Atatürk'ün Milli Dış Politikası, Ankara, 1981.\n"
    ct = check_all(original)
    last = ct.segments[-1]
    assert (last.kind, last.number) == ("footnote", 85)
    assert ct.text[last.start : last.end] == "85 Atatürk'ün Milli Dış Politikası, Ankara, 1981."
    a, b = ct.to_original(last.start, last.start + 2)
    assert original[a:b] == "8 5"


def test_headings() -> None:
    original = (
        " GİRİŞ \n\nBu bir giriş cümlesidir.\n\n"
        "B- Türk-Sovyet İlişkileri (1923-1930)\n\nİkinci bölüm burada başlar.\n\n"
        "Turkey Visit of Kliment Voroşilov and Contribution\nTo The Affairs of Turkey-Soviet Russia\n\n"
        "SUMMARY\n\nThe text.\n"
    )
    ct = check_all(original)
    kinds = [(s.kind, ct.text[s.start : s.end].strip()) for s in ct.segments]
    assert kinds == [
        ("heading", "GİRİŞ"),
        ("body", "Bu bir giriş cümlesidir."),
        ("heading", "B- Türk-Sovyet İlişkileri (1923-1930)"),
        ("body", "İkinci bölüm burada başlar."),
        ("heading", "Turkey Visit of Kliment Voroşilov and Contribution To The Affairs of Turkey-Soviet Russia"),
        ("heading", "SUMMARY"),
        ("body", "The text."),
    ]


def test_short_line_cut_from_a_sentence_is_not_a_heading() -> None:
    original = "ortaya atmıştı.\n\nBunun Üzerine Sovyet\n\nhükümetinin umudu sona ermişti."
    assert {s.kind for s in check_all(original).segments} == {"body"}


def test_to_original_and_section_at() -> None:
    original = "  Bir dev-\nlet kuruldu.\r\n"
    ct = check_all(original)
    assert ct.text == "Bir devlet kuruldu."
    start = ct.text.index("devlet")
    a, b = ct.to_original(start, start + len("devlet"))
    assert original[a:b] == "dev-\nlet"
    assert ct.to_original(3, 3) == (ct.offsets[3], ct.offsets[3])
    assert ct.section_at(0) == "body"
    with pytest.raises(ValueError):
        ct.to_original(5, 100)
    assert normalize("").section_at(0) == "body"


# --- properties -----------------------------------------------------------------------------

WORDS = [
    "devlet", "Voroşilov", "Türkiye'yi", "ığüşöç", "ĞÜŞİÖÇ", "İSTANBUL", "Paşa", "ve", "o", "a",
    "L o z a n ' d a", "E k i m", "1933", "12", "3", "8 5", "s.462", "etmişti.", "olacaktı.1", "GİRİŞ",
    "B- Türk-Sovyet", "(1920-1923)", "“Şükrü”", "kuruldu,", "-", "–", ".", ":",
]
GAPS = [" ", "  ", "\n", "\n\n", "-\n", " \n ", "\r\n", "\t", "\u00a0", "\u00ad", "\u00ad\n", "\n" + " " * 20 + "\n", "\n1\n"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_map_invariants_on_turkish_like_text(original: str) -> None:
    check_all(original)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_map_invariants_on_any_text(original: str) -> None:
    ct = normalize(original)
    check_map(original, ct)
    check_segments(ct)


# --- the seed articles ------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[SEED_000, SEED_004], ids=["000", "004"])
def seed(request: pytest.FixtureRequest) -> tuple[str, CleanText]:
    original = _seed(request.param)
    return original, normalize(original)


def test_seed_map_invariants(seed: tuple[str, CleanText]) -> None:
    original, ct = seed
    check_map(original, ct)
    check_segments(ct)
    check_words(original, ct)
    check_shape(ct)


@pytest.mark.parametrize(
    ("path", "name"),
    # 004 never names Voroşilov (it ends in 1922); Çiçerin, in the body and in the notes, instead.
    [(SEED_000, "Voroşilov"), (SEED_000, "Leon Cahen"), (SEED_004, "Çiçerin"), (SEED_004, "Şerif Köprülü")],
)
def test_names_map_back_to_the_original(path: Path, name: str) -> None:
    original = _seed(path)
    ct = normalize(original)
    found = [m.start() for m in re.finditer(name, ct.text)]
    assert len(found) >= 1
    for start in found:
        a, b = ct.to_original(start, start + len(name))
        assert original[a:b].replace(" ", "") == name.replace(" ", "")  # a word OCR cut ('Voroş i lov') maps back whole


@pytest.mark.parametrize(("path", "name"), [(SEED_000, "Leon Cahen"), (SEED_004, "Şerif Köprülü")])
def test_seed_first_footnote(path: Path, name: str) -> None:
    ct = normalize(_seed(path))
    first = next(s for s in ct.segments if s.kind == "footnote" and s.number == 1)
    assert name in ct.text[first.start : first.end]
    assert ct.section_at(ct.text.index(name)) == "footnote"


def test_seed_000_layout() -> None:
    original = _seed(SEED_000)
    ct = normalize(original)
    numbers = [s.number for s in ct.segments if s.kind == "footnote" and s.number]
    assert numbers == sorted(numbers) and numbers[-1] == 87
    # The footnote numbers the OCR garbled ("1 Aydın" for 7, "w Vakit" for 60, ...).
    assert set(range(1, 88)) - set(numbers) == {7, 11, 19, 54, 60, 64, 69, 71}
    headings = [ct.text[s.start : s.end].strip() for s in ct.segments if s.kind == "heading"]
    assert headings[:4] == ["ÖZET", headings[1], "SUMMARY", "GİRİŞ"]
    assert headings[1].startswith("Turkey Visit of Kliment Yefromoviç Voroşilov")
    assert "C-Kliment Yefromoviç Voroşilov Heyetinin Türkiye'yi Ziyareti" in headings
    assert headings[-1] == "SONUÇ"
    assert "8 5 Atatürk" not in ct.text and "85 Atatürk'ün Milli Dış Politikası" in ct.text
    assert "L o z a n" not in ct.text and "Özellikle Lozan'da çözüme" in ct.text
    # Body references gone, years and page numbers kept.
    assert "ifade etmişti. Sovyet" not in ct.text
    assert "ifade etmişti.\n\nSovyet Rusya'nın" in ct.text
    assert "güvencesini oluşturmaktaydı.\n\n" in ct.text and "denemişlerdi. Bu" in ct.text
    assert "s.462." in ct.text and "1923-1933 yılları" in ct.text
    # A note carried over to the next page is a footnote, not body.
    assert ct.section_at(ct.text.index("ancak bize sorulduğunda Ruslara")) == "footnote"
    assert ct.section_at(ct.text.index("Türkiye'yi ziyaret edecek olan Albay Budenny")) == "body"


def test_seed_004_layout() -> None:
    ct = normalize(_seed(SEED_004))
    numbers = [s.number for s in ct.segments if s.kind == "footnote" and s.number]
    assert sorted(set(numbers)) == list(range(1, 80))
    # Continuations after the next page's rule keep their note's number (16 goes on).
    assert numbers.count(16) == 2
    assert "Sarıkamış trajedisini müteakiben 1916" in ct.text
    assert "Ermenistan’ın bağımsızlığını kabul etmişti." in ct.text
    # The unnumbered notes on the first page: the source and the translator.
    note = ct.segments[[s.number for s in ct.segments].index(1) - 1]
    assert note.kind == "footnote" and note.number is None
    assert "Aytunç ÜLKER" in ct.text[note.start : note.end]
    assert ct.section_at(ct.text.index("Lenin yönetimi ele geçirince")) == "body"
    assert ct.section_at(ct.text.index("Revue du Monde Musluman, LI, 1919")) == "footnote"
    headings = [ct.text[s.start : s.end].strip() for s in ct.segments if s.kind == "heading"]
    assert headings == ["Basımdan sonra ilave edilen ekler"]


def test_segment_is_a_value() -> None:
    assert Segment("footnote", 0, 5, 3) == Segment("footnote", 0, 5, 3)


def test_a_chronology_line_that_opens_with_a_day_and_a_month_is_body_not_a_footnote() -> None:
    original = (
        "Hatay meselesinin kronolojisi.\n\n"
        "2 Ocak 1937 - Konsey'de Sancak meselesinin görüşülmesi.\n\n"
        "3 Mayıs 1937 - Cenevre'de yeni bir toplantı.\n\n"
        "5 Haziran 1937 - Ankara'da bir antlaşmanın imzası.\n"
    )
    ct = check_all(original)
    assert [s.kind for s in ct.segments if s.kind == "footnote"] == []
    assert "5 Haziran 1937 - Ankara'da" in ct.text
