"""Frames: what a clause's predicate says happened, with its roles filled
from the clause's arguments by the case each takes (`frames.json`).

A participle's noun fills the role the participle leaves open: the subject
of `Ankara'ya gelen heyet` and of `Lozan'da imzalanan antlaşma` (passive), the
object of `İsmet Paşa'nın imzaladığı antlaşma`, whose genitive is the subject;
a verbal noun's genitive is its subject too (`Titulescu'nun Ankara'ya
gelişi`). A clause without a subject takes the last subject of its sentence,
then the topic of the sentences before (a pronoun-dropped verb), claimed with
hkg:inference. A frame's date is a date in its own clause, else one in its
sentence outside the clauses of other frames; a date that belongs to a noun
(`11 Şubat'taki başkaldırısı`, `1920 tarihli nota`) dates that noun, not the frame.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import takewhile

from histkg.facts.clauses import Argument, Clause, Epithets, clauses, place_of_meeting
from histkg.facts.conferences import GROUP_HEAD_WORDS, conference_named
from histkg.facts.journey import planned, same_name
from histkg.facts.sentences import Sentence, dates_a_noun, ending_case, owned_noun_follows, starts_with_any
from histkg.language.gazetteer import Gazetteer, is_city, is_country, state_of
from histkg.language.lexicon import event_lexicon, name_titles, turkish_lower
from histkg.language.verbs import frames
from histkg.mentions.tokens import DASHES, entry_mark, is_suffix, lowered_texts

ROLE_LABELS = {
    "traveller": {"PERSON", "GROUP"}, "companion": {"PERSON"}, "host": {"PERSON"},
    "sender": {"PERSON", "ORG", "PLACE"}, "signer": {"PERSON", "ORG", "PLACE", "GROUP"},
    "other_side": {"PERSON", "ORG", "PLACE"}, "sides": {"PERSON", "ORG", "PLACE", "GROUP"}, "represented": {"ORG", "PLACE"},
    "destination": {"PLACE"}, "origin": {"PLACE"}, "stop": {"PLACE"}, "via": {"PLACE"}, "place": {"PLACE"},
    "treaty": {"TREATY", "TREATY_PHRASE"},
}
PLACE_ROLES = {"destination", "origin", "stop", "place"}
MOVING_FRAMES = {"motion", "visit", "return"}  # frames whose subject is the one who travels
# Forms whose clause is a noun phrase inside another (`Litvinov ziyaretinin ardından`, `gelen heyet`):
# their names are no subject of the sentence.
NOMINAL_FORMS = {"event noun", "verbal noun", "participle", "object participle"}
TOPIC_SENTENCES = 3  # a dropped subject is the topic of at most this many sentences before
WE_MOVES = 2  # a text that tells this many moves as `we` is the story of the narrator's own travels
CONFERENCE_SENTENCES = 2  # a conference named this many sentences before is the one a meeting noun speaks of
PROTAGONIST_MOVES = 3  # a text tells this many moves of its protagonist, twice as many as of anyone else


@dataclass
class Frame:
    clause: Clause
    kind: str  # motion, visit, return, reception, sending, posting, signing
    roles: dict[str, list[Argument]] = field(default_factory=lambda: defaultdict(list))
    date: Argument | None = None
    inference: dict[str, str] = field(default_factory=dict)  # role -> how it was drawn from the context
    subject_role: str | None = None  # the role the grammatical subject fills (`traveller` of `kabul edildi`)
    ours: bool = False  # an impersonal passive in a story told as `we` (told_as_we): our move too
    pronoun_head: bool = False  # its group is headed by `kendisi`, whom the story follows (headed_by_a_pronoun)

    @property
    def sentence(self) -> Sentence:
        return self.clause.sentence

    @property
    def first_plural(self) -> bool:
        """`Mudanya'ya indik`, or a passive the narrator's group took (`Londra'ya gidildi`): its subject is `we`."""
        return self.ours or self.clause.verb is not None and self.clause.verb.first_plural

    def first(self, role: str) -> Argument | None:
        return self.roles[role][0] if self.roles.get(role) else None


def document_frames(all_sentences: list[Sentence]) -> list[Frame]:
    """Every frame of a document in text order, subjects carried across clauses and sentences."""
    found, topics = [], []  # topics: (sentence index, paragraph, subject argument)
    epithets = Epithets(all_sentences)
    entry, previous = None, None  # entry: the paragraph's date line (a chronology entry's or a dispatch's)
    entry_signings: list[Frame] = []  # the treaties a chronology entry names
    we_moves = 0  # how many moves the narrator has told as `we` (`Messina'ya uğradık`)
    conference = None  # (the city of the conference the story named last, the sentence that named it)
    for sentence in all_sentences:
        sentence_clauses = clauses(sentence, epithets)
        line = dateline(sentence, sentence_clauses)  # an entry opens a paragraph, or a line of one (`… 1921: …`)
        if line is not None or previous is None or sentence.paragraph != previous.paragraph:
            entry, entry_signings = line, []
        previous = sentence
        in_entry = entry is not None and not entry.dispatch
        filled = [f for f in map(fill, sentence_clauses) if f is not None]
        named = conference_named(sentence)
        if named is not None:
            conference = (Argument(named[0].i, named[0].i + 1, "PLACE", "dative", named[1]), sentence)
        at_the_conference(filled, conference)
        filled += nominal_signings(sentence_clauses, filled, in_entry=in_entry)
        signers_listed(sentence_clauses, filled)
        if in_entry:
            entry_signings += in_an_entry(sentence, sentence_clauses, filled, entry, entry_signings)
        free_dates = [a for c in sentence_clauses if not any(f.clause is c for f in filled)
                      for a in c.arguments if a.label == "DATE" and not noun_date(sentence, a)]
        for frame in filled:
            frame.date = frame.date or (free_dates[0] if len(free_dates) == 1 else None)
            if entry is not None:
                from_dateline(frame, entry)
        we_moves = told_as_we(filled, we_moves)
        headed_by_a_pronoun(sentence, filled, topics)
        carry_subjects(sentence, filled, sentence_clauses, topics, in_entry)
        signed_where_arrived(filled)
        epithets.learn_appointments(sentence, sentence_clauses, topic_of(sentence, topics))
        found += filled
    protagonist_moves(found)
    return found


