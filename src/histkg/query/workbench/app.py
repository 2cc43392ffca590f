"""The workbench's routes: home, lists and search, entity pages with content negotiation,
the source reader, map, timeline, network, the review queue, the SPARQL console page and its
static files; with a curation file, the names a form's search box offers (`/names`) and the
writes of `writes.py`.

Pages are Jinja2 templates (autoescaped: a label from the graph is text, never markup) in
`web/templates/`; the scripts and the style sheet are files in `web/static/`, so the
Content-Security-Policy allows scripts and styles from this server only.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import jinja2
import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from histkg.query.protocol import JSON_LD, N_TRIPLES, TURTLE, preferred
from histkg.query.sparql import QUERY_PREFIXES, format_triples
from histkg.query.workbench.atlas import MISSING_HINT
from histkg.query.workbench.browse import ROLES, ListFilter, listed, searched, whole_number
from histkg.query.workbench.catalog import KIND_BY_NAME, KINDS, Catalog, Entity
from histkg.query.workbench.corrections import ASSERTABLE, Corrections, entry_summary
from histkg.query.workbench.entity_page import gather
from histkg.query.workbench.graph import LOCAL_ROOT, Graph
from histkg.query.workbench.maps import MapMaker
from histkg.query.workbench.network import NetworkMaker
from histkg.query.workbench.reader import (
    Mention,
    SourceMissing,
    SourceText,
    locate,
    mentions_in,
    read_source,
    render_blocks,
)
from histkg.query.workbench.review_page import ReviewQueue
from histkg.query.workbench.sentences import Sentences
from histkg.query.workbench.timeline import TimelineFilter, build_timeline
from histkg.query.workbench.writes import write_routes

HTML = "text/html"
ENTITY_TYPES = {HTML: HTML, "application/xhtml+xml": HTML, TURTLE: TURTLE, "application/x-turtle": TURTLE,
                N_TRIPLES: N_TRIPLES, JSON_LD: JSON_LD, "application/json": JSON_LD}
FORMAT_PARAMETER = {"turtle": TURTLE, "ttl": TURTLE, "ntriples": N_TRIPLES, "nt": N_TRIPLES, "jsonld": JSON_LD}
WRITER_NAMES = {TURTLE: "turtle", N_TRIPLES: "ntriples", JSON_LD: "json"}
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
PAGE_HEADERS = {"Content-Security-Policy": PAGE_POLICY, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer"}
MENTION_CLASSES = {"treaty": "event", "visit": "event", "venue": "place"}
SOURCES_READ_AHEAD = 64  # sources read at start; a larger corpus reads the rest when they are opened
NAMES_OFFERED = 15  # entities a picker offers for the words typed


@dataclass
class Workbench:
    """Everything the pages read, made once when the server starts."""

    graph: Graph
    catalog: Catalog
    maps: MapMaker
    network: NetworkMaker
    sentences: Sentences
    source_roots: tuple[Path, ...]
    templates: jinja2.Environment
    corrections: Corrections  # the curation file the pages write to, and the token they carry
    review: ReviewQueue
    readings: dict[str, tuple[SourceText, list[Mention]]] = field(default_factory=dict)  # source IRI -> text
    short_names: dict[str, str] = field(default_factory=dict)  # source IRI -> `004`

    @classmethod
    def open(cls, graph: Graph, source_roots: tuple[Path, ...], curation: Path | None = None) -> Workbench:
        """The workbench of a graph; with `curation`, a curation file its pages write corrections to."""
        catalog = Catalog(graph)
        sentences = Sentences(graph, catalog)
        corrections = Corrections(curation, graph, catalog, lambda source: bench.reading(source)[0].text)
        bench = cls(graph, catalog, MapMaker(graph, catalog), NetworkMaker(graph, catalog, sentences), sentences,
                    source_roots, template_environment(), corrections, ReviewQueue(graph, catalog))
        bench.templates.globals.update(local_path=bench.local_path, label=catalog.label,
                                       source_name=bench.source_name, source_title=bench.source_title,
                                       link_name=link_name, mention_class=bench.mention_class,
                                       corrections=corrections, entity_id=corrections.entity_id,
                                       entry_summary=entry_summary, assertable=ASSERTABLE)
        bench.short_names = short_source_names(catalog.sources())
        bench.network.view("", 2)  # the first spring layout warms numpy up; a visitor should not wait for it
        threading.Thread(target=bench.read_sources, name="histkg-read-sources", daemon=True).start()
        return bench

    def read_sources(self) -> None:
        """Read and cut every source once, in the background: a reader then opens at once."""
        for source in self.catalog.sources()[:SOURCES_READ_AHEAD]:
            try:
                self.reading(source)
            except SourceMissing:
                continue  # the page says where it looked when someone opens it

    def reading(self, source: Entity) -> tuple[SourceText, list[Mention]]:
        """A source's text with its blocks, and its mentions: read once, then kept."""
        if source.iri not in self.readings:
            sha = next((row["sha"].value for row in self.graph.select(
                f"SELECT ?sha WHERE {{ <{source.iri}> hkg:sha256 ?sha }}")), "")
            text = read_source(locate(source.file, self.source_roots), sha)
            self.readings[source.iri] = text, mentions_in(self.graph, self.catalog, source)
        return self.readings[source.iri]

    # --- names the templates use --------------------------------------------------------

    def local_path(self, iri: str) -> str:
        path = self.graph.local_path(iri)
        return quote(path, safe="/:@-._~!$&'()*+,;=") if path else ""

    def source_name(self, iri: str) -> str:
        return self.short_names.get(iri) or iri.rsplit("/", 1)[-1]

    def source_title(self, iri: str) -> str:
        return self.catalog.label(iri)

    def mention_class(self, iri: str) -> str:
        entity = self.catalog.get(iri)
        return MENTION_CLASSES.get(entity.kind.name, entity.kind.name) if entity else "other"

    def source_iri(self, source_id: str | None) -> str:
        """A source chosen in a form by its short id; "" for any."""
        if not source_id:
            return ""
        iri = self.graph.base + "source/" + source_id
        return iri if self.catalog.get(iri) else ""

    def page(self, template: str, status: int = 200, **values) -> Response:
        started = time.perf_counter()
        body = self.templates.get_template(template).render(**values)
        timing = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
        return Response(body, status, media_type="text/html; charset=utf-8",
                        headers=PAGE_HEADERS | {"Server-Timing": timing})

    def not_found(self, what: str) -> Response:
        return self.page("message.html", 404, title="Not found", message=what)


