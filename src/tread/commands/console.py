"""What every command writes to the terminal besides its own output: one-line errors,
the colour decision, and plain aligned columns. The CLI's group uses it too, so no
command imports tread.cli (which imports every command)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from typing import Any

import click


def use_color() -> bool | None:
    """False when NO_COLOR is set (https://no-color.org); else let click decide (tty)."""
    return False if os.environ.get("NO_COLOR") else None


def error(message: str) -> None:
    """One line on stderr, prefixed with the program name. The message may hold a file
    name or text from outside: escape sequences and line breaks in it are neutralised."""
    from tread.core.text.sanitize import one_line_safe

    prefix = click.style("tread:", fg="red", bold=True)
    click.echo(f"{prefix} {one_line_safe(message)}", err=True, color=use_color())


def notice(message: str) -> None:
    """One line on stderr that is not an error (the run goes on, the exit status is not
    changed): e.g. the language a text fell back to, and why."""
    from tread.core.text.sanitize import one_line_safe

    prefix = click.style("tread:", fg="yellow", bold=True)
    click.echo(f"{prefix} {one_line_safe(message)}", err=True, color=use_color())


#: columns that take what width is left, and columns aligned right
_WIDE = frozenset({"title", "feed", "url"})
_NUMERIC = frozenset({"id", "words", "articles", "unread"})


def print_columns(columns: list[str], rows: Sequence[Sequence[Any]], *, empty: str) -> None:
    """Aligned columns, one line a row, cut to the terminal's width: plain text (fast for
    ten thousand rows; nothing in it is ever read as markup)."""
    from rich.cells import cell_len, set_cell_size

    from tread.core.text.sanitize import one_line_safe

    if not rows:
        click.echo(empty)
        return
    width = shutil.get_terminal_size((100, 24)).columns
    widths = {
        c: min(20 if c == "source" else 99, max(cell_len(c), *(cell_len(str(r[i])) for r in rows)))
        for i, c in enumerate(columns)
    }
    rest = sum(w for c, w in widths.items() if c not in _WIDE) + 2 * (len(columns) - 1)
    share = max(12, (width - rest) // max(1, len(_WIDE & set(columns))))
    for c in _WIDE & set(columns):
        widths[c] = min(widths[c], share)

    def cell(column: str, value: Any) -> str:
        text = one_line_safe(str(value))
        w = widths[column]
        if cell_len(text) > w:
            text = set_cell_size(text, w - 1) + "…"
        return text.rjust(w) if column in _NUMERIC else set_cell_size(text, w)

    lines = [
        "  ".join(cell(c, c) for c in columns).rstrip(),
        "  ".join("-" * widths[c] for c in columns),
    ]
    lines += [
        "  ".join(cell(c, v) for c, v in zip(columns, row, strict=True)).rstrip() for row in rows
    ]
    click.echo("\n".join(lines))
