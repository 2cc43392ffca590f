"""The workbench and the SPARQL console in a real browser: headless Chromium driven by Playwright.

Playwright drives Debian's own Chromium (`executable_path`), so nothing is
downloaded: never run `playwright install`. `make test` installs Debian's
chromium when it is missing. Without Chromium the tests skip and say how to
install it, except in CI (CI=true), where they fail: a browser test skipped
there would hide a broken page. HISTKG_CHROMIUM names another Chromium binary.
Each workbench test leaves a screenshot in the pytest temporary folder
`screenshots*/` (and in $HISTKG_SCREENSHOTS when set: `docs/` uses them).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from servers import running_server

from histkg.curation.entries import load_curation
from histkg.pipeline import build
from histkg.query.sparql import QUERY_PREFIXES, catalogue, open_store

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'")

CHROMIUM = os.environ.get("HISTKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not IN_CI,
    reason="no Chromium on this machine: `apt-get install chromium` (Debian) to run the browser tests")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def page_url(seeds_build):
    _, out = seeds_build
    with running_server(out / "graph.ttl", "--sources", str(ROOT)) as server:
        yield server.url


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> list[Path]:
    """Folders a screenshot goes to: the test's own output, and $HISTKG_SCREENSHOTS when set."""
    folders = [tmp_path_factory.mktemp("screenshots")]
    if os.environ.get("HISTKG_SCREENSHOTS"):
        folders.append(Path(os.environ["HISTKG_SCREENSHOTS"]))
        folders[-1].mkdir(parents=True, exist_ok=True)
    return folders


def screenshot(tab, shots: list[Path], name: str) -> Path:
    for folder in shots:
        tab.screenshot(path=str(folder / f"{name}.png"))
    return shots[0] / f"{name}.png"


@pytest.fixture
def browser_tab(page_url):
    """A Chromium tab at the server; fails the test on any script error or console error (a CSP block is one)."""
    assert CHROMIUM, "no Chromium in CI: `make test` installs Debian's chromium (apt-get install chromium)"
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 860}, accept_downloads=True)
            tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            tab.on("console", lambda message: message.type == "error" and not expected_failure(message.text)
                   and problems.append(message.text))
            tab.on("response", lambda response: response.status == 404 and problems.append(f"404 {response.url}"))
            yield tab
        finally:
            browser.close()
    assert problems == []


@pytest.fixture
def page(browser_tab, page_url):
    """The SPARQL console, opened."""
    browser_tab.goto(page_url + "query")
    return browser_tab


def expected_failure(text: str) -> bool:
    """Chromium logs every HTTP error status; a query's 4xx or 5xx is one the page shows. 404s are checked apart."""
    return text.startswith("Failed to load resource: the server responded with a status of")


def run_and_wait(page) -> None:
    page.get_by_role("button", name="Run").click()  # the click handler disables Run before it fetches
    sync_api.expect(page.get_by_role("button", name="Run")).to_be_enabled()


def test_a_named_query_fills_the_box_runs_and_shows_rows(page, shots):
    options = page.locator("#named option")
    sync_api.expect(options).to_have_count(len(catalogue()) + 1)
    page.get_by_label("Named query").select_option("treaties")
    assert page.get_by_label("SPARQL query").input_value() == catalogue()["treaties"].text
    sync_api.expect(page.locator("#description")).to_contain_text("Treaties")
    run_and_wait(page)
    rows = page.locator("#results tbody tr")
    assert rows.count() > 0
    sync_api.expect(page.get_by_role("status")).to_contain_text(f"{rows.count()} row")
    headers = page.locator("#results thead th").all_inner_texts()
    assert headers[1:] == ["name", "signedOn", "signedAt", "signatories", "parties", "treaty"]
    link = page.locator("#results tbody a[href^='/id/treaty/']").first
    sync_api.expect(link).not_to_have_text(re.compile(r"^id:"))  # the treaty's label, once the labels came
    assert link.get_attribute("title").startswith("https://w3id.org/histkg/id/treaty/")
    assert page.locator("#error").inner_text() == ""
    screenshot(page, shots, "sparql")


def test_cells_read_as_values_with_the_datatype_on_hover(page):
    page.get_by_label("SPARQL query").fill(
        'SELECT ?date WHERE { <https://w3id.org/histkg/id/treaty/gumru-barisi> hkg:signedOn ?date } ORDER BY ?date')
    run_and_wait(page)
    first = page.locator("#results tbody td span.value").first
    assert first.inner_text() == "1920-12-02"
    assert first.get_attribute("title") == "datatype: xsd:date"


