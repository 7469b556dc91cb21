"""HTML pages to articles: trafilatura finds the main text, as structure.

trafilatura's XML output keeps headings as ``<head>`` elements (with paragraphs, list
items, quotes and table rows as blocks of their own), so a sub-heading becomes a heading
span and never a sentence a summary could pick; no paragraphs are rebuilt from lines.
The page's URL goes to trafilatura too, for the metadata it derives from it.

The bytes are decoded here (``decode``: a byte order mark, the HTTP charset, UTF-8, the
charset the document declares anywhere in its first 64 KB, then detection) rather than
by trafilatura, which only tries UTF-8 and then detection, and knows no HTTP header.
"""

from __future__ import annotations

import re
from typing import Any, Final

from tread.core.article import Article
from tread.core.errors import EmptyDocument
from tread.core.sources.blocks import TRAFILATURA, local_name, walk
from tread.core.sources.known import Known
from tread.core.sources.textbuild import TextBuilder, one_paragraph
from tread.core.text.decode import decode

#: where a script, a style or a comment starts; each runs to its own closing tag
_RAW_START: Final = re.compile(r"<(?:(script|style)\b|!--)", re.IGNORECASE)
_LD_JSON: Final = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)
#: JSON-LD carries a page's author and date; one larger than this is dropped with the rest
_MAX_LD_JSON: Final = 256 * 1024


#: a page by its first markup: a doctype or the html element (after a byte order mark,
#: an XML declaration, comments)
_HTML_START: Final = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?xml[^>]{0,200}>|<!--.{0,2000}?-->)*<(?:!doctype\s+html|html)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def starts_as_html(data: bytes) -> bool:
    """Whether ``data`` opens as an HTML document does."""
    return _HTML_START.match(data, 0, 8192) is not None


def looks_like_html(data: bytes) -> bool:
    """A weaker sign, for bytes nothing else named: markup with a body."""
    head = data[:20000].lstrip()
    return head.startswith(b"<") and b"<body" in head.lower()


def read_html(data: bytes, known: Known) -> Article:
    """The main text of a page, with its title, author, date, site and link."""
    html, encoding = decode(data, known.charset)
    if not html.strip():
        raise EmptyDocument("empty file" if not html else "no text (only whitespace)")
    return html_to_article(html, known.name, url=known.url, encoding=encoding)


def html_to_article(
    html: str, name: str, *, url: str | None = None, encoding: str | None = None
) -> Article:
    """The page's title as the first heading, then its main text block by block.

    Navigation, scripts, styles, comments and other boilerplate are left out by
    trafilatura.
    """
    import trafilatura
    from lxml import etree

    out = trafilatura.extract(
        without_scripts(html),
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    if not out:
        raise EmptyDocument("no article text found in the page")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    doc: Any = etree.fromstring(out.encode("utf-8"), parser)
    title = one_paragraph(doc.get("title") or "") or None
    main = doc.find("main")
    builder = TextBuilder()
    if title:
        builder.heading(title)
        if main is not None and len(main) and local_name(main[0].tag) == "head":
            first = main[0]
            if one_paragraph("".join(first.itertext())).casefold() == title.casefold():
                main.remove(first)  # the title again; what followed it stays
                main.text = (main.text or "") + (first.tail or "")
    if main is not None:
        walk(main, TRAFILATURA, builder)
    if not builder.text or builder.text == title:
        raise EmptyDocument("no article text found in the page")
    return Article(
        text=builder.text,
        source=name,
        title=title,
        headings=builder.headings,
        encoding=encoding,
        author=_clean(doc.get("author")),
        published=_clean(doc.get("date")),
        link=url or _link(doc.get("url")),
        site=_clean(doc.get("sitename")),
    )


def _clean(value: str | None) -> str | None:
    return one_paragraph(value) or None if value else None


def _link(value: str | None) -> str | None:
    """The page's own address (its canonical link), for a page read from a file."""
    from tread.core.sources.feed_entries import clean_link

    return clean_link(value)


def without_scripts(html: str) -> str:
    """``html`` without its scripts, styles and comments, in one linear pass.

    lxml (under trafilatura) gives up on a text node over 10 MB, so a page with a 15 MB
    inline script lost its whole article. None of it is text to read; JSON-LD scripts,
    where trafilatura finds the author and date, are kept when they are small. An
    element that is never closed runs to the end of the page, as in a browser.
    """
    lower = html.lower()
    parts: list[str] = []
    done = 0
    while (start := _RAW_START.search(html, done)) is not None:
        tag = (start.group(1) or "").lower()
        opened = html.find(">", start.end()) + 1 if tag else start.end()
        if opened == 0:  # an opening tag never finished: nothing readable follows
            parts.append(html[done : start.start()])
            return "".join(parts)
        close = lower.find(f"</{tag}" if tag else "-->", opened)
        end = len(html) if close < 0 else (html.find(">", close) + 1 or len(html))
        keep = (
            tag == "script"
            and end - start.start() <= _MAX_LD_JSON
            and _LD_JSON.search(html, start.start(), opened) is not None
        )
        parts.append(html[done:end] if keep else html[done : start.start()])
        done = end
    parts.append(html[done:])
    return "".join(parts)
