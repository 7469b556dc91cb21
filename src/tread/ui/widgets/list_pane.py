"""The list pane: the filter, a line saying what the list shows, and the article list.

It owns the list's work: the details of the articles (read from disk in a worker),
the library's full-text search as the user types, the look for articles another
process added, and the read and star marks (written in workers; the list shows the
new mark at once and takes it back, saying why, when the write fails).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tread.core.errors import TreadError
from tread.ui import messages as msg
from tread.ui.background import off_loop
from tread.ui.data import ReaderData
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.filter_input import FilterInput

LIBRARY_POLL: Final = 5.0  # seconds between looks for articles added by another process


class ListPane(Vertical):
    class Listed(Message):
        """Details of articles arrived (the open article's title may be among them)."""

    class Opened(Message):
        """Open ``path`` (chosen in the list, or the first match of the filter)."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, paths: list[str], data: ReaderData, words_per_minute: int) -> None:
        super().__init__(id="list-pane")
        self.paths, self.data, self.words_per_minute = paths, data, words_per_minute
        self._newest_id = 0
        self._writes = 0  # numbers the mark writes, so the last one asked for wins

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="/ filter", id="filter")
        yield Static("", id="list-status", markup=False)
        yield ArticleList(self.paths, words_per_minute=self.words_per_minute, id="articles")

    def on_mount(self) -> None:
        self.call_after_refresh(self.list_articles)
        if self.data.library is not None:  # show what a `tread refresh` elsewhere adds
            self.set_interval(LIBRARY_POLL, self.look_for_new)

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def filter(self) -> FilterInput:
        return self.query_one(FilterInput)

    # -- listing ---------------------------------------------------------------------
    @work(group="listing", exit_on_error=False)
    async def list_articles(self) -> None:
        data, paths = self.data, self.paths

        def details(cancelled: object) -> None:
            for batch in data.infos(paths, cancelled):  # type: ignore[arg-type]
                self.post_message(msg.ArticlesListed(batch))
            self.post_message(msg.ReadMarksFound(data.read_paths(paths)))

        await off_loop(details, "tread-list")
        self._newest_id = await off_loop(lambda _: data.newest_id())

    def on_articles_listed(self, message: msg.ArticlesListed) -> None:
        self.articles.add_infos(message.infos, front=message.new)
        self.post_message(self.Listed())

    def on_read_marks_found(self, message: msg.ReadMarksFound) -> None:
        for path in message.paths:
            self.articles.set_read(path, True)

    @work(exclusive=True, group="poll", exit_on_error=False)
    async def look_for_new(self) -> None:
        data, after = self.data, self._newest_id
        try:
            infos, newest = await off_loop(lambda _: data.new_articles(after))
        except TreadError:
            return  # the library is busy or gone for now: look again later
        if newest > self._newest_id:
            self._newest_id = newest
            self.articles.add_infos(infos, front=True)
            self.app.notify(f"{len(infos)} new article(s) in the library", timeout=3)

    # -- the filter ------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.articles.set_filter(event.value)  # titles and sources at once
        if self.data.library is not None:
            self.search(event.value)  # the library's words come after

    @work(exclusive=True, group="search", exit_on_error=False)
    async def search(self, text: str) -> None:
        data = self.data
        try:
            found = await off_loop(lambda _: data.search(text), "tread-search")
        except TreadError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        if not get_current_worker().is_cancelled and text == self.filter.value:
            self.articles.set_filter(text, found)

    def on_filter_input_accepted(self, event: FilterInput.Accepted) -> None:
        event.stop()
        first = self.articles.highlighted_path
        if first is not None:
            self.post_message(self.Opened(first))

    def on_filter_input_left(self, event: FilterInput.Left) -> None:
        event.stop()
        self.articles.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        event.stop()
        self.post_message(self.Opened(event.path))

    def on_article_list_changed(self, event: ArticleList.Changed) -> None:
        event.stop()
        listing = self.articles
        shown, total = listing.option_count, listing.total
        line = f"{shown} of {total} match" if listing.filter_text else f"{total} articles"
        if listing.sort != "order":
            line += f" · by {listing.sort}"
        self.query_one("#list-status", Static).update(line)
        self.post_message(self.Listed())  # for the status bar's counts

    def open_filter(self) -> None:
        self.screen.set_focus(self.filter)  # at once: the next keys may be queued already

    # -- marks -----------------------------------------------------------------------
    def set_read(self, path: str, read: bool) -> None:
        self.articles.set_read(path, read)
        self.write_mark(path, read, None)

    def toggle_read(self, path: str) -> None:
        self.set_read(path, not self.articles.is_read(path))

    def toggle_star(self, path: str) -> None:
        info = self.articles.info(path)
        if info is None or self.data.library is None or not path.startswith("library:"):
            self.app.notify("stars are for library articles (tread add)", timeout=3)
            return
        starred = not info.starred
        self.articles.add_infos([replace(info, starred=starred, read=self.articles.is_read(path))])
        self.write_mark(path, None, starred)

    @work(group="marks", exit_on_error=False)
    async def write_mark(self, path: str, read: bool | None, starred: bool | None) -> None:
        data = self.data
        self._writes += 1
        seq = self._writes
        try:
            await off_loop(lambda _: data.mark(path, seq, read=read, starred=starred))
        except TreadError as exc:  # a read-only, damaged or full library
            self.app.notify(str(exc), severity="error", markup=False)
            info = self.articles.info(path)
            if read is not None:
                self.articles.set_read(path, not read)
            if starred is not None and info is not None:
                self.articles.add_infos([replace(info, starred=not starred)])
