"""The review queue: what in a built graph most deserves a scholar's look first.

Read with SPARQL from a pyoxigraph store whose default graph is the union of
the sources' graphs (`query.sparql.open_store` gives one; so does the server).
In the order a reviewer should take them:

1. conflicting dates: one event or stop, two dates of one property, neither within the other;
   impossible values: a value the text states that cannot be right (`hkg:problem`);
2. far places: a place over FAR_KM from the middle of the places its source names;
3. same surname: persons whose names end in one surname (one person, or kin?);
4. inferred facts: values the passage does not state (`hkg:inference`);
5. one mention: persons, places, organizations and treaties named once in the corpus.
"""

from __future__ import annotations

import csv
import os
import statistics
import tempfile
from collections import defaultdict
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import pyoxigraph as ox

from histkg.language.gazetteer import kilometres
from histkg.language.lexicon import load_lexicon
from histkg.rdf.namespaces import DEFAULT_BASE, PREFIXES

FAR_KM = 2000  # the seeds' own region, Istanbul to Baku to Moscow, lies within it of each article's middle
PREFIX_LINES = "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in PREFIXES.items())


@dataclass(frozen=True)
class ReviewItem:
    reason: str  # conflicting dates, impossible value, far place, same surname, inferred fact, one mention
    id: str  # the node's id (its IRI's path below the base), or its IRI outside the base
    label: str
    detail: str  # what to look at, in words
    file: str  # the source file of the sentence
    sentence: str


def review_queue(store: ox.Store, base: str = DEFAULT_BASE) -> list[ReviewItem]:
    """Every item of the queue, the most deserving first (see the module's docstring)."""
    def select(query: str) -> list[dict[str, str]]:
        solutions = store.query(PREFIX_LINES + query)
        names = [variable.value for variable in solutions.variables]
        return [{name: solution[name].value if solution[name] is not None else "" for name in names}
                for solution in solutions]

    short = base if base.endswith(("/", "#")) else base + "/"
    items = (conflicting_dates(select) + impossible_values(select) + far_places(select) + same_surnames(select)
             + inferred_facts(select) + single_mentions(select))
    return [ReviewItem(i.reason, i.id.removeprefix(short), *astuple(i)[2:]) for i in items]


# A claim's evidence as (?file, ?sentence): the least of each, one row per claim.
CLAIM_EVIDENCE = """
          OPTIONAL { SELECT ?claim (MIN(?s) AS ?sentence) (MIN(?f) AS ?file) WHERE {
                       ?claim hkg:evidence ?a . ?a hkg:sentence ?s ; oa:hasTarget/oa:hasSource/hkg:file ?f } GROUP BY ?claim }
"""
# One sentence per node: the first (by file and offset) of its evidence. MIN over strings
# "file NUL offset NUL sentence", the offset padded by adding 10^7 so that it sorts as a number.
FIRST_EVIDENCE = """
  OPTIONAL { SELECT ?node (MIN(CONCAT(?f, "\\u0000", STR(10000000 + ?start), "\\u0000", ?s)) AS ?first)
             WHERE { ?node hkg:evidence ?a . ?a hkg:sentence ?s ; oa:hasTarget ?t .
                     ?t oa:hasSource/hkg:file ?f ; oa:hasSelector/oa:start ?start . } GROUP BY ?node }
"""


def evidence_of(row: dict) -> tuple[str, str]:
    """(file, sentence) from a row's `first`."""
    parts = row.get("first", "").split("\u0000")
    return (parts[0], parts[2]) if len(parts) == 3 else ("", "")


def conflicting_dates(select) -> list[ReviewItem]:
    rows = select("""
        SELECT ?node ?shown ?property ?value ?other ?first WHERE {
          VALUES ?p { hkg:signedOn hkg:startDate hkg:endDate hkg:date }
          ?node ?p ?value , ?other .
          FILTER (STR(?value) < STR(?other) && !STRSTARTS(STR(?other), STR(?value)))
          BIND (STRAFTER(STR(?p), "#") AS ?property)
          OPTIONAL { ?node skos:prefLabel ?label }
          OPTIONAL { ?visit hkg:stop ?node ; skos:prefLabel ?visitLabel }
          BIND (COALESCE(?label, ?visitLabel, "") AS ?shown)
          """ + FIRST_EVIDENCE + """
        } ORDER BY ?node ?property ?value ?other""")
    return [ReviewItem("conflicting dates", row["node"], row["shown"],
                       f"hkg:{row['property']} {row['value']} and {row['other']}", *evidence_of(row))
            for row in rows]


