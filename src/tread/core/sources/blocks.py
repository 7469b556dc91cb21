"""Markup to paragraphs and headings, by walking the tree once: text gathers into the
innermost block open at that point, and every block boundary ends a paragraph.

So nested blocks (``<blockquote><p>``, ``<li><p>``) are printed once, and text that sits
in a ``<div>``, a table cell, ``<pre>`` or an ``<h4>`` beside other blocks is kept, which
a search for chosen tags gets wrong one way or the other. The walk uses its own stack:
a hostile document nested 100,000 deep costs time, not a RecursionError.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, Literal

from tread.core.sources.textbuild import TextBuilder

Kind = Literal["paragraph", "heading", "lines"]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Which tags of a markup language end a paragraph, and how their text is kept."""

    blocks: frozenset[str]
    headings: frozenset[str]
    preformatted: frozenset[str]
    #: elements whose text is never read (scripts, styles, the document head)
    skipped: frozenset[str]
    #: empty elements that stand for a line break inside a block
    breaks: frozenset[str] = frozenset()
    #: table cells: a row is one paragraph, its cells separated by " | "
    cells: frozenset[str] = frozenset()


_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

HTML: Final = Vocabulary(
    blocks=frozenset(
        {
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
            "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
            "figure", "footer", "form", "header", "hgroup", "hr", "html", "li", "main",
            "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "tfoot", "thead", "tr", "ul", "listing", "plaintext", "xmp",
        }
    )
    | _HEADINGS,
    headings=_HEADINGS,
    preformatted=frozenset({"pre", "listing", "plaintext", "xmp"}),
    skipped=frozenset(
        {"head", "script", "style", "template", "noscript", "title", "svg", "math", "button"}
    ),
    breaks=frozenset({"br"}),
    cells=frozenset({"td", "th"}),
)  # fmt: skip

#: trafilatura's XML output (output_format="xml"): TEI-like elements
TRAFILATURA: Final = Vocabulary(
    blocks=frozenset({"doc", "main", "head", "p", "list", "item", "quote", "table", "row", "code"}),
    headings=frozenset({"head"}),
    preformatted=frozenset({"code"}),
    skipped=frozenset({"comments", "graphic"}),
    breaks=frozenset({"lb"}),
    cells=frozenset({"cell"}),
)


def local_name(tag: object) -> str | None:
    """An element's tag without namespace, lower case; None for comments and
    processing instructions (whose tag is not a string in lxml)."""
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1].lower()


def walk(root: Any, vocabulary: Vocabulary, builder: TextBuilder) -> None:
    """Add the text of ``root`` (an lxml or ElementTree element) to ``builder``."""
    inline: list[str] = []
    kinds: list[Kind] = ["paragraph"]

    def flush() -> None:
        text = "".join(inline)
        inline.clear()
        if not text.strip():
            return
        if kinds[-1] == "heading":
            builder.heading(text)
        elif kinds[-1] == "lines":
            builder.lines(text)
        else:
            builder.paragraph(text)

    # ("open", element), ("close", None) or ("text", a tail): popped in document order
    stack: list[tuple[str, Any]] = [("open", root)]
    while stack:
        op, item = stack.pop()
        if op == "text":
            inline.append(item)
            continue
        if op == "close":
            flush()
            kinds.pop()
            continue
        tag = local_name(item.tag)
        if item is not root and item.tail:
            stack.append(("text", item.tail))  # read after the element and its children
        if tag is None or tag in vocabulary.skipped:
            continue
        if tag in vocabulary.breaks:
            inline.append("\n")
            continue
        if tag in vocabulary.cells and "".join(inline).strip():
            inline.append(" | ")
        if tag in vocabulary.blocks:
            flush()
            kinds.append(_kind(tag, vocabulary, kinds[-1]))
            stack.append(("close", None))
        stack.extend(("open", child) for child in reversed(item))
        if item.text:
            inline.append(item.text)
    flush()


def _kind(tag: str, vocabulary: Vocabulary, outer: Kind) -> Kind:
    if tag in vocabulary.headings:
        return "heading"
    if tag in vocabulary.preformatted or outer == "lines":
        return "lines"
    return "paragraph"


def html_fragment_text(html: str) -> str:
    """The paragraphs of an HTML fragment (a feed entry's content), blank-line separated;
    "" when it cannot be parsed."""
    import lxml.etree
    import lxml.html

    builder = TextBuilder()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, TypeError, lxml.etree.ParserError):
        return ""
    walk(root, HTML, builder)
    return builder.text


def paragraphs(root: Any, vocabulary: Vocabulary) -> Iterable[str]:
    """The blocks of ``root`` as strings (for tests and callers that want no offsets)."""
    builder = TextBuilder()
    walk(root, vocabulary, builder)
    return builder.text.split("\n\n") if builder.text else []
