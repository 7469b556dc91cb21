"""PDF documents, read page by page with PDFium (pypdfium2).

pypdfium2 was chosen over pypdf, pdfminer.six and pdfplumber (research for issue 16,
measured on a 305-page book): 0.7 s for every page against 13-38 s, 0.03 s to the
first, the right reading order on a TeX page pdfminer scrambles, no doubled spaces from
justified text, line-end hyphens marked, the outline with page numbers in one call, and
licences that fit MIT (Apache-2.0/BSD-3; PDFium BSD-3).

PDFium is not thread-safe, "not even with different documents": every call into it
holds ``PDFIUM_LOCK``, a process-wide lock, so teaser pages fetched in parallel, the
reader's worker and a command can all read PDFs.

``read_pdf_parts`` is incremental: the first part (the first page with text) comes after
the document is opened and a dozen pages are sampled for running headers, about 0.1 s
for any length; then a part every PAGES_PER_PART pages, each a prefix of the next.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any, Final

from tread.core.article import Article
from tread.core.errors import UnreadableInput
from tread.core.sources.known import Known, Part
from tread.core.sources.pdf_layout import (
    SAMPLE_PAGES,
    SOFT,
    Block,
    Layout,
    Line,
    RunningLines,
    count_words,
    ends_paragraph,
    joined,
    page_blocks,
    repair_hyphens,
    starts_paragraph,
)
from tread.core.sources.textbuild import TextBuilder, one_paragraph

#: held around every call into PDFium (see the module's docstring)
PDFIUM_LOCK: Final = threading.RLock()
#: pages read between two parts after the first
PAGES_PER_PART: Final = 16
SCANNED: Final = "no text layer (scanned?)"


def is_pdf(data: bytes) -> bool:
    """A PDF starts with its header within the first KB (junk before it is allowed)."""
    return b"%PDF-" in data[:1024]


def read_pdf_parts(data: bytes, known: Known) -> Iterator[Part]:
    """The document as it is read: see the module's docstring."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise _unreadable(exc) from None
    try:
        yield from _parts(doc, known)
    finally:
        with PDFIUM_LOCK:
            doc.close()


def _parts(doc: Any, known: Known) -> Iterator[Part]:
    with PDFIUM_LOCK:
        total = len(doc)
        metadata = doc.get_metadata_dict()
        outline = _outline(doc)
        sample = {i: _lines(doc, i) for i in range(min(SAMPLE_PAGES, total))}
    if not any(sample.values()) and not _any_text(doc, len(sample), total):
        raise UnreadableInput(SCANNED)
    running = RunningLines(sample)
    layout = Layout.of([line for lines in sample.values() for line in lines])
    title = one_paragraph(metadata.get("Title") or "") or None
    author = one_paragraph(metadata.get("Author") or "") or None
    builder = TextBuilder()
    counts: Counter[str] = Counter()
    pending: Block | None = None
    last: list[Line] = []
    shown = 0
    for index in range(total):
        lines = sample.pop(index) if index in sample else _locked_lines(doc, index)
        lines = running.body(index, lines)
        for line in lines:
            count_words(line.text, counts)
        blocks = page_blocks(lines, layout, outline.get(index, ()))
        if blocks and pending is not None and _continues(last, lines, blocks[0], pending, layout):
            pending.lines.extend(blocks.pop(0).lines)
        for block in blocks:
            if pending is not None:
                _add(builder, pending, counts)
            pending = block
        last = lines or last
        done = index + 1
        if done < total and (not shown or done - shown >= PAGES_PER_PART) and len(builder):
            shown = done
            yield Part(_article(builder, known, title, author), done, total)
    if pending is not None:
        _add(builder, pending, counts)
    yield Part(_article(builder, known, title, author), total, total)


def _continues(
    last: list[Line], lines: list[Line], first: Block, pending: Block, layout: Layout
) -> bool:
    """Whether the page's first block carries on the previous page's last paragraph."""
    if not last or first.heading or pending.heading:
        return False
    return not ends_paragraph(last, len(last) - 1, layout) and not starts_paragraph(
        [last[-1], *lines], 1
    )


def _add(builder: TextBuilder, block: Block, counts: Counter[str]) -> None:
    text = repair_hyphens(joined(block), counts)
    if block.heading:
        builder.heading(text)
    else:
        builder.paragraph(text)


def _article(builder: TextBuilder, known: Known, title: str | None, author: str | None) -> Article:
    return Article(
        text=builder.text, source=known.name, title=title, headings=builder.headings, author=author
    )


def _outline(doc: Any) -> dict[int, list[str]]:
    """Outline (bookmark) titles by the page they point to."""
    found: dict[int, list[str]] = {}
    for bookmark in doc.get_toc():
        dest = bookmark.get_dest()
        page = dest.get_index() if dest is not None else None
        title = one_paragraph(bookmark.get_title() or "")
        if page is not None and title:
            found.setdefault(page, []).append(title)
    return found


def _any_text(doc: Any, start: int, total: int) -> bool:
    """Whether any page from ``start`` on has text (a scan may have a few typed pages)."""
    for index in range(start, total):
        with PDFIUM_LOCK:
            page = doc[index]
            textpage = page.get_textpage()
            chars = textpage.count_chars()
            textpage.close()
            page.close()
        if chars:
            return True
    return False


def _locked_lines(doc: Any, index: int) -> list[Line]:
    with PDFIUM_LOCK:
        return _lines(doc, index)


def _lines(doc: Any, index: int) -> list[Line]:
    """The page's lines in PDFium's reading order, each with its box and font size.

    The text of the page and its character array have the same indices, so a line's
    box is read from its first and last characters (two calls per line, not one per
    character)."""
    import pypdfium2.raw as raw

    page = doc[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines = []
        start = 0
        for end, skip in [*_breaks(text, textpage), (len(text), 0)]:
            first, last = start, end - 1
            while first <= last and text[first].isspace():
                first += 1
            while last >= first and text[last].isspace():
                last -= 1
            if first <= last:
                left, _, _, top = textpage.get_charbox(first, loose=True)
                _, bottom, right, _ = textpage.get_charbox(last, loose=True)
                size = raw.FPDFText_GetFontSize(textpage.raw, first)
                lines.append(Line(text[first : last + 1], left, right, top, bottom, size))
            start = end + skip
        return lines
    finally:
        textpage.close()
        page.close()


def _breaks(text: str, textpage: Any) -> list[tuple[int, int]]:
    """Where the page's lines end: (index, characters to skip). PDFium ends a line
    with CR LF, except after a hyphen it marks (U+0002/U+FFFE): there the next line
    follows at once, and only the boxes tell (the next character lies lower down, at
    the top of the next column, or it is the footer glued to a page-end hyphen)."""
    found = []
    for at, char in enumerate(text):
        if char == "\r" and text.startswith("\r\n", at):
            found.append((at, 2))
        elif char in SOFT and at + 1 < len(text) and not text[at + 1].isspace():
            _, bottom, _, top = textpage.get_charbox(at, loose=True)
            _, next_bottom, _, next_top = textpage.get_charbox(at + 1, loose=True)
            if next_top <= bottom + 0.5 or next_bottom >= top - 0.5:  # below, or a new column
                found.append((at + 1, 0))
    return found


def _unreadable(exc: Exception) -> UnreadableInput:
    message = str(exc)
    if "password" in message.lower():
        return UnreadableInput("the PDF is encrypted (it needs a password)")
    reason = message.rsplit("PDFium:", 1)[-1].strip(" ().") or "damaged"
    return UnreadableInput(f"not a readable PDF ({reason.lower()})")
