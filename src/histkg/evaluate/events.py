"""Event slots against the gold: are a treaty's date, place, parties and
signatories right; a visit's leader, travellers, destination, dates and stops
in order?

A slot is one value the gold states (one signing date claimed by one file, one
traveller, one stop). Names are compared leniently (folded case and accents; a
party is right when the gold's description contains the graph's label, a
person when their surnames agree), because the gold writes descriptions
(`Türkiye (Ankara Hükümeti)`), not labels. Stops in order count the longest
common subsequence of the gold's itinerary and the graph's.

A gold visit is compared with one graph visit: one its leader leads, or, where
the text names no leader (`Bolşevikler (unnamed)`), one that goes to the same
place and, where the gold states a time, at that time; its leader slot is then
right only if the graph names no leader either. A leg of a journey (gold
`sub_of`) is compared only with visits that are part of another (hkg:partOf),
a whole journey only with the others. A date the gold marks as doubtful
(`1919-02?`) is compared without the mark.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rdflib.namespace import RDF, SKOS

from histkg.evaluate.gold import Predictions, _codes
from histkg.evaluate.names import place_name
from histkg.evaluate.report import Report, _acc_row
from histkg.language.spelling import ascii_fold, similar_spelling
from histkg.rdf.namespaces import HKG


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", ascii_fold(str(text)).lower()).split())


def surname(text: str) -> str:
    """The last name of a gold person: the words before a comma, without
    parentheses (`İzzettin Paşa (Çalışlar), III. Ordu Müfettişi` -> İzzettin;
    `Azmi (…), takma ad 'Bulat Paşa'` -> Azmi)."""
    name = str(text).split(",")[0]
    words = [w for w in re.sub(r"\(.*?\)", " ", name).split() if w[:1].isupper()]
    honorifics = {"Paşa", "Bey", "Efendi", "Dr.", "General", "Albay", "Lord", "M.", "Mareşal", "Yoldaş", "Beyler"}
    words = [w for w in words if w not in honorifics] or name.split() or [""]
    return words[-1]


def same_person(gold: str, label: str) -> bool:
    return bool(label) and similar_spelling(fold(surname(gold)), fold(surname(label)))


def labels(graph, node) -> list[str]:
    return [str(v) for p in (SKOS.prefLabel, SKOS.altLabel) for v in graph.objects(node, p)]


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.misses: list[str] = []

    def add(self, slot: str, ok: bool, what: str) -> None:
        self.counts[slot][0] += ok
        self.counts[slot][1] += 1
        if not ok:
            self.misses.append(f"{slot}: {what}")

    def add_many(self, slot: str, ok: int, total: int, what: str) -> None:
        self.counts[slot][0] += ok
        self.counts[slot][1] += total
        if ok < total:
            self.misses.append(f"{slot}: {what}")

    def rows(self, type_: str, report: Report, note: str) -> None:
        for slot, (ok, total) in sorted(self.counts.items()):
            report.rows.append(_acc_row(type_, slot, ok, total))
        ok = sum(c[0] for c in self.counts.values())
        total = sum(c[1] for c in self.counts.values())
        report.rows.append(_acc_row(type_, "all slots", ok, total, note))
        report.lists[f"{type_}: wrong or missing slots"] = self.misses


# --------------------------------------------------------------------------- treaties

def treaty_node(graph, treaty: dict, pred: Predictions):
    """The graph's treaty whose labels include a gold variant (of several, the
    one that agrees with most of the gold's signing dates); else one signed on
    a gold signing date whose label shares a word with a variant (`barış
    (Gürcistan, 1920-05-07)`); else the one that shares the first word of the
    gold's name (`Gümrü Barışı` for `Gümrü Antlaşması`)."""
    variants = {fold(v) for v in treaty.get("variants") or []} | {fold(treaty.get("canonical", ""))}
    variant_words = {w for v in variants for w in v.split() if not w.isdigit()}
    signed = {(str(c["date"]), str(c.get("file"))) for c in signing_claims(treaty)}
    first = fold(treaty.get("canonical", "")).split()[:1]
    named, dated, by_first = [], [], []
    for node in sorted(graph.subjects(RDF.type, HKG.Treaty), key=str):
        names = {fold(label) for label in labels(graph, node)}
        agreeing = len(signed & claimed(graph, node, HKG.signedOn, pred))
        if names & variants:
            named.append((agreeing, node))
        elif agreeing and variant_words & {w for name in names for w in name.split()}:
            dated.append((agreeing, node))
        elif first and any(name.split()[:1] == first for name in names):
            by_first.append(node)
    for found in (named, dated):
        if found:
            return max(found, key=lambda pair: pair[0])[1]
    return by_first[0] if len(by_first) == 1 else None


