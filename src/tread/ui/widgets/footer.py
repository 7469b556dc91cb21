"""Textual's footer, showing only the keys that fit whole: on a narrow terminal the
last ones are left out (the help screen and the palette list every key) rather than
cut in the middle of a word."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer, Input


def key_width(key: Widget) -> int:
    """Cells a footer key takes (Textual's default, not compact, style): the key with
    a space each side, then the description and a space; the palette key has a
    border before it and a space after. (Footer keys are not public classes: they
    are known by what they show.)"""
    width = cell_len(getattr(key, "key_display", "")) + 2
    if description := getattr(key, "description", ""):
        width += cell_len(description) + 1
    if key.has_class("-command-palette"):
        width += 2
    return width


def types_a_character(key: Widget) -> bool:
    """A footer key that is one printable character ("+", "/"): in a text field it is
    typed, not an action."""
    shown = getattr(key, "key_display", "")
    return len(shown) == 1 and shown.isprintable() and not shown.isspace()


class ReaderFooter(Footer):
    """Textual's footer: only the keys that fit whole, and while a text field has the
    focus, not the keys it takes as text."""

    _fitted: int | None = None  # the width the keys were chosen for

    def compose(self) -> ComposeResult:
        items = list(super().compose())
        if isinstance(self.screen.focused, Input):
            items = [item for item in items if not types_a_character(item)]
        palette = [item for item in items if item.has_class("-command-palette")]
        room = (self.size.width or self.app.size.width) - sum(map(key_width, palette))
        for item in items:
            if item in palette:
                continue
            room -= key_width(item)
            if room < 0:
                break
            yield item
        yield from palette

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._fitted:
            self._fitted = event.size.width
            self.call_after_refresh(self.recompose)
