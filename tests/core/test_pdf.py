"""PDF documents: the bundled sample (LibreOffice, running header and footer, hyphenated
justified text, three bookmarks), incremental reading, and what cannot be read."""

from __future__ import annotations

import io
import itertools
import threading
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.web import Route, serve
from tread.core.errors import UnreadableInput
from tread.core.sources import load, load_parts
from tread.core.sources.known import Known
from tread.core.sources.pdf import PAGES_PER_PART, read_pdf_parts

SAMPLE = SAMPLES / "moby-dick-ch1-3.pdf"


@pytest.fixture(scope="module")
def book() -> str:
    return load(str(SAMPLE)).text


def test_bookmarks_become_headings() -> None:
    article = load(str(SAMPLE))
    assert [article.text[s:e] for s, e in article.headings] == [
        "CHAPTER 1. Loomings.",
        "CHAPTER 2. The Carpet-Bag.",
        "CHAPTER 3. The Spouter-Inn.",
    ]
    assert (article.title, article.author) == ("Moby-Dick; or, The Whale", "Herman Melville")


def test_running_header_and_page_numbers_are_gone(book: str) -> None:
    assert "MOBY-DICK; OR, THE WHALE" not in book
    assert all(not line.strip().isdigit() for line in book.split("\n\n"))


def test_paragraphs_are_rebuilt_across_lines_and_pages(book: str) -> None:
    paragraphs = book.split("\n\n")
    assert paragraphs[1].startswith("Call me Ishmael.")
    assert paragraphs[1].endswith("the same feelings towards the ocean with me.")
    # page 1 ends in "...all landsmen; of" and page 2 goes on "week days pent up..."
    assert "But these are all landsmen; of week days pent up in lath and plaster" in book
    assert len(paragraphs) == 106  # 103 paragraphs and 3 chapter titles, as in the source


def test_line_end_hyphens_are_repaired(book: str) -> None:
    assert "and nothing particular to interest me" in book
    assert "every funeral I meet" in book
    assert "\x02" not in book and "\ufffe" not in book


def test_parts_grow_by_prefixes_and_end_complete() -> None:
    parts = list(read_pdf_parts(SAMPLE.read_bytes(), Known(str(SAMPLE))))
    assert [p.done for p in parts] == [1, 1 + PAGES_PER_PART, 26]
    assert [p.complete for p in parts] == [False, False, True]
    for before, after in itertools.pairwise(parts):
        assert after.article.text.startswith(before.article.text + "\n\n")
        assert after.article.headings[: len(before.article.headings)] == before.article.headings
    assert parts[0].article.text.startswith("CHAPTER 1. Loomings.\n\nCall me Ishmael.")
    assert parts[-1].article == load(str(SAMPLE))


def test_load_parts_of_a_text_file_is_one_complete_part(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One sentence.", encoding="utf-8")
    (part,) = load_parts(str(path))
    assert part.complete and part.article.text == "One sentence."


def test_reading_can_stop_early_and_threads_can_read_at_once() -> None:
    """PDFium is not thread-safe: every call holds one lock, so two threads reading
    PDFs (the reader's worker, teaser pages) do not crash it."""
    parts = load_parts(str(SAMPLE))
    assert next(parts).done == 1
    parts.close()  # the document is closed; nothing is read further
    results: list[str] = []

    def read() -> None:
        results.append(load(str(SAMPLE)).text)

    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 3 and len(set(results)) == 1


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF of images only, as a scanner makes."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = doc.new_page(200, 200)
        image = pdfium.PdfImage.new(doc)
        image.set_bitmap(pdfium.PdfBitmap.new_native(40, 40, pdfium.raw.FPDFBitmap_BGR))
        image.set_matrix(pdfium.PdfMatrix().scale(100, 100))
        page.insert_obj(image)
        page.gen_content()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (scanned_pdf(), "no text layer (scanned?)"),
        (b"%PDF-1.7\nnothing else", "not a readable PDF (data format error)"),
        (SAMPLE.read_bytes()[:50_000], "not a readable PDF (data format error)"),
    ],
    ids=["scanned", "garbage", "truncated"],
)
def test_what_cannot_be_read_is_one_line(data: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    with pytest.raises(UnreadableInput) as info:
        load(str(path))
    assert str(info.value) == message


def test_a_pdf_by_url_is_read() -> None:
    route = Route(SAMPLE.read_bytes(), headers={"Content-Type": "application/pdf"})
    with serve({"/book.pdf": route}) as base:
        article = load(f"{base}/book.pdf")
    assert article.title == "Moby-Dick; or, The Whale"
    assert article.link == f"{base}/book.pdf"