def test_a_result_downloads_as_csv(page):
    page.get_by_label("SPARQL query").fill("SELECT ?name WHERE { ?t a hkg:Treaty ; skos:prefLabel ?name } "
                                           "ORDER BY ?name LIMIT 3")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "name" and len(lines) == 4


def test_keyboard_alone_runs_a_query(page):
    page.get_by_label("SPARQL query").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("ASK { ?s ?p ?o }")
    page.keyboard.press("Control+Enter")
    sync_api.expect(page.get_by_role("status")).to_contain_text("ASK: yes")


def test_a_bad_query_shows_the_servers_message(page):
    page.get_by_label("SPARQL query").fill("SELECT ?x WHERE { ?x ?y }")
    run_and_wait(page)
    sync_api.expect(page.get_by_role("alert")).to_contain_text("Error 400: bad query")
    assert page.locator("#results tbody tr").count() == 0


def test_values_from_the_graph_are_text_never_markup(page):
    markup = '<img src=x onerror="document.title=1">'
    page.get_by_label("SPARQL query").fill(f"SELECT ?v ?iri WHERE {{ BIND('{markup}' AS ?v) "
                                           "BIND(IRI('javascript:alert(1)') AS ?iri) }")
    run_and_wait(page)
    cells = page.locator("#results tbody td")
    assert cells.nth(1).inner_text() == markup
    assert page.locator("#results img").count() == 0
    assert page.locator("#results a").count() == 0  # a javascript: IRI is shown, never linked
    assert cells.nth(2).inner_text() == "javascript:alert(1)"


# --- the workbench: what a historian does, with a screenshot of each view ----------------


def test_home_search_person_evidence_and_reader(browser_tab, page_url, shots):
    tab = browser_tab
    tab.goto(page_url)
    sync_api.expect(tab.get_by_role("heading", name="What the graph holds")).to_be_visible()
    sync_api.expect(tab.locator("ul.counts")).to_contain_text("Persons")
    screenshot(tab, shots, "home")

    tab.get_by_label("Search persons, places, organizations, treaties and journeys").fill("vorosilov")
    tab.get_by_role("button", name="Search").click()
    first = tab.locator("#results tbody tr").first
    sync_api.expect(first).to_contain_text("Kliment Voroşilov")
    screenshot(tab, shots, "search")

    first.get_by_role("link", name="Kliment Voroşilov").click()
    tab.wait_for_url("**/id/person/kliment-vorosilov")
    sync_api.expect(tab.get_by_role("heading", level=1)).to_have_text("Kliment Voroşilov")
    sync_api.expect(tab.locator(".takes-part")).to_contain_text("led Kliment Voroşilov → Türkiye (1933)")
    screenshot(tab, shots, "person")

    evidence = tab.locator(".mentions a.evidence").first
    quoted = evidence.locator("xpath=preceding-sibling::q[1]/mark").inner_text()
    evidence.click()
    tab.wait_for_url(re.compile(r"/source/000_59a8525e37afcabc\?start=\d+&end=\d+#quote$"))
    mark = tab.locator("mark#quote")
    sync_api.expect(mark).to_be_in_viewport()
    assert " ".join(mark.inner_text().split()) == " ".join(quoted.split())
    screenshot(tab, shots, "reader")


def test_the_map_draws_the_vorosilov_route(browser_tab, page_url, shots):
    tab = browser_tab
    tab.goto(page_url + "map")
    tab.get_by_label("Journey", exact=True).select_option(label="Kliment Voroşilov → Türkiye (1933) (25 stops)")
    tab.get_by_role("button", name="Show").click()
    route = tab.locator("#selected-route polyline.route.chosen")
    sync_api.expect(route).to_be_visible()
    box = route.bounding_box()
    assert box["width"] > 200 and box["height"] > 200  # drawn across the map, not a dot
    labels = tab.locator("#selected-route text").all_text_contents()
    assert labels[0].startswith("1. Sivastopol") and labels[-1].startswith("33. Moskova")
    assert tab.locator(".countries path").count() > 20
    sync_api.expect(tab.locator("#stops")).to_contain_text("Ankara, 26 October 1933")
    screenshot(tab, shots, "map")


