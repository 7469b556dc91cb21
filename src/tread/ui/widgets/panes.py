"""The three panes side by side, their widths following the terminal (layout.py): the
text gets the most; on a narrow terminal one side pane at a time. A pane hidden for
want of room comes back when there is room again; what the user hid stays hidden."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.events import Resize

from tread.core.config import Config
from tread.ui.layout import panes, resized


class ReaderPanes(Horizontal):
    def __init__(self, config: Config) -> None:
        super().__init__(id="main")
        self.config = config
        self.narrow_pick = "list"  # which pane shows when only one fits beside the text
        self.narrow = False

    def on_resize(self, event: Resize) -> None:
        self.apply(event.size.width)  # the event's: self.size may still be the old one

    def apply(self, width: int) -> None:
        config = self.config
        fit = panes(
            width, config.show_list, config.show_side, self.narrow_pick,
            config.list_width, config.side_width,
        )  # fmt: skip
        self.narrow = fit.narrow
        self.screen.set_class(fit.narrow, "-narrow")
        for pane_id, cells in (("#list-pane", fit.list), ("#side-pane", fit.side)):
            pane = self.query_one(pane_id)
            pane.display = cells > 0
            if cells:
                pane.styles.width = cells
        focused = self.screen.focused
        if focused is not None and not all(n.display for n in (focused, *focused.ancestors)):
            self.query_one("#article").focus()  # keys never go to a hidden widget

    def widen(self, which: str, step: int) -> bool:
        """Make the "list" or "side" pane ``step`` cells wider (narrower when negative)
        and remember it; False when the pane is hidden or already at its limit."""
        pane = self.query_one(f"#{which}-pane")
        if not pane.display:
            return False
        shown = pane.outer_size.width
        wanted = resized(shown, step, self.app.size.width)
        if wanted == shown:
            return False
        setattr(self.config, f"{which}_width", wanted)
        self.apply(self.app.size.width)
        return True

    def toggle(self, which: str) -> None:
        """Show or hide the "list" or the "side" pane (on a narrow terminal, showing
        one puts it in the other's place)."""
        shown = bool(self.query_one(f"#{which}-pane").display)
        if self.narrow and not shown:
            self.narrow_pick = which
        setattr(self.config, f"show_{which}", not shown)
        self.apply(self.app.size.width)
