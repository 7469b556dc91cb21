"""Plain text and Markdown: decoded, sanitised, composed (NFC), then parsed."""

from __future__ import annotations

from tread.core.article import Article
from tread.core.errors import EmptyDocument
from tread.core.sources.known import Known
from tread.core.sources.textbuild import clean
from tread.core.text.decode import decode


def decoded_text(data: bytes, known: Known) -> tuple[str, str]:
    """(text, encoding) of a text document, refusing one with nothing in it."""
    text, encoding = decode(data, known.charset)
    text = clean(text)
    if not text.strip():
        raise EmptyDocument("empty file" if not text else "no text (only whitespace)")
    return text, encoding


def read_text(data: bytes, known: Known) -> Article:
    text, encoding = decoded_text(data, known)
    return Article(text=text, source=known.name, encoding=encoding)


def read_markdown(data: bytes, known: Known) -> Article:
    """Markdown reduced to its text, headings kept as headings (the first is the title
    when the text opens with it)."""
    from tread.core.sources.markdown import markdown_to_text

    text, encoding = decoded_text(data, known)
    plain, headings = markdown_to_text(text)
    title = plain[headings[0][0] : headings[0][1]] if headings and headings[0][0] == 0 else None
    return Article(text=plain, source=known.name, title=title, headings=headings, encoding=encoding)
