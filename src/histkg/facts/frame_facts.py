"""From frames to facts: motion frames of one traveller with consecutive
places form one journey with ordered stops (a return ends it); a reception
adds hosts and the place; a signing frame fills a treaty's date, place,
parties and signatories. A state is a party only as an argument of the
signing (its subject, `ile`, `arasında`, agent), never from a clause of its
own (`Milletler Cemiyeti'ne girmemek`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from histkg.facts.conferences import FIRST_PERSON_PLURAL, Delegations, leads_delegation
from histkg.facts.clauses import Argument, group_case, sovereign_titles, title_start
from histkg.facts.frames import MOVING_FRAMES, Frame, places_of
from histkg.facts.journey import (StopFact, VisitFact, fact_span, fact_year, home_again, inside_city, same_name,
                                  same_place, spans_apart)
from histkg.facts.journey_phrases import GENITIVE
from histkg.facts.sentences import Slot, case_after, opening_word, starts_with_any
from histkg.facts.treaties import TreatyFact, treaty_family
from histkg.language.gazetteer import Gazetteer, capital_keys, is_city, is_country, is_state, state_of
from histkg.language.lexicon import event_lexicon, load_lexicon, turkish_lower
from histkg.language.verbs import frames
from histkg.mentions.tokens import lowered_texts

JOURNEY_FRAMES = {"motion", "visit", "reception", "sending", "posting"}
APPOINTING_FRAMES = {"sending", "posting"}  # someone else's act: its date is when he was sent, not when he went
JOURNEY_GAP_SENTENCES = 2  # a frame joins a journey told at most this many sentences before
GROUP_SENTENCES = 10  # `heyet` is the group of a journey told at most this many sentences before


@dataclass
class Journey:
    """Motion frames of one traveller, in story order."""

    leader: object  # PERSON mention
    frames: list[Frame] = field(default_factory=list)
    closed: bool = False
    by_its_end: bool = False  # told only by the return from it (`Berlin'den dönüşü`): no group's journey goes on
    described: str | None = None  # a group no one is named to lead (`Türk heyeti`), a ship: a journey of its own
    delegation: bool = False  # the group is a delegation no one is named to lead (unled_group)

    @property
    def last_sentence(self) -> int:
        return self.frames[-1].sentence.index


def journey_facts(frames: list[Frame], doc_id: str, told: list[VisitFact] = (),
                  delegations: Delegations = Delegations([], [], [], [], {})) -> list[VisitFact]:
    """Journeys from motion frames; one another rule already tells (`told`: a
    fact of the same traveller at one of its places) gets what the frames add.
    `delegations`: the delegation heads the document names, and the head of the narrator's own group."""
    journeys: list[Journey] = []
    our_guests: list[Frame] = []
    for frame in frames:
        if frame.kind == "return":
            add_return(frame, journeys, delegations)
            continue
        again = came_again(frame, journeys, delegations)
        frame = again or frame
        if frame.kind not in JOURNEY_FRAMES or not places_of(frame):
            continue
        for each in by_nation(frame):
            traveller = traveller_of(each, journeys, delegations)
            if traveller is None and received_on_the_way(each, journeys, delegations):
                journeys[-1].frames.append(each)  # `… sınırı geçişi. Antakya'da coşkulu karşılama.`
                continue
            group = unled_group(each) if traveller is None else None
            ship = vessel(each) if traveller is None and group is None else None
            if group is not None or ship is not None:  # `Türk heyetinin katılımı`: the delegation went, whoever led it
                journeys.append(Journey(None, [each], closed=True, described=group or ship, delegation=group is not None))
                continue
            if traveller is None:
                our_guests += [each] if our_guest(each) else []
                continue
            going_on = (j for j in reversed(journeys) if same_name(j.leader, traveller) and not j.closed
                        and (goes_on(each, j) or ours_goes_on(j, delegations))
                        and not another_year(each, j) and not within_city_reached(each, j))
            journey = None if again else next(going_on, None)
            if journey is None:
                journey = Journey(traveller)
                journeys.append(journey)
            journey.frames.append(each)
            journey.closed = back_where_it_began(journey)
    journeys += guest_journeys(our_guests, journeys, told)
    journeys += [Journey(host, [frame], closed=True) for host, frame in envoys_come_to_receive(frames)]
    found = []
    facts = [visit_fact(j, doc_id) for j in journeys]
    for journey, fact in zip(journeys, facts):
        if journey.delegation and any(the_group_of(fact, o) for o in [*told, *facts] if o.leader is not None):
            continue  # `Rus Heyeti'nin Türkiye'de bulunduğu sıralarda`: the delegation of a journey told by its head
        other = next((o for o in told if already_told(fact, o)), None)
        if other is None:
            found.append(fact)
        elif other.part_of is None:  # a leg keeps the places its own rule gave it
            enrich(other, fact)
    return found


