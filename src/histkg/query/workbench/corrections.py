"""Corrections from the workbench: the curation file `histkg serve --curation` writes to, one
checked entry per request, and the entries it holds that the served graph has not applied yet.

The server checks more than the file's form (`curation.entries` does that): that the ids an
entry names are in the graph it serves and that no entry already waiting takes them away, and
that an asserted quote is in its source at the words the scholar selected, so that a mistake
is shown at once rather than at the next build.

Which entries are pending: a build records each applied entry as a prov:Activity whose IRI
the entry's fields decide (`Entry.activity_path`), so an entry whose activity the served graph
lacks waits for the next build (or no longer fits, and the build reports it).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

import pyoxigraph as ox

from histkg.curation.entries import (
    COMMON_FIELDS,
    DATE_PROPERTIES,
    ENTITY_KINDS,
    ENTITY_PROPERTIES,
    FIELDS,
    KINDS,
    CurationError,
    Entry,
    append_entry,
    check_fields,
    find_quote,
    load_curation,
)
from histkg.query.protocol import Rejected
from histkg.query.sparql import QUERY_PREFIXES
from histkg.query.workbench.catalog import Catalog, Entity
from histkg.query.workbench.facts import Fact
from histkg.query.workbench.graph import Graph
from histkg.query.workbench.reader import SourceMissing

NO_FILE = ("this server was started without a curation file, so it writes no corrections: "
           "start it again with --curation FILE (or --sources FOLDER)")
RETRACTABLE = DATE_PROPERTIES + ENTITY_PROPERTIES  # the facts an entry may retract: treaties' and visits' slots
# What the assert form offers, each property with its words and the kinds of entity its value is
# (none: a date): the slots of treaties and visits, as the shapes type them.
ASSERTABLE = (
    ("party", "a party to it (a state, a place)", "organization,place"),
    ("signatory", "signed by (a person)", "person"),
    ("signedAt", "signed at (a place)", "place,venue"),
    ("signedOn", "signed on (a date)", ""),
    ("leader", "led by (a person)", "person"),
    ("visitor", "a traveller (a person)", "person"),
    ("host", "hosted by (a person)", "person"),
    ("origin", "set out from (a place)", "place,venue"),
    ("destination", "went to (a place)", "place,venue"),
    ("startDate", "began on (a date)", ""),
    ("endDate", "ended on (a date)", ""),
)
BAD_TOKEN = ("refused: this write does not carry the token of the page it came from "
             "(the server may have restarted since the page was opened: reload it)")


@dataclass(frozen=True)
class Pending:
    """What the curation file holds that the served graph does not show yet."""

    entries: tuple[Entry, ...] = ()
    problem: str = ""  # the file cannot be read as curation entries: why

    def naming(self, wanted: str) -> list[Entry]:
        return [entry for entry in self.entries if wanted in ids_named(entry)]

    def gone(self) -> dict[str, Entry]:
        """Ids a pending entry takes away (merged into another, rejected): by id, the entry."""
        taken: dict[str, Entry] = {}
        for entry in self.entries:
            for wanted in entry.drops if entry.kind == "merge" else [entry["id"]] if entry.kind == "reject" else []:
                taken[wanted] = entry
        return taken


def ids_named(entry: Entry) -> list[str]:
    """The entity ids an entry names (a date it retracts or asserts is no id)."""
    if entry.kind == "merge":
        return [entry["keep"], *entry.drops]
    if entry.kind in ("assert", "retract"):
        is_date = entry["property"].removeprefix("hkg:") in DATE_PROPERTIES
        return [entry["subject"]] + ([] if is_date else [entry["object"]])
    return [entry["id"]] + ([entry["new"]] if entry.kind == "split" else [])


def entry_summary(entry: Entry) -> str:
    """An entry in a few words: `merge person/ismet-pasa into person/ismet-inonu`."""
    if entry.kind == "merge":
        return f"merge {', '.join(entry.drops)} into {entry['keep']}"
    if entry.kind in ("assert", "retract"):
        return f"{entry.kind} {entry['subject']} {entry['property']} {entry['object']}"
    detail = {"relabel": "label", "link": "same_as", "split": "new"}.get(entry.kind)
    return f"{entry.kind} {entry['id']}" + (f": {entry[detail]}" if detail else "")


class Corrections:
    """The curation file of one server, and the token its pages carry."""

    def __init__(self, path: Path | None, graph: Graph, catalog: Catalog,
                 source_text: Callable[[Entity], str]) -> None:
        self.path = path
        self.graph = graph
        self.catalog = catalog
        self.source_text = source_text
        self.token = secrets.token_urlsafe(32)  # new at every start: a page from before a restart cannot write
        self._read: tuple[tuple[int, int], Pending] | None = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def accepts(self, token: str) -> bool:
        return bool(token) and secrets.compare_digest(token.encode(), self.token.encode())

    def entity_id(self, iri: str) -> str:
        """An entity's id: its IRI's path below the base ("" outside the base)."""
        return iri[len(self.graph.base):] if iri.startswith(self.graph.base) else ""

    def retraction(self, this: str, fact: Fact, about_object: bool = False) -> dict[str, str] | None:
        """The subject, property and object a retract entry names for a fact on the page of
        `this` (an event's own fact, or, `about_object`, one an event states of it); None for a
        fact no entry retracts (a stop, a leg)."""
        if fact.predicate not in RETRACTABLE:
            return None
        if about_object:
            subject, value = self.entity_id(fact.value_iri), self.entity_id(this)
        else:
            subject, value = self.entity_id(this), self.entity_id(fact.value_iri) if fact.value_iri else fact.raw
        if not subject or not value:
            return None
        return {"subject": subject, "property": "hkg:" + fact.predicate, "object": value}

    # --- reading back ------------------------------------------------------------------

    def pending(self) -> Pending:
        """The file's entries that the served graph has not applied; read again only when the file changed."""
        if self.path is None:
            return Pending()
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return Pending()  # the first correction makes it
        except OSError as error:
            return Pending(problem=f"cannot read the curation file {self.path}: {error.strerror or error}")
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if self._read is None or self._read[0] != stamp:
                self._read = stamp, self._read_pending()
            return self._read[1]

    def _read_pending(self) -> Pending:
        try:
            entries = load_curation(self.path).entries
        except CurationError as error:
            return Pending(problem=str(error))
        return Pending(tuple(entry for entry in entries if not self.applied(entry)))

    def applied(self, entry: Entry) -> bool:
        activity = ox.NamedNode(self.graph.base + entry.activity_path)
        return next(iter(self.graph.store.quads_for_pattern(activity, None, None)), None) is not None

    # --- writing -----------------------------------------------------------------------

    def write(self, kind: str, sent: dict) -> Entry:
        """Check one entry against the file's form and the served graph, then append it."""
        if self.path is None:
            raise Rejected(403, NO_FILE)
        if kind not in KINDS:
            raise CurationError(f"unknown entry kind {kind!r}: use {', '.join(KINDS)}")
        at = sent.pop("at", None)  # where the selected words start: checked, not written
        fields = entry_fields(kind, sent)
        entry = Entry(kind, 0, check_fields(kind, fields, f"[[{kind}]]"))
        problem = self.graph_problem(entry) or (self.quote_problem(entry, at) if kind == "assert" else None) \
            or (self.retract_problem(entry) if kind == "retract" else None)
        if problem:
            raise CurationError(f"[[{kind}]]: {problem}")
        return append_entry(self.path, kind, fields)

    def graph_problem(self, entry: Entry) -> str | None:
        """Why the entry would not fit the served graph and the entries already waiting, or None."""
        gone = self.pending().gone()
        for wanted in ids_named(entry):
            if entry.kind == "split" and wanted == entry["new"]:
                continue
            if wanted in gone:
                return f"{wanted} is taken away by an entry already waiting for the build " \
                       f"({entry_summary(gone[wanted])}): the build would not find it"
            if not self.exists(wanted):
                return f"{wanted} is not in the graph this server shows"
            if entry.kind in ENTITY_KINDS and wanted.startswith("visit/"):
                return f"{wanted} is a journey, an event: reject it, or retract and assert its facts"
        return None

    def retract_problem(self, entry: Entry) -> str | None:
        """A retracted fact must be one the graph states (the build would find nothing to take out)."""
        name = entry["property"].removeprefix("hkg:")
        value = f'"{entry["object"]}"' if name in DATE_PROPERTIES else f'STR(<{self.graph.base}{entry["object"]}>)'
        # The entry's form is checked: ids and dates hold no character that could leave their quotes.
        stated = self.graph.store.query(
            f'ASK {{ <{self.graph.base}{entry["subject"]}> hkg:{name} ?value FILTER (STR(?value) = {value}) }}',
            prefixes=QUERY_PREFIXES)
        return None if stated else f"the graph does not state {entry_summary(entry).removeprefix('retract ')}"

    def exists(self, wanted: str) -> bool:
        node = ox.NamedNode(self.graph.base + wanted)
        return next(iter(self.graph.store.quads_for_pattern(node, None, None)), None) is not None

    def quote_problem(self, entry: Entry, at) -> str | None:
        """An asserted quote must be in its source, and (when the page says where the selected
        words start) first occur there: the build puts the evidence at the first occurrence."""
        source = self.source_named(entry["source"])
        if isinstance(source, str):
            return source
        try:
            text = self.source_text(source)
        except SourceMissing as error:
            return str(error)
        start, end = find_quote(text, entry["quote"])
        if start is None:
            return f"the quote {entry['quote']!r} is not in {source.file}"
        if isinstance(at, int) and not isinstance(at, bool) and at != start:
            return f"the words selected at character {at} occur earlier in {source.file}, at {start}–{end}, " \
                   "where the build would put the evidence: select a few more words around them"
        return None

    def source_named(self, name: str) -> Entity | str:
        """A source by its file as read, its file's name or its id, as the build finds one; else why not."""
        found = [source for source in self.catalog.sources()
                 if name in (source.file, PurePath(source.file).name, source.source_id)]
        if len(found) != 1:
            return f"no source {name} in the graph" if not found else \
                f"{name} names {len(found)} sources: give the path as read ({found[0].file})"
        return found[0]


def entry_fields(kind: str, sent: dict) -> dict:
    """The fields to write, in the order the README lists them: the kind's, then why, by, date.
    Text is stripped; an optional field left blank is left out; a missing date is today."""
    fields = {name: value.strip() if isinstance(value, str) else value for name, value in sent.items()}
    for name in ("by", "date"):
        if fields.get(name) in ("", None):
            fields.pop(name, None)
    if isinstance(fields.get("quote"), str):
        fields["quote"] = " ".join(fields["quote"].split())  # a line break in the selection: any space will do
    fields.setdefault("date", dt.date.today())
    order = [*FIELDS.get(kind, {}), *COMMON_FIELDS]
    return dict(sorted(fields.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))