def protagonist_moves(found: list[Frame]) -> None:
    """`Boyabatlı diplomat, 7 Şubat 1922'de … Ankara'dan ayrıldı. İzmit'ten … İstanbul'a geldi`:
    a move whose subject is no person (an epithet, a ship) and that no sentence before lends one
    is the protagonist's, the person the text tells the most moves of, where it tells twice as many
    of him as of anyone else (a biography's subject, a state visit's guest)."""
    moves: list[tuple[object, int]] = []
    for frame in found:
        traveller = frame.first("traveller")
        if a_move(frame) and traveller is not None and traveller.label == "PERSON":
            at = next((i for i, (p, _) in enumerate(moves) if one_person(p.mention, traveller.mention)), None)
            if at is None:
                moves.append((traveller, 1))
            else:
                moves[at] = (moves[at][0], moves[at][1] + 1)
    ranked = sorted(moves, key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] < PROTAGONIST_MOVES or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return
    protagonist = ranked[0][0]
    for frame in found:
        if frame.pronoun_head:
            frame.roles["traveller"][0] = protagonist
            frame.inference["traveller"] = "the person the text tells the most moves of, whom a pronoun makes the group's head"
        elif a_move(frame) and not frame.roles.get("traveller") and not frame.first_plural \
                and not frame.clause.verb.passive and (honoured(protagonist) or not frame.clause.verb.plural):
            frame.roles["traveller"].append(protagonist)
            frame.inference["traveller"] = "the person the text tells the most moves of (the move names no other)"


def one_person(a, b) -> bool:
    """`Yusuf Kemal Bey` and `Yusuf Kemal Tengirşenk`: one surname, or the names of one are the first of the other's."""
    words = [[w for w in m.text.split() if w not in name_titles()] for m in (a, b)]
    shorter, longer = sorted(words, key=len)
    return same_name(a, b) or bool(shorter) and longer[:len(shorter)] == shorter


def told_as_we(filled: list[Frame], moves: int) -> int:
    """Once the narrator has told his travels as `we` (`Napoli'ye uğradık. …
    Dover'e çıktık`), an impersonal passive of motion is his group's too
    (`Trenle Londra'ya gidildi`, `Viyana'ya geçildi`): its dropped subject is
    `we`, not the person named before. `moves`: how many moves the text has
    told as `we` so far, and returned with this sentence's (a quoted
    `dönüyoruz` is one line of someone else's, not a narrative: WE_MOVES)."""
    for frame in filled:
        verb = frame.clause.verb
        if moves >= WE_MOVES and a_move(frame) and verb.passive and not frame.roles.get("traveller"):
            frame.ours = True
        elif moved_as_we(frame):
            moves += 1
    return moves


def a_move(frame: Frame) -> bool:
    """A finite or adverbial motion or return (not a noun phrase's)."""
    return frame.kind in ("motion", "return") and frame.clause.verb.form not in NOMINAL_FORMS


def moved_as_we(frame: Frame) -> bool:
    """`Messina'ya uğradık`: a move the narrator tells in the first person plural."""
    return a_move(frame) and frame.clause.verb.first_plural and not frame.clause.verb.passive


def moves_told_as_we(frames: list[Frame]) -> int:
    return sum(map(moved_as_we, frames))


@dataclass(frozen=True)
class Dateline:
    """Where and when a paragraph says it stands: a chronology entry's date
    (and place), or a news dispatch's place and date."""

    date: Argument | None  # None: an entry that names only the state its agreement is with
    place: Argument | None
    dispatch: bool = False  # a dispatch tells the day's news and what went before it
    side: Argument | None = None  # `Fransa ile, 11 Mart 1921: …`: the state the entry's agreement is with
    meeting: bool = False  # the line names a meeting (`— Lizbon'da Kuzey Atlantik Konseyi.`)