def test_the_timeline_shows_the_gumru_treaty(browser_tab, page_url, shots):
    tab = browser_tab
    tab.goto(page_url + "timeline?from=1919&to=1923")
    gumru = tab.locator('#timeline a.event[data-label="Gümrü Barışı"]')
    sync_api.expect(gumru).to_be_visible()
    sync_api.expect(gumru).to_contain_text("2 December 1920 – 3 December 1920")
    screenshot(tab, shots, "timeline")
    gumru.locator("rect").click()
    tab.wait_for_url("**/id/treaty/gumru-barisi")
    sync_api.expect(tab.locator(".conflicts .version")).to_have_count(2)
    screenshot(tab, shots, "treaty")


def test_the_network_links_persons_and_opens_a_person(browser_tab, page_url, shots):
    tab = browser_tab
    tab.goto(page_url + "network")
    sync_api.expect(tab.get_by_role("status")).to_contain_text("links of weight 2 or more")
    assert tab.locator("#network .links line").count() > 20
    screenshot(tab, shots, "network")
    tab.get_by_label("Minimum weight").fill("5")
    tab.get_by_role("button", name="Filter").click()
    sync_api.expect(tab.get_by_role("status")).to_contain_text("links of weight 5 or more")
    tab.locator('#network a[href="/id/person/kliment-vorosilov"] circle').click()
    tab.wait_for_url("**/id/person/kliment-vorosilov")


# --- correcting the graph from the pages, then rebuilding with the corrections ---------------

# Select the words in the reader as a drag of the mouse would: a space may stand for a line break.
SELECT_WORDS = r"""words => {
  const root = document.querySelector(".reader .text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  const escaped = words.split(" ").map(word => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const match = new RegExp(escaped.join("\\s+")).exec(text);
  const at = offset => {
    const [node, start] = nodes.findLast(([, start]) => start <= offset);
    return [node, offset - start];
  };
  getSelection().setBaseAndExtent(...at(match.index), ...at(match.index + match[0].length));
}"""
PACT_QUOTE = ("Sovyet Dışişleri Bakanı Çiçerin ile Türkiye Dışişleri Bakanı Dr. Tevfik Rüştü Bey "
              "arasında Paris'te")
CURATED_PARTIES = """SELECT ?party WHERE { ?claim a hkg:Claim ; hkg:curated true ; hkg:predicate hkg:party ;
    hkg:subject <https://w3id.org/histkg/id/treaty/turk-sovyet-pakti> ; hkg:object/skos:prefLabel ?party }"""


def pick(dialog, field: str, words: str, choice: str) -> None:
    """Type into an entity search box of a form and take the entity offered as `choice`."""
    dialog.get_by_label(field, exact=True).fill(words)
    dialog.get_by_role("button", name=choice, exact=True).click()


