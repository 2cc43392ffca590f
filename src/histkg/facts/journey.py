"""What a text says of one journey (VisitFact, StopFact) or of a meeting
that dates one (MeetingFact), and when two mentions name the same traveller
or the same place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from histkg.facts.sentences import Sentence, Slot, dates_a_noun, starts_with_any
from histkg.language.gazetteer import Gazetteer, is_city, is_venue, kilometres
from histkg.language.lexicon import event_lexicon, name_titles, turkish_lower
from histkg.language.spelling import similar_spelling
from histkg.mentions.tokens import is_suffix

LOCAL_KM = 15  # a quarter this near a city lies in it (Çankaya is 1 km from Ankara; Yenice station, 25 from Adana)


@dataclass(frozen=True)
class StopFact:
    place: object  # a PLACE mention
    date: Slot | None = None
    inference: str | None = None  # how a stop the passage does not state was drawn from the context


@dataclass
class VisitFact:
    doc_id: str
    anchor: object  # the words that name the journey (`Voroşilov heyetinin`)
    leader: object = None  # PERSON mention
    destination: object = None  # PLACE mention
    origin: object = None
    visitors: list = field(default_factory=list)
    hosts: list = field(default_factory=list)
    stops: list[StopFact] = field(default_factory=list)
    dates: list[Slot] = field(default_factory=list)
    flagged: list[tuple[int, Slot]] = field(default_factory=list)  # (stop index, a day the text gets wrong)
    datives: list = field(default_factory=list)  # places the text sends the group to (`Ankara'ya`)
    when: object = None  # a date inside the words that name the journey (`1932 yılında gerçekleştirdiği`)
    start: object = None  # a DATE the text gives the whole visit: a posting since (`Temmuz 1925'den beri`)
    end: object = None  # … or until (`Mayıs 1922'ye kadar`)
    part_of: object = None  # the VisitFact of the journey this is a leg of
    described: str | None = None  # a traveller the text does not name, by its words (`salâhiyetli bir Rus`)
    meeting: object = None  # the conference a visit went to (ORG mention), dated by when it met
    inference: dict = field(default_factory=dict)  # slot -> how a value the passage does not state was drawn
    received: bool = False  # a reception (`X kabul edilmiştir`): the place is the receiving side's, often unsaid
    way_back: bool = False  # the way home (`Rauf Bey İstanbul'a döndüğünde`): a journey of its own, after the other


@dataclass(frozen=True)
class MeetingFact:
    """When a conference met (`Sivas Kongresi'nin toplandığı Eylül 1919`):
    it dates a visit to the conference that its own text does not date."""

    doc_id: str
    conference: object  # ORG mention
    date: object  # DATE mention
    words: object  # the words that say it, from the conference to the date or verb


FUTURE_PAST = re.compile(r"(?:ecek|acak)(?:ti|tı|miş|mış)")  # `gelecekti`: was to come, not came


def planned(sentence: Sentence, start: int, window: int = 3) -> bool:
    """The journey named before token `start` was only planned or awaited:
    `ziyareti kararlaştırılmıştı`, `gelmesi bekleniyordu`, `Ankara'ya gelecekti`."""
    words = [re.sub(r"[\W\d_]+", "", turkish_lower(t.text)) for t in sentence.doc[start:sentence.span.end]
             if not is_suffix(t)]
    words = [w for w in words if w][:window]
    return any(starts_with_any(w, event_lexicon()["plan_words"]) or FUTURE_PAST.search(w) for w in words)


def fact_year(fact: VisitFact) -> int | None:
    """The year the fact's journey starts (an end alone says nothing of it)."""
    days = [s.mention.data.earliest for s in fact.dates if not s.problem]
    days += [s.date.mention.data.earliest for s in fact.stops if s.date is not None and not s.date.problem]
    days += [m.data.earliest for m in (fact.start, fact.when) if m is not None]
    return min(days).year if days else None


