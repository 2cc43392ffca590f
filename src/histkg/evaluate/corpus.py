"""The development corpus: a built graph scored document by document against
the gold file beside each text (`NN-genre-slug.txt` and `NN-genre-slug.json`,
the format of `tests/corpus/README.md`).

A gold name counts as found in a document when a mention of the right type in
that document overlaps an occurrence of one of its variants. A person node
with mentions in a document is right when one of them does so; wrong when its
mentions lie inside a `not_persons` string or are a place or an organization
of the gold; else the gold does not judge it (listed for a reader). A date is
found when a date mention overlaps its text and has its value. A graph node
stands for a gold entity in a document when its mentions there overlap that
entity's variants, or when one of its labels is one of them; event slots are
compared through that. Figures add up over documents, per genre and in all.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from histkg.evaluate.events import common_in_order, fold, labels, same_person
from histkg.evaluate.gold import KINDS, Mention, SpanIndex, date_pattern, find_all, name_pattern, phrase_pattern, read_mentions
from histkg.evaluate.report import EvaluationError
from histkg.export.registry import ExportError, as_graph, load_graph
from histkg.rdf.namespaces import HKG

# (measure, what it counts); a measure is a number of hits out of a number of chances
MEASURES = {
    "persons recall": "gold persons found",
    "persons precision, judged": "person nodes on a gold person, of those the gold judges",
    "persons precision, raw": "person nodes on a gold person, of all person nodes",
    "places recall": "gold places found",
    "not_places typed Place": "Place mentions inside a not_places string (0 is right)",
    "organizations recall": "gold organizations found",
    "dates value recall": "gold dates found with their value",
    "treaties found": "gold treaties with a treaty node",
    "treaty date": "signing dates the gold states",
    "treaty place": "signing places the gold states",
    "treaty parties": "parties the gold states",
    "treaty signatories": "signatories the gold states",
    "treaty slots, all": "name found, date, place, parties, signatories",
    "journeys found": "gold journeys with a visit of the same leader and destination",
    "journey start": "start dates the gold states",
    "journey stops in order": "gold stops in the visit's order (longest common subsequence)",
}
TREATY_SLOTS = ("treaties found", "treaty date", "treaty place", "treaty parties", "treaty signatories")
GENRE_COLUMNS = {"persons recall": "pers R", "persons precision, judged": "pers P", "places recall": "plac R",
                 "not_places typed Place": "!plac", "organizations recall": "org R", "dates value recall": "date R",
                 "treaty slots, all": "treaty", "journeys found": "journ", "journey start": "start",
                 "journey stops in order": "stops"}


@dataclass
class GoldDocument:
    code: str  # the file's stem: `03-newspaper-amanullah-han-ankarada`
    genre: str
    text: str
    gold: dict


@dataclass
class Tally:
    """Hits and chances per measure, and what was missed or wrong."""

    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)

    def add(self, measure: str, hits: int, chances: int, miss: str = "") -> None:
        self.counts[measure][0] += hits
        self.counts[measure][1] += chances
        if miss and hits < chances:
            self.misses.append(f"{measure}: {miss}")

    def merge(self, other: Tally) -> None:
        for measure, (hits, chances) in other.counts.items():
            self.add(measure, hits, chances)
        self.misses += other.misses


@dataclass
class CorpusReport:
    graph: str
    corpus: str
    documents: dict[str, Tally]
    genres: dict[str, str]  # document code -> genre
    unjudged: list[str]  # person nodes the gold does not judge, for a reader

    def total(self, codes=None) -> Tally:
        tally = Tally()
        for code, doc_tally in self.documents.items():
            if codes is None or code in codes:
                tally.merge(doc_tally)
        return tally

    def by_genre(self) -> dict[str, Tally]:
        return {genre: self.total({c for c, g in self.genres.items() if g == genre})
                for genre in sorted(set(self.genres.values()))}

    def figure(self, measure: str, tally: Tally | None = None) -> float | int | None:
        hits, chances = (tally or self.total()).counts.get(measure, (0, 0))
        if measure == "not_places typed Place":
            return hits  # a count, not a ratio
        return hits / chances if chances else None

    def to_text(self, verbose: bool = False) -> str:
        total = self.total()
        lines = [f"evaluation of {self.graph} against the corpus {self.corpus} ({len(self.documents)} documents)", ""]
        rows = [("measure", "value", "counts")]
        for measure in MEASURES:
            hits, chances = total.counts.get(measure, (0, 0))
            counts = str(hits) if measure == "not_places typed Place" else f"{hits}/{chances}"
            rows.append((measure, _fmt(self.figure(measure, total)), counts))
        lines += _table(rows, right=(1,))
        genres = self.by_genre()
        rows = [("genre", "docs", *GENRE_COLUMNS.values())]
        for genre, tally in genres.items():
            docs = sum(1 for g in self.genres.values() if g == genre)
            rows.append((genre, str(docs), *(_fmt(self.figure(m, tally)) for m in GENRE_COLUMNS)))
        lines += ["", "per genre:"] + _table(rows, right=tuple(range(1, len(rows[0]))))
        if verbose:
            for code, tally in self.documents.items():
                lines += ["", f"{code}:"] + [f"  {miss}" for miss in tally.misses]
            lines += ["", f"person nodes the gold does not judge ({len(self.unjudged)}):"]
            lines += [f"  {item}" for item in self.unjudged]
        return "\n".join(lines)

    def to_json(self) -> str:
        def figures(tally: Tally) -> dict:
            return {m: {"value": _round(self.figure(m, tally)), "hits": tally.counts.get(m, (0, 0))[0],
                        "chances": tally.counts.get(m, (0, 0))[1]} for m in MEASURES}
        data = {"graph": self.graph, "corpus": self.corpus, "total": figures(self.total()),
                "genres": {g: figures(t) for g, t in self.by_genre().items()},
                "documents": {c: {"genre": self.genres[c], **figures(t), "misses": t.misses}
                              for c, t in self.documents.items()},
                "unjudged_persons": self.unjudged}
        return json.dumps(data, ensure_ascii=False, indent=2)


def _fmt(value: float | int | None) -> str:
    """A ratio with three decimals; a count (an int) as it is."""
    return "-" if value is None else str(value) if isinstance(value, int) else f"{value:.3f}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _table(rows: list[tuple], right: tuple[int, ...]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                      for i, cell in enumerate(row)).rstrip() for row in rows]


# --------------------------------------------------------------------------- reading


def gold_texts(folder: Path) -> list[Path]:
    """The texts of a corpus folder that have a gold file beside them: what is
    built and scored (the folder's README and tools are no documents of it)."""
    return [path.with_suffix(".txt") for path in sorted(Path(folder).glob("*.json"))
            if path.with_suffix(".txt").is_file()]


def load_corpus_gold(folder: Path) -> list[GoldDocument]:
    folder = Path(folder)
    if not folder.is_dir():
        raise EvaluationError(f"no such corpus folder: {folder}")
    documents = []
    for gold_path in sorted(folder.glob("*.json")):
        text_path = gold_path.with_suffix(".txt")
        if not text_path.is_file():
            continue
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise EvaluationError(f"cannot read {gold_path}: {error}".splitlines()[0]) from None
        if not isinstance(gold, dict):
            raise EvaluationError(f"gold file {gold_path} must hold a JSON object")
        documents.append(GoldDocument(gold_path.stem, str(gold.get("genre", "")), text, gold))
    if not documents:
        raise EvaluationError(f"no text with a gold file beside it in {folder}")
    return documents


def read_graph(path: Path) -> Graph:
    try:
        return as_graph(load_graph(path))
    except ExportError as error:
        raise EvaluationError(str(error)) from None


# --------------------------------------------------------------------------- scoring


def evaluate_corpus(corpus_dir: Path | str, graph_path: Path | str) -> CorpusReport:
    """Score a built graph of the corpus in `corpus_dir`, document by document."""
    documents = load_corpus_gold(Path(corpus_dir))
    graph = read_graph(Path(graph_path))
    codes = {doc.code for doc in documents}
    code_of_source = {source: Path(str(file)).stem for source, file in graph.subject_objects(HKG.file)
                      if Path(str(file)).stem in codes}
    missing = codes - set(code_of_source.values())
    if missing:
        raise EvaluationError(f"the graph has no source for {len(missing)} corpus texts, e.g. {sorted(missing)[0]}")
    texts = {doc.code: doc.text for doc in documents}
    kinds = KINDS | {"Visit": HKG.Visit}
    mentions, _ = read_mentions(graph, code_of_source, texts, kinds)
    scored, unjudged = {}, []
    for doc in documents:
        scorer = DocumentScorer(doc, graph, {kind: [m for m in found if m.code == doc.code]
                                             for kind, found in mentions.items()})
        scored[doc.code] = scorer.score()
        unjudged += [f"{doc.code}: {label}" for label in scorer.unjudged]
    return CorpusReport(str(graph_path), str(corpus_dir), scored, {d.code: d.genre for d in documents}, unjudged)


class DocumentScorer:
    def __init__(self, doc: GoldDocument, graph: Graph, mentions: dict[str, list[Mention]]) -> None:
        self.doc, self.graph, self.mentions = doc, graph, mentions
        self.tally = Tally()
        self.unjudged: list[str] = []
        self.variants = {}  # gold name -> its variants, for persons, places and organizations
        for kind in ("persons", "places", "organizations"):
            for item in doc.gold.get(kind) or []:
                self.variants[item["name"]] = set(item.get("variants") or []) | {item["name"]}
        # gold names each node's mentions in this document stand for
        self.gold_of_node: dict[str, set[str]] = defaultdict(set)
        for kind, label in (("persons", "Person"), ("places", "Place"), ("organizations", "Organization")):
            for name, found in self.names_found(kind, mentions[label]).items():
                for node in found:
                    self.gold_of_node[node].add(name)

    def occurrences(self, strings, pattern=name_pattern) -> list[tuple[int, int]]:
        return [span for s in strings if s.strip() for span in find_all(pattern(s), self.doc.text)]

    def names_found(self, kind: str, mentions: list[Mention]) -> dict[str, set[str]]:
        """Gold name -> the nodes whose mentions overlap one of its variants."""
        index = SpanIndex(mentions)
        found = {}
        for item in self.doc.gold.get(kind) or []:
            found[item["name"]] = {m.node for s, e in self.occurrences(self.variants[item["name"]])
                                   for m in index.overlapping(self.doc.code, s, e)}
        return found

    def score(self) -> Tally:
        self.score_names("persons", "Person", "persons recall")
        self.score_names("places", "Place", "places recall")
        self.score_names("organizations", "Organization", "organizations recall")
        self.score_person_precision()
        self.score_false_places()
        self.score_dates()
        for treaty in self.doc.gold.get("treaties") or []:
            self.score_treaty(treaty)
        for journey in self.doc.gold.get("journeys") or []:
            self.score_journey(journey)
        return self.tally

    def score_names(self, kind: str, label: str, measure: str) -> None:
        for name, nodes in self.names_found(kind, self.mentions[label]).items():
            self.tally.add(measure, int(bool(nodes)), 1, name)

    def score_person_precision(self) -> None:
        blockers = self.occurrences(self.doc.gold.get("not_persons") or [])
        other_names = {fold(v) for kind in ("places", "organizations") for item in self.doc.gold.get(kind) or []
                       for v in self.variants[item["name"]]}
        person_names = {fold(v) for item in self.doc.gold.get("persons") or [] for v in self.variants[item["name"]]}
        by_node: dict[str, list[Mention]] = defaultdict(list)
        for mention in self.mentions["Person"]:
            by_node[mention.node].append(mention)
        right = wrong = 0
        for node, found in sorted(by_node.items()):
            if self.gold_of_node.get(node):
                right += 1
            elif any(_inside(m, blockers) for m in found) or \
                    any(fold(m.exact) in other_names - person_names for m in found):
                wrong += 1
                self.tally.misses.append(f"persons precision: not a person: {found[0].exact}")
            else:
                self.unjudged.append(found[0].exact)
        self.tally.add("persons precision, judged", right, right + wrong)
        self.tally.add("persons precision, raw", right, len(by_node))

    def score_false_places(self) -> None:
        blockers = self.occurrences(self.doc.gold.get("not_places") or [])
        false = [m.exact for m in self.mentions["Place"] if _inside(m, blockers)]
        self.tally.add("not_places typed Place", len(false), 0)
        self.tally.misses += [f"not_places typed Place: {text}" for text in false]

    def score_dates(self) -> None:
        index = SpanIndex(self.mentions["TimeSpan"])
        for item in self.doc.gold.get("dates") or []:
            values = {str(self.graph.value(_node(m.node), HKG.edtf)) for s, e in self.occurrences([item["text"]], date_pattern)
                      for m in index.overlapping(self.doc.code, s, e)}
            self.tally.add("dates value recall", int(str(item["value"]) in values), 1,
                           f"{item['text']} = {item['value']} (found {sorted(values) or 'nothing'})")

    def stands_for(self, node, name: str | None, person: bool = False) -> bool:
        """Does graph `node` stand for the gold entity `name` in this document?"""
        if node is None or not name:
            return False
        if name in self.gold_of_node.get(str(node), ()):
            return True
        node_labels = {fold(label) for label in labels(self.graph, node)}
        if node_labels & {fold(v) for v in self.variants.get(name, {name})}:
            return True
        return person and any(same_person(name, label) for label in labels(self.graph, node))

    def score_treaty(self, treaty: dict) -> None:
        node = self.treaty_node(treaty)
        name = treaty["name"]
        self.tally.add("treaties found", int(node is not None), 1, name)
        found = {"treaty date": 0, "treaty place": 0, "treaty parties": 0, "treaty signatories": 0}
        chances = dict.fromkeys(found, 0)
        dates = treaty.get("date")
        dates = [dates] if isinstance(dates, str) else dates or []
        signed_on = {str(v) for v in self.graph.objects(node, HKG.signedOn)} if node is not None else set()
        for value in dates:
            chances["treaty date"] += 1
            found["treaty date"] += str(value) in signed_on
        if treaty.get("place"):
            chances["treaty place"] += 1
            found["treaty place"] += self.any_stands_for(node, HKG.signedAt, treaty["place"])
        missed: dict[str, list[str]] = {"treaty date": [v for v in map(str, dates) if v not in signed_on]}
        for measure, predicate, key, person in (("treaty parties", HKG.party, "parties", False),
                                                ("treaty signatories", HKG.signatory, "signatories", True)):
            for value in treaty.get(key) or []:
                chances[measure] += 1
                hit = self.any_stands_for(node, predicate, value, person)
                found[measure] += hit
                missed.setdefault(measure, []).extend([] if hit else [value])
        for measure in found:
            detail = self.missed_detail(node, measure, missed.get(measure))
            self.tally.add(measure, found[measure], chances[measure], name + detail)
        slots = 1 + sum(chances.values())
        self.tally.add("treaty slots, all", int(node is not None) + sum(found.values()), slots)

    def missed_detail(self, node, measure: str, missed: list[str] | None) -> str:
        """` (missed A, B; graph: C)`: what the gold states and the graph lacks, and what the graph has."""
        if not missed:
            return ""
        predicate = {"treaty date": HKG.signedOn, "treaty parties": HKG.party,
                     "treaty signatories": HKG.signatory}[measure]
        values = [] if node is None else sorted(
            str(v) if measure == "treaty date" else ", ".join(sorted(labels(self.graph, v)))
            for v in self.graph.objects(node, predicate))
        return f" (missed {', '.join(missed)}; graph: {'; '.join(values) or 'none'})"

    def any_stands_for(self, node, predicate, name: str, person: bool = False) -> bool:
        return node is not None and any(self.stands_for(v, name, person) for v in self.graph.objects(node, predicate))

    def treaty_node(self, treaty: dict):
        """The treaty node with most mentions on the treaty's variants here; else one labelled by a variant."""
        index = SpanIndex(self.mentions["Treaty"])
        strings = set(treaty.get("variants") or []) | {treaty["name"]}
        votes = self.votes(index, strings, name_pattern)
        if votes:
            return _node(max(sorted(votes), key=votes.get))
        folded = {fold(v) for v in strings}
        for node in sorted(self.graph.subjects(RDF.type, HKG.Treaty), key=str):
            if {fold(label) for label in labels(self.graph, node)} & folded:
                return node
        # the text inflects a common-noun variant the gold writes bare (`özel anlaşmanın`, `özel anlaşma`)
        votes = self.votes(index, strings, phrase_pattern)
        return _node(max(sorted(votes), key=votes.get)) if votes else None

    def votes(self, index: SpanIndex, strings: set[str], pattern) -> Counter:
        """How many of the variants' occurrences each node's mentions overlap."""
        return Counter(m.node for s, e in self.occurrences(strings, pattern) for m in index.overlapping(self.doc.code, s, e))

    def score_journey(self, journey: dict) -> None:
        what = f"{journey.get('leader') or 'unnamed'} -> {journey.get('destination')}"
        node = self.visit_node(journey)
        self.tally.add("journeys found", int(node is not None), 1, what)
        if journey.get("start"):
            self.tally.add("journey start", int(self.started(node, journey)), 1, f"{what} from {journey['start']}")
        gold_stops = [s for s in journey.get("stops") or [] if s]
        if gold_stops:
            self.tally.add("journey stops in order", self.stops_in_order(node, gold_stops), len(gold_stops),
                           f"{what}: {gold_stops}")

    def started(self, node, journey: dict) -> bool:
        return node is not None and str(journey.get("start")) in {str(v) for v in self.graph.objects(node, HKG.startDate)}

    def stops_in_order(self, node, gold_stops: list[str]) -> int:
        stops = self.stops_of(node) if node is not None else []
        return common_in_order(gold_stops, [self.gold_place(place, gold_stops) for place in stops])

    def visit_node(self, journey: dict):
        """The visit told in this document that stands for the gold journey:
        one with its leader (none where the gold names none) and its
        destination (any where the gold names none); of several, the one
        with the most of its stops in order, then its start (then by IRI)."""
        leader, destination = journey.get("leader"), journey.get("destination")
        candidates = []
        for node in sorted({_node(m.node) for m in self.mentions["Visit"]}, key=str):
            leaders = list(self.graph.objects(node, HKG.leader))
            if leader and not any(self.stands_for(p, leader, person=True) for p in leaders):
                continue
            if not leader and leaders:
                continue
            if destination and not self.any_stands_for(node, HKG.destination, destination):
                continue
            candidates.append(node)
        if len(candidates) < 2:
            return candidates[0] if candidates else None
        gold_stops = [s for s in journey.get("stops") or [] if s]
        return max(candidates, key=lambda n: (self.stops_in_order(n, gold_stops), self.started(n, journey)))

    def stops_of(self, node) -> list:
        stops = [(int(self.graph.value(s, HKG.order) or 0), self.graph.value(s, HKG.place))
                 for s in self.graph.objects(node, HKG.stop)]
        return [place for _, place in sorted(stops, key=lambda pair: pair[0])]

    def gold_place(self, place, gold_stops: list[str]) -> str:
        """The gold stop this graph place stands for, else its label."""
        return next((name for name in gold_stops if self.stands_for(place, name)), str(place))


def _node(iri: str) -> URIRef:
    return URIRef(iri)


def _inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in spans)
