"""JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), read defensively: a field of
the wrong type (a list for a URL, an object for a date or a name) is skipped, an item
that is not an object is counted as empty, and a document that is not a feed (no items
list, nesting too deep to parse) fails in one line."""

from __future__ import annotations

import json
from typing import Any

from tread.core.errors import UnreadableInput
from tread.core.sources.feed_entries import (
    MAX_ENTRIES,
    Enclosure,
    Feed,
    clean_link,
    make_entry,
    newest,
    one_line,
    timestamp,
)


def json_feed(text: str) -> Feed:
    try:
        doc = json.loads(text)
    except RecursionError:
        raise UnreadableInput("not a readable JSON Feed (nested too deeply)") from None
    except ValueError as exc:
        raise UnreadableInput(f"not a readable JSON Feed ({exc})") from None
    if not isinstance(doc, dict):
        raise UnreadableInput("not a readable JSON Feed (not a JSON object)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise UnreadableInput("not a readable JSON Feed (no list of items)")
    if not items:
        raise UnreadableInput("not a readable feed (no entries)")
    objects = [item for item in items if isinstance(item, dict)]
    empty = len(items) - len(objects)
    times = [timestamp(item.get("date_published") or item.get("date_modified")) for item in objects]
    chosen = newest(times, MAX_ENTRIES)
    entries = []
    for index in chosen:
        entry = make_entry(**_fields(objects[index]))
        if entry is None:
            empty += 1
        else:
            entries.append(entry)
    title = one_line(doc.get("title"), 500) or "untitled feed"
    return Feed(
        title,
        clean_link(doc.get("home_page_url")),
        tuple(entries),
        older=len(objects) - len(chosen),
        empty=empty,
    )


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    html = next(
        (
            item[k]
            for k in ("content_html", "content_text", "summary")
            if isinstance(item.get(k), str) and item[k].strip()
        ),
        "",
    )
    attachments = item.get("attachments")
    enclosures = [
        Enclosure(a.get("url"), a.get("mime_type"), a.get("size_in_bytes"))
        for a in (attachments if isinstance(attachments, list) else [])
        if isinstance(a, dict)
    ]
    published = item.get("date_published")
    return {
        "title": item.get("title"),
        "guid": item.get("id"),
        "link": item.get("url") if isinstance(item.get("url"), str) else item.get("external_url"),
        "published": published if isinstance(published, str) else item.get("date_modified"),
        "author": _author(item),
        "html": html,
        "enclosures": enclosures,
    }


def _author(item: dict[str, Any]) -> object:
    authors = item.get("authors")
    candidates = authors if isinstance(authors, list) else []
    candidates = [*candidates, item.get("author")]
    for author in candidates:
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            return author["name"]
    return None