def signing_claims(treaty: dict) -> list[dict]:
    return [c for c in treaty.get("date_claims") or [] if str(c.get("kind", "")).startswith("signed")]


def claimed(graph, node, predicate, pred: Predictions) -> set[tuple[str, str]]:
    """(value, gold file code) of every claim on `node` for `predicate`."""
    found = set()
    for claim in graph.subjects(HKG.subject, node):
        if graph.value(claim, HKG.predicate) == predicate:
            code = pred.code_of_source.get(graph.value(claim, HKG.source), "")
            found.add((str(graph.value(claim, HKG.object)), code))
    return found


def evaluate_treaty_slots(gold: dict, pred: Predictions, report: Report) -> None:
    graph, tally = pred.graph, Tally()
    for treaty in gold.get("treaties", []):
        if not isinstance(treaty, dict) or treaty.get("borderline") or not set(_codes(treaty)) & set(pred.texts):
            continue
        name = treaty.get("canonical", treaty.get("id"))
        node = treaty_node(graph, treaty, pred)
        dates = claimed(graph, node, HKG.signedOn, pred) if node is not None else set()
        for claim in signing_claims(treaty):
            tally.add("date", (str(claim["date"]), str(claim.get("file"))) in dates, f"{name} {claim['date']}")
        place = treaty.get("place") or {}
        if isinstance(place, dict) and place.get("name"):
            where = [label for p in graph.objects(node, HKG.signedAt) for label in labels(graph, p)] if node else []
            tally.add("place", fold(place_name(place["name"])) in {fold(w) for w in where}, f"{name} {place['name']}")
        parties = [label for p in graph.objects(node, HKG.party) for label in labels(graph, p)] if node else []
        for party in treaty.get("parties") or []:
            tally.add("parties", any(fold(p) and fold(p) in fold(party) for p in parties), f"{name} {party}")
        signatories = [label for p in graph.objects(node, HKG.signatory) for label in labels(graph, p)] if node else []
        for person in treaty.get("signatories") or []:
            tally.add("signatories", any(same_person(person, s) for s in signatories), f"{name} {person}")
    tally.rows("treaty slots", report, "date (signing claims by file), place, parties, signatories")


# --------------------------------------------------------------------------- visits

def member_names(member) -> list[str]:
    if isinstance(member, dict):
        return [member.get("name", ""), member.get("surface", "")] + list(member.get("variants") or [])
    return [str(member)]


def person_labels(graph, node, predicate) -> list[str]:
    return [label for p in graph.objects(node, predicate) for label in labels(graph, p)]


def itinerary(graph, node) -> list[str]:
    stops = sorted(graph.objects(node, HKG.stop), key=lambda s: int(graph.value(s, HKG.order)))
    return [fold(graph.value(graph.value(s, HKG.place), SKOS.prefLabel) or "") for s in stops]


def gold_itinerary(visit: dict) -> list[str]:
    places = []
    for stop in visit.get("itinerary") or []:
        name = fold(place_name(stop.get("place", ""))) if isinstance(stop, dict) else ""
        if name and (not places or places[-1] != name):
            places.append(name)
    return places


