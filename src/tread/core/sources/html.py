"""HTML pages to articles: main-text extraction with trafilatura (no tag stripping)."""

from __future__ import annotations

from typing import Any

from tread.core.article import Article
from tread.core.errors import EmptyDocument
from tread.core.sanitize import sanitize


def html_to_article(html: str, name: str, *, url: str | None = None,
                    encoding: str | None = None) -> Article:
    """The main text of a page, with its title, author, date and site.

    Navigation, scripts, styles, comments and other boilerplate are left out by
    trafilatura; the title becomes the article's first line, marked as a heading, and
    each paragraph is followed by a blank line.
    """
    import trafilatura

    doc: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                           include_comments=False, include_tables=True)
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
    return Article(text=body, source=name, title=title, headings=headings, encoding=encoding,
                   author=_clean(doc.author), published=_clean(doc.date), link=url,
                   site=_clean(doc.sitename))


def _clean(value: str | None) -> str | None:
    return sanitize(" ".join(value.split())) if value else None