def dateline(sentence: Sentence, sentence_clauses: list[Clause]) -> Dateline | None:
    """`9 Ekim 1929 — Atina.`, `31 Ocak 1878 — Edirne Mütarekesi …`: a
    chronology entry opens with its date (and a place), a dash after them;
    what the entry tells happened then (and there). `Ankara, 30 Teşrinievvel
    1930 (A.A.) —`: a news dispatch opens with its place and date."""
    arguments = sorted((a for c in sentence_clauses for a in c.arguments), key=lambda a: a.start)  # in text order
    dispatch = dispatch_line(sentence, arguments)
    if dispatch is not None:
        return dispatch
    side, arguments = agreement_side(sentence, arguments)
    if side is not None and not arguments:
        return Dateline(None, None, side=side)
    opening = sentence.doc[sentence.span.start if side is None else side.end:arguments[0].start] if arguments else None
    if not arguments or arguments[0].label != "DATE" or side is None and any(t.is_alpha for t in opening):
        return None
    date, dated = arguments[0], arguments[:1]
    for argument in arguments[1:]:  # `31 Ocak 1878 (19 Kânunusani 1293; …) —`: the same day in other calendars
        if argument.label != "DATE" or any(t.is_alpha for t in sentence.doc[dated[-1].end:argument.start]):
            break
        dated.append(argument)
    last = dated[-1]
    place = arguments[len(dated)] if len(arguments) > len(dated) and arguments[len(dated)].label == "PLACE" else None
    words = sentence.doc[last.end:place.start if place is not None else min(last.end + 2, sentence.span.end)]
    if not any(entry_mark(t) for t in words) or place is not None and any(t.is_alpha for t in words):
        return None
    return Dateline(date, place, side=side, meeting=names_a_meeting(sentence))


def names_a_meeting(sentence: Sentence) -> bool:
    """`Kuzey Atlantik Konseyi`, `… Konferansı'nın açılışı`: a capitalised word of a meeting."""
    return any(t.text[:1].isupper() and starts_with_any(turkish_lower(t.text), frames()["attending"]["meeting_nouns"])
               for t in sentence.span)


def agreement_side(sentence: Sentence, arguments: list[Argument]) -> tuple[Argument | None, list[Argument]]:
    """A list of agreements opens each line with the state it is with:
    `Fransa ile, 11 Mart 1921: …` (after a heading the text joins to it), or
    `İngiltere ile: …` without a date. The state, and the arguments after it
    (none for a line without a date); no state where the line is no such one."""
    for i, argument in enumerate(arguments[:3]):
        if argument.label != "PLACE" or argument.case != "instrumental":
            continue
        following = arguments[i + 1] if i + 1 < len(arguments) else None
        if following is not None and following.label == "DATE" and \
                [t.text for t in sentence.doc[argument.end:following.start] if not is_suffix(t)] in (["ile", ","], [","]):
            return argument, arguments[i + 1:]
        after = [t.text for t in sentence.doc[argument.end:argument.end + 3] if not is_suffix(t)]
        if i == 0 and after[:2] == ["ile", ":"] \
                and not any(t.is_alpha for t in sentence.doc[sentence.span.start:argument.start]):
            return argument, []
    return None, arguments


def dispatch_line(sentence: Sentence, arguments: list[Argument]) -> Dateline | None:
    """`Ankara, 30 Teşrinievvel 1930 (A.A.) —`, `Ankara, 25 Mayıs (Telefonla) —`:
    a place, a comma, a date, the agency or the wire in brackets, a dash; at
    the paragraph's start or after its heading (`Muahedelerin imzası`), which
    the text joins to it."""
    place = next((a for a in arguments[:3] if a.label == "PLACE"), None)
    date = next((a for a in arguments if place is not None and a.start > place.start), None)
    if date is None or date.label != "DATE" or [t.text for t in sentence.doc[place.end:date.start]] != [","]:
        return None
    tokens = list(sentence.doc[date.end:min(date.end + 8, sentence.span.end)])
    dash = next((i for i, t in enumerate(tokens) if t.text in DASHES and entry_mark(t)), None)
    bracket = [t.text for t in tokens[:dash]] if dash is not None else None
    if bracket is None or bracket and (bracket[0] != "(" or bracket[-1] != ")"):
        return None
    return Dateline(date, place, dispatch=True)


def from_dateline(frame: Frame, line: Dateline) -> None:
    date, place = line.date, line.place
    if line.dispatch:
        from_dispatch(frame, line)
        return
    if date is None:
        return  # `İngiltere ile: …`: an entry that gives only the state its agreement is with
    where = f" — {place.mention.text}" if place is not None else ""
    why = f"the date line of the chronology entry ({date.mention.text}{where})"
    if frame.date is None:
        frame.date, frame.inference["date"] = date, why
    role = {"signing": "place", "visit": "destination", "motion": "destination"}.get(frame.kind)
    if place is None or role is None or place in frame.roles.get("stop", []):
        return
    told = frame.roles.get(role, [])
    if frame.kind == "motion" and attends(frame.clause) and line.meeting and not told and not frame.roles.get("stop"):
        # `— Lizbon'da Kuzey Atlantik Konseyi. Türk heyetinin … katılışı.`: it took part in the entry's meeting
        frame.roles[role] = [place]
        frame.inference[role] = f"{why}: where the meeting it took part in was held"
        return
    gazetteer = Gazetteer.load()
    if frame.kind == "motion" and not any(state_of(gazetteer.lookup(place.mention.text)) == gazetteer.lookup(a.mention.text)
                                          for a in told):
        return  # a move is told to where the entry stands only when it names the country that place lies in
    if not told or all(is_country(a.mention.text) for a in told) and not is_country(place.mention.text):
        # `Yunanistan ziyareti` under `— Atina.`: the visit went to Atina; `Fransa'ya … gelen Kral` under
        # `— Marsilya.`: he came to Marsilya
        frame.roles[role] = [place]
        frame.inference[role] = why


