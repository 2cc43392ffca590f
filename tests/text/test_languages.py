"""Each paragraph's language: Turkish ones are extracted from, the others recorded and warned about."""

from __future__ import annotations

import logging

from rdflib import Literal
from rdflib.namespace import DCTERMS

from histkg.export.registry import as_graph
from histkg.mentions.extract import extract
from histkg.rdf.namespaces import HKG
from histkg.text.corpus import load_corpus
from histkg.text.languages import foreign_paragraphs, paragraph_language
from histkg.text.normalize import normalize

TURKISH_PROSE = ("Voroşilov heyeti 25 Ekim 1933 günü İstanbul'a geldi ve Dolmabahçe Sarayı'nda "
                 "Mustafa Kemal Paşa tarafından kabul edildi; görüşmeler iki gün sürdü.")
ENGLISH_PROSE = ("The Treaty of Kars was signed in October 1921 between the Grand National Assembly and the "
                 "three Caucasian republics, and it fixed the border that has held since then.")
GERMAN_PROSE = ("Der Vertrag von Kars wurde im Oktober 1921 unterzeichnet und er legte die Grenze fest, "
                "die seit dieser Zeit auch nicht mehr verändert wurde.")
REFERENCES = ("Bibl. Cevdet Paşa, Tezâkir, nşr. Cavid Baysun, Ankara, 1953-1967; Harold Temperley, England "
              "and the Near East: The Crimea, London, 1936; Winfried Baumgart, The Peace of Paris 1856, 1981.")


def languages_of(text: str) -> list[tuple[str, str]]:
    return [(text[p.start:p.end].split()[0], p.language) for p in foreign_paragraphs(normalize(text))]


def test_prose_in_each_language_is_told_apart():
    assert paragraph_language(TURKISH_PROSE) == "tr"
    assert paragraph_language(ENGLISH_PROSE) == "en"
    assert paragraph_language(GERMAN_PROSE) == "de"


def test_a_list_of_works_with_english_titles_stays_turkish():
    assert paragraph_language(REFERENCES) == "tr"


def test_a_short_paragraph_alone_is_undecided():
    assert paragraph_language("SUMMARY") is None
    assert paragraph_language("The Treaty of Kars") is None


def test_a_short_heading_takes_the_language_of_the_paragraphs_around_it_when_they_agree():
    text = f"{TURKISH_PROSE}\n\nSUMMARY\n\n{ENGLISH_PROSE}\n\nSUMMARY\n\n{ENGLISH_PROSE}\n\nGİRİŞ\n\n{TURKISH_PROSE}\n"
    # The first SUMMARY lies between Turkish and English: it stays Turkish; the second lies between English ones.
    assert languages_of(text) == [("The", "en"), ("SUMMARY", "en"), ("The", "en")]


def test_an_english_file_is_english_from_its_first_heading_on():
    text = f"THE TREATY OF KARS\n\n{ENGLISH_PROSE}\n\n{ENGLISH_PROSE}\n"
    foreign = foreign_paragraphs(normalize(text))
    assert foreign[0].start == 0 and {p.language for p in foreign} == {"en"}
    assert sum(p.end - p.start for p in foreign) == len(text.rstrip()) - 4  # all but the two blank lines


def test_a_document_warns_once_and_extracts_nothing_from_its_english_paragraphs(tmp_path, caplog, nlp):
    (tmp_path / "mixed.txt").write_text(f"{TURKISH_PROSE}\n\n{ENGLISH_PROSE}\n\n{ENGLISH_PROSE}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="histkg"):
        [document] = load_corpus([tmp_path / "mixed.txt"])
    assert [record.getMessage() for record in caplog.records] == [
        f"{document.file}: 2 paragraphs in English (en) not extracted: histkg reads Turkish"]
    assert document.languages == ("tr", "en")
    english_start = document.text.index("The Treaty")
    mentions = extract(document, nlp).mentions
    assert mentions and all(mention.end <= english_start for mention in mentions)
    assert "Voroşilov" in {mention.text for mention in mentions}


def test_the_seeds_english_summary_stays_out_and_its_source_records_both_languages(seeds_build):
    result, _ = seeds_build
    voroshilov = next(d for d in result.documents if d.doc_id.startswith("000_"))
    summary = voroshilov.text.index("The  helps coming")
    assert [(p.language, voroshilov.text[p.start:p.end].split()[0]) for p in voroshilov.foreign] == [
        ("en", "Turkey"), ("en", "SUMMARY"), ("en", "The")]
    assert not [m for e in result.extractions if e.document is voroshilov for m in e.mentions
                if voroshilov.foreign[0].start <= m.start < voroshilov.foreign[-1].end]
    assert summary < voroshilov.foreign[-1].end
    graph = as_graph(result.dataset)
    source = next(s for s, f in graph.subject_objects(HKG.file) if str(f) == voroshilov.file)
    assert set(graph.objects(source, DCTERMS.language)) == {Literal("tr"), Literal("en")}
