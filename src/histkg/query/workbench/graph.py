"""Reading the graph: SELECT answers as plain Python rows, and the base IRI mapped to local paths.

Every page asks pyoxigraph with SPARQL (indexed, fast) rather than holding the graph in
Python objects, so a large graph costs the server memory once, in the store.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pyoxigraph as ox

from histkg.query.sparql import QUERY_PREFIXES
from histkg.rdf.namespaces import DEFAULT_BASE

HKG = QUERY_PREFIXES["hkg"]
XSD = QUERY_PREFIXES["xsd"]
IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')  # what SPARQL's IRIREF allows between < and >
LOCAL_ROOT = "/id/"  # where the base IRI lives on this server: …/id/person/x -> /id/person/x

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Graph:
    """The store and the base its data IRIs start with."""

    store: ox.Store
    base: str = DEFAULT_BASE

    def select(self, query: str) -> list[dict[str, ox.Term]]:
        """The solutions of a SELECT, each a dict of the bound variables."""
        solutions = self.store.query(query, prefixes=QUERY_PREFIXES)
        names = [variable.value for variable in solutions.variables]
        return [{name: solution[name] for name in names if solution[name] is not None} for solution in solutions]

    def local_path(self, iri: str) -> str | None:
        """The path of an IRI's page on this server, or None for an IRI outside the base."""
        if iri.startswith(self.base) and len(iri) > len(self.base):
            return LOCAL_ROOT + iri[len(self.base):]
        return None

    def iri_of(self, local: str) -> str:
        """The IRI a local path `/id/…` stands for; "" when the path makes no IRI (`/id/a>b`), so that
        no request can write into the SPARQL the pages send."""
        iri = self.base + local[len(LOCAL_ROOT):]
        return iri if IRI.fullmatch(iri) else ""


def detect_base(store: ox.Store) -> str:
    """The base the build minted IRIs under (`histkg build --base`): the part before `source/` of a source."""
    query = "SELECT ?source WHERE { ?source a hkg:Source } LIMIT 1"
    for solution in store.query(query, prefixes=QUERY_PREFIXES):
        iri = solution["source"].value
        if "/source/" in iri:
            return iri[: iri.rindex("/source/") + 1]
    return DEFAULT_BASE


def iri_list(iris) -> str:
    """IRIs as the body of a SPARQL VALUES block."""
    return " ".join(f"<{iri}>" for iri in iris)


def text(term: ox.Term | None) -> str:
    return "" if term is None else term.value


def number(term: ox.Term | None, default: int = 0) -> int:
    try:
        return int(term.value) if term is not None else default
    except ValueError:
        return default


def readable_date(term: ox.Term | str) -> str:
    """`1921-03-16` -> `16 March 1921`, `1921-03` -> `March 1921`, `1921` stays; anything else as written."""
    value = term if isinstance(term, str) else term.value
    parts = value.split("-")
    try:
        if len(parts) == 3:
            day = dt.date.fromisoformat(value)
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        pass
    return value


def readable_dates(values: str) -> str:
    """Dates a stop has, space-separated as GROUP_CONCAT gives them, in time order: two when the
    sources (or a weekday that does not fit) disagree, `29 October 1933 or 30 November 1933`."""
    return " or ".join(readable_date(value) for value in sorted(set(values.split())))


def is_date(term: ox.Term) -> bool:
    return isinstance(term, ox.Literal) and term.datatype.value in {XSD + "date", XSD + "gYearMonth", XSD + "gYear"}
