"""A real store: a built graph into an Oxigraph folder (pyoxigraph's bulk
loader, which `histkg query DIR` and `histkg serve DIR` open), or into any
SPARQL 1.1 Graph Store Protocol server, one named graph (one source) per
request, each replacing that graph there, so pushing a build again updates it.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

STORE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
                 ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}
NTRIPLES_TYPE = "application/n-triples"


class StoreError(ValueError):
    """A graph that cannot be read, a folder that is no store, a server that refuses (a user error)."""


def graph_format(graph: Path) -> ox.RdfFormat:
    if not graph.is_file():
        raise StoreError(f"no such graph file: {graph}")
    fmt = STORE_FORMATS.get(graph.suffix.lower())
    if fmt is None:
        raise StoreError(f"cannot tell the format of {graph}: use {', '.join(STORE_FORMATS)}")
    return fmt


def load_store(graph: Path | str, folder: Path | str) -> int:
    """Fill the Oxigraph store in `folder` with `graph` (what it held before
    is dropped); the number of quads it holds then."""
    graph, folder = Path(graph), Path(folder)
    fmt = graph_format(graph)
    check_store_folder(folder)
    store = ox.Store(str(folder))
    store.clear()
    try:
        store.bulk_load(path=str(graph), format=fmt)
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"cannot read {graph} as {fmt.name}: {first_line(error)}") from None
    store.flush()
    return len(store)


def check_store_folder(folder: Path) -> None:
    """A new or empty folder, or one that holds an Oxigraph store: never a folder of other files."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file: give a folder for the store")
    if folder.is_dir() and any(folder.iterdir()):
        try:
            ox.Store.read_only(str(folder))
        except OSError:
            raise StoreError(f"{folder} holds other files and no Oxigraph store: give a new folder") from None


def push(graph: Path | str, endpoint: str, *, timeout: float = 60) -> list[str]:
    """Send each graph of `graph` to a Graph Store Protocol `endpoint` (e.g.
    http://127.0.0.1:7878/store) with PUT; the graphs sent, by name
    (`default` for the triples of a file without named graphs)."""
    graph = Path(graph)
    fmt = graph_format(graph)
    store = ox.Store()
    try:
        store.load(path=str(graph), format=fmt)
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"cannot read {graph} as {fmt.name}: {first_line(error)}") from None
    names = sorted(store.named_graphs(), key=lambda name: name.value)
    sent = []
    for name in [*names, ox.DefaultGraph()]:
        triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, name)]
        if triples:
            put(graph_url(endpoint, name), ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), timeout)
            sent.append("default" if isinstance(name, ox.DefaultGraph) else name.value)
    return sent


def graph_url(endpoint: str, name) -> str:
    """The Graph Store Protocol's address of one graph: ?graph=IRI, or ?default."""
    joiner = "&" if "?" in endpoint else "?"
    if isinstance(name, ox.DefaultGraph):
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}graph={urllib.parse.quote(name.value, safe='')}"


def put(url: str, body: bytes, timeout: float) -> None:
    request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": NTRIPLES_TYPE})
    try:
        with urllib.request.urlopen(request, timeout=timeout):
            pass
    except urllib.error.HTTPError as error:
        detail = first_line(error.read().decode("utf-8", "replace")) or error.reason
        raise StoreError(f"{url} answered {error.code}: {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        raise StoreError(f"cannot reach {url}: {getattr(error, 'reason', error)}") from None


def first_line(error) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
