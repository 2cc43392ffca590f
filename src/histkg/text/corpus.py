"""Read the corpus: files or folders of articles plus their catalog metadata.

Plain text and Markdown are kept exactly as decoded (no newline conversion, no clean-up):
provenance offsets point into this string, and `normalize` repairs a copy while keeping a map
back to it. PDF, .docx, .odt and HTML files give the text `histkg.text.formats` takes out of
them. Each document also says which of its paragraphs are in another language than Turkish
(`histkg.text.languages`): extraction leaves those out, and the build warns once per file.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from histkg.text.formats import (
    ADVICE,
    EXTRACTED,
    READABLE,
    UnreadableFile,
    extract_text,
    kind_of,
    skip_reason,
)
from histkg.text.languages import TURKISH, Foreign, describe, foreign_paragraphs
from histkg.text.normalize import CleanText, normalize

__all__ = ["CorpusError", "Document", "decode", "load_catalog", "load_corpus"]

# Warnings a user should see (a file skipped, paragraphs in another language); the CLI prints them.
log = logging.getLogger("histkg")


class CorpusError(Exception):
    """A user-caused problem: missing path, empty corpus, unreadable file. str() is one clear line."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    file: str
    text: str
    encoding: str
    sha256: str
    title: str = ""
    creator: tuple[str, ...] = ()
    year: int | None = None
    language: str = "tr"
    translator: tuple[str, ...] = ()
    foreign: tuple[Foreign, ...] = ()  # paragraphs in another language, by their ORIGINAL offsets
    # the text as `normalize` repairs it, with its map back to `text`: made as the file is read (the
    # paragraphs' languages are found in it) and kept for extraction, which would make it again
    # (a tenth of its work). Derived from `text`, so no part of what a document is or equals.
    clean: CleanText | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.title:  # a document always has a human-readable title
            object.__setattr__(self, "title", self.doc_id)

    @property
    def languages(self) -> tuple[str, ...]:
        """The catalog's language first, then each other language a paragraph is written in."""
        others = sorted({paragraph.language for paragraph in self.foreign} - {self.language})
        return (self.language, *others)

    def reads(self, offset: int) -> bool:
        """Whether extraction reads the paragraph at this ORIGINAL offset: not one in another language."""
        return not any(paragraph.start <= offset < paragraph.end for paragraph in self.foreign)


