"""`histkg evaluate`: numbers computed by hand on a small graph, texts and gold
written here; the gold-locating rules; the CLI; and one run on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from histkg.cli import main
from histkg.evaluate.gold import Occurrence, find_all, inside_another_name, maximal, name_pattern
from histkg.evaluate.names import place_name
from histkg.evaluate.scoring import evaluate
from histkg.rdf.namespaces import HKG, OA

GOLD = Path(__file__).parents[1] / "gold"
BASE = "https://example.org/id/"

TEXT = (
    "Mustafa Kemal Paşa Ankara'ya geldi.\n"               # line 1
    "Yusuf  Kemal ile Voroşilov'u karşıladı.\n"             # line 2
    "Kemalizm ve Voroşilov Heyeti.\n"                       # line 3
    "Kemal'e selam. Voroşilovlar yok.\n"                    # line 4
    "Toplantı 29 Ekim 1933'te yapıldı; 2 0 Bu konuda.\n"    # line 5
    "Heyet 3 Kasım \n"                                      # line 6
    "1933 günü döndü.\n"                                    # line 7
    "Bir de 1920 yılı.\n"                                   # line 8
    "Moskova Antlaşmasını imzaladılar ve dostluk anlaşması uzadı.\n"  # line 9
)


def span(surface: str, after: str = "") -> tuple[int, int]:
    """Offsets of `surface` in TEXT, at its first occurrence after `after`."""
    start = TEXT.index(surface, TEXT.index(after) if after else 0)
    return start, start + len(surface)


# kind, node slug, label, edtf, mentions (surface, the text it follows)
ENTITIES = [
    ("Person", "person/a", "Mustafa Kemal", None,
     [("Mustafa Kemal", ""), ("Yusuf  Kemal", ""), ("Kemal", "Heyeti.")]),
    ("Person", "person/b", "Voroşilov", None, [("Voroşilov", ""), ("Voroşilov Heyeti", "")]),
    ("Person", "person/d", "Ankara", None, [("Ankara", "")]),
    ("Place", "place/ankara", "Ankara", None, [("Ankara", "")]),
    ("TimeSpan", "date/1933-10-29", None, "1933-10-29", [("29 Ekim 1933'te", "")]),
    ("TimeSpan", "date/1933-11", None, "1933-11", [("3 Kasım \n1933", "")]),
    ("TimeSpan", "date/20", None, "20", [("2 0", "")]),
    ("Treaty", "treaty/moskova", "Moskova Antlaşması", None,
     [("Moskova Antlaşması", ""), ("dostluk anlaşması", "")]),
]

PERSONS = [
    {"canonical": "Mustafa Kemal Atatürk", "variants": ["Mustafa Kemal Paşa", "Mustafa Kemal", "Kemal"],
     "files": ["000"]},
    {"canonical": "Kliment Voroşilov", "variants": ["Voroşilov"], "files": ["000"]},
    {"canonical": "Yusuf Kemal Tengirşek", "variants": ["Yusuf Kemal"], "files": ["000"]},
]
NOT_PERSONS = ["Voroşilov Heyeti"]
DATES = [
    {"id": "d1", "surface": "29 Ekim 1933'te", "normalized": "1933-10-29", "file": "000", "line": 5},
    {"id": "d2", "surface": "3 Kasım \n1933", "surface_joined": "3 Kasım 1933", "normalized": "1933-11-03",
     "file": "000", "line": [6, 7]},
    {"id": "d3", "surface": "1920", "normalized": "1920", "file": "000", "line": 8},
    {"id": "d4", "surface": "2 0 Bu konuda", "normalized": None, "file": "000", "line": 5, "is_date": False},
]
TREATIES = [
    {"id": "moskova", "canonical": "Moskova Antlaşması", "files": ["000"],
     "variants": ["Moskova Antlaşması", "dostluk anlaşması"],
     "mentions": [{"file": "000", "quote": "Moskova Antlaşmasını imzaladılar", "line": 9},
                  {"file": "000", "quote": "dostluk anlaşması uzadı", "line": 9}],
     "place": {"name": "Moskova", "file": "000", "quote": "Moskova Antlaşmasını"}},
]
VISITS = [
    {"id": "v", "files": ["000"], "itinerary": [{"place": "Ankara (istasyon, 10.30)", "file": "000"}]},
]


def write_graph(path: Path, source_file: str) -> None:
    graph = Graph()
    source = URIRef(BASE + "source/000_a")
    graph.add((source, RDF.type, HKG.Source))
    graph.add((source, HKG.file, Literal(source_file)))
    for kind, slug, label, edtf, mentions in ENTITIES:
        node = URIRef(BASE + slug)
        graph.add((node, RDF.type, HKG[kind]))
        if label:
            graph.add((node, SKOS.prefLabel, Literal(label, lang="tr")))
        if edtf:
            graph.add((node, HKG.edtf, Literal(edtf)))
        for surface, after in mentions:
            start, end = span(surface, after)
            annotation = URIRef(f"{BASE}annotation/000_a/{start}-{end}")
            target, position, quote = (URIRef(f"{annotation}/{part}") for part in ("t", "p", "q"))
            graph.add((node, HKG.evidence, annotation))
            graph.add((annotation, OA.hasTarget, target))
            graph.add((target, OA.hasSource, source))
            graph.add((target, OA.hasSelector, position))
            graph.add((target, OA.hasSelector, quote))
            graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
            graph.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
            graph.add((quote, OA.exact, Literal(TEXT[start:end])))
    graph.serialize(destination=str(path), format="turtle", encoding="utf-8")


@pytest.fixture
def case(tmp_path):
    """A build folder: texts/000_a.txt, out/graph.ttl (hkg:file relative to the
    build folder, which is the graph's grandparent), gold/."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "000_a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "out").mkdir()
    graph = tmp_path / "out" / "graph.ttl"
    write_graph(graph, "texts/000_a.txt")
    gold = tmp_path / "gold"
    gold.mkdir()
    for name, data in [("persons", PERSONS), ("not_persons", NOT_PERSONS), ("dates", DATES),
                       ("treaties", TREATIES), ("visits", VISITS)]:
        (gold / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return graph, gold


def numbers(row):
    return row.precision, row.recall, row.counts


def test_persons_strict_and_fuzzy_mention_scores_by_hand(case):
    report = evaluate(*case)
    # Gold, maximal: 'Mustafa Kemal Paşa', 'Yusuf  Kemal', "Voroşilov('u)", "Kemal('e)" = 4.
    # Predicted: 'Mustafa Kemal' (overlap only), 'Yusuf  Kemal', 'Voroşilov', 'Kemal' (exact),
    # 'Voroşilov Heyeti' and 'Ankara' (wrong) = 6.
    strict = report.row("persons", "mention strict")
    assert strict.counts == {"pred_ok": 3, "pred": 6, "gold_ok": 3, "gold": 4}
    assert strict.precision == pytest.approx(0.5) and strict.recall == pytest.approx(0.75)
    assert strict.f1 == pytest.approx(2 * 0.5 * 0.75 / 1.25)
    fuzzy = report.row("persons", "mention fuzzy")
    assert fuzzy.counts == {"pred_ok": 4, "pred": 6, "gold_ok": 4, "gold": 4}
    assert fuzzy.precision == pytest.approx(4 / 6) and fuzzy.recall == pytest.approx(1.0)
    entity = report.row("persons", "entity")
    assert (entity.precision, entity.recall) == (pytest.approx(2 / 3), pytest.approx(1.0))
    assert report.lists["persons: unmatched predicted nodes"] == [f"Ankara  <{BASE}person/d>"]
    hits = report.row("persons", "not-person hits")
    assert hits.counts == {"exact": 1, "within": 1}


def test_judged_precision_leaves_out_names_the_sample_does_not_list(case):
    report = evaluate(*case)
    # Right: the 4 fuzzy hits. Wrong: 'Voroşilov Heyeti' (a not_persons string). 'Ankara' is
    # judged by neither list and left out. Node b has a right mention too, so no node is wrong.
    mentions = report.row("persons", "mention fuzzy, judged")
    assert mentions.counts == {"pred_ok": 4, "pred": 5, "gold_ok": 4, "gold": 4}
    entity = report.row("persons", "entity, judged")
    assert (entity.precision, entity.counts["pred"]) == (pytest.approx(1.0), 2)


def test_maximal_occurrences_only(case):
    report = evaluate(*case)
    # 'Kemal' in 'Mustafa Kemal Paşa' and in 'Yusuf  Kemal', 'Mustafa Kemal' in 'Mustafa Kemal Paşa',
    # 'Voroşilov' in 'Voroşilov Heyeti' (a not_persons string) and 'Kemalizm', 'Voroşilovlar'
    # (a letter follows) are no gold occurrences: 4 remain of 9 matches.
    assert report.row("persons", "mention fuzzy").counts["gold"] == 4
    kept = maximal([Occurrence("x", 0, 18, "a"), Occurrence("x", 8, 13, "a"), Occurrence("x", 0, 13, "a"),
                    Occurrence("x", 20, 25, "b"), Occurrence("x", 20, 25, "c"), Occurrence("x", 30, 35, "a")],
                   blockers=[("x", 30, 40)])
    assert kept == [Occurrence("x", 0, 18, "a"), Occurrence("x", 20, 25, "b"), Occurrence("x", 20, 25, "c")]


def test_a_given_name_inside_another_persons_name_is_no_occurrence():
    text = "Kemal'e selam. Ali Kemal Aksüt geldi. Kemal Paşa ve Gazi Kemal. Yusuf Kemal gitti."
    found = [(s, e) for s, e in find_all(name_pattern("Kemal"), text) if not inside_another_name(text, s, e)]
    kept = [text[max(s - 4, 0):e + 2] for s, e in found]
    assert kept == ["Kemal'e", "di. Kemal P", "azi Kemal. "]  # alone, before a title, after a title


def test_merge_accuracy_detects_a_node_holding_two_gold_persons(case):
    report = evaluate(*case)
    merge = report.row("persons", "merge")
    assert merge.accuracy == pytest.approx(1.0) and merge.counts == {"ok": 3, "total": 3}
    assert report.row("persons", "conflicting nodes").counts == {"nodes": 1}
    assert report.lists["persons: nodes holding several gold entities"] == [
        "Mustafa Kemal -> Mustafa Kemal Atatürk | Yusuf Kemal Tengirşek"]


def test_dates_spans_normalisation_and_negatives(case):
    report = evaluate(*case)
    # Gold: d1, d2 (split over lines 6-7), d3; predicted: d1 (right value), d2 (value 1933-11, wrong),
    # '2 0' (the negative d4).
    strict = report.row("dates", "mention strict")
    assert strict.counts == {"pred_ok": 2, "pred": 3, "gold_ok": 2, "gold": 3}
    found, every = report.row("dates", "normalisation (found)"), report.row("dates", "normalisation (all)")
    assert found.accuracy == pytest.approx(0.5) and every.accuracy == pytest.approx(1 / 3)
    assert report.row("dates", "non-date hits").counts == {"mentions": 1, "negatives": 1}
    assert report.lists["dates: missed gold dates"] == ["d3 '1920' = 1920"]


def test_treaty_recall_counts_names_only_and_places_are_derived_but_not_from_a_treaty_name(case):
    report = evaluate(*case)
    strict = report.row("treaties", "mention strict")
    # 'Moskova Antlaşması' (before the suffix '-nı') is the one name; 'dostluk anlaşması' is a
    # correct prediction but no name, so it counts for precision only.
    assert strict.counts == {"pred_ok": 2, "pred": 2, "gold_ok": 1, "gold": 1}
    assert report.row("treaties", "entity").recall == pytest.approx(1.0)
    places = report.row("places", "mention fuzzy")
    # Ankara found; Moskova occurs only as the first word of `Moskova Antlaşması`, no mention of the place
    assert places.precision is None and places.counts == {"gold_ok": 1, "gold": 1}
    assert report.lists["places: missed derived places"] == []
    assert report.lists["places: derived places with no occurrence in the text (not counted)"] == ["Moskova"]
    assert any("derived" in note for note in report.notes)


def test_place_names_are_the_leading_capitalised_words():
    assert place_name("Sivastopol (plan: İzmir Vapuru)") == "Sivastopol"
    assert place_name("Ankara'dan hareket, 21.50") == "Ankara"
    assert place_name("Pera Palace Oteli (İstanbul), 13.45") == "Pera Palace Oteli"
    assert place_name("Adalar ve Yalova") == "Adalar"
    assert place_name("Çanakkale Boğazı / Çanakkale") == "Çanakkale Boğazı"


def test_report_text_and_json(case):
    report = evaluate(*case)
    text = report.to_text(verbose=True)
    assert "persons" in text and "0.500" in text and "Ankara" in text
    data = json.loads(report.to_json())
    assert {"persons", "treaties", "dates", "places"} <= {row["type"] for row in data["rows"]}
    assert next(r for r in data["rows"] if r["level"] == "mention fuzzy")["precision"] == 0.667


def test_cli_prints_the_table_and_json(case):
    graph, gold = case
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), str(graph)])
    assert result.exit_code == 0, result.output
    assert "mention strict" in result.output
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), str(graph), "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["rows"]