def from_dispatch(frame: Frame, line: Dateline) -> None:
    """A treaty a dispatch says was signed `bugün` (today) was signed where and
    when the dispatch is dated, unless its clause says where; what else the
    dispatch tells may have happened earlier and elsewhere."""
    if frame.kind != "signing":
        return
    words = {turkish_lower(t.text) for t in frame.sentence.doc[frame.clause.start:frame.clause.end]}
    if not words & set(event_lexicon()["today_words"]):
        return
    why = f"the date line of the dispatch ({line.place.mention.text}, {line.date.mention.text}): signed `bugün`"
    if frame.date is None:
        frame.date, frame.inference["date"] = line.date, why
    if not frame.roles.get("place"):
        frame.roles["place"] = [line.place]
        frame.inference["place"] = why


def in_an_entry(sentence: Sentence, sentence_clauses: list[Clause], filled: list[Frame], entry: Dateline,
                signings: list[Frame]) -> list[Frame]:
    """What a chronology entry gives the signings of one of its sentences, and
    they it; `signings`: those of the entry's sentences before. Returns the
    sentence's signings that name their treaty."""
    own = [f for f in filled if f.kind == "signing" and f.roles.get("treaty")]
    for frame in (f for f in filled if f.kind == "signing"):
        if not frame.roles.get("treaty") and signings + own:  # `… Londra'da X ile Y tarafından imzalandı.`
            frame.roles["treaty"] = (signings + own)[-1].roles["treaty"][:1]
        if entry.side is not None and not frame.roles.get("sides"):
            add(frame, "other_side", entry.side)
    entry_lines(sentence, sentence_clauses, own or signings)  # a line naming a treaty tells of that one
    return own


def entry_lines(sentence: Sentence, sentence_clauses: list[Clause], signings: list[Frame]) -> None:
    """`31 Ocak 1878 — Edirne Mütarekesi. Osmanlı Devleti ile Rusya arasında,
    Edirne'de. İmza: Server Paşa ve Namık Paşa.`: the verbless lines of a
    chronology entry tell of the treaty it names: its sides (`arasında`, a
    state before `tarafından:`), where it was signed (a city in the locative,
    the place after `Yer:`) and who signed (the persons after `İmza:`). A
    line whose predicate is a noun (`… X ile Y arasında … anlaşmanın
    imzası.`) is verbless too."""
    if not signings or any(c.verb is not None and c.verb.form not in NOMINAL_FORMS for c in sentence_clauses):
        return
    labels = event_lexicon()["entry_labels"]
    words = [turkish_lower(t.text) for t in sentence.span if t.is_alpha]
    before_colon = [turkish_lower(t.text) for t, after in zip(sentence.span, sentence.span[1:]) if after.text == ":"][:1]
    # `İmza: …`, `İmza, Osmanlı tarafından: …`, `Türk tarafından imza: …`
    label = next((labels[w] for w in words[:1] + before_colon if w in labels), None)
    for frame in signings:
        for clause in sentence_clauses:
            for argument in clause.arguments:
                entry_argument(frame, clause, argument, label)


def entry_argument(frame: Frame, clause: Clause, argument: Argument, label: str | None) -> None:
    """What one argument of an entry's line gives the treaty's frame."""
    if argument.case == "between" or argument.case == "instrumental" and any(
            a.case == "between" and a.start > argument.start for a in clause.arguments):
        add(frame, "sides", argument)  # `X ile Y arasında`: both
    elif argument.case == "behalf":
        add(frame, "represented", argument)
    elif label == "signer" and argument.label == "PERSON":
        add(frame, "signer", argument)
    elif argument.label == "PLACE" and not frame.roles.get("place") and (
            label == "place" or argument.case == "locative" and is_city(argument.mention.text)):
        add(frame, "place", argument)


def nominal_signings(sentence_clauses: list[Clause], filled: list[Frame], in_entry: bool) -> list[Frame]:
    """A treaty with its sides and no verb of signing: `X ile Y arasında(ki) … antlaşma`,
    and any treaty a chronology entry names (it was signed on the entry's date)."""
    signed = {id(a) for f in filled if f.kind == "signing" for a in f.roles.get("treaty", [])}
    found = []
    for clause in sentence_clauses:
        sides = []
        for argument in clause.arguments:
            if argument.case == "between":
                sides.append(argument)
            elif argument.label in ("TREATY", "TREATY_PHRASE") and id(argument) not in signed and (sides or in_entry):
                frame = Frame(clause, "signing")
                frame.roles["treaty"].append(argument)
                for side in sides:
                    add(frame, "sides", side)
                dates = [a for a in clause.arguments if a.label == "DATE" and not noun_date(clause.sentence, a)]
                frame.date = dates[-1] if dates else None
                found.append(frame)
                sides = []
    return found


