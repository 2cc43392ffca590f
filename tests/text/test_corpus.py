"""Reading the corpus: encodings, catalog metadata, paths and the errors a user can cause."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from histkg.text.corpus import CorpusError, Document, decode, load_catalog, load_corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Encodable in every encoding under test (no curly quotes: ISO-8859-9 has none); the CRLF
# shows that decoding converts nothing.
TURKISH = (
    "Voroşilov'un Türkiye'yi ziyareti (Ekim 1933): İsmet Paşa, Kâzım Özalp ve Şükrü Kaya\r\n"
    "karşıladılar; ğüşıöç ĞÜŞİÖÇ.\n"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (TURKISH.encode("utf-8"), "utf-8"),
        (TURKISH.encode("utf-8-sig"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TURKISH.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TURKISH.encode("utf-16-be"), "utf-16"),
        (TURKISH.encode("utf-16-be"), "utf-16-be"),
        (TURKISH.encode("utf-16-le"), "utf-16-le"),
        (TURKISH.encode("utf-32"), "utf-32"),
        (TURKISH.encode("cp1254"), "cp1254"),
        # ISO-8859-9 and cp1254 agree on every byte of this text: reported as cp1254.
        (TURKISH.encode("iso-8859-9"), "cp1254"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-be", "utf-16-le", "utf-32", "cp1254", "iso-8859-9"],
)
def test_every_encoding_decodes_to_the_same_text(raw: bytes, expected: str) -> None:
    text, encoding = decode(raw)
    assert text == TURKISH
    assert encoding == expected


def test_iso_8859_9_and_cp1254_bytes_really_differ_only_where_expected() -> None:
    # The test above would be vacuous if the encodings produced the same bytes as UTF-8.
    assert TURKISH.encode("iso-8859-9") != TURKISH.encode("utf-8")
    assert TURKISH.encode("iso-8859-9") == TURKISH.encode("cp1254")


def test_cp1254_punctuation_in_0x80_0x9f_is_read_as_cp1254() -> None:
    text = "“Şükrü Kaya” dedi ki — 10 € …\n"
    raw = text.encode("cp1254")
    assert any(0x80 <= b <= 0x9F for b in raw)
    assert decode(raw) == (text, "cp1254")


def test_non_turkish_8_bit_text_goes_to_charset_normalizer() -> None:
    russian = "Москва и Анкара подписали договор о дружбе и братстве в марте 1921 года. Ворошилов посетил Турцию.\n"
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")


@pytest.mark.parametrize(
    "raw",
    [bytes(range(256)) * 8, b"\x00\x01\x02\x03PK\x03\x04" * 200, b"\x89PNG\r\n\x1a\n" + bytes(500)],
    ids=["all-bytes", "zip-like", "png-like"],
)
def test_binary_data_is_refused(raw: bytes) -> None:
    with pytest.raises(CorpusError, match="cannot decode"):
        decode(raw)


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_load_folder_sorted_with_catalog_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "b_doc.txt", "İkinci belge.\r\n")
    _write(corpus, "a_doc.txt", TURKISH.encode("cp1254"))
    _write(corpus, "scan.png", b"\x89PNG not a corpus file")
    _write(
        corpus,
        "catalog.toml",
        '["a_doc.txt"]\ntitle = "Birinci"\ncreator = ["Ad Soyad"]\nyear = 1934\n'
        'translator = "Çevirmen"\nlanguage = "de"\nnote = "test"\n',
    )
    docs = load_corpus(["corpus"])
    assert [d.doc_id for d in docs] == ["a_doc", "b_doc"]
    first, second = docs
    assert first.text == TURKISH and first.encoding == "cp1254"
    assert (first.title, first.creator, first.year, first.language, first.translator) == (
        "Birinci",
        ("Ad Soyad",),
        1934,
        "de",
        ("Çevirmen",),
    )
    assert first.file == "corpus/a_doc.txt"
    assert first.path == (corpus / "a_doc.txt").resolve()
    assert first.sha256 == hashlib.sha256(TURKISH.encode("cp1254")).hexdigest()
    # No catalog entry: the defaults.
    assert (second.title, second.creator, second.year, second.language, second.translator) == (
        "b_doc",
        (),
        None,
        "tr",
        (),
    )
    assert second.text == "İkinci belge.\r\n"  # original text, CRLF kept


def test_files_and_folders_mix_and_duplicates_collapse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "x.txt", "bir")
    sub = tmp_path / "sub"
    sub.mkdir()
    _write(sub, "y.txt", "iki")
    docs = load_corpus([Path("sub"), "x.txt", tmp_path / "x.txt"])
    assert [(d.doc_id, d.file) for d in docs] == [("x", "x.txt"), ("y", "sub/y.txt")]


def test_file_outside_the_working_directory_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "doc.txt", "metin")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    (doc,) = load_corpus([path])
    assert doc.file == path.resolve().as_posix()
    assert Path(doc.file).is_absolute()


def test_same_id_in_two_folders_is_an_error(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        _write(tmp_path / name, "doc.txt", name)
    with pytest.raises(CorpusError, match="two documents share the id 'doc'"):
        load_corpus([tmp_path / "one", tmp_path / "two"])


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: [d / "missing.txt"], "no such file or folder"),
        (lambda d: [(d / "empty_dir").mkdir() or d / "empty_dir"], "no file histkg reads"),
        (lambda d: [_write(d, "empty.txt", b"")], "empty file"),
        (lambda d: [_write(d, "blank.txt", " \r\n\t\n")], "empty file"),
        (lambda d: [_write(d, "bom_only.txt", codecs.BOM_UTF16_LE)], "empty file"),
        (lambda d: [_write(d, "binary.txt", bytes(range(256)) * 8)], "cannot decode"),
        (lambda d: [], "no input given"),
    ],
    ids=["missing", "no-txt", "empty", "blank", "bom-only", "binary", "nothing"],
)
def test_user_errors_are_one_clear_line(tmp_path: Path, setup, message: str) -> None:
    with pytest.raises(CorpusError, match=message) as info:
        load_corpus(setup(tmp_path))
    assert "\n" not in str(info.value)


def test_undecodable_file_is_named_in_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(600))
    with pytest.raises(CorpusError, match=r"^cannot decode image\.txt: "):
        load_corpus(["image.txt"])


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[broken", "invalid catalog"),
        ('["a.txt"]\nyear = "1934"\n', "'year' must be an integer"),
        ('["a.txt"]\ncreator = [1, 2]\n', "'creator' must be a list of strings"),
        ('"a.txt" = 3\n', "must be a table"),
    ],
)
def test_bad_catalog_is_reported(tmp_path: Path, toml: str, message: str) -> None:
    _write(tmp_path, "catalog.toml", toml)
    with pytest.raises(CorpusError, match=message):
        load_catalog(tmp_path)


def test_no_catalog_is_an_empty_catalog(tmp_path: Path) -> None:
    assert load_catalog(tmp_path) == {}


def test_document_title_defaults_to_its_id() -> None:
    doc = Document("d1", Path("d1.txt"), "d1.txt", "metin", "utf-8", "0" * 64)
    assert doc.title == "d1" and doc.language == "tr"


def test_seed_corpus_with_its_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEEDS.parent)
    docs = load_corpus(["seeds"])
    assert [d.doc_id for d in docs] == ["000_59a8525e37afcabc", "004_8291bc0ffa594f53"]
    voroshilov, jaeschke = docs
    assert voroshilov.file == "seeds/000_59a8525e37afcabc.txt"
    assert voroshilov.encoding == "utf-8"
    assert voroshilov.title.startswith("Turkey Visit of Kliment Yefromoviç Voroşilov")
    assert voroshilov.creator == () and voroshilov.year is None and voroshilov.language == "tr"
    assert jaeschke.title == "Der Weg zur russisch-türkischen Freundschaft"
    assert jaeschke.creator == ("Gotthard Jäschke",)
    assert jaeschke.translator == ("Aytunç Ülker",)
    assert (jaeschke.year, jaeschke.language) == (1934, "tr")
    for doc in docs:  # the catalog says only what the text says: its names are in the text
        assert doc.sha256 == hashlib.sha256(doc.path.read_bytes()).hexdigest()
        assert doc.text == doc.path.read_bytes().decode("utf-8")
    assert "Gotthard JÄSCHKE" in jaeschke.text and "Aytunç ÜLKER" in jaeschke.text
    assert "Der Weg zur russisch-türkischen Freundschaft" in jaeschke.text
    assert "Die Welt des Islams" in jaeschke.text and "1934" in jaeschke.text
    assert "Turkey Visit of  Kliment Yefromoviç  Voroşilov and Contribution" in voroshilov.text
