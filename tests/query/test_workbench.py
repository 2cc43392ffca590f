"""The historians' workbench over the seeds' graph: entity pages and their content negotiation,
the source reader, lists and search, map, timeline and network, as HTTP answers.

Each server is `histkg serve` started as a user would (tests/servers.py); the browser tests
(test_browser.py) drive the same pages in Chromium.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib
from servers import running_server

from histkg.query.sparql import QUERY_PREFIXES, open_store

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/histkg/id/"
VOROSILOV = "/id/person/kliment-vorosilov"
GUMRU = "/id/treaty/gumru-barisi"
JOURNEY = "/id/visit/kliment-vorosilov-turkiye-1933"


@pytest.fixture(scope="module")
def store(seeds_build):
    return open_store(seeds_build[1] / "graph.trig")


@dataclass
class Answer:
    status_code: int
    headers: dict[str, str]
    text: str


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """GET requests to a running server, answers as status, headers (lower-case names) and text."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def get(self, path: str, headers: dict | None = None, follow_redirects: bool = True) -> Answer:
        opener = urllib.request.build_opener(*([] if follow_redirects else [NoRedirect]))
        request = urllib.request.Request(self.url + urllib.parse.quote(path, safe="/?&=#%"), headers=headers or {})
        try:
            with opener.open(request, timeout=30) as response:
                return Answer(response.status, {k.lower(): v for k, v in response.headers.items()},
                              response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read().decode("utf-8"))


@pytest.fixture(scope="module")
def client(seeds_build):
    with running_server(seeds_build[1] / "graph.trig", "--sources", str(ROOT)) as server:
        yield Client(server.url)


def select(store, query: str) -> list[dict]:
    return [{variable.value: solution[variable.value] for variable in solutions.variables}
            for solutions in [store.query(query, prefixes=QUERY_PREFIXES)] for solution in solutions]


