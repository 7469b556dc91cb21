"""OPML subscription lists: read to import feeds, written to export them.

The file is someone else's data, read as strictly as a feed: defusedxml refuses entity
declarations (billion laughs) and external entities (XXE), and XML that is not well
formed is one line, not a best guess. Only outlines whose ``xmlUrl`` is an http(s) URL
are feeds (a path or a ``file:`` URL in a list is data, never read); nested folder
outlines are flattened into each feed's ``folder``. Attribute names are matched without
regard to case (``xmlUrl`` and ``xmlurl`` are both written in the wild). Liferea's
``type="source"`` outlines are sub-lists, not feeds, and are skipped.

Writing is OPML 2.0 with ElementTree, which escapes every title and URL.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from tread.core.errors import UnreadableInput
from tread.core.text.sanitize import one_line_safe

DEFAULT_TITLE: Final = "tread feeds"


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str
    html_url: str | None = None
    #: the titles of the folder outlines it sits in, outermost first
    folder: tuple[str, ...] = ()


_OPML_ROOT: Final = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?.{0,200}?\?>|<!--.{0,2000}?-->)*<opml[\s>]", re.DOTALL
)


def looks_like_opml(data: bytes) -> bool:
    """Whether ``data`` is a subscription list by its root element."""
    return _OPML_ROOT.match(data, 0, 8192) is not None


def read_opml(data: bytes) -> list[Subscription]:
    """The feeds an OPML file lists, in document order (each URL once).

    Raises UnreadableInput, in one line that does not repeat the file's name.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise UnreadableInput(
            "the OPML file declares XML entities; refused (entity expansion and external "
            "entities are unsafe)"
        ) from None
    except ET.ParseError as exc:
        raise UnreadableInput(f"not well-formed XML ({exc})") from None
    except (ValueError, LookupError) as exc:  # an encoding expat cannot read
        raise UnreadableInput(f"not readable XML ({exc})") from None
    if root.tag != "opml":
        raise UnreadableInput(f"not an OPML file (its root element is <{_tag(root.tag)}>)")
    found: dict[str, Subscription] = {}
    body = root.find("body")
    if body is not None:
        _walk(body, (), found)
    return list(found.values())


def _tag(tag: str) -> str:
    return one_line_safe(tag)[:40]


def _walk(element: ET.Element, folder: tuple[str, ...], found: dict[str, Subscription]) -> None:
    for outline in element.findall("outline"):
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        text = one_line_safe(attrs.get("text") or attrs.get("title") or "")
        url = (attrs.get("xmlurl") or "").strip()
        if attrs.get("type", "").lower() == "source":
            continue  # a link to another subscription list
        if url.lower().startswith(("http://", "https://")):
            html = (attrs.get("htmlurl") or "").strip() or None
            found.setdefault(url, Subscription(url, text or url, html, folder))
        _walk(outline, (*folder, text) if not url and text else folder, found)


def write_opml(subscriptions: Iterable[Subscription], title: str = DEFAULT_TITLE) -> bytes:
    """An OPML 2.0 document listing ``subscriptions``, in folders where they have one."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = title
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for sub in subscriptions:
        for depth in range(1, len(sub.folder) + 1):
            path = sub.folder[:depth]
            if path not in folders:
                folders[path] = ET.SubElement(folders[path[:-1]], "outline", text=path[-1])
        name = one_line_safe(sub.title) or sub.url
        attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": sub.url}
        if sub.html_url:
            attrs["htmlUrl"] = sub.html_url
        ET.SubElement(folders[sub.folder], "outline", attrs)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
