"""Scores for names and dates: persons, treaties, dates and places against the gold."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from histkg.evaluate.gold import (
    APOSTROPHES,
    DATE_TRIM_NOTE,
    NOT_LETTER_BEFORE,
    PLACE_CUT,
    Mention,
    Occurrence,
    Predictions,
    SpanIndex,
    _codes,
    _int,
    _trimmed,
    find_all,
    flexible,
    inside_another_name,
    maximal,
    name_pattern,
)
from histkg.evaluate.report import Report, Row, _acc_row, _pr_row, _recall_row


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


# `Moskova Antlaşması`, `Lozan Konferansı`: a place name opening a treaty's or a
# conference's name is no mention of the place (the corpus gold lists such names as not_places).
EVENT_NAME_AFTER = re.compile(r"\s+(?:Antla[sş]ma|Andla[sş]ma|Anla[sş]ma|Muahede|Barı[sş]ı|Paktı|Konferans|Kongre|"
                              r"Sözle[sş]me|Mütareke|Protokol|[İI]tilafname)")


def evaluate_places(gold: dict[str, list], pred: Predictions, report: Report) -> None:
    texts = pred.texts
    places = derived_places(gold)
    raw = [Occurrence(code, s, e, name) for name, codes in places.items() for code in sorted(codes)
           if code in texts for s, e in find_all(name_pattern(name), texts[code])
           if not EVENT_NAME_AFTER.match(texts[code], e)]
    occs = maximal(raw)
    files = {code for codes in places.values() for code in codes if code in texts}
    # the derived gold holds the stops of itineraries, buildings among them (`Pera Palace Oteli`): hkg:Venue counts
    mentions = [m for m in pred.mentions["Place"] + pred.mentions["Venue"] if m.code in files]
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
                        "treaties.json place fields (leading capitalised words), so only recall is reported; an "
                        "occurrence that opens a treaty's or a conference's name is not counted")