# --- decoding ---------------------------------------------------------------------------

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def _plausible(text: str) -> bool:
    """Text, not binary: no NUL and (almost) no control characters.

    C1 controls (U+0080-U+009F) count too: they are what ISO-8859-9 makes of cp1254's
    quotes and dashes, and what binary data turns into in any 8-bit code page.
    """
    if "\x00" in text:
        return False
    bad = sum(1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc")
    return bad <= len(text) // 1000


def _utf16_without_bom(raw: bytes) -> str | None:
    """The UTF-16 codec when NULs pile up at odd (LE) or even (BE) positions: Latin text."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    pairs = len(raw) // 2
    even_nuls = raw[0::2].count(0)
    odd_nuls = raw[1::2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _try(raw: bytes, encoding: str) -> str | None:
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _plausible(text) else None


# Letters above ASCII that Turkish uses; cp1254 decodes any 8-bit text, so a text whose
# accented letters are mostly others (Cyrillic in cp1251 reads as "Ìîñêâà") is something else.
_TURKISH_LETTERS = frozenset("ÇçĞğİıÖöŞşÜüÂâÎîÛû")


def _looks_turkish(text: str) -> bool:
    accented = [ch for ch in text if ord(ch) >= 0xC0 and ch.isalpha()]
    foreign = sum(1 for ch in accented if ch not in _TURKISH_LETTERS)
    return foreign <= len(accented) / 2


def _eight_bit(raw: bytes) -> tuple[str, str] | None:
    """cp1254 or ISO-8859-9: identical outside 0x80-0x9F, where only cp1254 has printable text.

    So cp1254 is tried first (and named when both agree); ISO-8859-9 only decodes what cp1254
    cannot (its undefined 0x81, 0x8D-0x90, 0x9D, 0x9E), as rare C1 controls that `_plausible`
    tolerates.
    """
    for name in ("cp1254", "iso-8859-9"):
        text = _try(raw, name)
        if text is not None and _looks_turkish(text):
            return text, name
    return None


def _charset_normalizer(raw: bytes) -> tuple[str, str] | None:
    from charset_normalizer import (
        from_bytes,  # imported late: only the rare fallback needs it
    )

    best = from_bytes(raw).best()
    if best is None:
        return None
    text = str(best)
    return (text, best.encoding) if _plausible(text) else None


def decode(raw: bytes) -> tuple[str, str]:
    """Detect the encoding of `raw` and decode it: returns (text, encoding name).

    Order: BOM, strict UTF-8, UTF-16 without BOM (NUL pattern), cp1254/ISO-8859-9 when the
    accented letters are Turkish ones, then charset-normalizer for anything else (cp1251...).
    Raises CorpusError when nothing gives plausible text (binary data).
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            text = _try(raw, name)
            if text is None:
                raise CorpusError(f"cannot decode: the {name.upper()} byte-order mark is followed by invalid data")
            return text, name
    if (text := _try(raw, "utf-8")) is not None:
        return text, "utf-8"
    if (utf16 := _utf16_without_bom(raw)) and (text := _try(raw, utf16)) is not None:
        return text, utf16
    found = _eight_bit(raw) or _charset_normalizer(raw)
    if found is None and (text := _try(raw, "cp1254")) is not None:
        found = text, "cp1254"  # 8-bit text in no language we can tell: keep the Turkish reading
    if found is None:
        controls = sum(1 for b in raw if b < 32 and b not in b"\t\n\r\f\v")
        raise CorpusError(f"cannot decode: not text in any known encoding ({controls} control bytes of {len(raw)})")
    return found


# --- catalog ----------------------------------------------------------------------------

_LIST_FIELDS = ("creator", "translator")


def _check_entry(where: str, name: str, entry: object) -> dict:
    if not isinstance(entry, dict):
        raise CorpusError(f"{where}: entry {name!r} must be a table")
    for key in ("title", "language", "note"):
        if key in entry and not isinstance(entry[key], str):
            raise CorpusError(f"{where}: entry {name!r}: {key!r} must be a string")
    if "year" in entry and (not isinstance(entry["year"], int) or isinstance(entry["year"], bool)):
        raise CorpusError(f"{where}: entry {name!r}: 'year' must be an integer")
    for key in _LIST_FIELDS:
        value = entry.get(key, [])
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise CorpusError(f"{where}: entry {name!r}: {key!r} must be a list of strings")
    return entry


def load_catalog(folder: Path) -> dict[str, dict]:
    """Read folder/catalog.toml (one table per file name); {} when the folder has none."""
    path = Path(folder) / "catalog.toml"
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"invalid catalog {_display(path)}: {exc}") from None
    except OSError as exc:
        raise CorpusError(f"cannot read catalog {_display(path)}: {exc.strerror or exc}") from None
    return {name: _check_entry(_display(path), name, entry) for name, entry in data.items()}


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


# --- loading ----------------------------------------------------------------------------


def _display(path: Path) -> str:
    """The path as read: relative to the working directory when it lies below it, else absolute."""
    cwd = Path.cwd()
    for candidate in (Path(os.path.abspath(path)), path.resolve()):
        try:
            return candidate.relative_to(cwd).as_posix()
        except ValueError:
            continue
    return Path(os.path.abspath(path)).as_posix()


def _folder_files(folder: Path) -> list[Path]:
    """The files of a folder histkg reads; each other file is named once, with the reason."""
    found = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        if kind_of(path) in READABLE:
            found.append(path)
        elif (reason := skip_reason(path)) is not None:
            log.warning(f"skipped {_display(path)}: {reason}")
    if not found:
        raise CorpusError(f"no file histkg reads ({', '.join(READABLE)}) in folder {_display(folder)}")
    return found


