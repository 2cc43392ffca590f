"""A local, read-only SPARQL 1.1 Protocol endpoint over a built graph, with a page.

`serve()` loads a graph into pyoxigraph and runs a small Starlette app under
uvicorn:

- `/sparql`  the SPARQL 1.1 Protocol (GET `?query=`, POST form `query=`, POST
  `application/sparql-query`); SELECT and ASK answer in SPARQL JSON, CSV or
  TSV, CONSTRUCT and DESCRIBE in Turtle, N-Triples or JSON-LD, chosen by the
  Accept header and written by `histkg.query.sparql.format_result`.
- `/queries` the catalogue of named queries (`histkg.query.sparql.catalogue()`) as JSON.
- `/`        the page (`web/index.html`): one file, no external resources.

Read-only by construction: the app only ever calls `Store.query`, files are
loaded into an in-memory store and a store directory is opened with
`Store.read_only`. SPARQL Update is refused with 403 all the same, so that a
client learns why rather than seeing a parse error.

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

import asyncio
import base64
import errno
import hashlib
import ipaddress
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from histkg.query.sparql import QueryError, QueryResult, catalogue, first_line, format_result, open_store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8088
MAX_BODY_BYTES = 1 << 20  # a SPARQL query longer than 1 MiB is a mistake, not a query

JSON_RESULTS = "application/sparql-results+json"
CSV_RESULTS = "text/csv"
TSV_RESULTS = "text/tab-separated-values"
TURTLE = "text/turtle"
N_TRIPLES = "application/n-triples"
JSON_LD = "application/ld+json"

# Media types a client may ask for -> the one answered, per kind of result; the first is the default.
SOLUTION_TYPES = {JSON_RESULTS: JSON_RESULTS, "application/json": JSON_RESULTS,
                  CSV_RESULTS: CSV_RESULTS, TSV_RESULTS: TSV_RESULTS}
GRAPH_TYPES = {TURTLE: TURTLE, "application/x-turtle": TURTLE, N_TRIPLES: N_TRIPLES,
               "text/plain": N_TRIPLES, JSON_LD: JSON_LD}
# The answered media type -> histkg.query.sparql.format_result's format name.
FORMAT_NAMES = {JSON_RESULTS: "json", CSV_RESULTS: "csv", TSV_RESULTS: "tsv",
                TURTLE: "turtle", N_TRIPLES: "ntriples", JSON_LD: "json"}

# SPARQL Update operations; a request is an update when one of them follows the prologue.
UPDATE_START = re.compile(
    r"""\A(?:\s+|\#[^\n]*(?:\n|\Z)|(?i:prefix)\s*[^\s:]*:\s*<[^>]*>|(?i:base)\s*<[^>]*>)*
        (?i:insert|delete|load|clear|drop|create|add|move|copy|with)\b""",
    re.VERBOSE,
)
# Federated queries make the server fetch other servers' data on a caller's behalf: refused.
QUOTED_OR_COMMENT = re.compile(r"""<[^>\s]*>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\#[^\n]*""")
SERVICE = re.compile(r"(?i)\bservice\b")
SERVICE_MESSAGE = "SERVICE (a federated query) is refused: this endpoint answers from its own graph only"
READ_ONLY_MESSAGE = ("this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, "
                     "CREATE, ADD, MOVE, COPY) is refused; change the graph by rebuilding it")


class ServeError(Exception):
    """A problem the user can fix before the server starts: bad host, busy port, unreadable graph."""


class Rejected(Exception):
    """A request the endpoint answers with an HTTP error and a one-line message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


@dataclass(frozen=True)
class Limits:
    """How long a query may run, how many rows it may return, how many may run at once."""

    timeout: float = 10.0
    max_rows: int = 10_000
    max_running: int = 4


@dataclass(frozen=True)
class Answer:
    """A query's serialized result."""

    body: bytes
    media_type: str
    count: int  # rows (SELECT), triples (CONSTRUCT) or 1 (ASK)
    truncated: bool


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


def is_update(text: str) -> bool:
    return UPDATE_START.match(text) is not None


def is_federated(text: str) -> bool:
    """A SERVICE clause outside IRIs, strings and comments."""
    return SERVICE.search(QUOTED_OR_COMMENT.sub(" ", text)) is not None


def preferred(accept: str, offered: dict[str, str]) -> str:
    """The offered media type the Accept header ranks highest; the first offered one by default."""
    default = next(iter(offered.values()))
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media.lower()))
    for negative_quality, _, media in sorted(ranked):
        if negative_quality >= 0:
            break
        if media in offered:
            return offered[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):  # text/* asks for the first text type offered
            kind = media[:-1]
            match = next((answer for asked, answer in offered.items() if asked.startswith(kind)), None)
            if match:
                return match
    return default  # an Accept we cannot meet still gets an answer, as most endpoints do


def take(rows: Iterable, limit: int, cancelled: threading.Event) -> tuple[list, bool]:
    """At most `limit` items, and whether there were more; stops early once cancelled."""
    taken = []
    for row in rows:
        if cancelled.is_set():
            break
        if len(taken) == limit:
            return taken, True
        taken.append(row)
    return taken, False