def signers_listed(sentence_clauses: list[Clause], filled: list[Frame]) -> None:
    """`… imzalandı: Türkiye adına X, İran adına Y` and `Türkiye adına X, Y;
    İngiltere adına Z … imza koydular`: a clause with no predicate that names
    states with `adına` lists who signed for which state. Its states are
    sides of the sentence's signing after it (Turkish puts the verb last),
    else of the one before it; the persons after its first state signed.
    A signing whose clause names no treaty (`… imzalandı; X adına imza
    koyanlar`) is of the treaty the sentence told signed before it, or of
    the one the list names (`X Antlaşması'nı Türk tarafından A, B; … imzaladılar`)."""
    signings = sorted((f for f in filled if f.kind == "signing"), key=lambda f: (f.clause.end, f.clause.start))
    for before, frame in zip(signings, signings[1:]):
        told = before.clause.verb is not None and before.clause.verb.form == "finite"
        if told and before.roles.get("treaty") and not names_a_treaty(frame.clause):
            frame.roles["treaty"] = before.roles["treaty"][:1]
    for clause in sentence_clauses:
        states = [a for a in clause.arguments if a.case == "behalf" and a.label in ROLE_LABELS["represented"]]
        if clause.verb is not None or not states or not signings or ends_in_a_word(clause):
            continue
        after = [f for f in signings if f.clause.start >= clause.end]
        target = after[0] if after else signings[-1]
        for argument in clause.arguments:
            if argument.label in ROLE_LABELS["treaty"] and not target.roles.get("treaty"):
                target.roles["treaty"] = [argument]  # `X Antlaşması'nı Türk tarafından A, B; … imzaladılar`
            if argument.case == "behalf":
                add(target, "represented", argument)
            elif argument.label == "PERSON" and argument.start > states[0].start \
                    and argument.case in ("nominative", "instrumental"):
                add(target, "signer", argument)


def names_a_treaty(clause: Clause) -> bool:
    return any(a.label in ROLE_LABELS["treaty"] for a in clause.arguments)


def ends_in_a_word(clause: Clause) -> bool:
    """A lower-case word after the clause's last name: a predicate no frame
    knows (`görüşlerini arz ettiler`), not a list of names."""
    last = max((a.end for a in clause.arguments), default=clause.start)
    return any(t.is_alpha and t.text.islower() for t in clause.sentence.doc[last:clause.end])


# A verbal or event noun in the instrumental, locative or ablative (`gelişiyle`, `ziyaretinde`,
# `dönüşünden`) is no object of the verb after it: `gelişiyle kararlaştırılan ateşkes` tells of a
# coming that happened, `gelmesi kararlaştırıldı` of one that was planned.
OBLIQUE_NOUN = re.compile(r"(?:yl[ae]|nd[ae]n?)$")


def oblique_noun(clause: Clause) -> bool:
    return clause.verb.form in ("verbal noun", "event noun") and \
        OBLIQUE_NOUN.search(turkish_lower(clause.predicate[-1].text)) is not None


def fill(clause: Clause) -> Frame | None:
    """The clause's frame with its roles, or None where the clause does not hold one."""
    verb = clause.verb
    if verb is None or verb.negative or verb.future or planned(clause.sentence, clause.end) and not oblique_noun(clause) \
            or supposed(clause.sentence, clause.end):
        return None  # `gitmedi`, `gidecekti`, `ziyareti kararlaştırılmıştı`, `bulunmuş olmalı`: not told as done
    if verb.causative and verb.frame in MOVING_FRAMES:
        return None  # `yardımın Ankara'ya ulaştırılması`: goods were sent, nobody travelled
    definition = frames()["frames"][verb.frame]
    role_of = {**(definition["passive_roles"] if verb.passive else definition["roles"]),
               **frames()["predicates"].get(verb.lemma, {}).get("roles", {})}
    # an impersonal passive of motion (`Brindisi'ye geçildi`) went on with whom the story follows
    impersonal = verb.passive and verb.form == "finite" and verb.frame == "motion"
    frame = Frame(clause, verb.frame, subject_role=role_of.get("nominative") or ("traveller" if impersonal else None))
    shared = shared_subject(clause)
    for argument in clause.arguments:
        case = argument.case
        if verb.form in ("object participle", "verbal noun") and case == "nominative" and argument is not shared:
            continue  # the subject of `heyetin gönderilmesi` is its genitive; a nominative is the clause around's
        if case == "genitive" and verb.form in ("object participle", "verbal noun", "event noun", "converb"):
            if owned_by_a_noun(clause, argument):
                continue  # `Milletler Cemiyeti'nin Musul kararından … imzalanması`: the decision's, not the signing's
            case = "nominative"  # `İsmet Paşa'nın imzaladığı`, `Titulescu'nun gelişi`, `Heyetin gidişinden sonra`
        if case == "instrumental" and verb.form in ("verbal noun", "event noun") and any(
                a.case == "genitive" and a.start > argument.start for a in clause.arguments):
            case = "nominative"  # `Kral X ile Kraliçe Y'nin ziyareti`: both travel, X named first
        if verb.form == "event noun" and argument.label == "PLACE" and argument.case == "nominative" \
                and argument.end == clause.end - 1:
            case = "dative"  # `Moskova ziyareti`: the place the visit goes to
        add(frame, role_of.get(case), argument)
    opened = role_of.get("accusative" if verb.form == "object participle" else "nominative")
    for head in clause.heads:
        add(frame, opened, head)
    if verb.frame == "motion" and not clause.heads:
        for place in place_it_is(clause):  # `Cenevre, … en sık gittiği şehir oldu`: the place gone to
            add(frame, "destination", place)
    if verb.form == "participle" and not clause.heads and group_follows(clause):
        # `Mustafa Reşid Paşa'nın Londra'ya giden heyetinde`: the group that went is his, and he led it
        for argument in clause.arguments:
            if argument.case == "genitive" and argument.label == "PERSON":
                add(frame, opened, argument)
    if verb.form == "event noun" and verb.frame in ("visit", "motion"):
        frame.roles["stop"] += itinerary_after(clause)
    if attends(clause):
        if any(a.case == "dative" and a.label != "PLACE" for a in clause.arguments):
            return None  # `heyete katıldı`, `pakta katıldı`: joined a group or a treaty, went nowhere
        if not meeting_in_clause(clause):
            # `Moskova'da … katıldı`: where one joined, no meeting one went to
            frame.roles.pop("stop", None)
            frame.roles.pop("destination", None)
    dates = [a for a in clause.arguments if a.label == "DATE" and not noun_date(clause.sentence, a)
             and not dates_what_came_before(clause, a)]
    frame.date = dates[-1] if dates else None
    return frame if holds(frame, clause, role_of) else None


