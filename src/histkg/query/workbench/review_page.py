"""`/review`: the review queue (`histkg.curation.review`) as a page, each item with its sentence,
the entity it is about and, when the server writes a curation file, the buttons to correct it.

The queue is worked out once, at the first visit (a few hundred milliseconds on the seeds):
the graph a server shows does not change until it is started again on a new build.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from histkg.curation.review import ReviewItem, review_queue
from histkg.query.workbench.catalog import Catalog, Entity
from histkg.query.workbench.graph import Graph

SHOWN = 200  # items on one page; the rest by reason, or all with ?all=1


@dataclass(frozen=True)
class Row:
    rank: int
    item: ReviewItem
    entity: Entity | None  # the catalogued entity the item is about (none for a stop or a claim)


@dataclass(frozen=True)
class Review:
    rows: list[Row]
    total: int  # items for the reason chosen, shown or not
    reasons: list[tuple[str, int]]  # every reason in queue order, with its count


class ReviewQueue:
    def __init__(self, graph: Graph, catalog: Catalog) -> None:
        self.graph = graph
        self.catalog = catalog
        self._items: list[ReviewItem] | None = None
        self._lock = threading.Lock()

    def items(self) -> list[ReviewItem]:
        with self._lock:
            if self._items is None:
                self._items = review_queue(self.graph.store, self.graph.base)
            return self._items

    def view(self, reason: str = "", everything: bool = False) -> Review:
        items = self.items()
        counts = Counter(item.reason for item in items)
        ranked = [(rank, item) for rank, item in enumerate(items, 1) if not reason or item.reason == reason]
        shown = ranked if everything else ranked[:SHOWN]
        rows = [Row(rank, item, self.catalog.get(self.graph.base + item.id)) for rank, item in shown]
        return Review(rows, len(ranked), list(counts.items()))
