"""`histkg evaluate --corpus`: a corpus scored document by document, on a
hand-built graph whose every figure can be counted by hand, and on the
development corpus itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hand_built import add_annotation
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from histkg.cli import main
from histkg.evaluate.corpus import GENRE_COLUMNS, gold_texts, evaluate_corpus, load_corpus_gold
from histkg.rdf.namespaces import HKG

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ID = "https://example.org/id/"
TEXT = ("Hariciye Vekili Ahmet Rasim Bey 3 Mayıs 1927'de Batum'dan hareket etti. "
        "Ben o gün Tiflis'e vardım. Kara Deniz sakindi.\n")
GOLD = {
    "genre": "memoir",
    "persons": [{"name": "Ahmet Rasim Bey", "variants": ["Ahmet Rasim Bey"], "role": "actor"}],
    "places": [{"name": "Batum", "variants": ["Batum"], "kind": "city"},
               {"name": "Tiflis", "variants": ["Tiflis"], "kind": "city"},
               {"name": "Karadeniz", "variants": ["Kara Deniz"], "kind": "water"}],
    "organizations": [],
    "not_persons": ["Hariciye Vekili"],
    "not_places": ["Ben"],
    "dates": [{"text": "3 Mayıs 1927", "value": "1927-05-03"}],
    "treaties": [],
    "journeys": [{"leader": "Ahmet Rasim Bey", "travellers": [], "origin": "Batum", "destination": "Tiflis",
                  "start": "1927-05-03", "end": None, "stops": ["Tiflis"], "hosts": []}],
}


def node(graph: Graph, kind: str, slug: str, label: str, source: URIRef, *words: str, text: str = TEXT) -> URIRef:
    """A node of `kind` labelled `label`, with one mention of each of `words` in the text."""
    subject = URIRef(f"{ID}{kind.lower()}/{slug}")
    graph.add((subject, RDF.type, HKG[kind]))
    graph.add((subject, SKOS.prefLabel, Literal(label, lang="tr")))
    for word in words:
        at = text.index(word)
        annotation = URIRef(f"{ID}annotation/{slug}/{at}")
        graph.add((subject, HKG.evidence, add_annotation(graph, annotation, source, at, word, text)))
    return subject


def corpus_of_one(tmp_path, text: str, gold: dict) -> tuple[Path, Graph, URIRef]:
    """A corpus of one memoir with its gold file, and a graph with its source."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "01-memoir-test.txt").write_text(text, encoding="utf-8")
    (corpus / "01-memoir-test.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    graph = Graph()
    source = URIRef(f"{ID}source/01")
    graph.add((source, HKG.file, Literal("corpus/01-memoir-test.txt")))
    return corpus, graph, source


@pytest.fixture
def case(tmp_path):
    corpus, graph, source = corpus_of_one(tmp_path, TEXT, GOLD)
    rasim = node(graph, "Person", "ahmet-rasim", "Ahmet Rasim Bey", source, "Ahmet Rasim")
    node(graph, "Person", "hariciye", "Hariciye", source, "Hariciye")  # inside a not_persons string: wrong
    node(graph, "Person", "kara", "Kara", source, "Kara")  # a gold place's word, no judgement by the gold
    node(graph, "Place", "batum", "Batum", source, "Batum")
    tiflis = node(graph, "Place", "tiflis", "Tiflis", source, "Tiflis")
    node(graph, "Place", "ben", "Ben", source, "Ben")  # a not_places string typed Place
    date = node(graph, "TimeSpan", "1927-05-03", "3 Mayıs 1927", source, "3 Mayıs 1927'de")
    graph.add((date, HKG.edtf, Literal("1927-05-03")))
    visit = node(graph, "Visit", "rasim-tiflis", "Ahmet Rasim Bey → Tiflis", source, "hareket etti")
    graph.add((visit, HKG.leader, rasim))
    graph.add((visit, HKG.destination, tiflis))
    graph.add((visit, HKG.startDate, Literal("1927-05-04", datatype=XSD.date)))  # one day off: wrong
    stop = URIRef(f"{visit}/stop/1")
    graph.add((visit, HKG.stop, stop))
    graph.add((stop, HKG.place, tiflis))
    graph.add((stop, HKG.order, Literal(1)))
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    return corpus, path


def counts(report, measure: str) -> tuple[int, int]:
    return tuple(report.total().counts[measure])


def test_every_figure_of_a_hand_built_graph_counts_as_by_hand(case):
    report = evaluate_corpus(*case)
    assert counts(report, "persons recall") == (1, 1)
    assert counts(report, "persons precision, judged") == (1, 2)  # Hariciye is wrong, Kara not judged
    assert counts(report, "persons precision, raw") == (1, 3)
    assert counts(report, "places recall") == (2, 3)  # Kara Deniz missed
    assert counts(report, "not_places typed Place") == (1, 0)
    assert counts(report, "dates value recall") == (1, 1)
    assert counts(report, "journeys found") == (1, 1)
    assert counts(report, "journey start") == (0, 1)
    assert counts(report, "journey stops in order") == (1, 1)
    assert report.unjudged == ["01-memoir-test: Kara"]


def test_the_report_has_a_table_per_measure_and_per_genre_and_json(case):
    report = evaluate_corpus(*case)
    text = report.to_text(verbose=True)
    assert "places recall" in text and "per genre:" in text and "memoir" in text
    assert "not_places typed Place: Ben" in text
    memoir = next(line for line in text.splitlines() if line.startswith("memoir")).split()
    assert memoir[2 + list(GENRE_COLUMNS.values()).index("!plac")] == "1"  # a count, not a ratio
    data = json.loads(report.to_json())
    assert data["genres"]["memoir"]["persons recall"]["value"] == 1.0
    assert data["documents"]["01-memoir-test"]["places recall"] == {"value": 0.667, "hits": 2, "chances": 3}


def test_cli_scores_a_graph_and_says_one_line_for_a_missing_corpus(case, tmp_path):
    corpus, graph = case
    result = CliRunner().invoke(main, ["evaluate", "--corpus", str(corpus), str(graph), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"]["dates value recall"]["hits"] == 1
    missing = CliRunner().invoke(main, ["evaluate", "--corpus", str(tmp_path / "nowhere"), str(graph)])
    assert missing.exit_code == 2 and len(missing.output.strip().splitlines()) == 1


def test_cli_wants_one_of_gold_or_corpus(case):
    corpus, graph = case
    result = CliRunner().invoke(main, ["evaluate", "--corpus", str(corpus), "--gold", "tests/gold", str(graph)])
    assert result.exit_code == 2 and "one of --gold DIR or --corpus DIR" in result.output


def test_every_corpus_gold_file_is_read_with_its_text():
    documents = load_corpus_gold(CORPUS)
    assert len(documents) == 30
    assert {d.genre for d in documents} == {"academic", "encyclopedia", "newspaper", "memoir", "chronology",
                                            "biography", "conference"}


def test_only_the_texts_with_a_gold_file_are_built_and_scored(tmp_path):
    for name in ("01-memoir-a.txt", "01-memoir-a.json", "README.md", "notes.txt", "check.py"):
        (tmp_path / name).write_text("{}" if name.endswith(".json") else "Bir metin.", encoding="utf-8")
    assert gold_texts(tmp_path) == [tmp_path / "01-memoir-a.txt"]


TREATY_TEXT = "Sofya'da imzalanan dostluk muahedesine sık sık dönüldü. Varna Antlaşmasının metni de okundu.\n"


def test_a_gold_date_the_text_writes_with_a_case_glued_on_is_found(tmp_path):
    text = "Kral 20 Kânunusani 1936da tahta geçti; 23 Haziranda İzmir'e geldi.\n"
    gold = {"genre": "newspaper", "persons": [], "places": [], "organizations": [], "not_persons": [],
            "not_places": [], "treaties": [], "journeys": [],
            "dates": [{"text": "20 Kânunusani 1936", "value": "1936-01-20"},
                      {"text": "23 Haziran", "value": "1936-06-23"}]}
    corpus, graph, source = corpus_of_one(tmp_path, text, gold)
    for slug, words, value in (("a", "20 Kânunusani 1936da", "1936-01-20"), ("b", "23 Haziranda", "1936-06-22")):
        date = node(graph, "TimeSpan", slug, words, source, words, text=text)
        graph.add((date, HKG.edtf, Literal(value)))
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    assert counts(evaluate_corpus(corpus, path), "dates value recall") == (1, 2)  # the second: a day off


def test_a_treaty_whose_common_noun_variant_the_text_inflects_is_found_a_named_one_is_not(tmp_path):
    # the gold writes `dostluk muahedesi`, the text `dostluk muahedesine`; a name's last word takes its
    # ending after an apostrophe, so `Varna Antlaşma` is no variant written in `Varna Antlaşmasının`
    gold = {"genre": "memoir", "persons": [], "organizations": [], "not_persons": [], "not_places": [],
            "dates": [], "journeys": [],
            "places": [{"name": "Sofya", "variants": ["Sofya"], "kind": "city"}],
            "treaties": [{"name": "Bulgar-Romen Dostluk Muahedesi", "variants": ["dostluk muahedesi"],
                          "date": None, "place": "Sofya", "parties": [], "signatories": []},
                         {"name": "Varna Muahedesi", "variants": ["Varna Antlaşma"],
                          "date": None, "place": None, "parties": [], "signatories": []}]}
    corpus, graph, source = corpus_of_one(tmp_path, TREATY_TEXT, gold)
    sofya, treaty, _ = (node(graph, kind, slug, words, source, words, text=TREATY_TEXT) for kind, slug, words in (
        ("Place", "sofya", "Sofya"), ("Treaty", "dostluk", "dostluk muahedesine"),
        ("Treaty", "varna", "Varna Antlaşmasının")))
    graph.add((treaty, HKG.signedAt, sofya))
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    report = evaluate_corpus(corpus, path)
    assert counts(report, "treaties found") == (1, 2)
    assert counts(report, "treaty place") == (1, 1)


def test_of_two_visits_of_the_leader_the_one_with_the_gold_stops_and_start_stands_for_the_journey(tmp_path):
    text = "Ahmet Rasim Bey 3 Mayıs 1927'de Batum'dan Tiflis'e gitti. Ahmet Rasim Bey Tiflis'te kaldı.\n"
    gold = dict(GOLD, journeys=[{"leader": "Ahmet Rasim Bey", "travellers": [], "origin": None, "destination": None,
                                 "start": "1927-05-03", "end": None, "stops": ["Batum", "Tiflis"], "hosts": []}])
    corpus, graph, source = corpus_of_one(tmp_path, text, gold)
    rasim = node(graph, "Person", "ahmet-rasim", "Ahmet Rasim Bey", source, "Ahmet Rasim", text=text)
    batum = node(graph, "Place", "batum", "Batum", source, "Batum", text=text)
    tiflis = node(graph, "Place", "tiflis", "Tiflis", source, "Tiflis", text=text)
    for slug, words, places, start in (("a-stay", "kaldı", [tiflis], None),
                                       ("b-journey", "gitti", [batum, tiflis], "1927-05-03")):
        visit = node(graph, "Visit", slug, slug, source, words, text=text)
        graph.add((visit, HKG.leader, rasim))
        if start:
            graph.add((visit, HKG.startDate, Literal(start, datatype=XSD.date)))
        for order, place in enumerate(places, 1):
            stop = URIRef(f"{visit}/stop/{order}")
            graph.add((visit, HKG.stop, stop))
            graph.add((stop, HKG.place, place))
            graph.add((stop, HKG.order, Literal(order)))
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    report = evaluate_corpus(corpus, path)
    assert counts(report, "journey stops in order") == (2, 2)
    assert counts(report, "journey start") == (1, 1)