def at_the_conference(filled: list[Frame], conference) -> None:
    """`Paris Kongresi'dir. 25 Şubat 1856'da açılan kongrede Osmanlı Devleti'ni … temsil etti`: taking part
    in a meeting its clause does not place, told in the paragraph of a conference named in that sentence or
    the two before, is going to the conference's city."""
    if conference is None:
        return
    place, named_in = conference
    for frame in filled:
        sentence = frame.sentence
        if attends(frame.clause) and meeting_in_clause(frame.clause) and not places_of(frame) \
                and sentence.paragraph == named_in.paragraph and sentence.index - named_in.index <= CONFERENCE_SENTENCES:
            frame.roles["destination"] = [place]
            frame.inference["destination"] = f"the city of the conference the story speaks of: '{named_in.span.text}'"


def places_of(frame: Frame) -> list[Argument]:
    return [a for role in ("destination", "stop", "origin") for a in frame.roles.get(role, [])]


def attends(clause: Clause) -> bool:
    """`katıl-`, `iştirak et-`, `temsil et-`, `katılım`: a predicate of taking part (frames.json `attending`)."""
    return clause.verb is not None and clause.verb.lemma in frames()["attending"]["predicates"]


# the plural, the possessive of a compound's head and the dative or locative after a meeting noun
# (`konferansa`, `konferansına`, `celselere`, `toplantısına`, `kongrede`, `kongreye`)
MEETING_CASE = re.compile(r"^(?:l[ae]r)?(?:s?[ıiuü])?(?:n?[dt]?[ae]|y[ae])$")


def meeting_in_clause(clause: Clause) -> bool:
    """`Viyana'da toplanan sulh konferansına katıldı`, `açılan kongrede … temsil etti`: what the clause
    takes part in is a meeting."""
    doc, lowered = clause.sentence.doc, lowered_texts(clause.sentence.doc)
    for i in range(clause.start, clause.end - clause.verb.words):
        # `Konferansı'na`: the ending the tokenizer splits off after an apostrophe is the word's
        word = lowered[i] + (lowered[i + 1].lstrip("'’") if i + 1 < len(doc) and is_suffix(doc[i + 1]) else "")
        if any(word.startswith(noun) and MEETING_CASE.match(word[len(noun):])
               for noun in frames()["attending"]["meeting_nouns"]):
            return True
    return False


# an event noun with its possessive in the ablative before `sonra` or `önce` (`kabulünden sonra`,
# `imzalanmasından önce`): an event the clause's is told against (not `öğleden sonra`)
ABLATIVE_NOUN = re.compile(r"[ıiuü]n[dt][ae]n$")


def dates_what_came_before(clause: Clause, date: Argument) -> bool:
    """`18 Temmuz 1932'de Milletler Cemiyeti'ne kabulünden sonra … gittiği`: the date is of the event
    the clause is told after (or before), not the clause's own."""
    doc, lowered = clause.sentence.doc, lowered_texts(clause.sentence.doc)
    return any(lowered[i].isalpha() and doc[i].text.islower() and ABLATIVE_NOUN.search(lowered[i])
               and lowered[i + 1] in ("sonra", "önce", "evvel")
               for i in range(date.end, clause.end - clause.verb.words - 1))


PREDICATE_ENDINGS = ("", "dir", "dır", "tir", "tır", "di", "dı", "ti", "tı")  # `şehir oldu`, `şehirdir`, `yerdi`


def place_it_is(clause: Clause) -> list[Argument]:
    """`Cenevre, Hariciye Vekili'nin en sık gittiği şehir oldu`: a participle of a common place noun
    (`şehir`, `yer`) the sentence says a place is, the place in the nominative and a comma opening it."""
    doc, sentence = clause.sentence.doc, clause.sentence
    word = turkish_lower(doc[clause.end].text) if clause.end < sentence.span.end else ""
    noun = next((n for n in frames()["place_nouns"] if word.startswith(n)), None)
    if clause.verb.form != "object participle" or noun is None or word[len(noun):] not in PREDICATE_ENDINGS:
        return []  # `… geldiği şehirden çok uzaktı`: the noun in a case is no predicate
    return [a for a in clause.arguments if a.label == "PLACE" and a.case == "nominative"
            and a.end < len(doc) and doc[a.end].text == ","][:1]


def itinerary_after(clause: Clause) -> list[Argument]:
    """`Venizelos'un Türkiye ziyareti: önce İstanbul, ardından hususi trenle
    Ankara.`: the places a colon after the journey's noun lists are its stops."""
    doc, sentence = clause.sentence.doc, clause.sentence
    if clause.end >= sentence.span.end or doc[clause.end].text != ":":
        return []
    return [Argument(span.start, span.end, "PLACE", "nominative", mention) for span, mention in sentence.of("PLACE")
            if span.start > clause.end]


