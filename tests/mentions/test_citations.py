"""Works cited in footnotes: who wrote, translated or edited what, where and when."""

from __future__ import annotations

from pathlib import Path

from histkg.mentions.citations import pages_of, place_and_year, title_of
from histkg.pipeline import extract_document
from histkg.text.corpus import load_corpus


def works_of(text: str, tmp_path: Path, nlp):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = load_corpus([path])
    return extract_document(document, nlp).works


def test_place_and_year_skip_years_of_the_title_and_month_names():
    text = "Moskova Görüşmeleri (26 Eylül 1939-16 Ekim 1939), Ankara, 1983, s.9."
    assert place_and_year(text) == ("Ankara", 1983)
    assert place_and_year("The Foreign Politics, New York 1924, s. 217") == ("New York", 1924)


def test_title_is_the_text_after_the_authors_up_to_the_next_comma_or_quote():
    assert title_of(", Avrupa'nın Siyasi Tarihi (1815-1919), İstanbul") == "Avrupa'nın Siyasi Tarihi"
    assert title_of(", “Der Weg zur Freundschaft”, Die Welt") == "Der Weg zur Freundschaft"


def test_pages():
    assert pages_of("İstanbul, 1992, s.66-67.") == "66-67"
    assert pages_of("İstanbul, 1992") is None


def test_a_footnote_reference_gives_a_work_with_author_translator_place_year_pages(tmp_path, nlp):
    text = ("Heyet Ankara'ya geldi.1\n\n"
            "1 Nurettin Sami Yalçınkaya, Kafkas Cephesinde Bir Yıl, (Çvr. Hüsnü Ali Tekin), İzmir, 1951, s.88.\n")
    (work,) = works_of(text, tmp_path, nlp)
    assert work.title == "Kafkas Cephesinde Bir Yıl"
    assert (work.place, work.year, work.pages) == ("İzmir", 1951, "88")
    assert [(part, mention.text) for part, mention in work.credits] == [
        ("author", "Nurettin Sami Yalçınkaya"), ("translator", "Hüsnü Ali Tekin")]


def test_seed_persons_are_marked_actors_or_cited_authors(seeds_build):
    from rdflib.namespace import SKOS

    from histkg.export.registry import as_graph
    from histkg.rdf.namespaces import HKG

    result, _ = seeds_build
    graph = as_graph(result.dataset)
    role = {str(graph.value(p, SKOS.prefLabel)): str(r) for p, r in graph.subject_objects(HKG.narrativeRole)}
    assert role["Kliment Voroşilov"] == "actor"  # the authority file's label
    assert role["Edmond Rossier"] == "cited_author"
    works = list(graph.subjects(None, HKG.CitedWork))
    assert len(works) > 20
