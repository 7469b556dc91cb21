"""Counts in messages: "1 article", "2 articles", never "1 article(s)"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, in the plural unless ``n`` is one ("1,204 articles")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