def group_follows(clause: Clause) -> bool:
    """The participle modifies a group word with a possessive (`heyetinde`, `maiyeti`)."""
    doc = clause.sentence.doc
    if clause.end >= clause.sentence.span.end:
        return False
    word = turkish_lower(doc[clause.end].text)
    # not a guest word: the owner of `misafirleri` is the host
    stem = next((s for s in event_lexicon()["group_words"] if word.startswith(s)
                 and not starts_with_any(word, event_lexicon()["guest_words"])), None)
    return stem is not None and re.match(r"^(?:l[ae]r)?[ıiuü]", word[len(stem):]) is not None


def shared_subject(clause: Clause) -> Argument | None:
    """`İngiltere, … Irak ile yaptığı anlaşmanın ardından pakta katıldı`: an
    object participle with no genitive drops the subject it shares with the
    clause around, whose subject opens its words (a name, then a comma)."""
    if clause.verb.form != "object participle" or any(a.case == "genitive" and not owned_by_a_noun(clause, a)
                                                       for a in clause.arguments):
        return None
    first = next((a for a in clause.arguments if a.label != "DATE"), None)
    doc = clause.sentence.doc
    opens = first is not None and first.case == "nominative" and first.label in ("PERSON", "PLACE", "ORG", "GROUP") \
        and first.end < len(doc) and doc[first.end].text == ","
    return first if opens else None


def owned_by_a_noun(clause: Clause, genitive: Argument) -> bool:
    """A genitive that owns a noun before the predicate is that noun's owner, not the predicate's subject."""
    return owned_noun_follows(clause.sentence.doc, genitive.end, clause.end - clause.verb.words)


def supposed(sentence: Sentence, end: int) -> bool:
    """`Sofya'da bulunmuş olmalı`: a word after the predicate makes it a guess."""
    following = " ".join(turkish_lower(t.text) for t in sentence.doc[end:min(end + 2, sentence.span.end)])
    return following.startswith(tuple(frames()["doubt_words"]))


def add(frame: Frame, role: str | None, argument: Argument) -> None:
    if role in PLACE_ROLES and argument.label == "ORG":
        # `Londra Konferansı'na gitti`
        argument = place_of_meeting(frame.sentence, argument.start, argument.end, argument.case)
    if role and argument is not None and argument.label in ROLE_LABELS.get(role, ()) \
            and argument not in frame.roles[role]:
        frame.roles[role].append(argument)
        if argument.drawn:
            frame.inference.setdefault(role, argument.drawn)


def holds(frame: Frame, clause: Clause, role_of: dict) -> bool:
    """A predicate holds its frame only with one of the roles it needs (`var-` with a dative)."""
    needs = frames()["predicates"].get(clause.verb.lemma, {}).get("needs", [])
    return not needs or any(frame.roles.get(role_of.get(need, need)) for need in needs)


def noun_date(sentence: Sentence, argument: Argument) -> bool:
    text = argument.mention.text if argument.mention is not None else ""
    return dates_a_noun(sentence.doc, argument.end, text)


def honoured(argument: Argument) -> bool:
    """A person named with `Hazretleri`, whose verbs the old style puts in the plural."""
    return argument.label == "PERSON" and argument.mention is not None \
        and turkish_lower(argument.mention.text).endswith(PLURAL_HONORIFICS)


PLURAL_HONORIFICS = ("hazretleri", "hazerâtı", "hazeratı")


def topic(sentence: Sentence, topics: list) -> Argument | None:
    """The subject the story follows at `sentence`: the last subject of its paragraph, a few sentences back at most."""
    recent = [t for t in topics if sentence.index - t[0] <= TOPIC_SENTENCES and t[1] == sentence.paragraph]
    return recent[-1][2] if recent else None


def topic_of(sentence: Sentence, topics: list):
    """The person (mention) the story follows at `sentence`."""
    followed = topic(sentence, topics)
    return followed.mention if followed is not None else None


def carry_treaty(frame: Frame, sentence_clauses: list[Clause]) -> None:
    """`X Antlaşması, Saracoğlu'nun Moskova'dan ayrılışından iki gün sonra,
    … imzalandı`: a passive signing with no subject of its own has the treaty
    named in the nominative before it, though a verbal noun's clause holds
    its words (a nominative there is the clause around's)."""
    if frame.clause.verb.form in NOMINAL_FORMS:
        return
    named = [a for c in sentence_clauses for a in c.arguments
             if a.case == "nominative" and a.label == "TREATY" and a.end <= frame.clause.start]
    if named:
        frame.roles["treaty"].append(named[-1])


def signed_where_arrived(filled: list[Frame]) -> None:
    """`Tahran'a giderek 8 Temmuz 1937'de Sadabad Sarayı'nda … imza koydu`:
    a signing with no city of its own took place in the city its signer had
    just gone to, by a converb of motion of the same sentence."""
    arrivals = [f for f in filled if f.kind == "motion" and f.clause.verb.form == "converb"
                and f.first("destination") is not None and is_city(f.first("destination").mention.text)]
    for frame in filled:
        places = frame.roles.get("place", [])
        if frame.kind != "signing" or any(p.mention is not None and is_city(p.mention.text) for p in places):
            continue
        before = [f for f in arrivals if f.clause.end <= frame.clause.start]
        if before:
            frame.roles["place"].append(before[-1].first("destination"))
            frame.inference.setdefault("place", "the city the signer had just gone to")


