"""The review queue of a small hand-made graph: each reason, in order, with the sentence to read."""

from __future__ import annotations

import csv

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from histkg.cli import main
from histkg.curation.review import ReviewItem, review_queue, surname, write_csv

PREFIXES = """
@prefix hkg: <https://w3id.org/histkg/ontology#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix id: <https://w3id.org/histkg/id/> .
id:source\\/a a hkg:Source ; hkg:file "a.txt" .
"""


def named(path: str, kind: str, label: str, *sentences: str, extra: str = "") -> str:
    """A node with one evidence annotation per sentence (at offsets 10, 20, ...)."""
    lines = [f'<https://w3id.org/histkg/id/{path}> a hkg:{kind} ; skos:prefLabel "{label}"@tr {extra}.']
    for n, sentence in enumerate(sentences, 1):
        ann = f"<https://w3id.org/histkg/id/annotation/a/{path.replace('/', '-')}-{n}>"
        lines.append(f'<https://w3id.org/histkg/id/{path}> hkg:evidence {ann} .')
        lines.append(f'{ann} hkg:sentence "{sentence}" ; oa:hasTarget {ann[:-1]}/t> .')
        lines.append(f'{ann[:-1]}/t> oa:hasSource id:source\\/a ; oa:hasSelector {ann[:-1]}/p> .')
        lines.append(f'{ann[:-1]}/p> oa:start {n * 10} .')
    return "\n".join(lines)


def place(path: str, label: str, lat: float, long: float, *sentences: str) -> str:
    return named(path, "Place", label, *sentences, extra=f"; schema:latitude {lat} ; schema:longitude {long} ")


GRAPH = PREFIXES + "\n".join([
    place("place/ankara", "Ankara", 39.92, 32.85, "Ankara'ya geldi.", "Ankara'dan ayrıldı."),
    place("place/moskova", "Moskova", 55.75, 37.62, "Moskova'ya gitti.", "Moskova'da kaldı."),
    place("place/kars", "Kars", 40.60, 43.10, "Kars'ta imzalandı.", "Kars'a vardı."),
    place("place/toronto", "Toronto", 43.65, -79.38, "Londra ve Toronto 1922.", "Toronto baskısı."),
    named("person/budu-mdivani", "Person", "Budu Mdivani", "Budu Mdivani geldi.", "Budu Mdivani gitti."),
    named("person/simeon-mdivani", "Person", "Simeon Mdivani", "Simeon Mdivani itimatnamesini sundu."),
    named("person/enver-pasa", "Person", "Enver Paşa", "Enver Paşa Moskova'daydı.", "Enver Paşa döndü."),
    named("treaty/gumru-barisi", "Treaty", "Gümrü Barışı", "3 Aralık 1920 Gümrü Antlaşması.", "Gümrü Barışı.",
          extra='; hkg:signedOn "1920-12-02"^^xsd:date , "1920-12-03"^^xsd:date , "1920"^^xsd:gYear '),
    named("claim/c1", "Claim", "-", "Kars'ta bir dostluk antlaşması.",
          extra='; hkg:subject <https://w3id.org/histkg/id/treaty/gumru-barisi> ; hkg:predicate hkg:signedAt ; '
                'hkg:object <https://w3id.org/histkg/id/place/kars> ; hkg:inference "named after the city" '),
    named("claim/c2", "Claim", "-", "2 Aralık 1920 pazartesi.",
          extra='; hkg:subject <https://w3id.org/histkg/id/treaty/gumru-barisi> ; hkg:predicate hkg:signedOn ; '
                'hkg:object "1920-12-02"^^xsd:date ; hkg:problem "the text says pazartesi, a Thursday" '),
])


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.load(GRAPH, format=ox.RdfFormat.TURTLE)
    return store


def test_the_queue_puts_conflicts_first_then_far_places_same_surnames_inferences_and_single_mentions(store):
    # conflicts: dates sources disagree on, and values that cannot be right
    assert [(item.reason, item.id) for item in review_queue(store)] == [
        ("conflicting dates", "treaty/gumru-barisi"),
        ("impossible value", "treaty/gumru-barisi"),
        ("far place", "place/toronto"),
        ("same surname", "person/budu-mdivani"),
        ("same surname", "person/simeon-mdivani"),
        ("inferred fact", "treaty/gumru-barisi"),
        ("one mention", "person/simeon-mdivani"),
    ]


def test_each_item_says_what_to_look_at_and_where(store):
    conflict, impossible, far, budu, _, inferred, once = review_queue(store)
    assert conflict == ReviewItem("conflicting dates", "treaty/gumru-barisi", "Gümrü Barışı",
                                  "hkg:signedOn 1920-12-02 and 1920-12-03", "a.txt", "3 Aralık 1920 Gümrü Antlaşması.")
    assert impossible.detail == "hkg:signedOn 1920-12-02: the text says pazartesi, a Thursday"
    assert impossible.sentence == "2 Aralık 1920 pazartesi."
    assert far.detail.endswith("km from the middle of the 4 places a.txt names")
    assert int(far.detail.split()[0]) > 8000
    assert budu.detail == "surname Mdivani, as Simeon Mdivani"
    assert inferred.detail == "hkg:signedAt Kars: named after the city"
    assert inferred.sentence == "Kars'ta bir dostluk antlaşması."
    assert once.sentence == "Simeon Mdivani itimatnamesini sundu."


@pytest.mark.parametrize("label, expected", [
    ("Budu Mdivani", "Mdivani"), ("Ali Fuad (Cebesoy) Paşa", "Cebesoy"), ("Enver Paşa", None),
    ("Dr. Rıza Nur", "Nur"), ("Stalin", None), ("S. İ. Aralov", None)])
def test_a_surname_is_the_last_word_of_a_name_titles_and_initials_aside(label, expected):
    assert surname(label) == expected


def test_write_csv_writes_a_header_and_one_ranked_row_per_item(store, tmp_path):
    path = write_csv(review_queue(store), tmp_path / "review.csv")
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["rank", "reason", "id", "label", "detail", "file", "sentence"]
    assert [row[:3] for row in rows[1:4]] == [["1", "conflicting dates", "treaty/gumru-barisi"],
                                               ["2", "impossible value", "treaty/gumru-barisi"],
                                               ["3", "far place", "place/toronto"]]
    assert len(rows) == 8


def test_histkg_review_writes_the_queue_of_a_built_graph(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(graph), "--csv", str(tmp_path / "review.csv")])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / 'review.csv'}: 7 items to review\n"
    missing = CliRunner().invoke(main, ["review", str(tmp_path / "none.ttl"), "--csv", str(tmp_path / "r.csv")])
    assert missing.exit_code == 2 and missing.output.startswith("histkg: error: no such graph file")


def test_histkg_review_says_in_one_line_when_it_cannot_write_the_csv(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(graph), "--csv", str(tmp_path / "taken" / "review.csv")])
    assert result.exit_code == 2
    assert result.output.startswith(f"histkg: error: cannot write {tmp_path / 'taken' / 'review.csv'}: ")
    assert result.output.count("\n") == 1
