"""HTML pages to articles: main-text extraction with trafilatura (no tag stripping)."""

from __future__ import annotations

import re
from typing import Any, Final

from tread.core.article import Article
from tread.core.errors import EmptyDocument
from tread.core.text.sanitize import sanitize

#: where a script, a style or a comment starts; each runs to its own closing tag
_RAW_START: Final = re.compile(r"<(?:(script|style)\b|!--)", re.IGNORECASE)
_LD_JSON: Final = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)
#: JSON-LD carries a page's author and date; one larger than this is dropped with the rest
_MAX_LD_JSON: Final = 256 * 1024


def html_to_article(
    html: str, name: str, *, url: str | None = None, encoding: str | None = None
) -> Article:
    """The main text of a page, with its title, author, date and site.

    Navigation, scripts, styles, comments and other boilerplate are left out by
    trafilatura; the title becomes the article's first line, marked as a heading, and
    each paragraph is followed by a blank line.
    """
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        without_scripts(html),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    text = sanitize(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise EmptyDocument("no article text found in the page")
    title = sanitize(" ".join((doc.title or "").split())) or None
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    headings: tuple[tuple[int, int], ...] = ()
    if title:
        body = f"{title}\n\n{body}" if body else title
        headings = ((0, len(title)),)
    return Article(
        text=body,
        source=name,
        title=title,
        headings=headings,
        encoding=encoding,
        author=_clean(doc.author),
        published=_clean(doc.date),
        link=url,
        site=_clean(doc.sitename),
    )


def _clean(value: str | None) -> str | None:
    return sanitize(" ".join(value.split())) if value else None


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
