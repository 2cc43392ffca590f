"""A local, read-only SPARQL 1.1 Protocol endpoint over a built graph, with a page.

`serve()` loads a graph into pyoxigraph and runs a small Starlette app under
uvicorn:

- `/sparql`  the SPARQL 1.1 Protocol (GET `?query=`, POST form `query=`, POST
  `application/sparql-query`); SELECT and ASK answer in SPARQL JSON, CSV or
  TSV, CONSTRUCT and DESCRIBE in Turtle, N-Triples or JSON-LD, chosen by the
  Accept header and written by `histkg.query.sparql.format_result`.
- `/queries` the catalogue of named queries (`histkg.query.sparql.catalogue()`) as JSON.
- every other path: the workbench (`histkg.query.workbench`): home, lists and search, entity
  pages at `/id/…`, the source reader, map, timeline, network, the review queue at `/review`
  and the SPARQL console at `/query`.

The graph is read-only by construction: the app only ever calls `Store.query`, files are
loaded into an in-memory store and a store directory is opened with
`Store.read_only`. SPARQL Update is refused with 403 all the same, so that a
client learns why rather than seeing a parse error. The one thing the server
writes is the curation file, when it is given one: `POST /curation/{kind}` appends
a scholar's correction there (with the token the pages carry), for the next build.

pyoxigraph cannot interrupt a running query. Each query therefore runs on its
own daemon thread (pyoxigraph releases the GIL while it evaluates, so the event
loop stays responsive) and the request waits for it at most `timeout` seconds,
then answers 503. The abandoned query is not killed: a query that streams rows
stops at the next row, because the thread checks a cancel flag between rows; a
query that must finish before its first row (COUNT, ORDER BY, GROUP BY) runs
to its end and its result is thrown away. Until it ends it holds one of
`max_running` slots; while every slot is held the server answers 503 at once.
Daemon threads do not keep the process alive: Ctrl-C stops the server at once.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from histkg.query.protocol import (
    READ_ONLY_MESSAGE,
    SERVICE_MESSAGE,
    Limits,
    QueryRunner,
    Rejected,
    graph_arguments,
    is_federated,
    single,
)
from histkg.curation.entries import CURATION_FILE
from histkg.query.sparql import QUERY_PREFIXES, QueryError, catalogue, is_update, open_store
from histkg.query.workbench.app import Workbench, workbench_routes
from histkg.query.workbench.graph import Graph, detect_base

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8088
MAX_BODY_BYTES = 1 << 20  # a SPARQL query longer than 1 MiB is a mistake, not a query

class ServeError(Exception):
    """A problem the user can fix before the server starts: bad host, busy port, unreadable graph."""


# --- where to listen -------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_host(host: str, allow_remote: bool) -> None:
    """Refuse to listen beyond this machine unless the user said so."""
    if not is_loopback(host) and not allow_remote:
        raise ServeError(f"refusing to listen on {host}: the endpoint has no authentication, so it binds "
                         "to loopback only; pass --allow-remote to expose it to the network")


def listen(host: str, port: int) -> socket.socket:
    """A listening socket, bound now so that a busy port is a clear error before anything starts."""
    try:
        return socket.create_server((host, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use: choose another with --port") from None
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


# --- the graph -------------------------------------------------------------------------


def open_graph(path: Path | str) -> ox.Store:
    """A store over a built graph: .ttl/.nt/.nq/.trig read into memory, or an Oxigraph folder opened read-only."""
    try:
        return open_store(path)
    except QueryError as error:
        raise ServeError(str(error)) from None


# --- running one query -----------------------------------------------------------------


# --- HTTP ------------------------------------------------------------------------------


async def read_body(request: Request) -> bytes:
    """The request body, refused past MAX_BODY_BYTES."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise Rejected(413, f"request body larger than {MAX_BODY_BYTES} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise Rejected(413, f"request body larger than {MAX_BODY_BYTES} bytes")
    return bytes(body)


async def protocol_request(request: Request) -> tuple[str, dict[str, list[str]]]:
    """The query text and protocol parameters of a GET or POST, refusing updates."""
    params = {key: request.query_params.getlist(key) for key in request.query_params}
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await read_body(request)
        if media == "application/sparql-update":
            raise Rejected(403, READ_ONLY_MESSAGE)
        if media == "application/sparql-query":
            if "query" in params:
                raise Rejected(400, "a query in the body and in the URL: give one")
            params["query"] = [body.decode("utf-8", errors="replace")]
        elif media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            raise Rejected(415, "POST a query as application/x-www-form-urlencoded (query=...) "
                                "or as application/sparql-query")
    if "update" in params:
        raise Rejected(403, READ_ONLY_MESSAGE)
    text = single(params, "query")
    if text is None or not text.strip():
        raise Rejected(400, "no query: send ?query=... (the page at / helps write one)")
    if is_update(text):
        raise Rejected(403, READ_ONLY_MESSAGE)
    if is_federated(text):
        raise Rejected(403, SERVICE_MESSAGE)
    return text, params


