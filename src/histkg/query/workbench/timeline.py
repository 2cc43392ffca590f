"""The timeline: treaties and journeys placed by `hkg:earliest`/`hkg:latest` (explicit xsd:date
bounds, so a treaty known to the year and one known to the day sit on one axis), filtered by
kind, years, source and name, drawn as SVG rows in time order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from histkg.query.workbench.catalog import Catalog, Entity, folded
from histkg.query.workbench.graph import readable_date

WIDTH = 900  # SVG units of the time axis
ROW = 20  # height of one event's row
LABEL_SPACE = 420  # room on the right for the last events' labels


@dataclass(frozen=True)
class TimelineFilter:
    kinds: tuple[str, ...] = ("treaty", "visit")
    start_year: int | None = None
    end_year: int | None = None
    source: str = ""  # a source IRI: events that source mentions
    name: str = ""


@dataclass
class Bar:
    event: Entity
    x: float
    width: float
    y: float
    span: str  # the dates as a reader says them


@dataclass
class Timeline:
    bars: list[Bar]
    ticks: list[tuple[float, int]]  # x, year
    width: float
    height: float
    first_year: int
    last_year: int


def day_number(value: str) -> int:
    return dt.date.fromisoformat(value).toordinal()


def chosen(catalog: Catalog, choice: TimelineFilter) -> list[Entity]:
    events = [event for kind in choice.kinds for event in catalog.by_kind.get(kind, []) if event.earliest]
    if choice.start_year:
        events = [event for event in events if int((event.latest or event.earliest)[:4]) >= choice.start_year]
    if choice.end_year:
        events = [event for event in events if int(event.earliest[:4]) <= choice.end_year]
    if choice.source:
        events = [event for event in events if choice.source in event.mentions_by_source]
    if choice.name:
        needle = folded(choice.name)
        events = [event for event in events
                  if any(needle in folded(label) for label in (event.label, *event.alt_labels))]
    return sorted(events, key=lambda event: (event.earliest, event.latest, event.label))


def span_text(event: Entity) -> str:
    """`1920-12-02 – 1920-12-03`, or `1916` and `February 1919` for a span that is a whole year or month."""
    earliest, latest = event.earliest, event.latest or event.earliest
    if earliest == latest:
        return readable_date(earliest)
    if earliest[:4] == latest[:4] and earliest[5:] == "01-01" and latest[5:] == "12-31":
        return earliest[:4]
    if earliest[:7] == latest[:7] and earliest[8:] == "01" and dt.date.fromisoformat(latest).day >= 28:
        return readable_date(earliest[:7])
    return f"{readable_date(earliest)} – {readable_date(latest)}"


def build_timeline(catalog: Catalog, choice: TimelineFilter) -> Timeline:
    events = chosen(catalog, choice)
    first_year = choice.start_year or min((int(event.earliest[:4]) for event in events), default=1920)
    last_year = choice.end_year or max((int((event.latest or event.earliest)[:4]) for event in events),
                                       default=first_year)
    start, end = day_number(f"{first_year:04d}-01-01"), day_number(f"{last_year:04d}-12-31") + 1
    scale = WIDTH / max(end - start, 1)
    bars = []
    for row, event in enumerate(events):
        left = (max(day_number(event.earliest), start) - start) * scale
        right = (min(day_number(event.latest or event.earliest) + 1, end) - start) * scale
        bars.append(Bar(event, round(left, 1), round(max(right - left, 3), 1), 30 + row * ROW, span_text(event)))
    step = max(1, (last_year - first_year + 1) // 15)  # about fifteen year marks at most
    ticks = [(round((day_number(f"{year:04d}-01-01") - start) * scale, 1), year)
             for year in range(first_year, last_year + 1, step)]
    return Timeline(bars, ticks, WIDTH + LABEL_SPACE, 40 + len(bars) * ROW, first_year, last_year)
