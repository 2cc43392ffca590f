"""Evaluation: how well a built graph's mentions match hand-made gold annotations.

`evaluate(graph_path, gold_dir)` reads the graph's `hkg:evidence` annotations
(the predicted mentions, with their original-file offsets), locates the gold
items in the ORIGINAL source texts, and compares the two:

- persons (`persons.json`): every occurrence of every variant in the person's
  files, found case-sensitively, whitespace-flexibly (`\\s+` between words), not
  preceded by a letter, not followed by a letter (an apostrophe case suffix may
  follow). Only maximal occurrences count: one contained in a longer occurrence
  of any gold person's variant, or in an occurrence of a `not_persons.json`
  string (`Gazi` in `Gazi Muallim Mektebi`, `Voroşilov` in `Voroşilov Heyeti`),
  is dropped. A one-word variant that is a given name does not count next to
  another capitalised word that is no title (`Kemal` in `Ali Kemal Aksüt`, a
  person the sample may not list).
- treaties (`treaties.json`): each mention's `quote` is found on its `line`;
  the treaty's variants are then found where they overlap the quote (so a name
  split over two quoted lines is one occurrence). Mention-level recall counts
  names only (variants that start with a capital letter).
- dates (`dates.json`): `surface_joined` (else `surface`) on its line(s) and
  the next one; `is_date: false` items are negatives. Strict spans are compared
  after trimming surrounding punctuation and whitespace from both sides.
- places: derived from `visits.json` itinerary places and `treaties.json`
  places (their leading capitalised words); recall only.

Strict means the predicted span equals the gold span, fuzzy that they overlap.
The gold is a sample of the truth (about half of it): precision counts a
prediction the gold does not list as wrong, so it is a lower bound. The
`judged` person rows count only predictions the gold judges: on a gold person
(right) or inside a `not_persons.json` string (wrong).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from .corpus import CorpusError, decode
from .export import ExportError, as_graph, load_graph
from .lexicon import load_word_list, name_titles
from .namespaces import HKG, OA

__all__ = ["EvaluationError", "Report", "Row", "evaluate"]

GOLD_FILES = ("persons.json", "not_persons.json", "treaties.json", "dates.json", "visits.json")
KINDS = {"Person": HKG.Person, "Place": HKG.Place, "Organization": HKG.Organization,
         "Treaty": HKG.Treaty, "TimeSpan": HKG.TimeSpan}
APOSTROPHES = "'’"
APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
TRIM = set(" \t\r\n\f\v()[]{}\"“”„«».,;:" + APOSTROPHES)
NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
NOT_LETTER_AFTER = r"(?![^\W\d_])"
PLACE_CUT = re.compile(r"[(,—–/;:]| - ")
DATE_TRIM_NOTE = "date spans are compared after trimming surrounding punctuation and whitespace"


class EvaluationError(ValueError):
    """A missing or unreadable gold folder, graph or source text (a user error)."""


# --------------------------------------------------------------------------- report


@dataclass
class Row:
    """One line of the report. Rates are in [0, 1], or None where undefined."""

    type: str
    level: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    accuracy: float | None = None
    counts: dict[str, int] = field(default_factory=dict)
    note: str = ""


@dataclass
class Report:
    graph: str
    gold: str
    rows: list[Row] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def row(self, type_: str, level: str) -> Row:
        for row in self.rows:
            if row.type == type_ and row.level == level:
                return row
        raise KeyError((type_, level))

    def to_json(self) -> str:
        """The same numbers as the table (rates rounded to 3 decimals), the lists and the notes."""
        data = asdict(self)
        for row in data["rows"]:
            for name in ("precision", "recall", "f1", "accuracy"):
                if row[name] is not None:
                    row[name] = round(row[name], 3)
        return json.dumps(data, ensure_ascii=False, indent=2)

    def to_text(self, verbose: bool = False) -> str:
        header = ("type", "level", "P", "R", "F1", "acc", "counts")
        table = [header] + [(row.type, row.level, _fmt(row.precision), _fmt(row.recall), _fmt(row.f1),
                             _fmt(row.accuracy), _counts_text(row)) for row in self.rows]
        widths = [max(len(line[i]) for line in table) for i in range(len(header))]
        lines = [f"evaluation of {self.graph} against {self.gold}", ""]
        for line in table:
            cells = [line[0].ljust(widths[0]), line[1].ljust(widths[1])]
            cells += [cell.rjust(widths[i + 2]) for i, cell in enumerate(line[2:6])]
            cells.append(line[6])
            lines.append("  ".join(cells).rstrip())
        if self.notes:
            lines.append("")
            lines += [f"note: {note}" for note in self.notes]
        if verbose:
            for title, items in self.lists.items():
                lines += ["", f"{title} ({len(items)}):"]
                lines += [f"  {item}" for item in items] or ["  (none)"]
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _counts_text(row: Row) -> str:
    c = dict(row.counts)
    parts = []
    if "pred" in c:
        parts.append(f"P {c.pop('pred_ok', 0)}/{c.pop('pred')}")
    if "gold" in c:
        parts.append(f"R {c.pop('gold_ok', 0)}/{c.pop('gold')}")
    if "total" in c:
        parts.append(f"{c.pop('ok', 0)}/{c.pop('total')}")
    parts += [f"{key}={value}" for key, value in c.items()]
    text = "  ".join(parts)
    return f"{text}  ({row.note})" if row.note else text


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _pr_row(type_: str, level: str, pred_ok: int, pred: int, gold_ok: int, gold: int, note: str = "") -> Row:
    p, r = _ratio(pred_ok, pred), _ratio(gold_ok, gold)
    return Row(type_, level, p, r, _f1(p, r), None,
               {"pred_ok": pred_ok, "pred": pred, "gold_ok": gold_ok, "gold": gold}, note)


def _recall_row(type_: str, level: str, gold_ok: int, gold: int, note: str = "") -> Row:
    return Row(type_, level, None, _ratio(gold_ok, gold), None, None, {"gold_ok": gold_ok, "gold": gold}, note)


def _acc_row(type_: str, level: str, ok: int, total: int, note: str = "", **extra: int) -> Row:
    return Row(type_, level, None, None, None, _ratio(ok, total), {"ok": ok, "total": total, **extra}, note)


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True)
class Mention:
    """A predicted mention: where (gold file code, offsets), what, and which node."""

    code: str
    start: int
    end: int
    exact: str
    node: str


@dataclass(frozen=True)
class Occurrence:
    """A gold occurrence: where, and which gold item (`key`) it belongs to."""

    code: str
    start: int
    end: int
    key: str


class SpanIndex:
    """Spans per file, sorted, for fast overlap and equality look-ups."""

    def __init__(self, spans: Iterable) -> None:
        self.by_code: dict[str, list] = defaultdict(list)
        for span in spans:
            self.by_code[span.code].append(span)
        self.starts: dict[str, list[int]] = {}
        self.longest: dict[str, int] = {}
        for code, items in self.by_code.items():
            items.sort(key=lambda s: (s.start, s.end))
            self.starts[code] = [s.start for s in items]
            self.longest[code] = max(s.end - s.start for s in items)

    def overlapping(self, code: str, start: int, end: int) -> list:
        items = self.by_code.get(code)
        if not items:
            return []
        found = []
        i = bisect.bisect_left(self.starts[code], end) - 1
        floor = start - self.longest[code]
        while i >= 0 and items[i].start >= floor:
            if items[i].end > start and items[i].start < end:
                found.append(items[i])
            i -= 1
        return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def flexible(phrase: str, *, first_either_case: bool = False) -> str:
    """A regex for `phrase`: words joined by any whitespace run, either apostrophe."""
    words = phrase.split()
    parts = []
    for word in words:
        parts.append(f"[{APOSTROPHES}]".join(re.escape(piece) for piece in APOSTROPHE_RE.split(word)))
    pattern = r"\s+".join(parts)
    if first_either_case and words and words[0][0].isalpha() and words[0][0].lower() != words[0][0].upper():
        first = words[0][0]
        pattern = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" + pattern[len(re.escape(first)):]
    return pattern


def name_pattern(phrase: str) -> re.Pattern:
    """A name: not preceded by a letter; followed by no letter (an apostrophe suffix may follow)."""
    return re.compile(NOT_LETTER_BEFORE + flexible(phrase) + NOT_LETTER_AFTER)


def inside_another_name(text: str, start: int, end: int) -> bool:
    """A given name written next to another capitalised word that is no title:
    `Kemal` in `Ali Kemal Aksüt` or `Yusuf Kemal` names someone else."""
    if text[start:end] not in load_word_list("given-names.txt"):
        return False
    before = re.search(r"([^\W\d_]+)\s+$", text[max(start - 40, 0):start])
    after = re.match(r"\s+([^\W\d_]+)", text[end:end + 40])
    return any(m and m.group(1)[0].isupper() and m.group(1) not in name_titles() for m in (before, after))


def find_all(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def maximal(occurrences: Iterable[Occurrence], blockers: Iterable[tuple[str, int, int]] = ()) -> list[Occurrence]:
    """Drop every occurrence strictly contained in a longer occurrence (of any
    key) or in a longer blocker span; identical spans of different keys stay."""
    occurrences = list(dict.fromkeys(occurrences))
    spans = {(o.code, o.start, o.end) for o in occurrences} | set(blockers)
    contained: set[tuple[str, int, int]] = set()
    by_code: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for code, start, end in spans:
        by_code[code].append((start, end))
    for code, items in by_code.items():
        items.sort(key=lambda span: (span[0], -span[1]))
        max_end = -1
        for start, end in items:
            if max_end >= end:
                contained.add((code, start, end))
            max_end = max(max_end, end)
    return [o for o in occurrences if (o.code, o.start, o.end) not in contained]


# --------------------------------------------------------------------------- inputs


@dataclass
class Predictions:
    texts: dict[str, str]  # gold file code -> original text
    mentions: dict[str, list[Mention]]  # kind -> mentions in the gold files
    labels: dict[str, str]
    edtf: dict[str, str]
    notes: list[str]
    graph: Graph | None = None
    code_of_source: dict = field(default_factory=dict)  # source node -> gold file code


def _label(graph: Graph, node) -> str:
    value = graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label)
    return str(value) if value is not None else str(node).rsplit("/", 1)[-1]


def _source_path(file: str, graph_path: Path) -> Path | None:
    path = Path(file)
    candidates = [path] if path.is_absolute() else [Path.cwd() / path, graph_path.resolve().parent.parent / path]
    return next((c for c in candidates if c.is_file()), None)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def load_predictions(graph_path: Path, codes: set[str]) -> Predictions:
    try:
        graph = as_graph(load_graph(graph_path))
    except ExportError as error:
        raise EvaluationError(str(error)) from None
    notes: list[str] = []
    code_of_source: dict = {}
    texts: dict[str, str] = {}
    sources = sorted(graph.subject_objects(HKG.file), key=lambda pair: str(pair[1]))
    for code in sorted(codes):
        matching = [(s, f) for s, f in sources if Path(str(f)).name.startswith(f"{code}_")]
        if not matching:
            notes.append(f"gold file {code} has no source in the graph: its gold items are skipped")
            continue
        if len(matching) > 1:
            notes.append(f"gold file {code} matches {len(matching)} sources; using {matching[0][1]}")
        source, file = matching[0]
        path = _source_path(str(file), graph_path)
        if path is None:
            raise EvaluationError(f"cannot find source {file} named in the graph (looked in the current folder "
                                  f"and in {graph_path.resolve().parent.parent})")
        try:
            raw = path.read_bytes()
            texts[code] = decode(raw)[0]
        except (OSError, CorpusError) as error:
            raise EvaluationError(f"cannot read source {path}: {error}") from None
        code_of_source[source] = code
        expected = graph.value(source, HKG.sha256)
        if expected is not None and hashlib.sha256(raw).hexdigest() != str(expected):
            notes.append(f"{path} changed since the build (sha256 differs): offsets may be wrong")
    mentions: dict[str, list[Mention]] = {kind: [] for kind in KINDS}
    labels: dict[str, str] = {}
    edtf: dict[str, str] = {}
    mismatched = 0
    for kind, cls in KINDS.items():
        for node in graph.subjects(RDF.type, cls):
            key = str(node)
            labels[key] = _label(graph, node)
            value = graph.value(node, HKG.edtf)
            if value is not None:
                edtf[key] = str(value)
            for annotation in graph.objects(node, HKG.evidence):
                target = graph.value(annotation, OA.hasTarget)
                code = code_of_source.get(graph.value(target, OA.hasSource)) if target is not None else None
                if code is None:
                    continue
                start = end = None
                exact = ""
                for selector in graph.objects(target, OA.hasSelector):
                    if (selector, OA.start, None) in graph:
                        start, end = _int(graph.value(selector, OA.start)), _int(graph.value(selector, OA.end))
                    quote = graph.value(selector, OA.exact)
                    if isinstance(quote, Literal):
                        exact = str(quote)
                if start is None or end is None:
                    continue
                if texts[code][start:end] != exact:
                    mismatched += 1
                mentions[kind].append(Mention(code, start, end, exact, key))
    if mismatched:
        notes.append(f"{mismatched} annotations whose oa:exact differs from the source text at their offsets")
    return Predictions(texts, mentions, labels, edtf, notes, graph, code_of_source)


def _read_json(path: Path) -> list:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationError(f"cannot read gold file {path}: {error}".splitlines()[0]) from None
    if not isinstance(data, list):
        raise EvaluationError(f"gold file {path} must hold a JSON list")
    return data


def load_gold(gold_dir: Path) -> dict[str, list]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvaluationError(f"no such gold folder: {gold_dir}")
    gold = {name.removesuffix(".json"): _read_json(gold_dir / name)
            for name in GOLD_FILES if (gold_dir / name).is_file()}
    if not gold:
        raise EvaluationError(f"no gold file in {gold_dir} (expected one of: {', '.join(GOLD_FILES)})")
    return gold


def _codes(item: dict) -> list[str]:
    files = item.get("files") or ([item["file"]] if item.get("file") else [])
    return [str(code) for code in files]


def _gold_codes(gold: dict[str, list]) -> set[str]:
    codes: set[str] = set()
    for name in ("persons", "treaties", "dates", "visits"):
        for item in gold.get(name, []):
            if isinstance(item, dict):
                codes.update(_codes(item))
                for part in (item.get("mentions") or []) + (item.get("itinerary") or []):
                    if isinstance(part, dict) and part.get("file"):
                        codes.add(str(part["file"]))
    return codes


# --------------------------------------------------------------------------- metrics


def mention_rows(type_: str, pred: list[Mention], gold: list[Occurrence], texts: dict[str, str], *,
                 precision_gold: list[Occurrence] | None = None, trim: bool = False,
                 note: str = "") -> tuple[Row, Row]:
    """Strict and fuzzy P/R/F1. Recall over `gold`; precision against
    `precision_gold` (default `gold`)."""
    precision_gold = gold if precision_gold is None else precision_gold

    def key(span) -> tuple[str, int, int]:
        if trim:
            return (span.code, *_trimmed(texts[span.code], span.start, span.end))
        return span.code, span.start, span.end

    precision_keys = {key(g) for g in precision_gold}
    pred_keys = {key(p) for p in pred}
    precision_index, pred_index = SpanIndex(precision_gold), SpanIndex(pred)
    strict = _pr_row(type_, "mention strict", sum(key(p) in precision_keys for p in pred), len(pred),
                     sum(key(g) in pred_keys for g in gold), len(gold), note)
    fuzzy = _pr_row(type_, "mention fuzzy",
                    sum(bool(precision_index.overlapping(p.code, p.start, p.end)) for p in pred), len(pred),
                    sum(bool(pred_index.overlapping(g.code, g.start, g.end)) for g in gold), len(gold), note)
    return strict, fuzzy


@dataclass
class EntityMatch:
    found: dict[str, set[str]]  # gold key -> predicted nodes overlapping its occurrences
    present: set[str]  # gold keys with at least one occurrence
    holders: dict[str, set[str]]  # predicted node -> gold keys it overlaps


def match_entities(pred: list[Mention], gold: list[Occurrence]) -> EntityMatch:
    ambiguous = defaultdict(set)
    for g in gold:
        ambiguous[(g.code, g.start, g.end)].add(g.key)
    index = SpanIndex(pred)
    found: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        for p in index.overlapping(g.code, g.start, g.end):
            found[g.key].add(p.node)
            if len(ambiguous[(g.code, g.start, g.end)]) == 1:
                holders[p.node].add(g.key)
    return EntityMatch(dict(found), {g.key for g in gold}, dict(holders))


def entity_rows(type_: str, match: EntityMatch, nodes: set[str], pred: list[Mention], gold_all: list[Occurrence],
                labels: dict[str, str], names: dict[str, str], report: Report, list_prefix: str) -> None:
    """Entity-level P/R, merge accuracy and conflicting nodes, with their lists."""
    index = SpanIndex(gold_all)
    matched_nodes = {p.node for p in pred if index.overlapping(p.code, p.start, p.end)}
    found = {key for key, held in match.found.items() if held}
    row = _pr_row(type_, "entity", len(matched_nodes & nodes), len(nodes), len(found & match.present),
                  len(match.present))
    row.note = "fuzzy"
    report.rows.append(row)
    single = {key for key in found if len(match.found[key]) == 1}
    conflicts = {node: keys for node, keys in match.holders.items() if len(keys) >= 2}
    report.rows.append(_acc_row(type_, "merge", len(single), len(found),
                                "found gold entities held by one node"))
    report.rows.append(Row(type_, "conflicting nodes", counts={"nodes": len(conflicts)},
                           note="predicted nodes holding 2+ gold entities; should be 0"))
    report.lists[f"{list_prefix}: missed gold entities"] = sorted(names[k] for k in match.present - found)
    report.lists[f"{list_prefix}: unmatched predicted nodes"] = sorted(
        f"{labels.get(node, node)}  <{node}>" for node in nodes - matched_nodes)
    report.lists[f"{list_prefix}: gold entities split over several nodes"] = sorted(
        f"{names[key]} -> " + " | ".join(sorted(labels.get(n, n) for n in match.found[key]))
        for key in found - single)
    report.lists[f"{list_prefix}: nodes holding several gold entities"] = sorted(
        f"{labels.get(node, node)} -> " + " | ".join(sorted(names[k] for k in keys))
        for node, keys in conflicts.items())


# --------------------------------------------------------------------------- per type


def evaluate_persons(gold: dict[str, list], pred: Predictions, report: Report) -> None:
    texts = pred.texts
    persons = [p for p in gold["persons"] if isinstance(p, dict)]
    names = {str(i): str(p.get("canonical") or (p.get("variants") or ["?"])[0]) for i, p in enumerate(persons)}
    files = sorted({code for p in persons for code in _codes(p) if code in texts})
    cache: dict[tuple[str, str], list[tuple[int, int]]] = {}

    def occurrences(phrase: str, code: str) -> list[tuple[int, int]]:
        if (phrase, code) not in cache:
            cache[(phrase, code)] = find_all(name_pattern(phrase), texts[code]) if phrase.split() else []
        return cache[(phrase, code)]

    raw = [Occurrence(code, s, e, str(i)) for i, person in enumerate(persons) for code in _codes(person)
           if code in texts for variant in person.get("variants") or [] for s, e in occurrences(str(variant), code)
           if not inside_another_name(texts[code], s, e)]
    blockers = [(code, s, e) for phrase in gold.get("not_persons", []) if isinstance(phrase, str)
                for code in files for s, e in occurrences(phrase, code)]
    occs = maximal(raw, blockers)
    mentions = [m for m in pred.mentions["Person"] if m.code in files]
    nodes = {m.node for m in mentions}
    strict, fuzzy = mention_rows("persons", mentions, occs, texts)
    report.rows += [strict, fuzzy]
    match = match_entities(mentions, occs)
    entity_rows("persons", match, nodes, mentions, occs, pred.labels, names, report, "persons")
    absent = sorted(names[str(i)] for i in range(len(persons)) if str(i) not in match.present
                    and any(code in texts for code in _codes(persons[i])))
    report.lists["persons: gold persons with no occurrence in the text (not counted)"] = absent
    blocker_spans = {b for b in blockers}
    blocker_index = SpanIndex(Occurrence(*b, "") for b in blocker_spans)
    exact_hits = [m for m in mentions if (m.code, m.start, m.end) in blocker_spans]
    within = [m for m in mentions if any(o.start <= m.start and m.end <= o.end
                                         for o in blocker_index.overlapping(m.code, m.start, m.end))]
    report.rows.append(Row("persons", "not-person hits", counts={"exact": len(exact_hits), "within": len(within)},
                           note="predicted mentions equal to / inside a not_persons.json string: certain errors"))
    report.rows += judged_rows(mentions, occs, within, fuzzy, report.row("persons", "entity"))
    surfaces: dict[str, int] = defaultdict(int)
    for m in within:
        surfaces[f"{' '.join(m.exact.split())}  ({pred.labels.get(m.node, m.node)})"] += 1
    report.lists["persons: predicted mentions inside not_persons strings"] = sorted(
        f"{surface} x{count}" for surface, count in surfaces.items())


def judged_rows(mentions: list[Mention], occs: list[Occurrence], wrong: list[Mention], fuzzy: Row,
                entity: Row) -> list[Row]:
    """Precision over what the gold judges: a prediction on a gold person is
    right, one inside a not_persons string is wrong; the rest (names the
    sample does not list) are left out. Recall stays as measured."""
    index = SpanIndex(occs)
    wrong = [m for m in wrong if not index.overlapping(m.code, m.start, m.end)]
    wrong_nodes = {m.node for m in wrong} - {m.node for m in mentions if m not in wrong}
    c, e = fuzzy.counts, entity.counts
    note = "precision over predictions the gold judges: on a gold person (right) or a not_persons string (wrong)"
    return [_pr_row("persons", "mention fuzzy, judged", c["pred_ok"], c["pred_ok"] + len(wrong), c["gold_ok"], c["gold"], note),
            _pr_row("persons", "entity, judged", e["pred_ok"], e["pred_ok"] + len(wrong_nodes), e["gold_ok"], e["gold"], note)]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts


def _window(text: str, starts: list[int], first: int, last: int) -> tuple[int, int]:
    """Offsets of 1-based lines first..last (inclusive), clipped to the text."""
    first = max(1, min(first, len(starts)))
    last = max(first, min(last, len(starts)))
    end = starts[last] if last < len(starts) else len(text)
    return starts[first - 1], end


def _locate_quote(text: str, starts: list[int], quote: str, line: int | None) -> tuple[int, int] | None:
    pattern = re.compile(flexible(quote))
    windows = []
    if line:
        windows += [_window(text, starts, line, line), _window(text, starts, line - 2, line + 2)]
    windows.append((0, len(text)))
    for begin, end in windows:
        position = text.find(quote, begin, end)
        if position >= 0:
            return position, position + len(quote)
        match = pattern.search(text, begin, end)
        if match:
            return match.span()
    return None


def evaluate_treaties(gold: dict[str, list], pred: Predictions, report: Report) -> None:
    texts = pred.texts
    treaties = [t for t in gold["treaties"] if isinstance(t, dict)]
    names = {str(t.get("id") or i): str(t.get("canonical") or t.get("id") or i) for i, t in enumerate(treaties)}
    starts = {code: _line_starts(text) for code, text in texts.items()}
    located: list[Occurrence] = []
    unlocated = 0
    files = set()
    for i, treaty in enumerate(treaties):
        key = str(treaty.get("id") or i)
        files.update(code for code in _codes(treaty) if code in texts)
        variants = [str(v) for v in treaty.get("variants") or [] if str(v).split()]
        # No trailing boundary: Turkish suffixes attach to common nouns ('Antlaşmasını').
        patterns = [re.compile(NOT_LETTER_BEFORE + flexible(v, first_either_case=True)) for v in variants]
        for mention in treaty.get("mentions") or []:
            code = str(mention.get("file", ""))
            if code not in texts or not mention.get("quote"):
                continue
            files.add(code)
            text = texts[code]
            span = _locate_quote(text, starts[code], str(mention["quote"]), _int(mention.get("line")))
            if span is None:
                unlocated += 1
                continue
            q_start, q_end = span
            found = []
            for variant, pattern in zip(variants, patterns):
                for match in pattern.finditer(text, max(0, q_start - len(variant) - 8),
                                              min(len(text), q_end + len(variant) + 8)):
                    if match.start() < q_end and match.end() > q_start:
                        found.append((Occurrence(code, *match.span(), key), variant[0].isupper()))
            # Maximal names first; a common-noun variant only where it holds no name
            # ('1921 tarihli Moskova Antlaşması' leaves the name 'Moskova Antlaşması').
            name_spans = maximal(o for o, is_name in found if is_name)
            index = SpanIndex(name_spans)
            located += [(o, True) for o in name_spans]
            located += [(o, False) for o in maximal(o for o, is_name in found if not is_name)
                        if not index.overlapping(o.code, o.start, o.end)]
    unique: dict[Occurrence, bool] = {}
    for occ, is_name in located:
        unique[occ] = unique.get(occ, False) or is_name
    all_occs = list(unique)
    name_occs = [o for o, is_name in unique.items() if is_name]
    mentions = [m for m in pred.mentions["Treaty"] if m.code in files]
    nodes = {m.node for m in mentions}
    strict, fuzzy = mention_rows("treaties", mentions, name_occs, texts, precision_gold=all_occs,
                                 note="recall over names")
    report.rows += [strict, fuzzy]
    entity_rows("treaties", match_entities(mentions, all_occs), nodes, mentions, all_occs, pred.labels, names,
                report, "treaties")
    if unlocated:
        report.notes.append(f"treaties: {unlocated} gold mention quotes not found in their files")


def _date_span(text: str, starts: list[int], item: dict) -> tuple[int, int] | None:
    surface = str(item.get("surface_joined") or item.get("surface") or "")
    if not surface.split():
        return None
    line = item.get("line")
    lines = [_int(x) for x in line] if isinstance(line, list) else [_int(line)]
    lines = [x for x in lines if x]
    body = flexible(surface)
    pattern = re.compile((r"(?<!\w)" if re.match(r"\w", surface.strip()) else "") + body
                         + (r"(?!\w)" if re.search(r"\w$", surface.strip()) else ""))
    windows = [_window(text, starts, min(lines), max(lines) + 1)] if lines else []
    if lines:
        windows.append(_window(text, starts, min(lines) - 2, max(lines) + 3))
    for begin, end in windows:
        match = pattern.search(text, begin, end)
        if match:
            return match.span()
    spans = find_all(pattern, text)
    if not spans:
        return None
    if not lines:
        return spans[0]
    anchor = starts[min(lines[0], len(starts)) - 1]
    return min(spans, key=lambda span: abs(span[0] - anchor))


def evaluate_dates(gold: dict[str, list], pred: Predictions, report: Report) -> None:
    texts = pred.texts
    starts = {code: _line_starts(text) for code, text in texts.items()}
    positives: list[tuple[Occurrence, dict]] = []
    negatives: list[Occurrence] = []
    unlocated = []
    files = set()
    for i, item in enumerate(d for d in gold["dates"] if isinstance(d, dict)):
        code = str(item.get("file", ""))
        if code not in texts:
            continue
        files.add(code)
        span = _date_span(texts[code], starts[code], item)
        key = str(item.get("id") or i)
        if span is None:
            unlocated.append(f"{key} {item.get('surface_joined') or item.get('surface')!r} (file {code})")
            continue
        occ = Occurrence(code, *span, key)
        if item.get("is_date") is False:
            negatives.append(occ)
        else:
            positives.append((occ, item))
    gold_occs = [occ for occ, _ in positives]
    mentions = [m for m in pred.mentions["TimeSpan"] if m.code in files]
    strict, fuzzy = mention_rows("dates", mentions, gold_occs, texts, trim=True, note="P vs a sample")
    report.rows += [strict, fuzzy]
    index = SpanIndex(mentions)
    overlapped = correct = 0
    missed, wrong = [], []
    for occ, item in positives:
        hits = index.overlapping(occ.code, occ.start, occ.end)
        surface = " ".join(str(item.get("surface_joined") or item.get("surface")).split())
        if not hits:
            missed.append(f"{occ.key} {surface!r} = {item.get('normalized')}")
            continue
        overlapped += 1
        size = lambda m: min(m.end, occ.end) - max(m.start, occ.start)  # noqa: E731
        best = max(size(m) for m in hits)
        values = {pred.edtf.get(m.node) for m in hits if size(m) == best}
        if str(item.get("normalized")) in values:
            correct += 1
        else:
            wrong.append(f"{occ.key} {surface!r}: gold {item.get('normalized')}, predicted "
                         + " | ".join(sorted(str(v) for v in values)))
    report.rows.append(_acc_row("dates", "normalisation (found)", correct, overlapped,
                                "edtf == gold normalized, among gold dates found"))
    report.rows.append(_acc_row("dates", "normalisation (all)", correct, len(positives),
                                "a missed date counts as wrong"))
    negative_index = SpanIndex(negatives)
    hits = sum(bool(negative_index.overlapping(m.code, m.start, m.end)) for m in mentions)
    report.rows.append(Row("dates", "non-date hits", counts={"mentions": hits, "negatives": len(negatives)},
                           note="predicted mentions overlapping an is_date:false item"))
    report.lists["dates: missed gold dates"] = missed
    report.lists["dates: wrong normalisation"] = wrong
    report.lists["dates: gold dates not found in the text"] = unlocated
    report.notes.append(DATE_TRIM_NOTE)


def place_name(text: str) -> str:
    """The leading capitalised words of a gold place field:
    'Sivastopol (plan: İzmir)' -> 'Sivastopol', "Ankara'dan hareket" -> 'Ankara'."""
    head = PLACE_CUT.split(str(text), 1)[0]
    words = []
    for word in head.split():
        if not word[:1].isupper():
            break
        stem = re.split(f"[{APOSTROPHES}]", word, 1)[0]
        words.append(stem)
        if stem != word:
            break
    return " ".join(words)


def derived_places(gold: dict[str, list]) -> dict[str, set[str]]:
    places: dict[str, set[str]] = defaultdict(set)
    for visit in gold.get("visits", []):
        if not isinstance(visit, dict):
            continue
        for stop in visit.get("itinerary") or []:
            if isinstance(stop, dict) and stop.get("place"):
                name = place_name(stop["place"])
                if name:
                    places[name].update(_codes(visit) or ([str(stop["file"])] if stop.get("file") else []))
    for treaty in gold.get("treaties", []):
        place = treaty.get("place") if isinstance(treaty, dict) else None
        if isinstance(place, dict) and place.get("name"):
            name = place_name(place["name"])
            if name:
                places[name].update(_codes(treaty))
    return dict(places)


def evaluate_places(gold: dict[str, list], pred: Predictions, report: Report) -> None:
    texts = pred.texts
    places = derived_places(gold)
    raw = [Occurrence(code, s, e, name) for name, codes in places.items() for code in sorted(codes)
           if code in texts for s, e in find_all(name_pattern(name), texts[code])]
    occs = maximal(raw)
    files = {code for codes in places.values() for code in codes if code in texts}
    mentions = [m for m in pred.mentions["Place"] if m.code in files]
    index = SpanIndex(mentions)
    hit = [o for o in occs if index.overlapping(o.code, o.start, o.end)]
    note = "derived gold"
    report.rows.append(_recall_row("places", "mention fuzzy", len(hit), len(occs), note))
    present = {o.key for o in occs}
    found = {o.key for o in hit}
    report.rows.append(_recall_row("places", "entity", len(found), len(present), note))
    report.lists["places: missed derived places"] = sorted(present - found)
    report.lists["places: derived places with no occurrence in the text (not counted)"] = sorted(
        set(places) - present)
    report.notes.append("places: no place gold exists; the list is derived from visits.json itinerary and "
                        "treaties.json place fields (leading capitalised words), so only recall is reported")


# --------------------------------------------------------------------------- entry point


def evaluate(graph_path: Path | str, gold_dir: Path | str) -> Report:
    """Compare the mentions of a built graph with the gold annotations in `gold_dir`."""
    graph_path, gold_dir = Path(graph_path), Path(gold_dir)
    gold = load_gold(gold_dir)
    pred = load_predictions(graph_path, _gold_codes(gold))
    report = Report(str(graph_path), str(gold_dir), notes=list(pred.notes))
    if "persons" in gold:
        evaluate_persons(gold, pred, report)
    if "treaties" in gold:
        evaluate_treaties(gold, pred, report)
    if "dates" in gold:
        evaluate_dates(gold, pred, report)
    if "visits" in gold or "treaties" in gold:
        evaluate_places(gold, pred, report)
    from .evaluate_events import evaluate_events  # it reads this module's report types

    evaluate_events(gold, pred, report)
    report.notes.insert(0, "the gold is a sample of the truth (about half): precision counts what it does not "
                           "list as wrong, so P is a lower bound; the `judged` rows count only what the gold "
                           "judges (its persons and not_persons); strict = same span, fuzzy = overlap")
    return report