def came_again(frame: Frame, journeys: list[Journey], delegations: Delegations) -> Frame | None:
    """`Eylül 1921'de tekrar gelen Fransız murahhas`: a move told as made again, with no place of its own,
    is another journey to where the traveller's journey told before went (None where the frame is no such move)."""
    if frame.kind != "motion" or places_of(frame):
        return None
    words = {turkish_lower(t.text) for t in frame.sentence.doc[frame.clause.start:frame.clause.end]}
    if not words & set(event_lexicon()["again_words"]):
        return None
    traveller = traveller_of(frame, journeys, delegations)
    before = next((j for j in reversed(journeys) if traveller is not None and same_name(j.leader, traveller)), None)
    goals = [a for f in before.frames for a in f.roles.get("destination", [])] if before is not None else []
    if not goals:
        return None
    roles = defaultdict(list, frame.roles)
    roles["destination"] = [replace(goals[-1], drawn="where he had come before (he came again)")]
    return replace(frame, roles=roles)


def unled_group(frame: Frame) -> str | None:
    """The words of a delegation named by its nation (`Türk heyetinin` → `Türk heyeti`), where the text
    names no one who leads it; None where the traveller is no such group (a guest's party is the guest's)."""
    traveller = frame.first("traveller")
    if traveller is None or traveller.label != "GROUP" or nation_state(frame.sentence, traveller) is None:
        return None
    return GENITIVE.sub("", frame.sentence.doc[traveller.start:traveller.end].text)


# after a vessel noun: its possessive (`zırhlısı`, `yatı`), perhaps the genitive (`vapurunun`): the subject
VESSEL_SUBJECT = re.compile(r"^(?:s?[ıiuü])?(?:n[ıiuü]n)?$")


def vessel(frame: Frame) -> str | None:
    """The words of the ship that makes a move, its subject (`ABD zırhlısı Missouri'nin … gelişi` →
    `ABD zırhlısı Missouri`); None where no vessel is (frames.json `vessels`)."""
    if frame.kind not in MOVING_FRAMES:
        return None  # `… iki torpido karşılamıştı`: a ship that receives is a host
    clause, doc = frame.clause, frame.sentence.doc
    lowered = lowered_texts(doc)
    for i in range(clause.start, clause.end - clause.verb.words):
        stem = next((w for w in frames()["vessels"]["words"] if lowered[i].startswith(w)), None)
        if stem is None or not doc[i].text.islower() or not VESSEL_SUBJECT.match(lowered[i][len(stem):]):
            continue
        if lowered[i] == stem and i + 1 < clause.end and doc[i + 1].is_alpha and doc[i + 1].text.islower():
            continue  # `zırhlı trenlerinin`, `gemi mürettebatı`: the word modifies a noun after it
        if i > clause.start and group_case(doc[i - 1].text) == "genitive":
            return None  # `Heyetin gemisi`: the group's ship, the group travels
        start, end = i, i + 1
        while start > clause.start and i - start < 2 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper():
            start -= 1  # `ABD zırhlısı`: whose ship
        while end < clause.end and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1  # `zırhlısı Missouri`: its name
        if end > i + 1 and case_after(doc, end) not in ("nominative", "genitive"):
            continue  # `Sultaniye vapuruna bindik`: the ship is no subject
        return GENITIVE.sub("", doc[start:end].text) if end > i + 1 else doc[start:end].text
    return None


def envoys_come_to_receive(frames: list[Frame]) -> list[tuple]:
    """`Tulon'a çıktığımızda Paris sefirimiz Cemil Paşa bizi karşıladı`: an envoy whose title names his post
    in one city and who receives the travellers in another went there to receive them. (host, the reception
    as his move there) for each."""
    found = []
    for frame in frames:
        host = frame.first("host")
        if frame.kind != "reception" or host is None or host.label != "PERSON":
            continue
        post = next((a for a in frame.clause.arguments if a.label == "PLACE" and a.case == "post"
                     and a.end <= host.start), None)
        arrived = [f.first("destination") for f in frames if f.sentence is frame.sentence and f.kind == "motion"
                   and f.clause.end <= frame.clause.start and f.first("destination") is not None]
        place = frame.first("stop") or (arrived[-1] if arrived else None)
        if post is None or place is None or same_place(post.mention, place.mention) \
                or inside_city(place.mention, post.mention) or not is_city(place.mention.text):
            continue
        roles = defaultdict(list, {"destination": [replace(place, drawn=f"where the envoy to {post.mention.text} "
                                                                     "received the travellers")]})
        found.append((host.mention, replace(frame, kind="motion", roles=roles, inference={})))
    return found


def received_on_the_way(frame: Frame, journeys: list[Journey], delegations: Delegations) -> bool:
    """A reception that names no one received, told right after a journey in its paragraph (or in a memoir
    of our travels: `Paris'te İmparator … istikbale gelmişti`), is of that journey."""
    return frame.kind == "reception" and not frame.roles.get("traveller") and bool(journeys) \
        and not journeys[-1].closed and (goes_on(frame, journeys[-1]) or ours_goes_on(journeys[-1], delegations))