def rejection(error: Rejected) -> PlainTextResponse:
    return PlainTextResponse(str(error) + "\n", status_code=error.status, headers=error.headers)


def catalogue_json() -> list[dict[str, str]]:
    return [{"name": query.name, "description": query.description, "text": query.text}
            for query in sorted(catalogue().values(), key=lambda query: query.name)]


class LoopbackHostOnly:
    """ASGI middleware: answer only requests whose Host is a loopback name.

    A web page on another site cannot read a loopback server's answers, unless
    it rebinds its own name to 127.0.0.1 (DNS rebinding); then the browser sends
    that name as Host, and this check refuses it.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if not is_loopback(host_name(host)):
                response = PlainTextResponse(f"refused: Host {host!r} is not a loopback name\n", status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def host_name(header: str) -> str:
    """The name in a Host header, without the port."""
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def create_app(store: ox.Store, limits: Limits = Limits(), *, loopback_only: bool = True,
               source_roots: tuple[Path, ...] | None = None, curation: Path | None = None) -> Starlette:
    """The endpoint as an ASGI app: /sparql, /queries and the workbench's pages.
    `source_roots`: folders where the sources' `hkg:file` paths are looked up, for the reader
    (default: the current folder); `curation`: the curation file the pages write corrections to
    (none: the pages show no buttons and every write is refused)."""
    runner = QueryRunner(store, limits)
    bench = Workbench.open(Graph(store, detect_base(store)), source_roots or (Path.cwd(),), curation)

    async def no_icon(request: Request) -> Response:  # browsers ask for one; answering spares a 404 per visit
        return Response(status_code=204)

    async def queries(request: Request) -> Response:
        return JSONResponse(catalogue_json())

    async def sparql(request: Request) -> Response:
        try:
            text, params = await protocol_request(request)
            started = time.perf_counter()
            answer = await runner.run(text, request.headers.get("accept", "*/*"), graph_arguments(params))
        except Rejected as error:
            return rejection(error)
        elapsed_ms = (time.perf_counter() - started) * 1000
        media = answer.media_type + ("; charset=utf-8" if answer.media_type.startswith("text/") else "")
        headers = {"X-Histkg-Count": str(answer.count), "X-Histkg-Truncated": str(answer.truncated).lower(),
                   "X-Histkg-Limit": str(limits.max_rows), "Server-Timing": f"query;dur={elapsed_ms:.1f}",
                   "Vary": "Accept", "Cache-Control": "no-store"}
        return Response(answer.body, media_type=media, headers=headers)

    app = Starlette(routes=[Route("/queries", queries), Route("/favicon.ico", no_icon),
                            Route("/sparql", sparql, methods=["GET", "POST"]), *workbench_routes(bench)])
    if loopback_only:
        app.add_middleware(LoopbackHostOnly)
    return app


def source_folders(graph: Path | str, sources: Path | None) -> tuple[Path, ...]:
    """Where the reader looks for the sources' files (`hkg:file` is relative to the folder the build
    ran in): the folder given, else the current one and the folder above the graph's (out/ in a checkout)."""
    if sources is not None:
        if not sources.is_dir():
            raise ServeError(f"--sources {sources}: no such folder")
        return (sources,)
    return tuple(dict.fromkeys([Path.cwd(), Path(graph).resolve().parent.parent]))


def curation_file(store: ox.Store, given: Path | None, sources: Path | None) -> Path | None:
    """The curation file the pages write to: the one given; else, when the sources' folder is
    given, `curation.toml` in the corpus folder, where `histkg build` looks for it by default
    (the folder of the sources' files; of several, the one that has a curation.toml)."""
    if given is not None:
        if given.is_dir():
            raise ServeError(f"--curation {given}: a folder, not a curation file")
        return given
    if sources is None:
        return None
    rows = store.query("SELECT DISTINCT ?file WHERE { ?source hkg:file ?file }", prefixes=QUERY_PREFIXES)
    folders = sorted({(sources / row["file"].value).parent for row in rows})
    kept = [folder for folder in folders if (folder / CURATION_FILE).is_file()] if len(folders) > 1 else folders
    return kept[0] / CURATION_FILE if len(kept) == 1 else None


def serve(graph: Path | str, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, allow_remote: bool = False,
          limits: Limits = Limits(), sources: Path | None = None, curation: Path | None = None,
          on_listening: Callable[[str, Path | None], None] = lambda url, curation: None) -> None:
    """Serve GRAPH until interrupted; `on_listening` gets the URL once the port is bound, and the
    curation file the pages write to (None: they write none)."""
    import uvicorn

    check_host(host, allow_remote)
    if limits.timeout <= 0 or limits.max_rows <= 0:
        raise ServeError("--timeout and --limit must be positive")
    roots = source_folders(graph, sources)
    store = open_graph(graph)
    corrections = curation_file(store, curation, sources)
    app = create_app(store, limits, loopback_only=not allow_remote, source_roots=roots, curation=corrections)
    sock = listen(host, port)
    on_listening(url_of(sock), corrections)
    config = uvicorn.Config(app, log_level="warning", lifespan="off", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
