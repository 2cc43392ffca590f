"""Gold files and predictions: what the gold says, where it says it, and what the graph predicts."""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from histkg.evaluate.report import EvaluationError
from histkg.export.registry import ExportError, as_graph, load_graph
from histkg.language.lexicon import load_word_list, name_titles
from histkg.rdf.namespaces import HKG, OA
from histkg.text.corpus import CorpusError, decode

GOLD_FILES = ("persons.json", "not_persons.json", "treaties.json", "dates.json", "visits.json")


KINDS = {"Person": HKG.Person, "Place": HKG.Place, "Venue": HKG.Venue, "Organization": HKG.Organization,
         "Treaty": HKG.Treaty, "TimeSpan": HKG.TimeSpan}


APOSTROPHES = "'’"


APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")


TRIM = set(" \t\r\n\f\v()[]{}\"“”„«».,;:" + APOSTROPHES)


NOT_LETTER_BEFORE = r"(?<![^\W\d_])"


NOT_LETTER_AFTER = r"(?![^\W\d_])"


PLACE_CUT = re.compile(r"[(,—–/;:]| - ")


DATE_TRIM_NOTE = "date spans are compared after trimming surrounding punctuation and whitespace"


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


def phrase_pattern(phrase: str) -> re.Pattern:
    """A common noun phrase (`dostluk muahedesi`): as a name, but a case
    ending glued on its last word without an apostrophe may follow
    (`dostluk muahedesine`), as Turkish writes it; a last word in capitals is
    a name's (`Kars Antlaşması`), and takes a suffix only after an apostrophe."""
    if phrase.split()[-1][:1].isupper():
        return name_pattern(phrase)
    return re.compile(NOT_LETTER_BEFORE + flexible(phrase) + r"[^\W\d_]*" + NOT_LETTER_AFTER)


def date_pattern(phrase: str) -> re.Pattern:
    """A date as the gold writes it (`20 Kânunusani 1936`, `23 Haziran`):
    as a name, but a case ending glued on its last word without an
    apostrophe may follow (`1936da`, `Haziranda`, `Kânunusanisinde`), as
    the old orthography writes it."""
    return re.compile(NOT_LETTER_BEFORE + flexible(phrase) + r"[a-zçğıöşüâîû]*" + NOT_LETTER_AFTER)


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
    mentions, mismatched = read_mentions(graph, code_of_source, texts)
    labels: dict[str, str] = {}
    edtf: dict[str, str] = {}
    for cls in KINDS.values():
        for node in graph.subjects(RDF.type, cls):
            labels[str(node)] = _label(graph, node)
            value = graph.value(node, HKG.edtf)
            if value is not None:
                edtf[str(node)] = str(value)
    if mismatched:
        notes.append(f"{mismatched} annotations whose oa:exact differs from the source text at their offsets")
    return Predictions(texts, mentions, labels, edtf, notes, graph, code_of_source)


def read_mentions(graph: Graph, code_of_source: dict, texts: dict[str, str],
                  kinds: dict = KINDS) -> tuple[dict[str, list[Mention]], int]:
    """The mentions of every node of `kinds` in the sources that have a code,
    by kind; and how many annotations quote other words than the text holds
    at their offsets."""
    mentions: dict[str, list[Mention]] = {kind: [] for kind in kinds}
    mismatched = 0
    for kind, cls in kinds.items():
        for node in graph.subjects(RDF.type, cls):
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
                mentions[kind].append(Mention(code, start, end, exact, str(node)))
    return mentions, mismatched


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