def add_return(frame: Frame, journeys: list[Journey], delegations: Delegations) -> None:
    """A return ends the traveller's journeys; `Ankara'ya döndü`: the way back
    is a journey of its own, which nothing after joins; `Talât Paşa'nın
    Berlin'den dönüşü`, where no journey there was told: a journey there the
    text tells only by its end."""
    going = journeys_of(frame, journeys, delegations)
    retraced = next((j for j in reversed(going) if not j.closed and retraces(frame, j)), None)
    if retraced is not None:  # `Kudüs'ten Yafa'ya avdet eden misafirler … Beyrut'a gitmişler`: the way back along it
        retraced.frames.append(frame)
        return
    for journey in going:
        journey.closed = True
    traveller = traveller_of(frame, journeys, delegations)
    if traveller is not None and frame.roles.get("destination"):
        journeys.append(Journey(traveller, [frame], closed=True))
    elif traveller is not None and frame.first("origin") is not None and not going:
        journeys.append(Journey(traveller, [frame], closed=True, by_its_end=True))


def retraces(frame: Frame, journey: Journey) -> bool:
    """A return to a place the journey went through, not the one it set out from: the way back along it."""
    goal = frame.first("destination")
    origin = next((f.first("origin") for f in journey.frames if f.first("origin") is not None), None)
    reached = [a for f in journey.frames for a in f.roles.get("destination", []) + f.roles.get("stop", [])]
    return goal is not None and any(same_place(goal.mention, a.mention) for a in reached) \
        and not (origin is not None and same_place(goal.mention, origin.mention))


def guest_journeys(our_guests: list[Frame], journeys: list[Journey], told: list[VisitFact]) -> list[Journey]:
    """The moves of `our guest` (`our_guest`), each a journey of the traveller the text tells most moves of."""
    guest = main_traveller([(j.leader, len(j.frames)) for j in journeys if any(map(arrives, j.frames))]
                           + [(f.leader, 1) for f in told if f.leader is not None and (f.destination or f.stops)])
    return [Journey(guest, [frame], closed=True) for frame in our_guests] if guest is not None else []


def our_group_word(frame: Frame) -> str | None:
    """The traveller's group word where it has the possessive of `we` (`heyetimiz`, `misafirimiz`), lower case."""
    traveller = frame.first("traveller")
    if traveller is None or traveller.label != "GROUP":
        return None
    words = turkish_lower(frame.sentence.doc[traveller.start:traveller.end].text)
    return words if FIRST_PERSON_PLURAL.search(words) else None


def our_guest(frame: Frame) -> bool:
    """`Büyük misafirimiz dün gece … Avrupaya hareket etti`: the traveller is the paper's guest."""
    words = our_group_word(frame)
    return words is not None and starts_with_any(words, event_lexicon()["guest_words"])


def main_traveller(moves_of: list[tuple]):
    """Of (traveller, moves to a place), the one who makes the most: whom a newspaper calls `our guest`."""
    moves = Counter()
    for traveller, count in moves_of:
        moves[next((p for p in moves if same_name(p, traveller)), traveller)] += count
    return moves.most_common(1)[0][0] if moves else None


def arrives(frame: Frame) -> bool:
    return bool(frame.roles.get("destination") or frame.roles.get("stop"))


def goes_on(frame: Frame, journey: Journey) -> bool:
    """A frame told in the journey's paragraph, a sentence or two after it."""
    return frame.sentence.index - journey.last_sentence <= JOURNEY_GAP_SENTENCES \
        and frame.sentence.paragraph == journey.frames[-1].sentence.paragraph


def within_city_reached(frame: Frame, journey: Journey) -> bool:
    """`Ankara'ya … vâsıl olmuşlardır. … Ankara Palas'a kadar gitmişler`, `… Çankaya'ya giderek`:
    a move to a building or a quarter of the city the journey has reached is a visit there of its own,
    not the journey going on."""
    goal = frame.first("destination")
    reached = next((a for f in reversed(journey.frames) for a in reversed(f.roles.get("destination", [])
                                                                          + f.roles.get("stop", []))), None)
    return goal is not None and reached is not None and inside_city(goal.mention, reached.mention)


def ours_goes_on(journey: Journey, delegations: Delegations) -> bool:
    """The journey of the narrator's own group (`Messina'ya uğradık. … Dover'e
    çıktık`): a memoir follows it from paragraph to paragraph, until it comes back."""
    return any(same_name(journey.leader, head) for head in delegations.ours) and any(map(told_as_ours, journey.frames))


def told_as_ours(frame: Frame) -> bool:
    """`Mudanya'ya indik`, `Heyetimiz … yola çıktı`: a move of the narrator's group (not of `our guest`)."""
    return frame.first_plural or our_group_word(frame) is not None and not our_guest(frame)


def back_where_it_began(journey: Journey) -> bool:
    """Arriving at the place the journey set out from ends it (`home_again`)."""
    *earlier, last = journey.frames
    goal = last.first("destination")
    origin = next((f.first("origin") for f in earlier if f.first("origin") is not None), None)
    return goal is not None and origin is not None and same_place(origin.mention, goal.mention)


