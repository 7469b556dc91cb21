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
    BINDINGS: ClassVar[list[BindingType]] = bindings("find")

    class Closed(Message):
        """Escape: clear the find."""

    class Accepted(Message):
        """Enter: back to the text, the matches kept."""

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_accept(self) -> None:
        self.post_message(self.Accepted())


class FindBar(Horizontal):
    class Stepped(Message):
        """Where the find is now ("find “ice” 3/17"), and the match to show, if any."""

        def __init__(self, note: str, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.note, self.span = note, span

    class Done(Message):
        """The bar closed: the text should have the focus again."""

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
        self.input.focus()
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
        if self.display:
            self.display = False
            self.post_message(self.Done())

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

    def on_find_input_accepted(self, event: FindInput.Accepted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Done())

    def on_find_input_closed(self, event: FindInput.Closed) -> None:
        event.stop()
        self.clear()