def test_merge_reject_and_assert_from_the_pages_then_rebuild_and_find_them(browser_tab, seeds_build, tmp_path, shots):
    tab, curation = browser_tab, tmp_path / "curation.toml"
    with running_server(seeds_build[1] / "graph.trig", "--sources", str(ROOT), "--curation", str(curation)) as server:
        # merge two persons, from one's page
        tab.goto(server.url + "id/person/ismet-pasa")
        tab.get_by_role("button", name="Merge with…").click()
        dialog = tab.get_by_role("dialog")
        pick(dialog, "The other", "inönü", "İsmet İnönü (person, person/ismet-inonu)")
        sync_api.expect(dialog.locator(".chosen")).to_have_text("Chosen: İsmet İnönü (person/ismet-inonu)")
        dialog.get_by_label("Keep the other one's id and label").check()
        dialog.get_by_label("Why").fill("İsmet Paşa took the surname İnönü in 1934")
        dialog.get_by_label("Your name").fill("Ayşe Yılmaz")
        dialog.get_by_role("button", name="Merge", exact=True).click()
        sync_api.expect(tab.locator(".changed")).to_contain_text("merge person/ismet-pasa into person/ismet-inonu")
        screenshot(tab, shots, "curation-merge")

        # reject a place, from the review queue
        tab.goto(server.url + "review?reason=one+mention&all=1")
        item = tab.locator('li[data-id="place/berna"]')
        sync_api.expect(item).to_contain_text("Berna Türkdoğan")
        screenshot(tab, shots, "review")
        item.get_by_role("button", name="Reject…").click()
        dialog = tab.get_by_role("dialog")
        sync_api.expect(dialog.get_by_label("Your name")).to_have_value("Ayşe Yılmaz")  # kept from the first form
        dialog.get_by_label("Why").fill("an editor's given name, no place")
        dialog.get_by_role("button", name="Reject", exact=True).click()
        sync_api.expect(tab.locator("aside.pending summary")).to_contain_text("2 corrections")

        # assert a fact, from words selected in the source reader opened from the treaty's page
        tab.goto(server.url + "id/treaty/turk-sovyet-pakti")
        tab.locator(".assert-links").get_by_role("link", name="000").click()
        tab.wait_for_url(re.compile(r"/source/000_59a8525e37afcabc\?assert=treaty/turk-sovyet-pakti$"))
        assert tab.get_by_role("button", name="Assert a fact from the selected words").is_disabled()
        tab.evaluate(SELECT_WORDS, PACT_QUOTE)
        tab.get_by_role("button", name="Assert a fact from the selected words").click()
        dialog = tab.get_by_role("dialog")
        sync_api.expect(dialog.locator("blockquote.selected-words")).to_have_text(PACT_QUOTE)
        subject = dialog.locator(".chosen").first
        sync_api.expect(subject).to_have_text("Chosen: Türk-Sovyet Paktı (treaty/turk-sovyet-pakti)")
        dialog.get_by_label("Property").select_option("hkg:signedOn")  # a date: the form asks a date
        sync_api.expect(dialog.get_by_label("Value: a date")).to_be_visible()
        dialog.get_by_label("Property").select_option("hkg:party")  # a party: the form asks an entity
        sync_api.expect(dialog.get_by_label("Value: a date")).to_be_hidden()
        soviet = "organization/sovyet-sosyalist-cumhuriyetler-birligi"  # not the place of the same name
        pick(dialog, "Value", "sovyet sosyalist", f"Sovyet Sosyalist Cumhuriyetler Birliği (organization, {soviet})")
        dialog.get_by_label("Why").fill("the Soviet side, whose foreign minister signed it")
        screenshot(tab, shots, "assert")
        dialog.get_by_role("button", name="Assert", exact=True).click()
        sync_api.expect(tab.locator("aside.pending summary")).to_contain_text("3 corrections")
        tab.goto("about:blank")  # nothing left to ask the server (a favicon) once it stops

    written = load_curation(curation).entries
    assert [(entry.kind, entry.fields.get("by")) for entry in written] == [
        ("merge", "Ayşe Yılmaz"), ("reject", "Ayşe Yılmaz"), ("assert", "Ayşe Yılmaz")]
    assert written[0]["keep"] == "person/ismet-inonu" and written[0].drops == ["person/ismet-pasa"]
    assert written[2]["quote"] == PACT_QUOTE and written[2]["source"] == "000_59a8525e37afcabc.txt"

    rebuilt = build([ROOT / "seeds"], tmp_path / "out", curation=curation)
    assert rebuilt.curation_problems == [] and len(rebuilt.curation.applied) == 3
    graph = tmp_path / "out" / "graph.trig"
    parties = [row["party"].value for row in open_store(graph).query(CURATED_PARTIES, prefixes=QUERY_PREFIXES)]
    assert parties == ["Sovyet Sosyalist Cumhuriyetler Birliği"]

    with running_server(graph, "--sources", str(ROOT), "--curation", str(curation)) as server:
        tab.goto(server.url + "id/person/ismet-inonu")
        sync_api.expect(tab.locator("p.alt")).to_contain_text("İsmet Paşa")
        sync_api.expect(tab.locator("ul.corrected")).to_contain_text(
            f"merge İsmet Paşa took the surname İnönü in 1934 (Ayşe Yılmaz, {written[0]['date']})")
        sync_api.expect(tab.locator(".takes-part")).to_contain_text("Moskova (1932)")  # İsmet Paşa's journey
        assert tab.locator("aside.pending").count() == 0  # every entry is in the graph now
        tab.goto(server.url + "id/treaty/turk-sovyet-pakti")
        party = tab.locator(".fact-item", has_text="Sovyet Sosyalist Cumhuriyetler Birliği is a party")
        # the curator's claim beside the machine's own (which reads the Soviet side from `Türk-Sovyet`)
        curated = party.locator(".claim", has_text="asserted by a curator")
        sync_api.expect(curated).to_contain_text("according to 000 asserted by a curator")
        sync_api.expect(curated.locator("mark")).to_have_text(PACT_QUOTE)  # the quote, as its evidence
        screenshot(tab, shots, "curation-rebuilt")
        for gone in ("id/person/ismet-pasa", "id/place/berna"):  # only the record of the entry that took it away
            tab.goto(server.url + gone)
            sync_api.expect(tab.locator("table.list")).to_contain_text("prov:used")
            assert tab.locator("article.entity").count() == 0, gone
        tab.goto("about:blank")