class Page(HTMLParser):
    """Links, marks and text of a page, to check what it shows."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.marks: list[str] = []
        self.sources: list[str] = []  # src and href of scripts and style sheets
        self.ids: set[str] = set()
        self._open: list[list] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "script" and attrs.get("src"):
            self.sources.append(attrs["src"])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.sources.append(attrs["href"])
        if tag in {"a", "mark"}:
            self._open.append([tag, attrs.get("href", ""), ""])

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                name, href, text = self._open.pop(index)
                (self.links.append((href, text)) if name == "a" else self.marks.append(text))
                break

    def handle_data(self, data):
        self.text += data
        for entry in self._open:
            entry[2] += data


def page(client, path: str) -> Page:
    response = client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return Page(response.text)


# --- entity pages ------------------------------------------------------------------------


def test_a_person_page_gives_names_links_facts_and_quoted_sentences(client):
    shown = page(client, VOROSILOV)
    assert "Kliment Voroşilov" in shown.text and "Vorolişoff" in shown.text  # the preferred and another name
    assert ("http://www.wikidata.org/entity/Q153434", "Wikidata Q153434") in shown.links
    assert ("/id/visit/kliment-vorosilov-turkiye-1933", "Kliment Voroşilov → Türkiye (1933)") in shown.links
    assert re.search(r"led\s+Kliment Voroşilov → Türkiye \(1933\)", shown.text)
    assert "Voroşilov" in shown.marks  # the words of a quoted sentence that name him
    readers = [href for href, _ in shown.links if href.startswith("/source/")]
    assert any(re.fullmatch(r"/source/000_59a8525e37afcabc\?start=\d+&end=\d+#quote", href) for href in readers)


def test_every_sentence_that_names_a_person_is_on_the_page(client, store):
    annotations = select(store, f"SELECT ?a WHERE {{ <{ID}person/kliment-vorosilov> hkg:evidence ?a }}")
    shown = page(client, VOROSILOV)
    quoted = {href for href, _ in shown.links if "?start=" in href}
    assert len(annotations) == 35
    for row in annotations:
        start, end = row["a"].value.rsplit("/", 1)[-1].split("-")
        assert f"/source/000_59a8525e37afcabc?start={start}&end={end}#quote" in quoted


def test_a_treaty_page_shows_the_sources_disagreeing_side_by_side(client):
    response = client.get(GUMRU)
    conflicts = response.text.split('class="conflicts"')[1].split("</section>")[0]
    versions = conflicts.split('class="version"')[1:]
    assert len(versions) == 2
    assert "2 December 1920" in versions[0] and "according to <a href=\"/source/004_" in versions[0]
    assert "3 December 1920" in versions[1] and "according to <a href=\"/source/000_" in versions[1]
    assert all(re.search(rf'data-claim="{ID}claim/[0-9a-f]+"', version) for version in versions)
    assert re.search(r"signed at\s*<a href=\"/id/place/gumru\">Gümrü</a>", response.text)


def test_a_journey_page_lists_its_stops_in_order_with_a_link_to_the_map(client):
    response = client.get(JOURNEY)
    itinerary = response.text.split('class="itinerary"')[1].split("</section>")[0]
    stops = re.findall(r'<li value="(\d+)"><p class="fact"><a href="[^"]+">([^<]+)</a>', itinerary)
    assert [int(order) for order, _ in stops] == sorted(int(order) for order, _ in stops)
    assert stops[0][1] == "Sivastopol" and stops[-1][1] == "Moskova" and ("12", "Ankara") in stops
    shown = Page(response.text)
    assert ("/map?journey=/id/visit/kliment-vorosilov-turkiye-1933", "on the map") in shown.links


def test_a_place_page_says_which_journeys_stop_there(client):
    shown = page(client, "/id/place/kayseri")
    assert re.search(r"Kliment Voroşilov → Türkiye \(1933\)\s*stopped here "
                     r"\(stop 16 on 29 October 1933 or 30 November 1933\)", shown.text)


def test_a_source_entity_path_opens_the_reader(client):
    response = client.get("/id/source/000_59a8525e37afcabc", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/source/000_59a8525e37afcabc"


def test_a_node_outside_the_catalog_shows_its_triples(client, store):
    claim = select(store, f"SELECT ?c WHERE {{ ?c hkg:subject <{ID}treaty/gumru-barisi> ; "
                          "hkg:predicate hkg:signedAt } LIMIT 1")[0]["c"].value
    shown = page(client, claim.replace(ID, "/id/"))
    assert ("/id/treaty/gumru-barisi", "Gümrü Barışı") in shown.links and "hkg:signedAt" in shown.text


@pytest.mark.parametrize("path", ["/id/person/a%3E%20b", "/id/person/a%22b", "/id/%7Bx%7D"])
def test_a_path_that_makes_no_iri_is_404_and_never_reaches_the_query(client, path):
    assert client.get(path).status_code == 404
    assert client.get(path, headers={"Accept": "text/turtle"}).status_code == 404


def test_an_unknown_entity_is_404(client):
    assert client.get("/id/person/nobody-at-all").status_code == 404
    assert client.get("/id/person/nobody-at-all", headers={"Accept": "text/turtle"}).status_code == 404


# --- content negotiation -----------------------------------------------------------------


@pytest.mark.parametrize(("accept", "media", "rdflib_format"), [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
])
def test_the_entity_path_gives_its_triples_to_a_linked_data_client(client, accept, media, rdflib_format):
    response = client.get(VOROSILOV, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(data=response.text, format=rdflib_format)
    person = rdflib.URIRef(ID + "person/kliment-vorosilov")
    assert graph.value(person, rdflib.SKOS.prefLabel) == rdflib.Literal("Kliment Voroşilov", lang="tr")
    assert (person, rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q153434")) in graph
    assert all(person in (subject, obj) for subject, _, obj in graph)  # its triples, both ways, nothing else


def test_a_browser_gets_the_page_and_a_link_can_ask_for_turtle(client):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get(VOROSILOV, headers={"Accept": browser}).headers["content-type"].startswith("text/html")
    assert client.get(VOROSILOV + "?format=turtle").headers["content-type"].startswith("text/turtle")


# --- the source reader -------------------------------------------------------------------


def test_the_reader_marks_exactly_the_quoted_characters_and_links_every_mention(client):
    original = (ROOT / "seeds" / "000_59a8525e37afcabc.txt").read_text(encoding="utf-8-sig")
    response = client.get("/source/000_59a8525e37afcabc?start=30463&end=30493")
    shown = Page(response.text)
    assert shown.marks == [original[30463:30493]] == ["Kliment  Yefromoviç  Voroşilov"]
    assert "quote" in shown.ids
    assert ("/id/person/kliment-vorosilov", "Voroşilov") in shown.links
    assert ("/id/place/ankara", "Ankara") in shown.links


def test_the_reader_shows_every_character_of_the_file_once_body_and_footnotes_apart(client):
    original = (ROOT / "seeds" / "004_8291bc0ffa594f53.txt").read_text(encoding="utf-8-sig")
    response = client.get("/source/004_8291bc0ffa594f53")
    text = Page(response.text.split('<div class="text">')[1].split("\n</article>")[0]).text
    assert text == original
    assert 'class="block footnote"' in response.text and 'class="block body"' in response.text


def test_a_reader_without_the_files_says_where_it_looked(seeds_build, tmp_path):
    with running_server(seeds_build[1] / "graph.trig", "--sources", str(tmp_path)) as server:
        response = Client(server.url).get("/source/000_59a8525e37afcabc")
    assert response.status_code == 404 and "--sources" in response.text and str(tmp_path) in response.text


# --- browse and search -------------------------------------------------------------------


def test_the_home_page_counts_what_the_graph_holds(client, store):
    persons = select(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a hkg:Person }")[0]["n"].value
    shown = page(client, "/")
    assert re.search(rf"{persons}\s+Persons", shown.text)
    assert ("/source/000_59a8525e37afcabc", "Turkey Visit of Kliment Yefromoviç Voroşilov and Contribution To The "
            "Affairs of Turkey-Soviet Russia") in shown.links


@pytest.mark.parametrize("words", ["vorosilov", "VOROŞİLOV", "Varoşilov", "kliment voro"])
def test_search_finds_a_person_by_any_spelling_without_diacritics(client, words):
    shown = page(client, f"/search?q={words}")
    assert shown.links[[href for href, _ in shown.links].index(VOROSILOV)][1] == "Kliment Voroşilov"
    first_result = [href for href, _ in shown.links if href.startswith("/id/")][0]
    assert first_result == VOROSILOV


def test_a_list_filters_by_role_source_and_years(client):
    authors = page(client, "/browse/person?role=cited_author")
    actors = page(client, "/browse/person?role=actor")
    assert ("/id/person/l-c-dunsterville", "L. C. Dunsterville") in authors.links
    assert VOROSILOV not in dict(authors.links) and VOROSILOV in dict(actors.links)
    only_004 = dict(page(client, "/browse/person?source=004_8291bc0ffa594f53").links)
    assert "/id/person/kurt-ziemke" in only_004 and VOROSILOV not in only_004
    treaties_1920 = dict(page(client, "/browse/treaty?from=1920&to=1920").links)
    assert GUMRU in treaties_1920 and "/id/treaty/kars-anlasmasi" not in treaties_1920


# --- map, timeline, network --------------------------------------------------------------


def test_the_map_draws_a_journey_through_its_stops_in_order(client):
    response = client.get(f"/map?journey={JOURNEY}")
    selected = response.text.split('id="selected-route"')[1].split("</g>")[0]
    points = re.search(r'class="route chosen" points="([^"]+)"', selected).group(1).split()
    labels = re.findall(r"<text[^>]*>(\d+)\. ([^<(]+)", selected)
    assert [int(order) for order, _ in labels] == sorted(int(order) for order, _ in labels)
    assert [name.strip() for _, name in labels][:3] == ["Sivastopol", "İstanbul", "Boğaz"]
    assert labels[-1][1].strip() == "Moskova" and len(points) >= 15
    assert response.text.count("<path d=") > 20  # country outlines from world-atlas (installed by make run)


def test_the_map_places_link_to_their_pages(client):
    shown = page(client, "/map")
    assert "/id/place/ankara" in dict(shown.links) and "/id/visit/kliment-vorosilov-turkiye-1933" in dict(shown.links)


def test_the_timeline_places_the_gumru_treaty_between_its_bounds(client):
    response = client.get("/timeline?kind=treaty&from=1920&to=1921")
    bar = re.search(r'<a href="/id/treaty/gumru-barisi"[^>]*>\s*<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"',
                    response.text)
    assert bar, "no bar for the Gümrü treaty"
    assert "2 December 1920 – 3 December 1920" in response.text
    year_width = 900 / 2
    assert 0.9 * year_width < float(bar.group(1)) < year_width  # December of the first year
    assert "/id/visit/" not in response.text  # journeys left out by the filter


def test_the_timeline_filters_by_name_and_source(client):
    assert "/id/treaty/gumru-barisi" in client.get("/timeline?name=gumru").text
    assert "/id/treaty/kars-anlasmasi" not in client.get("/timeline?name=gumru").text


def test_the_network_links_persons_with_weights_and_filters_them(client):
    all_links = client.get("/network?min=1").text
    strong = client.get("/network?min=3").text
    weights = [int(weight) for weight in re.findall(r": weight (\d+) \(", strong)]
    assert weights and min(weights) >= 3
    assert len(re.findall(r": weight \d+ \(", all_links)) > len(weights)
    assert re.search(r"İsmet Paşa – Kliment Voroşilov: weight 8 \(6 sentences, 2 events\)", all_links)
    assert f'<a href="{VOROSILOV}" class="person actor">' in strong


def test_the_network_of_one_source_counts_only_its_sentences(client):
    only_000 = client.get("/network?min=1&source=000_59a8525e37afcabc").text
    assert "Kurt Ziemke" not in only_000  # named in 004 alone
    assert "Kliment Voroşilov" in only_000


# --- the console and the pages' safety ---------------------------------------------------


def test_the_console_declares_the_common_prefixes(client):
    shown = page(client, "/query")
    for prefix in ("hkg", "skos", "oa", "owl", "rdfs", "xsd", "schema", "dcterms", "prov"):
        assert f"PREFIX {prefix}: <{QUERY_PREFIXES[prefix]}>" in shown.text


@pytest.mark.parametrize("path", ["/", "/browse/place", "/search?q=ankara", VOROSILOV, "/source/000_59a8525e37afcabc",
                                  "/map", "/timeline", "/network", "/query", "/review"])
def test_every_page_loads_scripts_and_styles_from_this_server_only(client, path):
    response = client.get(path)
    shown = Page(response.text)
    assert shown.sources and all(source.startswith("/static/") for source in shown.sources)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "http" not in policy
    assert "<script>" not in response.text and " style=" not in response.text  # nothing inline for the policy to block
    for source in shown.sources:
        assert client.get(source).status_code == 200


def test_markup_in_a_search_is_shown_as_text(client):
    response = client.get('/search?q=<img src=x onerror=alert(1)>')
    assert "<img src=x" not in response.text and "&lt;img src=x onerror=alert(1)&gt;" in response.text


def test_static_files_are_only_those_of_the_package(client):
    assert client.get("/static/site.css").status_code == 200
    assert client.get("/static/..%2Fserve.py").status_code == 404
    assert client.get("/static/missing.js").status_code == 404


def test_queries_json_still_answers_beside_the_pages(client):
    assert json.loads(client.get("/queries").text)


# --- the parts, on small inputs ----------------------------------------------------------


def test_topojson_arcs_decode_into_rings_and_a_negative_index_reverses_an_arc():
    from histkg.query.workbench.atlas import decode_arcs, geometry_rings

    topology = {"transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
                "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, -4]]]}
    arcs = decode_arcs(topology)
    assert arcs[0] == [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]  # deltas summed, then scaled and moved
    [ring] = geometry_rings({"type": "Polygon", "arcs": [[0, 1]]}, arcs)
    assert ring == ((10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 20.0))
    [reversed_ring] = geometry_rings({"type": "Polygon", "arcs": [[~1]]}, arcs)
    assert reversed_ring == ((10.0, 20.0), (11.0, 21.0))


def test_the_packaged_atlas_holds_turkey():
    from histkg.query.workbench.atlas import find_atlas, load_countries

    atlas = find_atlas()
    assert atlas is not None, "world-atlas is missing: make run installs it (npm ci)"
    turkey = next(country for country in load_countries(atlas) if country.name == "Turkey")
    west, south, east, north = turkey.bounds()
    assert 25 < west < 27 and 35 < south < 37 and 44 < east < 45.5 and 41.5 < north < 42.5


@pytest.mark.parametrize(("value", "said"), [("1921-03-16", "16 March 1921"), ("1921-03", "March 1921"),
                                            ("1921", "1921"), ("not a date", "not a date")])
def test_dates_read_as_a_person_says_them(value, said):
    from histkg.query.workbench.graph import readable_date

    assert readable_date(value) == said


def test_a_stop_with_two_dates_shows_both_in_time_order():
    from histkg.query.workbench.graph import readable_dates

    assert readable_dates("1933-11-30 1933-10-29") == "29 October 1933 or 30 November 1933"
    assert readable_dates("") == ""


def test_the_map_gives_every_date_a_stop_has(client):
    kayseri = re.search(r"16\. Kayseri \(([^)]*)\)", client.get(f"/map?journey={JOURNEY}").text)
    assert kayseri.group(1) == "29 October 1933 or 30 November 1933"  # 30 Kasım pazartesi: kept, with its problem


def test_a_quote_is_found_in_its_sentence_even_when_the_ocr_split_it():
    from histkg.query.workbench.evidence import split_at_quote

    assert split_at_quote("Voroşilov Ankara'ya geldi.", "Ankara") == ("Voroşilov ", "Ankara", "'ya geldi.")
    assert split_at_quote("Voroşilov geldi.", "Voroş i lov") == ("", "Voroşilov", " geldi.")
    assert split_at_quote("Başka bir cümle.", "Ankara") == ("Başka bir cümle.", "", "")


def test_serve_with_a_missing_sources_folder_is_a_one_line_error(seeds_build, tmp_path):
    from click.testing import CliRunner

    from histkg.cli import main

    result = CliRunner().invoke(main, ["serve", str(seeds_build[1] / "graph.trig"), "--sources",
                                       str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and result.output.startswith("histkg: error: --sources")
    assert len(result.output.strip().splitlines()) == 1


def test_a_much_named_entity_lists_its_first_sentences_and_all_on_request(store, monkeypatch):
    from histkg.query.workbench import entity_page
    from histkg.query.workbench.catalog import Catalog
    from histkg.query.workbench.graph import Graph
    from histkg.query.workbench.sentences import Sentences

    graph = Graph(store)
    catalog = Catalog(graph)
    sentences = Sentences(graph, catalog)
    vorosilov = catalog.get(ID + "person/kliment-vorosilov")
    monkeypatch.setattr(entity_page, "MENTIONS_SHOWN", 5)
    cut = entity_page.gather(graph, catalog, sentences, vorosilov)
    whole = entity_page.gather(graph, catalog, sentences, vorosilov, all_mentions=True)
    first_five = [evidence.start for evidence in whole.mentions[ID + "source/000_59a8525e37afcabc"][:5]]
    assert [evidence.start for evidence in cut.mentions[ID + "source/000_59a8525e37afcabc"]] == first_five
    assert cut.mentions_left_out == 30 and cut.mention_count == whole.mention_count == 35


def test_a_source_is_named_by_its_number_unless_another_source_shares_it():
    from histkg.query.workbench.app import short_source_names
    from histkg.query.workbench.catalog import KIND_BY_NAME, Entity

    def source(file: str) -> Entity:
        return Entity(ID + "source/" + Path(file).stem, KIND_BY_NAME["source"], file, file=file)

    sources = [source("seeds/004_8291bc0ffa594f53.txt"), source("copies/000_59a8-copy000.txt"),
               source("copies/000_59a8-copy001.txt"), source("notes.txt")]
    assert list(short_source_names(sources).values()) == ["004", "000_59a8-copy000", "000_59a8-copy001", "notes"]