def by_nation(frame: Frame) -> list[Frame]:
    """`Irak Hariciye Nazırı X ile Afgan Hariciye Nazırı Y de Tahran'a
    geldiler`: travellers of different nations, each named with his own,
    came each with his own delegation; one frame for each nation."""
    travellers = frame.roles.get("traveller", [])
    nations = [nation_word(frame.sentence, a) if a.label == "PERSON" else None for a in travellers]
    if len({n for n in nations if n}) < 2:
        return [frame]
    first = nations[0] or next(n for n in nations if n)
    frames_of_nations = []
    for nation in dict.fromkeys(n for n in nations if n):
        roles = defaultdict(list, {role: list(arguments) for role, arguments in frame.roles.items()})
        roles["traveller"] = [a for a, n in zip(travellers, nations) if n == nation or n is None and nation == first]
        frames_of_nations.append(replace(frame, roles=roles))
    return frames_of_nations


def nation_word(sentence, argument) -> str | None:
    """The nationality word or country that opens the capitalised titles
    right before a person (`Afgan Hariciye Nazırı X`), if any."""
    demonyms = event_lexicon()["demonyms"]
    opening = opening_word(sentence, argument.start, lambda w: w in demonyms or is_country(w))
    return demonyms.get(opening[0], opening[0]) if opening and opening[1] else None


def another_year(frame: Frame, journey: Journey) -> bool:
    """`Aralık 1925'te Paris'e giden … 1926'da Odesa'ya giderek`: a frame dated
    by a bare year other than the journey's tells another journey (a day or a
    month next year may be the same one going on: `Şubat 1921'de Moskova'ya ulaştı`)."""
    if frame.date is None or frame.date.mention is None:
        return False
    day = frame.date.mention.data
    dated = [f.date.mention.data for f in journey.frames if f.date is not None and f.date.mention is not None]
    bare_year = day.earliest.month == 1 and day.earliest.day == 1 and day.latest.month == 12 and day.latest.day == 31 \
        and day.earliest.year == day.latest.year
    return bare_year and bool(dated) and dated[-1].latest.year != day.earliest.year


def enrich(told: VisitFact, fact: VisitFact) -> None:
    """What the frames read that the fact telling the same journey lacks: its
    date, the stops after its last, travellers and hosts. Where the frames
    read every place of the fact, their itinerary is the journey's
    (`3 Haziran'da İnebolu'ya çıktı ve 9 Haziran'da Ankara'ya ulaştı`: two
    stops, each with its day). A day the fact flagged stays on its stop."""
    flagged = [(told.stops[i], slot) for i, slot in told.flagged]
    if covers(fact, told):
        told.stops, told.destination = list(fact.stops), fact.destination or told.destination
        told.origin = told.origin or fact.origin
        told.inference.pop("destination", None)
    dated = [s.date for s in fact.stops if s.date is not None] + fact.dates
    undated = not any(s.date for s in told.stops) and told.when is None and told.start is None
    if dated and undated:
        told.when = dated[0].mention
        told.inference.pop("when", None)
    told.start = told.start or fact.start  # `6 Şubat 1921 günü Ankara'dan … hareket etti`: the day it set out
    if fact.way_back and all(same_place(s.place, fact.destination) for s in told.stops):
        told.way_back = True  # `Rauf Bey İstanbul'a döndüğünde`: the fact told only the way home the frames read
    told.stops = between_stops(told.stops, fact.stops)
    shared = [i for i, stop in enumerate(fact.stops) if any(same_place(stop.place, t.place) for t in told.stops)]
    if shared and told.stops and not home_again(told) and same_place(fact.stops[shared[-1]].place, told.stops[-1].place):
        told.stops += fact.stops[shared[-1] + 1:]  # places the frames read after where the fact's itinerary ends
    told.visitors += [m for m in fact.visitors if not any(same_name(m, v) for v in told.visitors)]
    told.hosts += [m for m in fact.hosts if not any(same_name(m, h) for h in told.hosts)]
    told.flagged = [(index, slot) for stop, slot in flagged if (index := stop_index(told.stops, stop)) is not None]


def stop_index(stops: list, stop) -> int | None:
    """Where `stop` now is among `stops`: the stop itself, else the last at its place."""
    same = [i for i, s in enumerate(stops) if s is stop] \
        or [i for i, s in enumerate(stops) if same_place(s.place, stop.place)]
    return same[-1] if same else None


def between_stops(told: list, read: list) -> list:
    """`told`'s stops, with the places the frames `read` between two of them
    that follow each other in both (`Erzurum, Bayburt ve Gümüşhane üzerinden
    Trabzona`: the fact has Kars, Gümüşhane; the frames Kars, Erzurum,
    Bayburt, Gümüşhane)."""
    pairs = common_stops(told, read)
    merged, taken = [], 0
    for (i, j), (k, m) in zip(pairs, pairs[1:]):
        merged += told[taken:i + 1]
        taken = i + 1
        if k == i + 1:  # nothing of the fact's own lies between them
            merged += read[j + 1:m]
    return merged + told[taken:]


