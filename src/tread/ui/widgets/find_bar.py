"""Find in the article: the bar under the text and the find it keeps (find.py). Typing
finds as you go; enter goes back to the text with the matches kept (`.`/`,` step
through them); escape clears the find. The query stays when another article opens.

The bar marks the matches in the article view; the screen moves to the match a step
chose (it knows about skim mode) and says where the reader is.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from tread.ui.actions import bindings
from tread.ui.find import Find
from tread.ui.widgets.article_view import ArticleView


class FindInput(Input):
    """The query. Its keys are priority bindings that move the focus at once: keys
    typed in the same burst as enter (`.` to step) must reach the text, not the field."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("find")

    @property
    def bar(self) -> FindBar:
        assert isinstance(self.parent, FindBar)
        return self.parent

    def action_close(self) -> None:
        self.bar.clear()

    def action_accept(self) -> None:
        self.bar.accept()


class FindBar(Horizontal):
    class Stepped(Message):
        """Where the find is now ("find “ice” 3/17"), and the match to show, if any."""

        def __init__(self, note: str, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.note, self.span = note, span

    def __init__(self, view: ArticleView) -> None:
        super().__init__(id="find-bar")
        self.view = view
        self.find = Find()
        self.display = False

    def compose(self) -> ComposeResult:
        yield Static("find ", id="find-label", markup=False)
        yield FindInput(placeholder="words in the article", id="find-input")
        yield Static("", id="find-count", markup=False)

    @property
    def input(self) -> FindInput:
        return self.query_one(FindInput)

    def open(self) -> None:
        self.display = True
        # at once, not after a refresh: keys typed in the same burst as `f` are queued
        # already and must reach the field
        self.screen.set_focus(self.input)
        self.input.select_all()

    def search(self, query: str) -> None:
        """Find ``query`` in the view's text (a new article: its matches) and mark them."""
        self.find.search(self.view.text, query)
        self.view.set_matches(self.find.matches)
        self._tell(None)

    def step(self, step: int) -> None:
        if not self.find.query.strip():
            self.open()
            return
        self._tell(self.find.step(step, self.view.visible_range()[0]))

    def clear(self) -> None:
        self.find.clear()
        self.view.set_matches([])
        self._tell(None)
        self.accept()

    def accept(self) -> None:
        """Back to the text (the matches, if any, stay marked)."""
        if self.display:
            self.display = False
            self.screen.set_focus(self.view)

    def _tell(self, span: tuple[int, int] | None) -> None:
        count = self.find.count()
        self.query_one("#find-count", Static).update(count)
        note = f"find “{' '.join(self.find.query.split())}” {count}" if count else ""
        self.post_message(self.Stepped(note, span))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.search(event.value)
        self.step(1)  # the first match below the top of the view, as you type

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