def short_source_names(sources: list[Entity]) -> dict[str, str]:
    """How a page names each source: its file's number (`004` for `004_8291bc0ffa594f53.txt`) where
    no other source has that number, else the file's name without its extension."""
    stems = {source.iri: Path(source.file).stem if source.file else source.source_id for source in sources}
    heads = {iri: stem.split("_", 1)[0] for iri, stem in stems.items()}
    taken = Counter(heads.values())
    return {iri: heads[iri] if heads[iri].isdigit() and taken[heads[iri]] == 1 else stem
            for iri, stem in stems.items()}


def template_environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("histkg.query", "web/templates"),
                              autoescape=True, trim_blocks=False, lstrip_blocks=False,
                              undefined=jinja2.StrictUndefined)


def link_name(iri: str) -> str:
    """How a link out reads: `Wikidata Q153434`, `GeoNames 745044`."""
    if iri.startswith("http://www.wikidata.org/entity/"):
        return "Wikidata " + iri.rsplit("/", 1)[-1]
    if iri.startswith("https://sws.geonames.org/"):
        return "GeoNames " + iri.rstrip("/").rsplit("/", 1)[-1]
    return iri


# --- pages -------------------------------------------------------------------------------


def home(bench: Workbench, request: Request) -> Response:
    rows = bench.graph.select("SELECT ?s (GROUP_CONCAT(?c; separator=', ') AS ?creators) "
                              "WHERE { ?s a hkg:Source ; dcterms:creator ?c } GROUP BY ?s")
    named_in = {source.iri: sum(1 for entity in bench.catalog.entities.values()
                                if source.iri in entity.mentions_by_source and entity.kind.name != "source")
                for source in bench.catalog.sources()}
    return bench.page("home.html", title="Home", kinds=KINDS, counts=bench.catalog.counts(),
                      sources=bench.catalog.sources(), named_in=named_in,
                      creators={row["s"].value: row["creators"].value for row in rows})


