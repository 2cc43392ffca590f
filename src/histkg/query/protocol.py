"""The SPARQL 1.1 Protocol: read-only queries, content negotiation, limits on rows and time."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from histkg.query.sparql import (
    QUERY_PREFIXES,
    SPARQL_TSV,
    QueryResult,
    first_line,
    format_result,
    syntax_message,
)

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
FORMAT_NAMES = {JSON_RESULTS: "json", CSV_RESULTS: "csv", TSV_RESULTS: SPARQL_TSV,
                TURTLE: "turtle", N_TRIPLES: "ntriples", JSON_LD: "json"}


# Federated queries make the server fetch other servers' data on a caller's behalf: refused.
QUOTED_OR_COMMENT = re.compile(r"""<[^>\s]*>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\#[^\n]*""")


SERVICE = re.compile(r"(?i)\bservice\b")


SERVICE_MESSAGE = "SERVICE (a federated query) is refused: this endpoint answers from its own graph only"


READ_ONLY_MESSAGE = ("this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, "
                     "CREATE, ADD, MOVE, COPY) is refused; change the graph by rebuilding it")


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
        answer = store.query(text, prefixes=QUERY_PREFIXES, **(graphs or {}))
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
        raise Rejected(400, "bad query: " + syntax_message(text, error).removeprefix("bad SPARQL: ")) from None
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
    arguments: dict = {"default_graph": default} if default else {}  # the union, as open_store wrote it
    if named:
        arguments["named_graphs"] = named
    return arguments


