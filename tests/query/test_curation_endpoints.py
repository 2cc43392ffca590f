"""Corrections written from the workbench: `POST /curation/{kind}` appends one checked entry to
the curation file, only with the token of the server's pages; the pages show the buttons, the
review queue and what waits for the next build. Driven through Starlette's TestClient on the
app `histkg serve` runs, over the seeds' graph."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():  # Starlette asks for httpx2 here, which histkg does not depend on; httpx works
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from histkg.curation.entries import DATE_PROPERTIES, ENTITY_PROPERTIES, KINDS, load_curation
from histkg.query.serve import ServeError, create_app, curation_file
from histkg.query.sparql import open_store
from histkg.query.workbench.corrections import ASSERTABLE, BAD_TOKEN, NO_FILE, Corrections
from histkg.query.workbench.graph import Graph
from histkg.query.workbench.writes import REMOTE

ROOT = Path(__file__).resolve().parents[2]
PACT_QUOTE = ("Sovyet Dışişleri Bakanı Çiçerin ile Türkiye Dışişleri Bakanı Dr. Tevfik Rüştü Bey "
              "arasında Paris'te")
# One entry of each kind the pages write, each fitting the seeds' graph.
GOOD = {
    "reject": {"id": "place/berna", "why": "an editor's given name, no place"},
    "merge": {"keep": "person/ismet-inonu", "drop": ["person/ismet-pasa"],
              "why": "İsmet Paşa took the surname İnönü in 1934"},
    "relabel": {"id": "organization/tbmm", "label": "Türkiye Büyük Millet Meclisi", "why": "the full name"},
    "link": {"id": "person/ismet-inonu", "same_as": "http://www.wikidata.org/entity/Q5152", "why": "an authority"},
    "retract": {"subject": "treaty/kars-anlasmasi", "property": "hkg:party",
                "object": "place/ukrayna-sovyet-cumhuriyeti", "why": "a party to the Ukrainian treaty"},
    "assert": {"subject": "treaty/turk-sovyet-pakti", "property": "hkg:party",
               "object": "organization/sovyet-sosyalist-cumhuriyetler-birligi", "source": "000_59a8525e37afcabc.txt",
               "quote": PACT_QUOTE, "why": "the Soviet side"},
}
WRITTEN = sorted(GOOD)
LOCAL = ("127.0.0.1", 50000)  # where the test client's requests come from


@pytest.fixture(scope="module")
def store(seeds_build):
    return open_store(seeds_build[1] / "graph.trig")


@pytest.fixture(scope="module")
def curation_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("curating") / "curation.toml"


@pytest.fixture(scope="module")
def writing_app(store, curation_path):
    return create_app(store, source_roots=(ROOT,), curation=curation_path)


@pytest.fixture
def client(writing_app, curation_path):
    """A client of the server that writes `curation_path`, which starts each test missing."""
    curation_path.unlink(missing_ok=True)
    with TestClient(writing_app, base_url="http://127.0.0.1", client=LOCAL) as test_client:
        yield test_client
    curation_path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def reading_client(store):
    app = create_app(store, source_roots=(ROOT,))
    with TestClient(app, base_url="http://127.0.0.1", client=LOCAL) as test_client:
        yield test_client


def token_of(client: TestClient, path: str = "/") -> str:
    found = re.search(r'<meta name="histkg-token" content="([^"]+)">', client.get(path).text)
    assert found, "no token in the page"
    return found.group(1)


def post(client: TestClient, kind: str, fields: dict, token: str | None):
    headers = {"X-Histkg-Token": token} if token is not None else {}
    return client.post(f"/curation/{kind}", json=fields, headers=headers)


# --- the three ways a write is refused, and the one it is made ------------------------------


@pytest.mark.parametrize("kind", WRITTEN)
def test_a_write_without_the_pages_token_is_refused_and_writes_nothing(client, curation_path, kind):
    for token in (None, "", "a-token-of-another-server-start"):
        answer = post(client, kind, GOOD[kind], token)
        assert answer.status_code == 403 and answer.text.strip() == BAD_TOKEN
    assert not curation_path.exists()


@pytest.mark.parametrize("kind", WRITTEN)
def test_a_bad_entry_is_400_with_the_curation_files_message(client, curation_path, kind):
    fields = {name: value for name, value in GOOD[kind].items() if name != "why"}
    answer = post(client, kind, fields, token_of(client))
    assert answer.status_code == 400
    assert answer.text.strip() == f"[[{kind}]]: missing field 'why'"
    assert not curation_path.exists()


@pytest.mark.parametrize("kind", WRITTEN)
def test_a_good_entry_is_appended_to_the_curation_file(client, curation_path, kind):
    answer = post(client, kind, {**GOOD[kind], "by": "Ayşe Yılmaz"}, token_of(client))
    assert answer.status_code == 201, answer.text
    assert answer.json()["entry"].startswith(f"[[{kind}]] #1") and answer.json()["pending"] == 1
    (entry,) = load_curation(curation_path).entries
    assert entry.kind == kind
    assert entry.fields == {**GOOD[kind], "by": "Ayşe Yılmaz", "date": entry.fields["date"]}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry["date"]))  # the day it was written: when, for prov


def test_entries_are_appended_after_what_the_file_holds_comments_included(client, curation_path):
    curation_path.write_text("# the scholar's own notes\n[[reject]]\nid = \"place/berna\"\nwhy = \"no place\"\n",
                             encoding="utf-8")
    answer = post(client, "merge", GOOD["merge"], token_of(client))
    assert answer.status_code == 201, answer.text
    text = curation_path.read_text(encoding="utf-8")
    assert text.startswith("# the scholar's own notes\n[[reject]]")
    assert [entry.kind for entry in load_curation(curation_path).entries] == ["reject", "merge"]


def test_without_a_curation_file_no_buttons_and_every_write_is_403_with_one_sentence(reading_client):
    page = reading_client.get("/id/person/ismet-pasa").text
    assert "histkg-token" not in page and "data-action" not in page and "curate.js" not in page
    for kind in KINDS:
        answer = post(reading_client, kind, GOOD.get(kind, {}), "any")
        assert answer.status_code == 403 and answer.text.strip() == NO_FILE


def test_a_write_from_another_machine_is_refused_even_with_the_token(writing_app, curation_path):
    curation_path.unlink(missing_ok=True)
    with TestClient(writing_app, base_url="http://127.0.0.1", client=("192.0.2.7", 50000)) as remote:
        answer = post(remote, "reject", GOOD["reject"], token_of(remote))
    assert answer.status_code == 403 and answer.text.strip() == REMOTE
    assert not curation_path.exists()


def test_a_write_must_be_json_and_a_post(client, curation_path):
    token = token_of(client)
    form = client.post("/curation/reject", data=GOOD["reject"], headers={"X-Histkg-Token": token})
    assert form.status_code == 415
    assert client.get("/curation/reject").status_code == 405
    not_an_object = client.post("/curation/reject", content=b"[1]",
                                headers={"X-Histkg-Token": token, "Content-Type": "application/json"})
    assert not_an_object.status_code == 400
    assert not curation_path.exists()


def test_an_unknown_kind_is_400(client):
    answer = post(client, "approve", {"id": "place/berna", "why": "x"}, token_of(client))
    assert answer.status_code == 400 and "unknown entry kind 'approve'" in answer.text


def test_the_sparql_endpoint_stays_read_only_on_a_server_that_writes_corrections(client):
    token = token_of(client)
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for answer in (client.post("/sparql", data={"update": update}, headers={"X-Histkg-Token": token}),
                   client.post("/sparql", content=update, headers={"X-Histkg-Token": token,
                                                                   "Content-Type": "application/sparql-update"})):
        assert answer.status_code == 403


def test_every_server_start_has_its_own_token(store):
    graph = Graph(store)
    first, second = (Corrections(Path("curation.toml"), graph, None, str) for _ in range(2))
    assert first.token != second.token and len(first.token) >= 40
    assert not second.accepts(first.token) and not first.accepts("")


# --- checked against the graph the server shows ----------------------------------------------


def test_an_id_not_in_the_graph_is_400(client):
    answer = post(client, "reject", {"id": "place/atlantis", "why": "x"}, token_of(client))
    assert answer.status_code == 400 and "place/atlantis is not in the graph" in answer.text


def test_an_id_a_waiting_entry_takes_away_is_400(client):
    token = token_of(client)
    assert post(client, "merge", GOOD["merge"], token).status_code == 201
    answer = post(client, "relabel", {"id": "person/ismet-pasa", "label": "X", "why": "x"}, token)
    assert answer.status_code == 400
    assert "person/ismet-pasa is taken away by an entry already waiting" in answer.text
    assert "merge person/ismet-pasa into person/ismet-inonu" in answer.text


def test_a_journey_is_no_entity_to_merge_relabel_or_link(client):
    answer = post(client, "relabel", {"id": "visit/ismet-pasa-moskova-1932", "label": "X", "why": "x"},
                  token_of(client))
    assert answer.status_code == 400 and "is a journey, an event" in answer.text


@pytest.mark.parametrize("prop, value", [("hkg:party", "organization/milletler-cemiyeti"),
                                         ("hkg:signedOn", "1899-01-01")])
def test_a_retracted_fact_must_be_one_the_graph_states(client, prop, value):
    fields = {"subject": "treaty/kars-anlasmasi", "property": prop, "object": value, "why": "x"}
    answer = post(client, "retract", fields, token_of(client))
    assert answer.status_code == 400
    assert f"the graph does not state treaty/kars-anlasmasi {prop} {value}" in answer.text


def test_a_retracted_date_is_one_of_the_dates_the_sources_disagree_on(client):
    fields = {"subject": "treaty/gumru-barisi", "property": "hkg:signedOn", "object": "1920-12-03", "why": "x"}
    assert post(client, "retract", fields, token_of(client)).status_code == 201


def test_an_asserted_quote_must_be_in_its_source(client):
    fields = {**GOOD["assert"], "quote": "words no article writes"}
    answer = post(client, "assert", fields, token_of(client))
    assert answer.status_code == 400
    assert "the quote 'words no article writes' is not in seeds/000_59a8525e37afcabc.txt" in answer.text


def test_selected_words_must_be_where_they_first_occur_as_the_build_puts_the_evidence_there(client, curation_path):
    text = (ROOT / "seeds" / "000_59a8525e37afcabc.txt").read_text(encoding="utf-8")
    first = text.index("Moskova")
    later = text.index("Moskova", first + 1)
    answer = post(client, "assert", {**GOOD["assert"], "quote": "Moskova", "at": later}, token_of(client))
    assert answer.status_code == 400 and "occur earlier" in answer.text and f"at {first}–" in answer.text
    at_first = {**GOOD["assert"], "at": text.index("Sovyet Dışişleri Bakanı Çiçerin ile")}
    assert post(client, "assert", at_first, token_of(client)).status_code == 201
    assert "at" not in load_curation(curation_path).entries[0].fields  # checked, not written


def test_a_line_break_in_the_selected_words_is_written_as_a_space(client, curation_path):
    fields = {**GOOD["assert"], "quote": PACT_QUOTE.replace(" Bakanı Dr.", "\n Bakanı  Dr.")}
    assert post(client, "assert", fields, token_of(client)).status_code == 201
    assert load_curation(curation_path).entries[0]["quote"] == PACT_QUOTE


# --- what the pages show ---------------------------------------------------------------------


def test_an_entity_page_has_the_buttons_and_the_token(client):
    page = client.get("/id/person/ismet-pasa").text
    for action in ("reject", "merge", "relabel", "link"):
        assert f'data-action="{action}" data-id="person/ismet-pasa"' in page
    assert 'href="/source/000_59a8525e37afcabc?assert=person/ismet-pasa"' in page
    assert '<script src="/static/curate.js"></script>' in page and "<script>" not in page


def test_each_fact_has_a_retract_button_naming_subject_property_and_object(client):
    gumru = client.get("/id/treaty/gumru-barisi").text  # two dates, side by side: either may be retracted
    for day in ("1920-12-02", "1920-12-03"):
        assert (f'data-action="retract" data-subject="treaty/gumru-barisi" data-property="hkg:signedOn" '
                f'data-object="{day}"') in gumru
    person = client.get("/id/person/ismet-pasa").text  # a fact an event states of it: the event is the subject
    assert ('data-subject="visit/ismet-pasa-moskova-1932" data-property="hkg:leader" '
            'data-object="person/ismet-pasa"') in person


def test_the_assert_form_offers_every_property_an_entry_may_name():
    assert sorted(name for name, _, _ in ASSERTABLE) == sorted(DATE_PROPERTIES + ENTITY_PROPERTIES)
    assert all(bool(kinds) == (name in ENTITY_PROPERTIES) for name, _, kinds in ASSERTABLE)


def test_after_a_write_the_pages_show_the_entry_until_the_next_build(client):
    assert 'class="changed"' not in client.get("/id/place/berna").text
    assert post(client, "reject", GOOD["reject"], token_of(client)).status_code == 201
    berna = client.get("/id/place/berna").text
    assert 'class="changed"' in berna and "reject place/berna: <em>an editor&#39;s given name, no place</em>" in berna
    home = client.get("/").text
    assert "1 correction in" in home and "waits for the next build" in home


def test_an_unreadable_curation_file_is_said_on_the_pages_and_refuses_writes(client, curation_path):
    curation_path.write_text("[[reject]\n", encoding="utf-8")
    assert "The curation file cannot be read" in client.get("/").text
    answer = post(client, "reject", GOOD["reject"], token_of(client))
    assert answer.status_code == 400 and "not valid TOML" in answer.text


def test_the_reader_offers_to_assert_from_selected_words(client):
    page = client.get("/source/000_59a8525e37afcabc?assert=treaty/turk-sovyet-pakti").text
    assert 'data-about-id="treaty/turk-sovyet-pakti"' in page
    assert 'class="assert-bar" data-source="000_59a8525e37afcabc.txt"' in page
    assert 'id="curate-assert"' in page


def test_the_review_page_lists_the_queue_with_sentences_and_buttons(client):
    page = client.get("/review?reason=one+mention&all=1").text
    item = re.search(r'<li value="\d+" data-id="place/berna">.*?</li>', page, re.S)
    assert item, "place/berna is not in the queue"
    assert "Berna Türkdoğan" in item.group(0) and 'data-action="reject" data-id="place/berna"' in item.group(0)
    first = client.get("/review").text
    assert '<option value="far place"' in first and "the first 200 shown" in first


def test_names_offers_entities_of_the_kinds_asked(client):
    found = client.get("/names", params={"q": "ismet", "kind": "person"}).json()
    assert {"person/ismet-pasa", "person/ismet-inonu"} <= {entity["id"] for entity in found}
    assert {entity["kind"] for entity in found} == {"person"}


# --- which curation file `histkg serve` writes -------------------------------------------------


def test_serve_writes_the_file_given(store, tmp_path):
    assert curation_file(store, tmp_path / "mine.toml", None) == tmp_path / "mine.toml"
    with pytest.raises(ServeError, match="a folder"):
        curation_file(store, tmp_path, None)


def test_serve_given_the_sources_writes_curation_toml_where_build_looks_for_it(store):
    assert curation_file(store, None, ROOT) == ROOT / "seeds" / "curation.toml"
    assert curation_file(store, None, None) is None


def test_serve_given_sources_in_two_folders_writes_the_one_that_has_a_curation_file(tmp_path):
    store = ox.Store()
    for name, file in (("a", "one/a.txt"), ("b", "two/b.txt")):
        store.add(ox.Quad(ox.NamedNode(f"https://w3id.org/histkg/id/source/{name}"),
                          ox.NamedNode("https://w3id.org/histkg/ontology#file"), ox.Literal(file)))
    assert curation_file(store, None, tmp_path) is None  # neither has one: which would the build read?
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "curation.toml").write_text("", encoding="utf-8")
    assert curation_file(store, None, tmp_path) == tmp_path / "two" / "curation.toml"
