"""What the reader shows about articles: a row of the article list, the blocks of the
text, and the line of metadata above it. Plain Python."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from tread.core.article import Article, Segmentation
from tread.core.sources import STDIN_NAME
from tread.core.text.titles import title_of


@dataclass(frozen=True, slots=True)
class Block:
    """A run of the article shown as one wrapped block: a heading, a paragraph, or
    (in skim mode) a gap standing for text left out."""

    start: int
    end: int
    kind: str = "paragraph"  # "heading" | "paragraph" | "gap"


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the article list needs, cheap to compute for many files."""

    path: str
    title: str
    source: str
    words: int
    error: str | None = None
    read: bool = False
    starred: bool = False

    def minutes(self, words_per_minute: int) -> int:
        return max(1, round(self.words / max(1, words_per_minute)))


def host(url: str | None) -> str:
    """The site of a link, without "www."; empty for anything that is not one."""
    if not url or "://" not in url:
        return ""
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.")


def source_label(path: str, article: Article | None = None) -> str:
    """Where an article comes from, for the list: the site of a web page, the
    folder of a file."""
    if path == "-":
        return "standard input"
    if article is not None and (article.site or host(article.link)):
        return article.site or host(article.link)
    if host(path):
        return host(path)
    p = Path(path)
    return p.parent.name or str(p.parent)


#: file formats named in the list, so that the EPUB and the PDF of one book, which
#: share a title and a folder, can be told apart (and found by filtering on "pdf")
_FORMATS: Final = {
    ".epub": "EPUB",
    ".pdf": "PDF",
    ".html": "HTML",
    ".htm": "HTML",
    ".xhtml": "HTML",
    ".md": "Markdown",
    ".markdown": "Markdown",
}


def info_for(article: Article, path: str) -> ArticleInfo:
    from tread.core.text.sanitize import one_line_safe

    name = STDIN_NAME if path == "-" else one_line_safe(Path(path).name)
    source = one_line_safe(source_label(path, article))
    fmt = "" if host(path) else _FORMATS.get(Path(path).suffix.lower(), "")
    return ArticleInfo(
        path,
        title_of(article, name),
        f"{fmt} · {source}" if fmt else source,
        len(article.text.split()),
    )


def metadata_lines(article: Article) -> list[str]:
    """The article's author, date and site on one line, and its link on the next (what
    its source knew; nothing for a plain file)."""
    from tread.core.text.sanitize import one_line_safe

    site = article.site or host(article.link)
    parts = [f"by {article.author}" if article.author else "", article.published or "", site]
    first = " · ".join(one_line_safe(p) for p in parts if p)
    lines = [first] if first else []
    if article.link:
        lines.append(one_line_safe(article.link))
    return lines


def language_label(seg: Segmentation) -> str:
    """The language a text was analysed in (its ISO code: a side pane is narrow), and
    how it was chosen: "de · detected", "en · unsure" (detection fell back to the
    configured language), or "fr" (asked for)."""
    from tread.core.text.languages import ISO_CODES

    code = next((iso for iso, name in ISO_CODES.items() if name == seg.language), seg.language)
    if seg.language_detected:
        return f"{code} · detected"
    if seg.language_note:
        return f"{code} · unsure"
    return code


def language_tooltip(seg: Segmentation) -> str:
    """The same in words, with the reason when detection was unsure."""
    name = seg.language.capitalize()
    if seg.language_detected:
        return f"{name}, detected from the text (the palette's 'language:' commands choose)"
    if seg.language_note:
        return f"{name}: {seg.language_note}"
    return f"{name}, as asked for (the palette's 'language: auto' detects it)"