def common_in_order(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (a name of b may be more precise: `Ankara İstasyonu`)."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            same = x == y or x.split()[:1] == y.split()[:1]
            table[i + 1][j + 1] = table[i][j] + 1 if same else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


UNNAMED_MARKS = ("unnamed", "adı verilmeyen")  # how the gold writes a leader the text does not name


def named_leader(visit: dict) -> str:
    """The gold's leader, or '' where the text names none (`Bolşevikler
    (unnamed)`, `adı verilmeyen … bir Bolşevik Rus`, null)."""
    leader = str(visit.get("leader") or "")
    return "" if any(fold(mark) in fold(leader) for mark in UNNAMED_MARKS) else leader


def gold_span(visit: dict) -> tuple[str, str] | None:
    """(first, last) day prefix the gold states for the visit: start, end and
    the dates of its stops ('1919-02?' counts as '1919-02')."""
    days = [str(d).rstrip("?")[:10] for d in [visit.get("start"), visit.get("end")]
            + [s.get("date") for s in visit.get("itinerary") or [] if isinstance(s, dict)] if d]
    days = [d.lstrip("./") for d in days if d.lstrip("./")[:4].isdigit()]
    return (min(days), max(days)) if days else None


def overlaps(graph, node, span: tuple[str, str] | None) -> bool | None:
    """Do the graph visit's earliest/latest bounds meet the gold's days (None
    when either side states no time)? Prefixes compare: '1922-05' meets 1922-05-20."""
    earliest, latest = graph.value(node, HKG.earliest), graph.value(node, HKG.latest)
    if span is None or earliest is None or latest is None:
        return None
    first, last = span
    return str(earliest)[:len(last)] <= last and str(latest)[:len(first)] >= first


def same_place(gold_text: str, graph_labels: list[str]) -> bool:
    return any(fold(w) and fold(w) in fold(gold_text) for w in graph_labels)


def visit_node(graph, visit: dict, legs: bool = False):
    """The graph's visit that stands for a gold visit. A leg of a journey
    (gold `sub_of`) is looked for among visits that are part of another
    (hkg:partOf), a whole journey among the others. With a named leader: a
    visit the same person leads. With none (the text does not name who went):
    a visit that goes to the same place (destination or a stop) and, where the
    gold states a time, meets it. Ties go first, where the gold names no
    leader, to a visit that names none either (someone's named journey to the
    same city is another event), then to the visit that shares most stops,
    then to the one whose time meets the gold's."""
    leader = named_leader(visit)
    gold_stops = gold_itinerary(visit)
    span = gold_span(visit)
    candidates = []
    for node in graph.subjects(RDF.type, HKG.Visit):
        if (graph.value(node, HKG.partOf) is not None) != legs:
            continue
        if leader:
            if not any(same_person(leader, label) for label in person_labels(graph, node, HKG.leader)):
                continue
        elif not goes_to(graph, node, visit, gold_stops) or span is not None and not overlaps(graph, node, span):
            continue  # with no name to go by, place and (where the gold has one) time must both agree
        candidates.append(node)
    return max(candidates, key=lambda n: (leader != "" or graph.value(n, HKG.leader) is None,
                                          common_in_order(gold_stops, itinerary(graph, n)),
                                          overlaps(graph, n, span) is True, str(n)), default=None)


def goes_to(graph, node, visit: dict, gold_stops: list[str]) -> bool:
    """The graph visit goes where the gold's goes: its destination is named in
    the gold's, or it shares a stop with the gold's itinerary."""
    if visit.get("destination") and same_place(visit["destination"], person_labels(graph, node, HKG.destination)):
        return True
    return common_in_order(gold_stops, itinerary(graph, node)) > 0


def evaluate_visit_slots(gold: dict, pred: Predictions, report: Report, legs: bool) -> None:
    graph, tally = pred.graph, Tally()
    for visit in gold.get("visits", []):
        if not isinstance(visit, dict) or bool(visit.get("sub_of")) != legs or not set(_codes(visit)) & set(pred.texts):
            continue
        name = visit.get("id")
        node = visit_node(graph, visit, legs)
        if visit.get("leader") and named_leader(visit):
            tally.add("leader", node is not None, f"{name} {visit['leader']}")
        elif visit.get("leader"):  # the text names no one: right when a visit is found and names no leader either
            tally.add("leader", node is not None and graph.value(node, HKG.leader) is None, f"{name} {visit['leader']}")
        travellers = person_labels(graph, node, HKG.visitor) if node is not None else []
        for member in visit.get("members") or []:
            names = [n for n in member_names(member) if n]
            tally.add("travellers", any(same_person(n, t) for n in names for t in travellers), f"{name} {names[:1]}")
        if visit.get("destination"):
            where = person_labels(graph, node, HKG.destination) if node is not None else []
            tally.add("destination", same_place(visit["destination"], where), f"{name} {visit['destination']}")
        for slot, predicate in (("start", HKG.startDate), ("end", HKG.endDate)):
            if visit.get(slot):
                values = {str(v) for v in graph.objects(node, predicate)} if node is not None else set()
                wanted = str(visit[slot]).rstrip("?")[:10]
                tally.add("dates", any(v[:len(wanted)] == wanted for v in values), f"{name} {slot} {visit[slot]}")
        gold_stops = gold_itinerary(visit)
        found = common_in_order(gold_stops, itinerary(graph, node)) if node is not None else 0
        tally.add_many("stops in order", found, len(gold_stops), f"{name}: {found} of {len(gold_stops)} in order "
                       f"(gold {gold_stops}; graph {itinerary(graph, node) if node is not None else []})")
    kind = "visit legs" if legs else "visit slots"
    tally.rows(kind, report, "gold visits that are a leg of a larger journey (sub_of)" if legs else
               "leader, travellers, destination, start/end, stops in order (LCS); "
               "an unnamed leader matches by place and time")


def evaluate_events(gold: dict, pred: Predictions, report: Report) -> None:
    if pred.graph is None:
        return
    if "treaties" in gold:
        evaluate_treaty_slots(gold, pred, report)
    if "visits" in gold:
        evaluate_visit_slots(gold, pred, report, legs=False)
        evaluate_visit_slots(gold, pred, report, legs=True)
