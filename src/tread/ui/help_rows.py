"""The rows of the help screen, read from the bindings themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.app import App


def help_rows(app: App[None]) -> list[tuple[str, str, str]]:
    from tread.ui.widgets.article_list import ArticleList
    from tread.ui.widgets.article_view import ArticleView
    from tread.ui.widgets.entity_index import EntityIndex

    rows: list[tuple[str, str, str]] = []
    keymap = getattr(app, "_keymap", {}) or {}
    for where, bindings in (
        ("everywhere", app.BINDINGS),
        ("article", ArticleView.BINDINGS),
        ("article list", ArticleList.BINDINGS),
        ("entity index", EntityIndex.BINDINGS),
    ):
        for b in bindings:
            if not isinstance(b, Binding):
                continue
            keys = keymap.get(b.id, b.key) if b.id else b.key
            shown = ", ".join(
                app.get_key_display(Binding(k.strip(), b.action)) for k in keys.split(",")
            )
            rows.append((shown, b.description or b.action, where))
    rows += [
        ("tab, shift+tab", "Next / previous pane", "everywhere"),
        ("enter", "Open article / jump to sentence or entity (again: next occurrence)", "lists"),
        ("ctrl+p", "Command palette: every action by name", "everywhere"),
    ]
    return rows