def _expand(paths: Sequence[Path | str]) -> list[Path]:
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(_folder_files(path))
        elif path.is_file():
            if kind_of(path) in ADVICE:
                raise CorpusError(f"cannot read {_display(path)}: {ADVICE[kind_of(path)]}")
            files.append(path)  # a file named on purpose: any other kind is read as plain text
        elif path.exists():
            raise CorpusError(f"not a file or folder: {item}")
        else:
            raise CorpusError(f"no such file or folder: {item}")
    return files


def _read(path: Path, catalogs: dict[Path, dict[str, dict]]) -> Document:
    shown = _display(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if not raw.strip():
        raise CorpusError(f"empty file: {shown}")
    text, encoding = _text_of(path, raw, shown)
    if not text.strip():
        raise CorpusError(f"empty file: {shown}" if kind_of(path) not in EXTRACTED
                          else f"no text in {shown}: a scanned PDF needs OCR first" if kind_of(path) == ".pdf"
                          else f"no text in {shown}")
    clean = normalize(text)
    foreign = foreign_paragraphs(clean)
    if foreign:
        log.warning(f"{shown}: {describe(foreign)} not extracted: histkg reads Turkish")
    folder = path.parent.resolve()
    if folder not in catalogs:
        catalogs[folder] = load_catalog(folder)
    meta = catalogs[folder].get(path.name) or catalogs[folder].get(path.stem) or {}
    return Document(
        doc_id=path.stem,
        path=path.resolve(),
        file=shown,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=meta.get("title", ""),
        creator=_as_tuple(meta.get("creator")),
        year=meta.get("year"),
        language=meta.get("language", TURKISH),
        translator=_as_tuple(meta.get("translator")),
        foreign=foreign,
        clean=clean,
    )


def _text_of(path: Path, raw: bytes, shown: str) -> tuple[str, str]:
    """(text, how it was read): decoded plain text, or the text a PDF, .docx, .odt or HTML file holds."""
    kind = kind_of(path)
    decoded = None
    if kind not in (".pdf", ".docx", ".odt"):
        try:
            decoded = decode(raw)
        except CorpusError as exc:
            raise CorpusError(f"cannot decode {shown}: {str(exc).removeprefix('cannot decode: ')}") from None
        if kind not in EXTRACTED:
            return decoded
    try:
        text = extract_text(path, raw, decoded[0] if decoded else None)
    except UnreadableFile as exc:
        raise CorpusError(f"cannot read {shown}: {exc}") from None
    return text, f"{kind[1:]} ({decoded[1]})" if decoded else kind[1:]


def load_corpus(paths: Sequence[Path | str],
                skip: Callable[[CorpusError], None] | None = None) -> list[Document]:
    """Load files and/or folders (a folder contributes the files histkg reads), sorted by doc_id.

    A file that cannot be read raises CorpusError; with `skip`, it is told to
    `skip` instead and the others are read."""
    if isinstance(paths, (str, Path)):  # a lone path is a common slip; treat it as one item
        paths = [paths]
    if not paths:
        raise CorpusError("no input given: name at least one file or folder")
    catalogs: dict[Path, dict[str, dict]] = {}
    docs: dict[str, Document] = {}
    seen: set[Path] = set()
    for path in _expand(paths):
        if path.resolve() in seen:
            continue  # the same file named twice (e.g. a folder and a file in it)
        seen.add(path.resolve())
        try:
            doc = _read(path, catalogs)
        except CorpusError as error:
            if skip is None:
                raise
            skip(error)
            continue
        if doc.doc_id in docs:
            raise CorpusError(f"two documents share the id {doc.doc_id!r}: {docs[doc.doc_id].file} and {doc.file}")
        docs[doc.doc_id] = doc
    return [docs[key] for key in sorted(docs)]