def list_filter(bench: Workbench, request: Request) -> ListFilter:
    params = request.query_params
    return ListFilter(name=params.get("name", ""), source=bench.source_iri(params.get("source")),
                      start_year=whole_number(params.get("from")), end_year=whole_number(params.get("to")),
                      role=params.get("role", ""))


def browse(bench: Workbench, request: Request) -> Response:
    kind = KIND_BY_NAME.get(request.path_params["kind"])
    if kind is None or kind.name == "source":
        return bench.not_found(f"no list of {request.path_params['kind']!r}: choose one from the menu")
    choice = list_filter(bench, request)
    return bench.page("list.html", title=kind.plural, kind=kind, choice=choice, roles=ROLES,
                      entities=listed(bench.catalog, kind.name, choice), sources=bench.catalog.sources())


def search(bench: Workbench, request: Request) -> Response:
    words = request.query_params.get("q", "").strip()
    choice = list_filter(bench, request)
    found = searched(bench.catalog, words, choice) if words else []
    title = f"Search: {words}" if words else "Search"
    return bench.page("list.html", title=title, kind=None, choice=choice, roles=ROLES, entities=found,
                      sources=bench.catalog.sources(), query_text=words)


def entity(bench: Workbench, request: Request) -> Response:
    iri = bench.graph.iri_of(request.url.path)
    if not iri:
        return bench.not_found(f"{request.url.path} names nothing in the graph")
    media = requested_media(request)
    if media != HTML:
        return entity_triples(bench, iri, media)
    found = bench.catalog.get(iri)
    if found is not None and found.kind.name == "source":
        return RedirectResponse(f"/source/{found.source_id}", status_code=303)
    if found is not None:
        page = gather(bench.graph, bench.catalog, bench.sentences, found, request.query_params.get("mentions") == "all")
        return bench.page("entity.html", title=found.label, page=page)
    return resource(bench, iri)


def requested_media(request: Request) -> str:
    """`?format=turtle` first (a link can set no header), then the Accept header; HTML by default."""
    named = FORMAT_PARAMETER.get(request.query_params.get("format", "").lower())
    return named or preferred(request.headers.get("accept", "*/*"), ENTITY_TYPES)


def describe(bench: Workbench, iri: str) -> list[ox.Triple]:
    """The entity's triples, both ways: what it says and what points to it (claims, events)."""
    node = ox.NamedNode(iri)
    outgoing = [quad.triple for quad in bench.graph.store.quads_for_pattern(node, None, None, ox.DefaultGraph())]
    incoming = [quad.triple for quad in bench.graph.store.quads_for_pattern(None, None, node, ox.DefaultGraph())]
    return sorted(set(outgoing + incoming), key=str)


def entity_triples(bench: Workbench, iri: str, media: str) -> Response:
    triples = describe(bench, iri)
    if not triples:
        return Response(f"nothing in the graph is {iri}\n", 404, media_type="text/plain; charset=utf-8")
    body = format_triples(tuple(triples), WRITER_NAMES[media])
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Response(body, media_type=media + charset, headers={"Vary": "Accept"})


def resource(bench: Workbench, iri: str) -> Response:
    """A node the catalog does not list (a claim, an annotation, a stop): its triples as a table."""
    triples = describe(bench, iri)
    if not triples:
        return bench.not_found(f"nothing in the graph is {iri}")
    rows = [[cell(bench, term, iri) for term in (triple.subject, triple.predicate, triple.object)]
            for triple in triples]
    return bench.page("resource.html", title=iri.rsplit("/", 1)[-1], iri=iri, rows=rows)


def cell(bench: Workbench, term: ox.Term, this: str) -> tuple[str, str]:
    """(what a table cell shows, where it links): a label and a local page, a prefixed name, a value."""
    if not isinstance(term, ox.NamedNode):
        return (term.value if isinstance(term, ox.Literal) else str(term)), ""
    if term.value == this:
        return "this", ""
    if path := bench.local_path(term.value):
        return bench.catalog.label(term.value), path
    return compact_iri(term.value), ""


