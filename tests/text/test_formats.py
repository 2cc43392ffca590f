"""Inputs that are not plain text: PDF, Word, OpenDocument, HTML and Markdown are read with
libraries made for them; files of another kind in a folder are skipped, each with its reason."""

from __future__ import annotations

import logging
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from odf.opendocument import OpenDocumentText
from odf.text import H, P

from histkg.cli import main
from histkg.text.corpus import CorpusError, load_corpus
from histkg.text.formats import html_text

FIRST = "Mustafa Kemal Pasa 1920 yilinda Ankara'ya geldi."
SECOND = "Çiçerin ile görüştü ve Moskova'ya döndü."


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF with a line of Helvetica text per item (WinAnsi: Turkish ç, ö, ü but not ş, ğ, ı)."""
    shown = " ".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
         "/Contents 5 0 R >>"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content.encode('cp1252'))} >>\nstream\n{content}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("cp1252")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_a_pdf_gives_its_text_not_its_bytes(tmp_path):
    (tmp_path / "article.pdf").write_bytes(pdf_bytes([FIRST, "Görüsmeler üç gün sürdü."]))
    [document] = load_corpus([tmp_path / "article.pdf"])
    assert FIRST in document.text and "Görüsmeler üç gün sürdü." in document.text
    assert not {"BT", "ET", "EOF", "obj"} & set(document.text.split())
    assert document.encoding == "pdf" and document.doc_id == "article"


def test_a_docx_gives_its_paragraphs_and_tables(tmp_path):
    word = docx.Document()
    word.add_heading("Giriş", level=1)
    word.add_paragraph(FIRST)
    word.add_table(rows=1, cols=2).rows[0].cells[0].text = SECOND
    word.save(tmp_path / "article.docx")
    [document] = load_corpus([tmp_path / "article.docx"])
    assert document.text == f"Giriş\n\n{FIRST}\n\n{SECOND} "


def test_an_odt_gives_its_headings_and_paragraphs_in_order(tmp_path):
    odt = OpenDocumentText()
    odt.text.addElement(H(outlinelevel=1, text="Giriş"))
    odt.text.addElement(P(text=FIRST))
    odt.text.addElement(P(text=SECOND))
    odt.save(str(tmp_path / "article.odt"))
    [document] = load_corpus([tmp_path / "article.odt"])
    assert document.text == f"Giriş\n\n{FIRST}\n\n{SECOND}"


def test_html_gives_the_visible_text_a_blank_line_between_blocks():
    markup = (f"<html><head><title>T</title><style>p {{}}</style></head><body><h1>Giriş</h1>"
              f"<p>{FIRST.replace(chr(39), '&#39;')}</p><script>var x;</script><ul><li>{SECOND}</li></ul></body></html>")
    assert html_text(markup) == f"Giriş\n\n{FIRST}\n\n{SECOND}"


def test_an_html_file_in_cp1254_is_decoded_then_read(tmp_path):
    (tmp_path / "page.html").write_bytes(f"<p>{SECOND}</p>".encode("cp1254"))
    [document] = load_corpus([tmp_path / "page.html"])
    assert document.text == SECOND and document.encoding == "html (cp1254)"


def test_markdown_is_read_as_the_text_it_is(tmp_path):
    (tmp_path / "notes.md").write_text(f"# Giriş\n\n{SECOND}\n", encoding="utf-8")
    [document] = load_corpus([tmp_path])
    assert document.text == f"# Giriş\n\n{SECOND}\n" and document.encoding == "utf-8"


def test_a_folder_reads_every_kind_and_names_each_file_it_skips(tmp_path, caplog):
    (tmp_path / "a.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(pdf_bytes([FIRST]))
    (tmp_path / "c.md").write_text(SECOND, encoding="utf-8")
    (tmp_path / "d.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "e.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "catalog.toml").write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="histkg"):
        documents = load_corpus([tmp_path])
    assert [document.doc_id for document in documents] == ["a", "b", "c"]
    skipped = [record.getMessage() for record in caplog.records if record.getMessage().startswith("skipped")]
    assert len(skipped) == 2
    assert skipped[0].endswith("d.doc: old Word .doc: save it as .docx")
    assert skipped[1].endswith("e.jpg: not a kind histkg reads (.txt, .md, .markdown, .pdf, .docx, .odt, .html, .htm)")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.pdf", b"%PDF-1.4 nothing more", "cannot read broken.pdf: not a readable PDF file"),
    ("broken.docx", b"PK not a zip", "cannot read broken.docx: not a readable DOCX file"),
    ("broken.odt", b"plain words", "cannot read broken.odt: not a readable ODT file"),
    ("old.doc", b"\xd0\xcf\x11\xe0", "cannot read old.doc: old Word .doc: save it as .docx"),
])
def test_a_file_histkg_cannot_read_is_one_line(tmp_path, monkeypatch, name, content, message):
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(content)
    with pytest.raises(CorpusError) as error:
        load_corpus([name])
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


def test_a_pdf_without_text_says_it_needs_ocr(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("scan.pdf").write_bytes(pdf_bytes([]))
    with pytest.raises(CorpusError, match="^no text in scan.pdf: a scanned PDF needs OCR first$"):
        load_corpus(["scan.pdf"])


def test_cli_build_of_a_broken_pdf_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("file.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")
    result = CliRunner().invoke(main, ["build", "file.pdf", "--out", "out"])
    assert result.exit_code == 2
    assert result.output.startswith("histkg: error: cannot read file.pdf: not a readable PDF file")
    assert result.output.count("\n") == 1 and not Path("out/graph.ttl").exists()
