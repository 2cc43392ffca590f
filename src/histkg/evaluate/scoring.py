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

from pathlib import Path

from histkg.evaluate.events import evaluate_events
from histkg.evaluate.gold import _gold_codes, load_gold, load_predictions
from histkg.evaluate.names import evaluate_dates, evaluate_persons, evaluate_places, evaluate_treaties
from histkg.evaluate.report import Report, require_shared_documents
from histkg.rdf.namespaces import HKG


def evaluate(graph_path: Path | str, gold_dir: Path | str) -> Report:
    """Compare the mentions of a built graph with the gold annotations in `gold_dir`."""
    graph_path, gold_dir = Path(graph_path), Path(gold_dir)
    gold = load_gold(gold_dir)
    pred = load_predictions(graph_path, _gold_codes(gold))
    require_shared_documents(str(graph_path), str(gold_dir), _gold_codes(gold), set(pred.code_of_source.values()),
                             [str(file) for file in pred.graph.objects(None, HKG.file)])
    report = Report(str(graph_path), str(gold_dir), notes=list(pred.notes))
    if "persons" in gold:
        evaluate_persons(gold, pred, report)
    if "treaties" in gold:
        evaluate_treaties(gold, pred, report)
    if "dates" in gold:
        evaluate_dates(gold, pred, report)
    if "visits" in gold or "treaties" in gold:
        evaluate_places(gold, pred, report)

    evaluate_events(gold, pred, report)
    report.notes.insert(0, "the gold is a sample of the truth (about half): precision counts what it does not "
                           "list as wrong, so P is a lower bound; the `judged` rows count only what the gold "
                           "judges (its persons and not_persons); strict = same span, fuzzy = overlap")
    return report
