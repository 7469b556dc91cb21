"""The reader screen's handlers for how the text is shown: which panes are open and how
wide, the text maximised, and finding in the article (the find bar keeps the find and
marks the matches). Part of ReaderScreen (screens/reader.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.widgets import Input

from tread.ui.widgets.find_bar import FindBar

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

    from tread.ui.app import Tread
    from tread.ui.state import ReaderState
    from tread.ui.widgets.article_view import ArticleView
    from tread.ui.widgets.list_pane import ListPane
    from tread.ui.widgets.panes import ReaderPanes


class ViewHandlers:
    """Mixed into ReaderScreen, which provides what is declared here."""

    if TYPE_CHECKING:
        state: ReaderState
        app: App[None]
        focused: Widget | None
        maximized: Widget | None

        @property
        def tread(self) -> Tread: ...
        @property
        def view(self) -> ArticleView: ...
        @property
        def list_pane(self) -> ListPane: ...
        @property
        def find_bar(self) -> FindBar: ...
        @property
        def panes(self) -> ReaderPanes: ...
        def maximize(self, widget: Widget, container: bool = True) -> bool: ...
        def minimize(self) -> None: ...
        def action_skim(self) -> None: ...
        def update_status(self) -> None: ...

    # -- panes ---------------------------------------------------------------------------
    def _toggle_pane(self, which: str) -> None:
        self.panes.toggle(which)
        self.tread.save_config()

    def action_toggle_list(self) -> None:
        self._toggle_pane("list")

    def action_toggle_side(self) -> None:
        self._toggle_pane("side")

    def action_widen(self, which: str, step: int) -> None:
        if self.maximized is None and self.panes.widen(which, step):
            self.tread.save_config()
        else:
            self.app.bell()

    def action_maximise(self) -> None:
        if self.maximized is not None:
            self.minimize()
        else:
            # the text takes the keys: focus left in the hidden list would pass to the
            # hidden filter, and the next 'z' or 'n' would be typed into it
            self.view.focus()
            self.maximize(self.view, container=False)

    def show_list(self) -> None:
        if not self.list_pane.display:
            self._toggle_pane("list")

    # -- find in the article (the find bar keeps the find and marks the matches) --------
    def _typing(self) -> None:
        """A priority key typed into a text field is text there, not an action."""
        if isinstance(self.focused, Input):
            raise SkipAction()

    def action_find(self) -> None:
        self._typing()
        if self.view.text:
            self.find_bar.open()
        else:
            self.app.bell()

    def action_find_step(self, step: int) -> None:
        self.find_bar.step(step)

    def action_clear_find(self) -> None:
        if self.find_bar.find.query or self.find_bar.display:
            self.find_bar.clear()

    def on_find_bar_stepped(self, message: FindBar.Stepped) -> None:
        if message.span is not None:
            if self.state.skim:  # the match may be folded away
                self.action_skim()
            self.view.set_current(message.span)
        else:  # no match (yet): nothing marked
            self.view.set_current(None, scroll=False)
        self.state.note = message.note
        self.update_status()