def compact_iri(iri: str) -> str:
    for prefix, namespace in QUERY_PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def source_reader(bench: Workbench, request: Request) -> Response:
    source = bench.catalog.get(bench.source_iri(request.path_params["source"]))
    if source is None:
        return bench.not_found(f"no source {request.path_params['source']!r} in the graph")
    try:
        text, mentions = bench.reading(source)
    except SourceMissing as error:
        return bench.page("message.html", 404, title=source.label, message=str(error))
    start, end = (whole_number(request.query_params.get(name)) for name in ("start", "end"))
    quoted = (start, end) if start is not None and end is not None and start < end else None
    blocks = render_blocks(text, mentions, quoted)
    about = bench.graph.base + request.query_params.get("assert", "")  # asserting a fact about it, from its page
    return bench.page("source.html", title=source.label, source=source, blocks=blocks, quote=quoted,
                      changed=text.changed, about=bench.catalog.get(about))


def map_page(bench: Workbench, request: Request) -> Response:
    journey = request.query_params.get("journey", "")
    iri = bench.graph.iri_of(journey) if journey.startswith(LOCAL_ROOT) else ""
    return bench.page("map.html", title="Map", view=bench.maps.view(iri), atlas_hint=MISSING_HINT)


def timeline_page(bench: Workbench, request: Request) -> Response:
    params = request.query_params
    kinds = tuple(kind for kind in params.getlist("kind") if kind in {"treaty", "visit"}) or ("treaty", "visit")
    choice = TimelineFilter(kinds, whole_number(params.get("from")), whole_number(params.get("to")),
                            bench.source_iri(params.get("source")), params.get("name", ""))
    return bench.page("timeline.html", title="Timeline", choice=choice, sources=bench.catalog.sources(),
                      timeline=build_timeline(bench.catalog, choice))


def network_page(bench: Workbench, request: Request) -> Response:
    source = bench.source_iri(request.query_params.get("source"))
    minimum = max(1, whole_number(request.query_params.get("min")) or 2)
    view = bench.network.view(source, minimum)
    strongest = sorted(view.links, key=lambda entry: (-entry[0].weight, entry[1].person.label))[:15]
    return bench.page("network.html", title="Network", view=view, sources=bench.catalog.sources(),
                      source_iri=source, min_weight=minimum, strongest=strongest)


def console(bench: Workbench, request: Request) -> Response:
    return bench.page("console.html", title="SPARQL", prefixes=QUERY_PREFIXES, base=bench.graph.base)


def review(bench: Workbench, request: Request) -> Response:
    reason = request.query_params.get("reason", "")
    view = bench.review.view(reason, request.query_params.get("all") == "1")
    return bench.page("review.html", title="Review", review=view, reason=reason)


def names(bench: Workbench, request: Request) -> Response:
    """What a picker offers for the words typed: entities of the kinds asked (`kind=person,place`), best first."""
    asked = [kind for kind in request.query_params.get("kind", "").split(",") if kind in KIND_BY_NAME]
    kinds = [kind for kind in asked or KIND_BY_NAME if kind != "source"]
    found = bench.catalog.search(request.query_params.get("q", ""), kinds)[:NAMES_OFFERED]
    return JSONResponse([{"id": bench.corrections.entity_id(entity.iri), "label": entity.label,
                          "kind": entity.kind.singular, "also": entity.alt_labels[:3]} for entity in found])


def static_file(bench: Workbench, request: Request) -> Response:
    name = request.path_params["name"]
    media = STATIC_TYPES.get(Path(name).suffix)
    folder = resources.files("histkg.query").joinpath("web/static")
    if media is None or "/" in name or not folder.joinpath(name).is_file():
        return Response("not found\n", 404, media_type="text/plain")
    return Response(folder.joinpath(name).read_bytes(), media_type=media + "; charset=utf-8",
                    headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})


def workbench_routes(bench: Workbench) -> list[Route]:
    def bound(handler):
        async def endpoint(request: Request) -> Response:  # off the event loop: /sparql keeps answering
            return await run_in_threadpool(handler, bench, request)
        return endpoint

    return [Route("/", bound(home)), Route("/search", bound(search)), Route("/browse/{kind}", bound(browse)),
            Route(LOCAL_ROOT + "{path:path}", bound(entity)), Route("/source/{source}", bound(source_reader)),
            Route("/map", bound(map_page)), Route("/timeline", bound(timeline_page)),
            Route("/network", bound(network_page)), Route("/query", bound(console)),
            Route("/review", bound(review)), Route("/names", bound(names)),
            Route("/static/{name}", bound(static_file)), *write_routes(bench.corrections)]