def impossible_values(select) -> list[ReviewItem]:
    rows = select("""
        SELECT ?node ?shown ?property ?value ?problem ?file ?sentence WHERE {
          ?claim hkg:problem ?problem ; hkg:subject ?node ; hkg:predicate ?p ; hkg:object ?value .
          BIND (STRAFTER(STR(?p), "#") AS ?property)
          OPTIONAL { ?node skos:prefLabel ?label }
          OPTIONAL { ?visit hkg:stop ?node ; skos:prefLabel ?visitLabel }
          BIND (COALESCE(?label, ?visitLabel, "") AS ?shown)
          """ + CLAIM_EVIDENCE + """
        } ORDER BY ?node ?property ?value""")
    return [ReviewItem("impossible value", row["node"], row["shown"],
                       f"hkg:{row['property']} {row['value']}: {row['problem']}", row["file"], row["sentence"])
            for row in rows]


def far_places(select) -> list[ReviewItem]:
    rows = select("""
        SELECT DISTINCT ?node ?label ?lat ?long ?file ?sentence WHERE {
          ?node a hkg:Place ; skos:prefLabel ?label ; schema:latitude ?lat ; schema:longitude ?long ;
                hkg:evidence ?a .
          ?a hkg:sentence ?sentence ; oa:hasTarget/oa:hasSource/hkg:file ?file .
        } ORDER BY ?file ?node ?sentence""")
    places_of = defaultdict(dict)  # file -> node -> (label, lat, long, sentence)
    for row in rows:
        places_of[row["file"]].setdefault(row["node"], (row["label"], float(row["lat"]), float(row["long"]),
                                                        row["sentence"]))
    far = []  # (distance, item): the farthest first
    for file, places in places_of.items():
        middle = (statistics.median(p[1] for p in places.values()), statistics.median(p[2] for p in places.values()))
        for node, (label, lat, long, sentence) in places.items():
            distance = kilometres((lat, long), middle)
            if distance > FAR_KM:
                far.append((-round(distance), node, ReviewItem("far place", node, label, f"{distance:.0f} km from the "
                            f"middle of the {len(places)} places {file} names", file, sentence)))
    return [item for *_, item in sorted(far)]


def same_surnames(select) -> list[ReviewItem]:
    rows = select("""
        SELECT ?node ?label ?first WHERE { ?node a hkg:Person ; skos:prefLabel ?label . """ + FIRST_EVIDENCE + """
        } ORDER BY ?label ?node""")
    by_surname = defaultdict(list)
    for row in rows:
        if (name := surname(row["label"])) is not None:
            by_surname[name].append(row)
    items = []
    for name, persons in sorted(by_surname.items()):
        if len({row["label"] for row in persons}) > 1:
            for row in persons:
                others = ", ".join(other["label"] for other in persons if other is not row)
                items.append(ReviewItem("same surname", row["node"], row["label"],
                                        f"surname {name}, as {others}", *evidence_of(row)))
    return items


def surname(label: str) -> str | None:
    """The last word of a name of at least two, titles, honorifics and initials aside
    (`Ali Fuad (Cebesoy) Paşa` -> `Cebesoy`); None for a lone name."""
    names = load_lexicon("names.json")
    skip = set(names["honorifics_after"]) | set(names["titles_before"])
    words = [w.strip("()") for w in label.split() if w not in skip and "." not in w and w.strip("()")]
    return words[-1] if len(words) > 1 else None


def inferred_facts(select) -> list[ReviewItem]:
    rows = select("""
        SELECT ?node ?label ?property ?value ?inference ?file ?sentence WHERE {
          ?claim hkg:inference ?inference ; hkg:subject ?node ; hkg:predicate ?p ; hkg:object ?object .
          BIND (STRAFTER(STR(?p), "#") AS ?property)
          OPTIONAL { ?node skos:prefLabel ?nodeLabel }
          OPTIONAL { ?object skos:prefLabel ?objectLabel }
          BIND (COALESCE(?nodeLabel, "") AS ?label)
          BIND (COALESCE(?objectLabel, STR(?object)) AS ?value)
          """ + CLAIM_EVIDENCE + """
        } ORDER BY ?node ?property ?value ?inference""")
    return [ReviewItem("inferred fact", row["node"], row["label"],
                       f"hkg:{row['property']} {row['value']}: {row['inference']}", row["file"], row["sentence"])
            for row in rows]


def single_mentions(select) -> list[ReviewItem]:
    rows = select("""
        SELECT ?node ?label ?first WHERE {
          VALUES ?type { hkg:Person hkg:Place hkg:Organization hkg:Treaty }
          ?node a ?type ; skos:prefLabel ?label .
          { SELECT ?node (COUNT(DISTINCT ?a) AS ?n) WHERE { ?node hkg:evidence ?a } GROUP BY ?node }
          FILTER (?n = 1)
          """ + FIRST_EVIDENCE + """
        } ORDER BY ?node""")
    return [ReviewItem("one mention", row["node"], row["label"], "named once in the corpus", *evidence_of(row))
            for row in rows]


def write_csv(items: list[ReviewItem], path: Path | str) -> Path:
    """The queue as a spreadsheet: a header row, then one row per item, in order;
    written to a temporary file and renamed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["rank"] + [field.name for field in fields(ReviewItem)])
            writer.writerows([rank, *astuple(item)] for rank, item in enumerate(items, 1))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
