"""The query page in a real browser: headless Chromium driven by Playwright.

Playwright drives Debian's own Chromium (`executable_path`), so nothing is
downloaded: never run `playwright install`. Without Chromium the tests skip
and say how to install it; HISTKG_CHROMIUM names another Chromium binary.
"""

from __future__ import annotations

import os
import shutil

import pytest
from servers import running_server

from histkg.query.sparql import catalogue

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'")

CHROMIUM = os.environ.get("HISTKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine: `apt-get install chromium` (Debian) to run the browser tests")


@pytest.fixture(scope="module")
def page_url(seeds_build):
    _, out = seeds_build
    with running_server(out / "graph.ttl") as server:
        yield server.url


@pytest.fixture
def page(page_url):
    """The page, opened; fails the test on any script error or console error (a CSP block is one)."""
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            tab = browser.new_page()
            tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            tab.on("console", lambda message: message.type == "error" and not expected_failure(message.text)
                   and problems.append(message.text))
            tab.on("response", lambda response: response.status == 404 and problems.append(f"404 {response.url}"))
            tab.goto(page_url)
            yield tab
        finally:
            browser.close()
    assert problems == []


def expected_failure(text: str) -> bool:
    """Chromium logs every HTTP error status; a query's 4xx or 5xx is one the page shows. 404s are checked apart."""
    return text.startswith("Failed to load resource: the server responded with a status of")


def run_and_wait(page) -> None:
    page.get_by_role("button", name="Run").click()
    page.wait_for_function("!document.getElementById('run').disabled")


def test_a_named_query_fills_the_box_runs_and_shows_rows(page):
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
    link = page.locator("#results tbody a").first
    assert link.get_attribute("href").startswith("https://w3id.org/histkg/id/treaty/")
    assert page.locator("#error").inner_text() == ""


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