def fact_span(fact: VisitFact) -> tuple | None:
    """(earliest, latest) of the first date, to the season, the month or the day, the fact gives its journey."""
    dated = [m for m in told_dates(fact) if m.data.latest != dt.date.max
             and (m.data.latest - m.data.earliest).days <= SEASON_DAYS]
    first = min(dated, key=lambda m: m.data.earliest) if dated else None
    return (first.data.earliest, first.data.latest) if first is not None else None


SEASON_DAYS = 92  # the longest date span that still places a journey in its season (`Ertesi kış`)


def spans_apart(span: tuple, other: tuple) -> bool:
    """Two (earliest, latest) spans further apart than the episode window (`Haziran 1921`, `Eylül 1921`)."""
    window = dt.timedelta(days=event_lexicon()["episode_window_days"])
    return span[0] - other[1] > window or other[0] - span[1] > window


def told_dates(fact: VisitFact) -> list:
    """The DATE mentions a fact gives its journey: in its words, its span, its dates and its stops."""
    return [m for m in (fact.when, fact.start, *(s.mention for s in fact.dates),
                        *(s.date.mention for s in fact.stops if s.date is not None)) if m is not None]


def day_dates(sentence: Sentence) -> list:
    """The days a sentence states for its own events (not a noun's: `11 Şubat'taki başkaldırı`)."""
    return [(s, m) for s, m in sentence.of("DATE") if m.data.precision == "day" and "/" not in m.data.edtf
            and not dates_a_noun(sentence.doc, s.end, m.text)
            and not m.data.edtf.startswith(("{", "["))]


def same_name(a, b) -> bool:
    """`Voroşilov`, `Varoşilov` and `Kliment Yefromoviç Voroşilov` are one leader."""
    if a is None or b is None:
        return False

    return similar_spelling(core_name(a.text), core_name(b.text))


def core_name(text: str) -> str:
    """The surname a name is known by; an initial glued to it (`M.Voroşilov`) is no part of it."""
    text = re.sub(r"\.(?=\w)", ". ", text)
    words = [w for w in text.replace("(", " ").replace(")", " ").split() if w[:1].isupper() and "." not in w]
    words = [w for w in words if w not in name_titles()] or text.split()
    return words[-1]


def same_place(a, b) -> bool:
    return (a.data or turkish_lower(a.text)) == (b.data or turkish_lower(b.text))


def inside_city(place, city) -> bool:
    """`Çankaya`, `Ankara Palas` in `Ankara` (PLACE mentions): a building, or a place of the gazetteer
    no more than LOCAL_KM from a city, lies in that city."""
    if same_place(place, city) or not is_city(city.text):
        return False
    gazetteer = Gazetteer.load()
    key = place.data if isinstance(place.data, str) else gazetteer.lookup(place.text)
    if key is None:
        return is_venue(place.text)
    here, there = gazetteer.info(key), gazetteer.info(gazetteer.lookup(city.text))
    return here.kind == "venue" or here.latitude is not None \
        and kilometres((here.latitude, here.longitude), (there.latitude, there.longitude)) <= LOCAL_KM


def home_again(fact: VisitFact) -> bool:
    """`heyet İstanbul'dan … Karadeniz'i geçti; … heyet 10 Mayıs'ta İstanbul'a
    vardı`: back at the place it set out from, the journey has ended; what the
    traveller does next is another journey."""
    stops, origin = fact.stops, fact.origin
    return origin is not None and len(stops) > 1 and same_place(stops[-1].place, origin)


def heads_group(sentence: Sentence, start: int, stems) -> bool:
    """`Türk Delegasyon Başkanı X`, `Sivas Kongresi Başkanı X`: a word of
    `stems` and a leader word right before the person."""
    words = [turkish_lower(t.text) for t in sentence.doc[max(start - 2, sentence.span.start):start]]
    return len(words) == 2 and starts_with_any(words[0], stems) and words[1] in event_lexicon()["leader_words"]