def noun_phrase(clause: Clause, in_entry: bool) -> bool:
    """A clause inside a noun phrase of another (`gelen heyet`, `heyetin gönderilmesi`); not, in a chronology
    entry, a verbal noun that ends its line, which is its predicate (`Tugayın İskenderun limanından hareketi.`,
    `Pusan'a çıkış.`), whose subject is carried to and from the lines around as a verb's is."""
    if clause.verb.form not in NOMINAL_FORMS:
        return False
    if not in_entry:
        return True
    doc, end = clause.sentence.doc, clause.sentence.span.end
    return not (clause.verb.form == "verbal noun" and all(not t.is_alpha for t in doc[clause.end:end]))


def headed_by_a_pronoun(sentence: Sentence, filled: list[Frame], topics: list) -> None:
    """`Moskova'ya giden ikinci heyetin başında bu defa kendisi bulunuyordu`: a group the sentence says a
    pronoun heads is led by the person the story follows, else by its protagonist (`protagonist_moves`)."""
    if not pronoun_heads_a_group(sentence):
        return
    followed = topic(sentence, topics)
    for frame in filled:
        traveller = frame.first("traveller")
        if traveller is None or traveller.label != "GROUP" or traveller.mention is not None:
            continue
        if followed is not None and followed.label == "PERSON":
            frame.roles["traveller"][0] = followed
            frame.inference["traveller"] = "the person the story follows, whom a pronoun makes the group's head"
        else:
            frame.pronoun_head = True


def pronoun_heads_a_group(sentence: Sentence) -> bool:
    """`heyetin başında … kendisi`: a group word, its head's place (`başında`, `reisi`), then in the same
    clause a pronoun."""
    lowered = lowered_texts(sentence.doc)
    words = [lowered[i] for i in range(sentence.span.start, sentence.span.end)]
    for i, (word, head) in enumerate(zip(words, words[1:])):
        if starts_with_any(word, event_lexicon()["group_words"]) and head in GROUP_HEAD_WORDS:
            clause = list(takewhile(lambda w: w not in (";", ","), words[i + 2:]))
            return any(w in frames()["pronouns"] for w in clause)
    return False


def genitive_of_its_own(clause: Clause) -> bool:
    """`ABD zırhlısı Missouri'nin … İstanbul'a gelişi`: a verbal noun with a genitive in its clause has a subject
    of its own, though the text names no one by it."""
    doc = clause.sentence.doc
    return clause.verb.form == "verbal noun" and any(
        is_suffix(t) and ending_case(turkish_lower(t.text).lstrip("'’")) == "genitive" for t in doc[clause.start:clause.end])


def carry_subjects(sentence: Sentence, filled: list[Frame], sentence_clauses: list[Clause], topics: list,
                   in_entry: bool) -> None:
    """Fill an empty subject with the subject of another clause of the
    sentence, else with the topic of the paragraph's sentences before."""
    nominal = {id(c) for c in sentence_clauses if c.verb is not None and noun_phrase(c, in_entry)}
    # a clause's subject is its first nominative name: `X, yanında Y olduğu halde İnebolu'ya çıktı` is X's
    stated = [subject for c in sentence_clauses if id(c) not in nominal
              for subject in [a for a in c.arguments if a.case == "nominative" and a.label in ("PERSON", "GROUP")][:1]]
    for frame in filled:
        role = frame.subject_role
        if role == "treaty" and not frame.roles.get(role):
            carry_treaty(frame, sentence_clauses)
            continue
        if role is None or frame.roles.get(role) or not ROLE_LABELS[role] & {"PERSON", "GROUP"} \
                or noun_phrase(frame.clause, in_entry) or genitive_of_its_own(frame.clause):
            continue  # a noun phrase's subject is its noun or its genitive (`gelen mektup`, `heyetin gönderilmesi`)
        if frame.first_plural:
            continue  # `Mudanya'ya indik`: we, not the person before
        # `Varşova'ya vardılar`: a group, not the person before, unless he is one whom the old style honours
        # with the plural (`Kral Hazretleri … Rusya'ya gitmişlerdi`)
        takes = honoured if frame.clause.verb.plural else lambda argument: True
        # a subject after a semicolon is another statement's (`… İzmir'e çıkmıştı; Mustafa Kemal Paşa onu …`)
        candidates = [a for a in stated if a.label in ROLE_LABELS[role] and takes(a)
                      and not any(t.text == ";" for t in sentence.doc[frame.clause.start:a.start])]
        before = [a for a in candidates if a.start < frame.clause.start]
        if candidates:  # the nearest subject before the clause, else the first after it
            frame.roles[role].append(before[-1] if before else candidates[0])
            frame.inference[role] = "the subject of another clause of the sentence"
            continue
        followed = topic(sentence, topics)
        if followed is not None and takes(followed):
            frame.roles[role].append(followed)
            frame.inference[role] = "the subject of the sentences before (a dropped subject)"
    subjects = [f.first(f.subject_role) for f in filled if f.subject_role and f.first(f.subject_role) is not None
                and not noun_phrase(f.clause, in_entry)]
    # the story follows a person or a group (`Heyet … hareket etti. … Brindisi'ye geçildi`)
    followed = [a for a in stated[:1] + subjects if a.label in ("PERSON", "GROUP")]
    if followed:
        topics.append((sentence.index, sentence.paragraph, followed[0]))
