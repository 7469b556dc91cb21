"""Markdown to plain text for analysis, keeping headings as heading spans."""

from __future__ import annotations

from typing import Any

_SKIP_BLOCKS = frozenset({"fence", "code_block", "html_block", "hr"})


def markdown_to_text(source: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Return (plain text, heading spans): one paragraph per block, blank lines between.

    Emphasis, links, images and inline HTML are reduced to their text; code blocks and
    raw HTML blocks, which are not prose, are left out of the analysed text.
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(source)
    blocks: list[tuple[str, bool]] = []
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if text.strip():
                blocks.append((text.strip(), in_heading))
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    for text, is_heading in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        if is_heading:
            headings.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
    return "".join(parts), tuple(headings)


def _inline_text(children: list[Any]) -> str:
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "image":
            out.append(_inline_text(child.children or []))
    return "".join(out)
