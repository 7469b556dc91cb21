"""The list pane: the filter, a line saying what the list shows, and the article list.

It owns the list's work: the details of the articles (read from disk in a worker),
the library's full-text search as the user types, the look for articles another
process added, and the read and star marks (written in workers; the list shows the
new mark at once and takes it back, saying why, when the write fails).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tread.core.errors import TreadError
from tread.core.text.counts import counted
from tread.core.text.sanitize import one_line_safe
from tread.ui import messages as msg
from tread.ui.background import off_loop
from tread.ui.data import ReaderData
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.filter_input import FilterInput

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from tread.core.store.ingest import Outcome

LIBRARY_POLL: Final = 5.0  # seconds between looks for articles added by another process


class ListPane(Vertical):
    class Listed(Message):
        """Details of articles arrived (the open article's title may be among them)."""

    class Busy(Message):
        """Library work under way (``text``), or done (None): for the status bar."""

        def __init__(self, job: str, text: str | None) -> None:
            super().__init__()
            self.job, self.text = job, text

    class Removed(Message):
        """``path`` is no longer in the library or the list."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

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
        self._polling = False
        self._poll()

    def _poll(self) -> None:
        if self.data.library is not None and not self._polling:  # what `tread refresh`
            self._polling = True  # elsewhere adds shows up
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
    async def look_for_new(self, quiet: bool = False) -> None:
        data, after = self.data, self._newest_id
        try:
            infos, newest = await off_loop(lambda _: data.new_articles(after))
        except TreadError:
            return  # the library is busy or gone for now: look again later
        if newest > self._newest_id:
            self._newest_id = newest
            self.articles.add_infos(infos, front=True)
            if not quiet:
                self.app.notify(f"{counted(len(infos), 'new article')} in the library", timeout=3)

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
        self.articles.set_only(None)  # escape clears every narrowing
        self.articles.focus()

    @work(exclusive=True, group="search", exit_on_error=False)
    async def show_mentioning(self, name: str) -> None:
        """Narrow the list to the library articles that mention ``name``."""
        data = self.data
        if data.library is None:
            self.app.notify("articles mentioning an entity: in the library (tread)", timeout=3)
            return
        try:
            found = await off_loop(lambda _: data.mentioning(name), "tread-mentions")
        except TreadError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        self.articles.set_only(found, f"mentioning “{name}” · esc in / clears")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        event.stop()
        self.post_message(self.Opened(event.path))

    def on_article_list_changed(self, event: ArticleList.Changed) -> None:
        event.stop()
        listing = self.articles
        shown, total = listing.option_count, listing.total
        line = f"{shown} of {total} match" if listing.filter_text else counted(total, "article")
        if listing.only_label:
            line = f"{shown} {listing.only_label}"
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
            await off_loop(
                lambda _: data.mark(path, seq, read=read, starred=starred), "tread-marks"
            )
        except TreadError as exc:  # a read-only, damaged or full library
            self.app.notify(str(exc), severity="error", markup=False)
            info = self.articles.info(path)
            if read is not None:
                self.articles.set_read(path, not read)
            if starred is not None and info is not None:
                self.articles.add_infos([replace(info, starred=not starred)])

    # -- library work (library_jobs.py), in the background with its progress -----------
    @work(group="library", exit_on_error=False)
    async def add_source(self, source: str) -> None:
        from tread.ui import library_jobs as jobs

        data = self.data
        outcomes: list[Outcome] = []
        self.post_message(self.Busy(f"add {source}", f"adding {one_line_safe(source)[:40]}"))
        try:
            await off_loop(lambda _: jobs.add(data, source, outcomes.append), "tread-add")
        except TreadError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        finally:
            self.post_message(self.Busy(f"add {source}", None))
        failed = [o for o in outcomes if not o.ok]
        if len(outcomes) == 1:  # the input named, as `tread add` names it
            note = f"{outcomes[0].source}: {outcomes[0].message}"
        else:
            note = counted(sum(o.new for o in outcomes), "new article")
            note += f"; {len(failed)} not added ({failed[0].message})" if failed else ""
        severity: SeverityLevel = (
            "error" if failed and len(failed) == len(outcomes) else "information"
        )
        self.app.notify(one_line_safe(note), severity=severity, markup=False)
        self._poll()
        self.look_for_new(quiet=True)

    @work(exclusive=True, group="refresh", exit_on_error=False)
    async def refresh_feeds(self) -> None:
        from tread.ui import library_jobs as jobs

        data = self.data
        outcomes: list[Outcome] = []

        def progress(done: int, total: int) -> None:
            self.post_message(self.Busy("refresh", f"refreshing feeds {done}/{total}"))

        try:
            feeds = await off_loop(
                lambda _: jobs.refresh(data, outcomes.append, progress), "tread-refresh"
            )
        except TreadError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        finally:
            self.post_message(self.Busy("refresh", None))
        if not feeds:
            self.app.notify("no feeds to refresh: add one with i", timeout=3)
            return
        new = sum(o.new for o in outcomes)
        failed = sum(not o.ok for o in outcomes)
        note = f"{counted(feeds, 'feed')} refreshed: {counted(new, 'new article')}"
        problems = f"; {counted(failed, 'problem')}" if failed else ""
        self.app.notify(note + problems, markup=False)
        self.look_for_new(quiet=True)

    @work(group="library", exit_on_error=False)
    async def remove_article(self, path: str) -> None:
        from tread.ui import library_jobs as jobs

        data, info = self.data, self.articles.info(path)
        try:
            await off_loop(lambda _: jobs.remove(data, path), "tread-remove")
        except TreadError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        self.post_message(self.Removed(path))
        self.articles.remove_path(path)
        self.app.notify(f"removed “{info.title if info else path}”", timeout=3, markup=False)

    def mark_all_read(self) -> None:
        paths = [p for p in self.articles.shown_paths if not self.articles.is_read(p)]
        if not paths:
            self.app.notify("every article in the list is read", timeout=2)
            return
        self.articles.set_all_read(paths)
        self._mark_all(paths)

    @work(group="marks", exit_on_error=False)
    async def _mark_all(self, paths: list[str]) -> None:
        from tread.ui import library_jobs as jobs

        data = self.data
        self.post_message(self.Busy("mark", f"marking {len(paths)} read"))
        try:
            await off_loop(lambda stop: jobs.mark_read(data, paths, stop), "tread-marks")
        except TreadError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
        finally:
            self.post_message(self.Busy("mark", None))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker here that failed on something unexpected says so (the screen's
        handler never hears of it: the message does not bubble)."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.app.notify(f"{event.worker.name}: {error}", severity="error", markup=False)
