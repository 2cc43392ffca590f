"""The curation file: a scholar's decisions about the graph, in TOML.

Each decision is one entry, an array-of-tables item named by its kind:

    [[merge]]
    keep = "person/ismet-inonu"
    drop = ["person/ismet-pasa"]
    why = "İsmet Paşa took the surname İnönü in 1934"

Entities are named by their id, the path of their IRI below the base. Reading
checks the form of every entry (kinds, fields, ids, properties, dates); whether
the ids and quotes are still found is checked when a build applies the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import threading
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CURATION_FILE = "curation.toml"  # the name a build (and a server given the sources) looks for in the corpus folder

# Where each kind acts: on the resolved entities (their mentions and labels), or on
# the statements of the built graph.
ENTITY_KINDS = ("merge", "split", "relabel", "link")
STATEMENT_KINDS = ("reject", "retract", "assert")
KINDS = ("reject", "merge", "split", "relabel", "link", "assert", "retract")

COMMON_FIELDS = {"why": True, "by": False, "date": False}  # name -> required
FIELDS = {
    "reject": {"id": True},
    "merge": {"keep": True, "drop": True},
    "split": {"id": True, "new": True, "names": True},
    "relabel": {"id": True, "label": True},
    "link": {"id": True, "same_as": True},
    "assert": {"subject": True, "property": True, "object": True, "source": True, "quote": True},
    "retract": {"subject": True, "property": True, "object": True},
}
# The facts an entry may assert or retract: the slots of treaties and visits, each
# written with an hkg:Claim. A date's object is a date; the others' an entity id.
DATE_PROPERTIES = ("signedOn", "startDate", "endDate")
ENTITY_PROPERTIES = ("signedAt", "party", "signatory", "visitor", "leader", "host", "origin", "destination")
FOLDERS = ("person", "place", "venue", "organization", "treaty", "visit", "date")
ID_PATTERN = re.compile(r"^(?:%s)/[a-z0-9][a-z0-9-]*$" % "|".join(FOLDERS))
HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z_-]+)[ \t]*\]\]", re.MULTILINE)
DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# The authorities the shapes accept as owl:sameAs (hkgsh:NamedShape-sameAs).
AUTHORITY_IRI = re.compile(r"^(http://www\.wikidata\.org/entity/Q[0-9]+|https://sws\.geonames\.org/[0-9]+/)$")


class CurationError(ValueError):
    """The curation file cannot be read as curation entries: one line that says where."""


@dataclass(frozen=True)
class Entry:
    """One decision: its kind, its place among the entries of that kind (from 1), its fields."""

    kind: str
    number: int
    fields: dict

    def __getitem__(self, name: str):
        return self.fields[name]

    @property
    def name(self) -> str:
        """How reports name the entry: `[[merge]] #1 (keep = person/ismet-inonu)`."""
        first = next(iter(FIELDS[self.kind]))
        return f"[[{self.kind}]] #{self.number} ({first} = {self.fields[first]})"

    @property
    def drops(self) -> list[str]:
        drop = self.fields["drop"]
        return [drop] if isinstance(drop, str) else list(drop)

    @property
    def activity_path(self) -> str:
        """The path below the base of the prov:Activity a build records for this entry:
        the same entry gives the same IRI wherever it stands in the file, so a server
        can tell the entries its graph has applied from those still waiting for a build."""
        text = "|".join(f"{name}={value}" for name, value in sorted(self.fields.items()))
        return f"curation/{self.kind}-{hashlib.sha1(f'{self.kind}|{text}'.encode()).hexdigest()[:12]}"


@dataclass(frozen=True)
class Curation:
    path: Path
    entries: tuple[Entry, ...]

    def of_kinds(self, kinds: tuple[str, ...]) -> list[Entry]:
        return [entry for entry in self.entries if entry.kind in kinds]


def load_curation(path: Path | str) -> Curation:
    """Read and check a curation file; CurationError on anything malformed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CurationError(f"cannot read the curation file {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CurationError(f"cannot read the curation file {path}: not UTF-8") from None
    return Curation(path, parse_entries(text, str(path)))


def parse_entries(text: str, where: str) -> tuple[Entry, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CurationError(f"{where}: not valid TOML: {error}") from None
    entries = []
    for kind, items in data.items():
        if kind not in KINDS:
            raise CurationError(f"{where}: unknown entry kind {kind!r}: use {', '.join(KINDS)}, "
                                f"each as [[kind]]")
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise CurationError(f"{where}: write {kind} entries as [[{kind}]] tables")
        for number, fields in enumerate(items, 1):
            entries.append(Entry(kind, number, check_fields(kind, fields, f"{where}: [[{kind}]] #{number}")))
    return in_file_order(entries, text)


def in_file_order(entries: list[Entry], text: str) -> tuple[Entry, ...]:
    """The entries in the order the file writes them: TOML gathers the entries of one
    kind, so they are put back in the order of their `[[kind]]` headers."""
    headers = HEADER.findall(text)
    if sorted(headers) != sorted(entry.kind for entry in entries):  # a header inside a string: keep TOML's order
        return tuple(entries)
    seen: Counter = Counter()
    position = {}
    for index, kind in enumerate(headers):
        seen[kind] += 1
        position[(kind, seen[kind])] = index
    return tuple(sorted(entries, key=lambda entry: position[(entry.kind, entry.number)]))


def check_fields(kind: str, fields: dict, where: str) -> dict:
    """The entry's fields, checked: all required present, none unknown, each of its form."""
    allowed = FIELDS[kind] | COMMON_FIELDS
    for name in fields:
        if name not in allowed:
            raise CurationError(f"{where}: unknown field {name!r} (a {kind} entry has {', '.join(allowed)})")
    for name, required in allowed.items():
        if required and name not in fields:
            raise CurationError(f"{where}: missing field {name!r}")
    for name, value in fields.items():
        problem = field_problem(kind, name, value, fields)
        if problem:
            raise CurationError(f"{where}: {name} {problem}")
    return dict(fields)


def field_problem(kind: str, name: str, value, fields: dict) -> str | None:
    """Why a field's value is of the wrong form, or None."""
    if name == "date":
        return None if is_day(value) else "must be a day, 2024-05-31"
    if name == "drop":
        ids = [value] if isinstance(value, str) else value
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and ID_PATTERN.match(i) for i in ids):
            return f"must be an id or a list of ids such as {FOLDERS[0]}/ismet-pasa"
        if len(set(ids)) < len(ids):
            return "names an id twice"
        return "must not name the kept id" if fields.get("keep") in ids else None
    if name == "names":
        ok = isinstance(value, list) and value and all(isinstance(n, str) and n.strip() for n in value)
        return None if ok else "must be a list of the names (as the graph's labels write them) that move out"
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty string"
    if name in ("id", "keep", "new", "subject") and not ID_PATTERN.match(value):
        return f"must be an id such as person/ismet-pasa, not {value!r}"
    if name == "new" and value.split("/")[0] != fields.get("id", "").split("/")[0]:
        return "must be of the same kind as id"
    if name == "same_as":
        return None if AUTHORITY_IRI.match(value) else \
            "must be a Wikidata entity (http://www.wikidata.org/entity/Q…) or a GeoNames place (https://sws.geonames.org/ID/)"
    if name == "property":
        return property_problem(value)
    if name == "object":
        return object_problem(fields.get("property", ""), value)
    return None


def is_day(value) -> bool:
    """A TOML date (2024-05-31, unquoted) or the same as a string; a date with a time is no day."""
    if isinstance(value, dt.date):
        return not isinstance(value, dt.datetime)
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def property_problem(value: str) -> str | None:
    term = value.removeprefix("hkg:")
    if value.startswith("hkg:") and term in DATE_PROPERTIES + ENTITY_PROPERTIES:
        return None
    return f"must be one of {', '.join('hkg:' + p for p in DATE_PROPERTIES + ENTITY_PROPERTIES)}, not {value!r}"


def object_problem(prop: str, value: str) -> str | None:
    if prop.removeprefix("hkg:") in DATE_PROPERTIES:
        return None if DATE_VALUE.match(value) else f"of {prop} must be a date: 1921, 1921-10 or 1921-10-13"
    return None if ID_PATTERN.match(value) else f"must be an id such as organization/turkiye, not {value!r}"


def find_quote(text: str, quote: str) -> tuple[int | None, int | None]:
    """The offsets of the first place the quote occurs; a run of spaces or line
    breaks in the quote matches any such run in the file (a line may break there)."""
    words = quote.split()
    if not words:
        return None, None
    match = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return (match.start(), match.end()) if match else (None, None)


# --- writing -----------------------------------------------------------------------

# A server answers requests in threads: two entries appended at once must not both
# read the file as it was and each write it back without the other's.
APPENDING = threading.Lock()


def append_entry(path: Path | str, kind: str, fields: dict) -> Entry:
    """Add one entry to the end of a curation file (made when missing), after
    checking it and the whole file as it will read; the file is replaced at
    once, never half-written, and what it held before is kept as written
    (comments included). Returns the entry as the file now numbers it."""
    path = Path(path)
    if kind not in KINDS:
        raise CurationError(f"unknown entry kind {kind!r}: use {', '.join(KINDS)}")
    with APPENDING:
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        separator = "" if not before or before.endswith("\n\n") else "\n" if before.endswith("\n") else "\n\n"
        after = before + separator + toml_table(kind, fields)
        entries = parse_entries(after, str(path))
        replace_text(path, after)
    return [entry for entry in entries if entry.kind == kind][-1]


def toml_table(kind: str, fields: dict) -> str:
    lines = [f"[[{kind}]]"] + [f"{name} = {toml_value(value)}" for name, value in fields.items()]
    return "\n".join(lines) + "\n"


def toml_value(value) -> str:
    """A TOML value for a string, a list of strings or a day. A JSON string
    (escapes and all, non-ASCII kept) is a TOML basic string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def replace_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