@pytest.mark.parametrize("missing", ["gold", "graph"])
def test_cli_missing_input_is_one_line_exit_2(case, tmp_path, missing):
    graph, gold = case
    args = ["evaluate", "--gold", str(tmp_path / "nowhere" if missing == "gold" else gold),
            str(tmp_path / "nowhere.ttl" if missing == "graph" else graph)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_graph_the_gold_does_not_describe_is_one_line_saying_they_share_no_document(case, tmp_path):
    _, gold = case
    other = tmp_path / "out" / "other.ttl"
    write_graph(other, "texts/123_elsewhere.txt")
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), str(other)])
    assert result.exit_code == 2
    assert result.output == (f"histkg: error: the gold {gold} and the graph {other} share no document: "
                             "the gold describes files 000_*, the graph holds 123_elsewhere.txt\n")


def test_evaluate_help_has_an_example():
    result = CliRunner().invoke(main, ["evaluate", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.fixture(scope="module")
def seeds_graph(seeds_build, tmp_path_factory):
    """The seeds' graph: the session build's graph.ttl (written when it conforms), else its dataset."""
    from histkg.export.registry import export

    result, out = seeds_build
    graph = out / "graph.ttl"
    if not graph.is_file():
        graph = export(result.dataset, "turtle", tmp_path_factory.mktemp("seeds-graph") / "graph.ttl")
    return graph


def test_the_seeds_report(seeds_graph):
    report = evaluate(seeds_graph, GOLD)
    assert {row.type for row in report.rows} == {"persons", "treaties", "dates", "places", "treaty slots",
                                                  "visit slots", "visit legs"}
    for row in report.rows:
        for value in (row.precision, row.recall, row.f1, row.accuracy):
            assert value is None or 0.0 <= value <= 1.0, row
    assert report.row("persons", "mention fuzzy").counts["gold"] > 100
    assert report.row("dates", "mention fuzzy").counts["gold"] > 100


def test_the_seeds_event_slots_count_gumru_dates_by_source(seeds_graph):
    report = evaluate(seeds_graph, GOLD)
    dates = report.row("treaty slots", "date")
    assert dates.counts["total"] >= 4
    misses = report.lists["treaty slots: wrong or missing slots"]
    assert not any("Gümrü" in miss and miss.startswith("date") for miss in misses)
    stops = report.row("visit slots", "stops in order")
    assert 0 < stops.counts["ok"] <= stops.counts["total"]


def test_a_gold_treaty_named_by_a_common_noun_is_found_by_its_signing_date():
    from histkg.evaluate.events import treaty_node
    from histkg.evaluate.gold import Predictions

    graph, source = Graph(), URIRef(BASE + "source/000")
    for slug, label, day in [("t/peace", "barış (Gürcistan, 1920-05-07)", "1920-05-07"),
                             ("t/other", "Sovyet-İngiliz antlaşması", "1921-03-16")]:
        node, claim = URIRef(BASE + slug), URIRef(BASE + slug + "/claim")
        graph.add((node, RDF.type, HKG.Treaty))
        graph.add((node, SKOS.prefLabel, Literal(label)))
        for p, o in [(HKG.subject, node), (HKG.predicate, HKG.signedOn), (HKG.object, Literal(day)), (HKG.source, source)]:
            graph.add((claim, p, o))
    pred = Predictions({"000": ""}, {}, {}, {}, [], graph, {source: "000"})
    gold = {"canonical": "Sovyet Rusya-Gürcistan Barışı", "variants": ["barış"],
            "date_claims": [{"date": "1920-05-07", "kind": "signed", "file": "000"}]}
    assert treaty_node(graph, gold, pred) == URIRef(BASE + "t/peace")