def common_stops(a: list, b: list) -> list[tuple[int, int]]:
    """Index pairs of the longest sequence of the same places in both, in order."""
    length = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            length[i][j] = length[i + 1][j + 1] + 1 if same_place(a[i].place, b[j].place) \
                else max(length[i + 1][j], length[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if same_place(a[i].place, b[j].place):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif length[i + 1][j] >= length[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def covers(fact: VisitFact, told: VisitFact) -> bool:
    """The frames' fact stops at every place the told fact names, at as many, with a day for one;
    or the told fact has no stop and the frames read the way to its destination (`Yunanistan ve
    Arnavutluk'u müteakiben Romanya'ya geçmişti`)."""
    told_places = [m for m in (told.destination, *(s.place for s in told.stops)) if m is not None]
    on_the_way = not told.stops and told.destination is not None \
        and any(not same_place(s.place, told.destination) for s in fact.stops)
    return len(fact.stops) >= len(told.stops) and (any(s.date is not None for s in fact.stops) or on_the_way) \
        and all(any(same_place(p, s.place) for s in fact.stops) for p in told_places)


def the_group_of(group: VisitFact, journey: VisitFact) -> bool:
    """A delegation no one is named to lead, at a place a journey told by its leader reaches, in its year."""
    years = {fact_year(group), fact_year(journey)}
    return (None in years or len(years) == 1) and any(same_place(a, b) for a in arrivals(group) for b in arrivals(journey))


def already_told(fact: VisitFact, other: VisitFact) -> bool:
    """The same traveller at one of the same places in the same year (or with
    no year told): arriving at it in both, or leaving it in both (`Kahire'den
    Tunus'a uçtu` is not the journey to Kahire); not in months that lie apart
    (`Haziran 1921'de Ankara'ya gelen`, `Eylül 1921'de tekrar gelen`)."""
    spans = fact_span(fact), fact_span(other)
    if not same_name(fact.leader, other.leader) or None not in spans and spans_apart(*spans):
        return False
    years = {fact_year(fact), fact_year(other)}
    return (None in years or len(years) == 1) and (
        any(same_place(a, b) for a in arrivals(fact) for b in arrivals(other))
        or fact.origin is not None and other.origin is not None and same_place(fact.origin, other.origin))


def arrivals(fact: VisitFact) -> list:
    return [m for m in (fact.destination, *(s.place for s in fact.stops)) if m is not None]


def traveller_of(frame: Frame, journeys: list[Journey], delegations: Delegations):
    """The PERSON who travels: the traveller role, or for a group word the
    head its sentence names, the leader of the journey told just before, or
    the head of the delegation the document named last (`… Reis, Hariciye
    Vekili Bekir Sami Bey …` then `Heyet … Ankara'dan hareket etti`). `We`
    (`Mudanya'ya indik`, `Heyetimiz … yola çıktı`) is the narrator's group,
    led by whom the text calls its head (`Başımızda X vardı`), and so is a
    group word nothing else explains."""
    argument = frame.first("traveller")
    ours = delegations.ours[:1]
    if argument is None:
        return ours[0] if ours and frame.first_plural else None
    if argument.label == "PERSON":
        return argument.mention
    named = apposed_person(frame, argument)
    if named is not None:  # `Prusya murahhasları Baron X ile Kont Y … katıldı`: the delegates it names
        return named.mention
    if ours and FIRST_PERSON_PLURAL.search(turkish_lower(frame.sentence.doc[argument.start:argument.end].text)):
        return ours[0]
    head = group_head(frame.sentence)
    if head is not None or argument.mention is not None:
        # a delegation named by its nation (`Türk heyeti`) is no other group told before: the one a roster line
        # named the head of (`Türk heyeti: Cumhurbaşkanı İsmet İnönü; …`), if any
        return head or delegations.led.get(nation_state(frame.sentence, argument))
    index = frame.sentence.index
    recent = [j for j in journeys if index - j.last_sentence <= GROUP_SENTENCES and not j.by_its_end]
    heads = [person for _, person in delegations.heads]
    led = [j for j in recent if any(same_name(j.leader, head) for head in heads)]
    if led:  # the delegation its head leads, not one who went along (`Heyetle birlikte X Filibe'ye uğramıştı`)
        return led[-1].leader
    if recent:
        return recent[-1].leader
    named = [person for at, person in delegations.heads if 0 <= index - at <= GROUP_SENTENCES]
    if named:
        return named[-1]
    # `Lozan'a giden heyetin en genç müşavirlerinden biriydim`: a group no one else leads is the narrator's
    return ours[0] if ours else None


def apposed_person(frame: Frame, group: Argument) -> Argument | None:
    """The person named right after a group word, in apposition to it (`murahhasları Baron X`)."""
    doc = frame.sentence.doc
    return next((a for a in frame.roles.get("traveller", []) if a.label == "PERSON" and a.start >= group.end
                 and all(t.is_alpha and t.text[:1].isupper() for t in doc[group.end:a.start])), None)


def nation_state(sentence, argument) -> str | None:
    """The gazetteer key of the state whose nationality word opens a group's name (`Türk heyeti`)."""
    word = sentence.doc[argument.start].text
    demonym = event_lexicon()["demonyms"].get(word)
    return state_of(Gazetteer.load().lookup(demonym)) if demonym else None


def group_head(sentence):
    """The person the sentence names as the group's head (`X başkanlığındaki heyet`)."""
    return next((mention for span, mention in sentence.of("PERSON") if leads_delegation(sentence, span)), None)


def journeys_of(frame: Frame, journeys: list[Journey], delegations: Delegations) -> list[Journey]:
    traveller = traveller_of(frame, journeys, delegations)
    return [j for j in journeys if traveller is not None and same_name(j.leader, traveller)]


def visit_fact(journey: Journey, doc_id: str) -> VisitFact:
    first = journey.frames[0]
    predicate = first.clause.predicate
    anchor = first.sentence.make(predicate.start_char, predicate.end_char, "VISIT")
    # a return with a goal opens a journey nothing joins (`add_return`): the way home
    fact = VisitFact(doc_id, anchor, leader=journey.leader, described=journey.described,
                     way_back=first.kind == "return" and first.first("destination") is not None)
    travel_dated = any(f.date is not None for f in journey.frames if f.kind not in APPOINTING_FRAMES)
    moved = homebound = False
    for frame in journey.frames:
        # the way back along a journey (`retraces`) and the places after it are stops, not its goal
        homebound = homebound or frame.kind == "return" and frame is not first
        # the day of an appointment is no day of the journey that took him to his post, when that is told
        add_frame(fact, replace(frame, date=None) if travel_dated and frame.kind in APPOINTING_FRAMES else frame,
                  moved and bool(fact.stops), homebound)
        moved = moved or frame.kind not in APPOINTING_FRAMES and bool(places_of(frame))
    if first.kind == "return" and not first.roles.get("destination") and fact.origin is not None and not fact.stops:
        fact.stops, fact.origin = [StopFact(fact.origin, None, "the place he came back from")], None
    visited = [f.first("destination") for f in journey.frames if f.kind == "visit" and f.first("destination")]
    if visited and not is_country(visited[0].mention.text):
        # `Bağdat'ı ziyaret etti … buradan Şam'a, Beyrut'a geçti`: the place visited is the goal, the rest the way on
        fact.destination = visited[0].mention
    goal = first.first("destination") if first.kind in APPOINTING_FRAMES else None
    if goal is not None:
        go_to_post(fact, goal.mention)
    departure = next((f for f in journey.frames if f.date is not None and f.first("origin") is not None
                      and "date" not in f.inference and not arrives(f)), None)
    if departure is not None:
        fact.start = departure.date.mention  # `5 Kasım 1922 sabahı Ankara'dan … yola çıktı`: the day it set out
    if fact.dates and fact.when is None and not any(s.date for s in fact.stops):
        fact.when = fact.dates[0].mention  # `Türkiye'yi ziyaret etti`: a country is no stop to carry the date
    court = received_by_a_sovereign(journey)
    if court is not None and fact.destination is not None and not same_place(court, fact.destination):
        # `Paris'te İmparator III. Napolyon … istikbale gelmişti`: the court the tour went to, not its last town
        fact.destination, fact.inference["destination"] = court, "where the sovereign of the state received him"
    capital = capital_stop(fact)
    if capital is not None:  # `Türkiye ziyareti: önce İstanbul, ardından … Ankara`: the visit went to the capital
        fact.destination = capital
    city = city_beyond_region(fact)
    if city is not None:  # `Avrupa'ya geçtik … Lozan'dan ayrıldık`: the journey went to the city it reached there
        fact.destination = city
    if fact.destination is None and fact.stops:  # `Roma'da ataşe olarak bulundu`: he went where he stayed
        fact.destination = fact.stops[-1].place
        fact.inference["destination"] = "the last place the journey reaches (the text names no destination)"
    if home_again(fact) and fact.destination is not None and same_place(fact.destination, fact.origin):
        # `Bursa'dan … Mudanya'ya indik … Bursa'ya çıktık`: the way home is no goal; the place before it was
        fact.destination = next(s.place for s in reversed(fact.stops) if not same_place(s.place, fact.origin))
    return fact


def received_by_a_sovereign(journey: Journey):
    """The city where a host the text titles as his state's sovereign or head (`İmparator III. Napolyon`,
    `Reisicumhur Gazi Mustafa Kemal`) first received the traveller, if any."""
    names = load_lexicon("names.json")
    stems = tuple(names["title_stems"])
    rulers = tuple(names["sovereign_titles"] + event_lexicon()["head_of_state_titles"])
    for frame in journey.frames:
        place = frame.first("stop")
        if frame.kind == "reception" and place is not None and is_city(place.mention.text) and any(
                (start := title_start(frame.sentence, host.start, stems)) is not None
                and sovereign_titles(frame.sentence, start, host.start, rulers)
                for host in frame.roles.get("host", []) if host.label == "PERSON"):
            return place.mention
    return None


def capital_stop(fact: VisitFact):
    """The stop that is the capital of the country the journey goes to, if any."""
    if fact.destination is None or not is_country(fact.destination.text):
        return None
    gazetteer = Gazetteer.load()
    country = gazetteer.lookup(fact.destination.text)
    for stop in fact.stops:
        key = stop.place.data if isinstance(stop.place.data, str) else gazetteer.lookup(stop.place.text)
        if key in capital_keys() and state_of(key) == country:
            return stop.place
    return None


def city_beyond_region(fact: VisitFact):
    """The last city among the stops after a destination that is a region (`Avrupa`, `Orta Doğu`), if any."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(fact.destination.text) if fact.destination is not None else None
    if key is None or gazetteer.info(key).kind != "region":
        return None
    reached = next((i for i, s in enumerate(fact.stops) if same_place(s.place, fact.destination)), -1)
    cities = [s.place for s in fact.stops[reached + 1:] if is_city(s.place.text)]
    return cities[-1] if cities else None


def go_to_post(fact: VisitFact, post) -> None:
    """A journey told from an appointment goes to the post (`Moskova Sefiri
    tayin etti`): the places told after it lie on the way there."""
    there = [s for s in fact.stops if same_place(s.place, post)]
    fact.stops = [s for s in fact.stops if not same_place(s.place, post)] + there[-1:]
    fact.destination = post


def add_frame(fact: VisitFact, frame: Frame, moved: bool = False, homebound: bool = False) -> None:
    """`moved`: an earlier frame took the traveller to the fact's last stop (an appointment to a post did not);
    `homebound`: the traveller has turned back, and the places he goes to are no goal of the journey."""
    date = Slot(frame.date.mention, (frame.date.mention,)) if frame.date is not None else None
    if date is not None and "date" in frame.inference:
        if fact.when is None:  # a date the entry's date line gives: the visit's, not a stop's
            fact.when, fact.inference["when"] = frame.date.mention, frame.inference["date"]
        date = None
    if date is not None and not fact.dates:
        fact.dates.append(date)
    origin = frame.first("origin")
    if origin is not None and fact.origin is None and not fact.stops:
        fact.origin = origin.mention
    elif origin is not None and moved and not same_place(fact.stops[-1].place, origin.mention) \
            and not is_country(origin.mention.text):  # leaving a country says no place he was at
        fact.stops.append(StopFact(origin.mention))  # `Lehistan'a geçmiş, Varşova'dan … gitmişlerdi`: he was there
    # where the clause finds him, then the way, then the goal (`Ankarada … kalan Şehinşah … Eskişehir ve Afyon
    # üzerinden İzmire gitmişlerdir`; `Eskişehir üzerinden Afyonkarahisar'a`: through it before the goal)
    for role in ("stop", "via", "destination"):
        for argument in frame.roles.get(role, []):
            country = is_country(argument.mention.text)
            if not any(s.place is argument.mention for s in fact.stops):
                # a country is a stop as well (`Mısır, İtalya, … Lehistan'a geçmiş`), as the corpus' itineraries count
                fact.stops.append(StopFact(argument.mention, None if role == "via" else date, argument.drawn))
            if homebound:
                continue
            if role == "destination" and not (country and fact.destination is not None):
                fact.destination = argument.mention
                if argument.drawn:  # `limanımıza`, `tekrar gelen`: a goal the clause does not name
                    fact.inference["destination"] = argument.drawn
            elif role == "stop" and frame.kind == "motion" and moved_on_from(fact.destination, argument.mention):
                fact.destination = argument.mention  # `Marsilya'ya ulaştı. … Londra'da Lord Curzon'la görüştü`
    for argument in frame.roles.get("traveller", [])[1:] + frame.roles.get("companion", []):
        if argument.label == "PERSON" and argument.mention not in fact.visitors:
            fact.visitors.append(argument.mention)
    for argument in frame.roles.get("host", []):
        if argument.label == "PERSON" and argument.mention not in fact.hosts:
            fact.hosts.append(argument.mention)
    for role, how in frame.inference.items():
        if role == "traveller":
            fact.inference.setdefault("leader", how)


def moved_on_from(goal, stop) -> bool:
    """A city the traveller is in by a verb of his own (`bulundu`, `görüştü`) after he reached his goal, neither
    the goal nor in it: he went on to it. Where he was received (`Dobriç'te … karşılandı`) is a stop on the way."""
    return goal is not None and is_city(stop.text) and not same_place(goal, stop) and not inside_city(stop, goal)


def treaty_facts_of_frames(frames: list[Frame], doc_id: str, told: list[TreatyFact] = (),
                           delegates: list = (), delegations: list = ()) -> list[TreatyFact]:
    """One fact per signing frame that names or describes its treaty; a
    signing that names none (`Muahedenameyi … imzalamışlardır`, `… imza
    ettiler`) is of the treaty the text named just before (`told`). A treaty
    its delegates signed (`murahhaslar tarafından imzalandı`) has for
    signatories the persons the document lists as delegates (`delegates`),
    and for parties the states it lists delegations of (`delegations`)."""
    found = []
    for frame in frames:
        if frame.kind != "signing":
            continue
        treaty, sentence, why = frame.first("treaty"), frame.sentence, None
        if treaty is not None and treaty.mention is not None:
            phrase, named = treaty.mention, True
        elif treaty is not None:
            words = sentence.doc[treaty.start:treaty.end]
            phrase, named = sentence.make(words.start_char, words.end_char, "TREATY"), False
        else:
            before, why = treaty_named_before(frame, told), "a signing that names no treaty is of the treaty named just before"
            if before is None and bare_treaty_noun(frame):
                before, why = document_treaty(told), "`Antlaşma` alone is the treaty the document is about"
            if before is None and not frame.sentence.of("TREATY"):
                before, why = titled_treaty(told), "a signing that names no treaty is of the treaty the title names"
            if before is None:
                continue
            # the fact joins the treaty's own: its phrase is the treaty's name, not the verb
            phrase, named = before.antecedent or before.phrase, before.named or before.antecedent is not None
            why = f"{why}: {phrase.text}"
        sides = [(a, joined(frame.inference.get(role), why)) for role in ("signer", "other_side", "sides", "represented")
                 for a in frame.roles.get(role, [])]
        if any(a.label == "GROUP" and is_delegate_word(sentence.doc[a.start].text) for a, _ in sides):
            how = joined(why, "signed by the delegates: the persons the document lists as delegates")
            sides += [(Argument(0, 0, "PERSON", "nominative", person), how) for person in delegates]
            how = joined(why, "signed by the delegates: the states the document lists delegations of")
            sides += [(Argument(0, 0, state.label, "nominative", state), how) for state in delegations]
        found.append(TreatyFact(
            doc_id, phrase, named, treaty_family(phrase.text.split()[-1]),
            signed_on=slots(frame, "date", [frame.date] if frame.date is not None else [], why),
            signed_at=slots(frame, "place", signing_places(frame), why),
            parties=tuple(Slot(a.mention, (a.mention,), inference=how) for a, how in sides
                          if is_side(a) or a in frame.roles.get("represented", [])),
            signatories=tuple(Slot(a.mention, (a.mention,), inference=how) for a, how in sides if a.label == "PERSON"),
            sentence=sentence.index, paragraph=sentence.paragraph))
    return found


SIGNING_LOOKS_BACK = 2  # sentences a signing that names no treaty looks back for one


def bare_treaty_noun(frame: Frame) -> bool:
    """`Antlaşma bu on dört murahhas tarafından imzalandı`: the sentence opens
    with a treaty noun alone, no case ending and nothing before it (not `bir
    antlaşma`, not `Ermenistan ile antlaşma`)."""
    first = frame.sentence.span[0]
    return first.text[:1].isupper() and turkish_lower(first.text) in event_lexicon()["treaty_nouns"]


def document_treaty(told: list[TreatyFact]) -> TreatyFact | None:
    """The treaty a document names most often: the one it is about."""
    counts = Counter(turkish_lower(f.phrase.text) for f in told if f.named)
    if not counts:
        return None
    top = max(sorted(counts), key=counts.get)
    return next(f for f in told if f.named and turkish_lower(f.phrase.text) == top)


def titled_treaty(told: list[TreatyFact]) -> TreatyFact | None:
    """The treaty a document's title names (`SEVR ANTLAŞMASI`, its first line): an entry about it."""
    return next((f for f in told if f.named and f.sentence == 0), None)


def signing_places(frame: Frame) -> list:
    """The first place the signing names; with a venue (`Sadabad Sarayı'nda`), the city it lies in too."""
    places = frame.roles.get("place", [])
    if places and not is_city(places[0].mention.text):
        return places[:1] + [p for p in places[1:] if is_city(p.mention.text)][:1]
    return places[:1]


def treaty_named_before(frame: Frame, told: list[TreatyFact]) -> TreatyFact | None:
    """The fact of the treaty the text named last in the two sentences before
    the signing's, in the same paragraph, where the signing's own sentence
    names none (a treaty it names is the sentence rules' to fill)."""
    sentence = frame.sentence
    if sentence.of("TREATY"):
        # a signing clause after the one that named the treaty (`X Antlaşması … imzalandı; metni Türkiye adına
        # Y imzaladı`) tells of it; one before, or holding it, is the sentence rules' to fill
        clause = frame.clause
        if any(clause.start <= span.start < clause.end for span, _ in sentence.of("TREATY")):
            return None  # `daha önce Moskova Antlaşmasını imzaladığı`: its own treaty
        spans = {id(m): span for span, m in sentence.items}
        named = [f for f in told if f.sentence == sentence.index and f.named and id(f.phrase) in spans
                 and spans[id(f.phrase)].end <= clause.start]
        return named[-1] if named else None
    before = [f for f in told if f.paragraph == sentence.paragraph
              and 0 < sentence.index - f.sentence <= SIGNING_LOOKS_BACK]
    return before[-1] if before else None


def joined(*reasons: str | None) -> str | None:
    return "; ".join(r for r in reasons if r) or None


def slots(frame: Frame, role: str, arguments: list, why: str | None = None) -> tuple[Slot, ...]:
    return tuple(Slot(a.mention, (a.mention,), inference=joined(frame.inference.get(role), why)) for a in arguments)


def is_delegate_word(word: str) -> bool:
    return turkish_lower(word).startswith(tuple(frames()["delegates"]["words"]))


def is_side(argument) -> bool:
    """A side that is a state or a government: an organization, or a place
    that is a country or is named as a state (`Osmanlı Devleti`)."""
    return argument.label == "ORG" or argument.label == "PLACE" and is_state(argument.mention.text)