def evaluate(store: ox.Store, text: str, accept: str, max_rows: int, cancelled: threading.Event,
             graphs: dict | None = None) -> Answer:
    """Run one query and write at most `max_rows` of its results in the format Accept prefers.

    Rows are read one by one rather than with `histkg.query.sparql.run_query`, so that
    a large answer stops at the limit and an abandoned one at the next row.
    """
    try:
        answer = store.query(text, **(graphs or {"use_default_graph_as_union": True}))
        if isinstance(answer, ox.QueryBoolean):
            result, truncated = QueryResult("ask", boolean=bool(answer)), False
        elif isinstance(answer, ox.QueryTriples):
            triples, truncated = take(answer, max_rows, cancelled)
            result = QueryResult("graph", triples=tuple(triples))
        else:
            variables = tuple(variable.value for variable in answer.variables)
            rows, truncated = take((tuple(solution) for solution in answer), max_rows, cancelled)
            result = QueryResult("select", variables=variables, rows=tuple(rows))
    except SyntaxError as error:
        raise Rejected(400, f"bad query: {first_line(error)}") from None
    except OSError as error:  # evaluation failed (a SERVICE call, a store gone)
        raise Rejected(500, f"query failed: {first_line(error)}") from None
    media = preferred(accept, GRAPH_TYPES if result.kind == "graph" else SOLUTION_TYPES)
    body = format_result(result, FORMAT_NAMES[media])
    if truncated and media == JSON_RESULTS:  # extra members are allowed; clients that do not know it ignore it
        body = json.dumps(json.loads(body) | {"histkg": {"truncated": True, "limit": max_rows}}, ensure_ascii=False)
    return Answer(body.encode("utf-8"), media, len(result), truncated)


class QueryRunner:
    """Runs queries off the event loop, each on a daemon thread, with a deadline and a cap on how many run."""

    def __init__(self, store: ox.Store, limits: Limits) -> None:
        self.store = store
        self.limits = limits
        self.slots = threading.BoundedSemaphore(limits.max_running)

    async def run(self, text: str, accept: str, graphs: dict | None = None) -> Answer:
        if not self.slots.acquire(blocking=False):
            raise Rejected(503, f"busy: {self.limits.max_running} queries are still running (queries past the "
                                "timeout run on until they end); try again shortly", {"Retry-After": "5"})
        cancelled = threading.Event()
        future = self._start(lambda: evaluate(self.store, text, accept, self.limits.max_rows, cancelled, graphs))
        try:
            return await asyncio.wait_for(future, self.limits.timeout)
        except TimeoutError:
            cancelled.set()
            raise Rejected(503, f"the query ran longer than {self.limits.timeout:g} s and was abandoned; "
                                "add LIMIT, narrow its patterns or start the server with a longer --timeout",
                           {"Retry-After": "5"}) from None

    def _start(self, work: Callable[[], Answer]) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        future = loop.create_future()

        def settle(value, error) -> None:
            if future.done():  # the request gave up waiting
                return
            if error is None:
                future.set_result(value)
            else:
                future.set_exception(error)

        def target() -> None:
            value, failure = None, None
            try:
                value = work()
            except Exception as error:  # noqa: BLE001 - handed to the request, which answers it
                failure = error
            finally:
                self.slots.release()
            try:
                loop.call_soon_threadsafe(settle, value, failure)
            except RuntimeError:  # the loop closed while the query ran: the server is stopping
                pass

        threading.Thread(target=target, name="histkg-query", daemon=True).start()
        return future


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


def single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise Rejected(400, f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def graph_arguments(params: dict[str, list[str]]) -> dict:
    """pyoxigraph's dataset arguments from the protocol's default-graph-uri and named-graph-uri."""
    try:
        default = [ox.NamedNode(iri) for iri in params.get("default-graph-uri", [])]
        named = [ox.NamedNode(iri) for iri in params.get("named-graph-uri", [])]
    except ValueError as error:
        raise Rejected(400, f"bad graph IRI: {error}") from None
    arguments: dict = {"default_graph": default} if default else {"use_default_graph_as_union": True}
    if named:
        arguments["named_graphs"] = named
    return arguments


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


def inline_hashes(page: str, tag: str) -> list[str]:
    """CSP source expressions that allow exactly the page's own inline scripts or styles."""
    bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", page, flags=re.DOTALL)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'" for body in bodies]


def page_policy(page: str) -> str:
    """A Content-Security-Policy that lets the page talk to this server and nothing else."""
    return ("default-src 'none'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
            f"script-src {' '.join(inline_hashes(page, 'script'))}; style-src {' '.join(inline_hashes(page, 'style'))}")


def load_page() -> str:
    return resources.files("histkg.query").joinpath("web/index.html").read_text(encoding="utf-8")


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


def create_app(store: ox.Store, limits: Limits = Limits(), *, loopback_only: bool = True) -> Starlette:
    """The endpoint as an ASGI app: /sparql, /queries and the page at /."""
    runner = QueryRunner(store, limits)
    page = load_page()
    page_headers = {"Content-Security-Policy": page_policy(page), "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer"}

    async def index(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8", headers=page_headers)

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

    app = Starlette(routes=[Route("/", index), Route("/queries", queries), Route("/favicon.ico", no_icon),
                            Route("/sparql", sparql, methods=["GET", "POST"])])
    if loopback_only:
        app.add_middleware(LoopbackHostOnly)
    return app


def serve(graph: Path | str, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, allow_remote: bool = False,
          limits: Limits = Limits(), on_listening: Callable[[str], None] = lambda url: None) -> None:
    """Serve GRAPH until interrupted; `on_listening` gets the URL once the port is bound."""
    import uvicorn

    check_host(host, allow_remote)
    if limits.timeout <= 0 or limits.max_rows <= 0:
        raise ServeError("--timeout and --limit must be positive")
    store = open_graph(graph)
    app = create_app(store, limits, loopback_only=not allow_remote)
    sock = listen(host, port)
    on_listening(url_of(sock))
    config = uvicorn.Config(app, log_level="warning", lifespan="off", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
