"""The source reader: a document's original text, cut into body, heading and footnote blocks,
with every mention linked to its entity and the characters an evidence link quotes marked.

Offsets in the graph point into the ORIGINAL file, so the reader shows the original text
(OCR damage and all) and takes the blocks from `histkg.text.normalize`, mapped back through
its offset map: what the page marks is exactly what the annotation quotes.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from histkg.query.workbench.catalog import Catalog, Entity
from histkg.query.workbench.graph import Graph, number
from histkg.text.corpus import CorpusError, load_corpus
from histkg.text.normalize import normalize


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str  # IRI of what it names; "" for a date


@dataclass
class Piece:
    text: str
    mention: Mention | None = None
    marked: bool = False  # inside the quoted characters
    opens_mark: bool = False  # the first marked piece of its block: a <mark> starts here
    closes_mark: bool = False
    anchor: bool = False  # the first marked piece of the text: the page opens here


@dataclass
class Block:
    section: str  # body, heading or footnote
    start: int
    end: int
    pieces: list[Piece] = field(default_factory=list)


@dataclass(frozen=True)
class SourceText:
    text: str
    blocks: tuple[tuple[int, int, str], ...]  # (start, end, section) in original offsets, covering the text
    changed: bool  # the file's checksum differs from the one the build recorded


class SourceMissing(Exception):
    """The file of a source cannot be found or read where the server looks."""


def locate(file: str, roots: tuple[Path, ...]) -> Path:
    """The source file: `hkg:file` is relative to the folder the build ran in, one of `roots`."""
    for root in roots:
        candidate = root / file
        if candidate.is_file():
            return candidate
    places = ", ".join(str(root) for root in roots)
    raise SourceMissing(f"{file} is not under {places}: start histkg serve with --sources FOLDER "
                        "(the folder histkg build ran in)")


def read_source(path: Path, sha256: str) -> SourceText:
    """The text the offsets point into, and its blocks."""
    try:
        document = load_corpus([path])[0]
    except CorpusError as error:
        raise SourceMissing(str(error)) from None
    changed = bool(sha256) and sha256 not in {document.sha256, hashlib.sha256(path.read_bytes()).hexdigest()}
    return SourceText(document.text, original_blocks(document.text), changed)


def original_blocks(text: str) -> tuple[tuple[int, int, str], ...]:
    """Paragraphs of the clean text in original offsets; each reaches to the next, so no character is lost."""
    clean = normalize(text)
    spans = []
    for start, end, section in clean.paragraphs():
        original_start, original_end = clean.to_original(start, end)
        if not spans or original_start >= spans[-1][1]:
            spans.append([original_start, original_end, section])
    if not spans:
        return ((0, len(text), "body"),)
    spans[0][0] = 0
    for current, following in zip(spans, spans[1:]):
        current[1] = following[0]
    spans[-1][1] = len(text)
    return tuple(tuple(span) for span in spans)


def mentions_in(graph: Graph, catalog: Catalog, source: Entity) -> list[Mention]:
    """Every annotated mention in a source, linked to the catalogued entity it names."""
    rows = graph.select(f"""SELECT ?entity ?start ?end WHERE {{
        ?target oa:hasSource <{source.iri}> ; oa:hasSelector ?position .
        ?position oa:start ?start ; oa:end ?end . ?a oa:hasTarget ?target ; oa:motivatedBy oa:identifying .
        ?entity hkg:evidence ?a . FILTER NOT EXISTS {{ ?entity a hkg:Claim }} }}""")
    mentions = {}
    for row in rows:
        entity = row["entity"].value if catalog.get(row["entity"].value) else ""
        key = (number(row["start"]), number(row["end"]))
        if entity or key not in mentions:  # an entity's link wins over a bare date
            mentions[key] = Mention(*key, entity)
    return sorted(mentions.values(), key=lambda mention: (mention.start, -mention.end))


def render_blocks(source: SourceText, mentions: list[Mention], quote: tuple[int, int] | None) -> list[Block]:
    """The text cut at every block, mention and quote boundary, each piece knowing what it belongs to."""
    cuts = {0, len(source.text)}
    for start, end, _ in source.blocks:
        cuts |= {start, end}
    for mention in mentions:
        cuts |= {mention.start, mention.end}
    if quote:
        cuts |= {max(0, min(quote[0], len(source.text))), max(0, min(quote[1], len(source.text)))}
    points = sorted(cuts)
    blocks = [Block(section, start, end) for start, end, section in source.blocks]
    block_starts = [block.start for block in blocks]
    starts = [mention.start for mention in mentions]
    for left, right in zip(points, points[1:]):
        block = blocks[max(0, bisect_right(block_starts, left) - 1)]
        marked = bool(quote) and quote[0] <= left and right <= quote[1]
        block.pieces.append(Piece(source.text[left:right], covering(mentions, starts, left, right), marked))
    mark_runs(blocks)
    return blocks


def mark_runs(blocks: list[Block]) -> None:
    """Where each block's <mark> opens and closes (a quote may run over a block's end)."""
    anchored = False
    for block in blocks:
        for index, piece in enumerate(block.pieces):
            if not piece.marked:
                continue
            piece.opens_mark = index == 0 or not block.pieces[index - 1].marked
            piece.closes_mark = index == len(block.pieces) - 1 or not block.pieces[index + 1].marked
            piece.anchor, anchored = not anchored, True


def covering(mentions: list[Mention], starts: list[int], left: int, right: int) -> Mention | None:
    """The narrowest mention that holds [left, right)."""
    best = None
    for index in range(bisect_right(starts, left) - 1, max(-1, bisect_right(starts, left) - 40), -1):
        mention = mentions[index]
        if mention.start <= left and right <= mention.end and (
                best is None or mention.end - mention.start < best.end - best.start):
            best = mention
    return best
