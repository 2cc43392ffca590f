"""The kinds of file histkg reads, and how the text of each is taken out.

Plain text and Markdown are decoded as they are (histkg.text.corpus.decode), so evidence
offsets point into the file itself. PDF, Word (.docx), OpenDocument (.odt) and HTML files are
read with libraries made for them (pypdf, python-docx, odfpy, the standard html.parser); their
evidence offsets point into the text taken out, which `read_text` gives again for the same file.
"""

from __future__ import annotations

import io
import logging
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odf

__all__ = ["EXTRACTED", "PLAIN", "READABLE", "UnreadableFile", "extract_text", "kind_of"]

PLAIN = (".txt", ".md", ".markdown")
EXTRACTED = (".pdf", ".docx", ".odt", ".html", ".htm")
READABLE = PLAIN + EXTRACTED
# Files a folder may hold beside its texts, skipped without a word.
QUIET = (".toml", ".json")
# What to do with a file of another kind: said once per file.
ADVICE = {".doc": "old Word .doc: save it as .docx", ".rtf": "RTF: save it as .docx or .odt",
          ".odp": "a presentation", ".xlsx": "a spreadsheet", ".ods": "a spreadsheet"}


# pypdf logs what it repairs ("EOF marker not found") on the root logger's stderr: its errors reach
# the user as UnreadableFile instead, in one line.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


class UnreadableFile(ValueError):
    """The file is of a kind histkg reads but holds no text it can take out (str() says why)."""


def kind_of(path: Path) -> str:
    return path.suffix.lower()


def skip_reason(path: Path) -> str | None:
    """Why a file in a folder is not read: None for a readable file or one skipped quietly."""
    suffix = kind_of(path)
    if suffix in READABLE or suffix in QUIET or path.name.startswith("."):
        return None
    what = ADVICE.get(suffix, f"not a kind histkg reads ({', '.join(READABLE)})")
    return what


def extract_text(path: Path, raw: bytes, decoded: str | None = None) -> str:
    """The text of a PDF, .docx, .odt or HTML file given as bytes (HTML: already decoded)."""
    suffix = kind_of(path)
    try:
        if suffix == ".pdf":
            return pdf_text(raw)
        if suffix == ".docx":
            return docx_text(raw)
        if suffix == ".odt":
            return odt_text(raw)
        return html_text(decoded or "")
    except UnreadableFile:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file breaks each parser in its own way; say so in one line
        raise UnreadableFile(f"not a readable {suffix[1:].upper()} file ({first_line(error)})") from None


def first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def pdf_text(raw: bytes) -> str:
    """Page by page; a page break is a line break, as in the seeds' PDF text."""
    reader = pypdf.PdfReader(io.BytesIO(raw))
    if reader.is_encrypted:
        raise UnreadableFile("the PDF is encrypted")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def docx_text(raw: bytes) -> str:
    """Paragraph by paragraph, a blank line between them; table cells too, row by row."""
    document = docx.Document(io.BytesIO(raw))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        paragraphs += [" ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n\n".join(text for text in paragraphs if text.strip())


def odt_text(raw: bytes) -> str:
    """Headings and paragraphs in order, a blank line between them."""
    document = load_odf(io.BytesIO(raw))
    blocks = [element for element in document.text.getElementsByType(odf_text.P)
              + document.text.getElementsByType(odf_text.H)]
    blocks.sort(key=document_order(document.text))
    return "\n\n".join(text for text in (teletype.extractText(block) for block in blocks) if text.strip())


def document_order(root):
    """A sort key: an element's position in a depth-first walk of the document."""
    order = {}

    def walk(node) -> None:
        order[id(node)] = len(order)
        for child in node.childNodes:
            walk(child)

    walk(root)
    return lambda element: order[id(element)]


BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "section", "article",
          "header", "footer", "aside", "dt", "dd", "pre", "table", "ul", "ol", "br", "hr", "title"}
HIDDEN = {"script", "style", "noscript", "template", "head"}


class TextCollector(HTMLParser):
    """Visible text; a blank line where a block (paragraph, heading, list item) ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(" ".join(data.split()) if data.strip() else " ")


def html_text(markup: str) -> str:
    collector = TextCollector()
    collector.feed(markup)
    collector.close()
    blocks = (" ".join(block.split()) for block in "".join(collector.parts).split("\n\n"))
    return "\n\n".join(block for block in blocks if block)
