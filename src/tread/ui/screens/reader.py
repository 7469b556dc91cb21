"""The reader: article list · article · summary and entities. The screen owns the
layout, the analysis workers and the handlers; what it knows about each article is in
a plain ReaderState, and the widgets draw and move themselves (the list pane also
does its own reading and writing of marks).

Every analysis and every read of the disk runs off the event loop, in a worker that
waits on a daemon thread (background.off_loop) and posts what it found.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar, Final

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.worker import Worker, WorkerCancelled, WorkerFailed, WorkerState

from tread.core.article import Article
from tread.core.config import Config
from tread.core.entities.languages import ExtractorsByLanguage
from tread.core.errors import Cancelled, TreadError
from tread.ui import messages as msg
from tread.ui.actions import bindings
from tread.ui.background import off_loop
from tread.ui.models import Block, metadata_lines
from tread.ui.screens.analysis import AnalysisHandlers
from tread.ui.screens.library import LibraryHandlers
from tread.ui.screens.view import ViewHandlers
from tread.ui.state import (
    ArticleState,
    ReaderState,
    analysis_stage,
    status_bar_text,
    status_prefix,
)
from tread.ui.widgets.article_view import ArticleView, title_content
from tread.ui.widgets.entity_index import EntityIndex
from tread.ui.widgets.find_bar import FindBar
from tread.ui.widgets.footer import ReaderFooter
from tread.ui.widgets.list_pane import ListPane
from tread.ui.widgets.panes import ReaderPanes
from tread.ui.widgets.status_bar import StatusBar
from tread.ui.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from tread.ui.app import Tread
    from tread.ui.data import ReaderData

_PAINT_WAIT: Final = 1.0  # seconds the analysis waits for the text to be painted
_ENTITY_HEAD_START: Final = 1.0  # seconds it waits for the entities on screen
_POSITION_EVERY: Final = 2.0  # seconds between looks at whether the reader moved
_QUIT_WAIT: Final = 0.3  # seconds quitting waits for the position to be kept


class ReaderScreen(AnalysisHandlers, LibraryHandlers, ViewHandlers, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("reader")
    #: what stays on screen when the text is maximised
    ALLOW_IN_MAXIMIZED_VIEW: ClassVar[str] = "FindBar, StatusBar, ReaderFooter"

    def __init__(
        self, paths: list[str], config: Config, language: str, data: ReaderData,
        extractors: ExtractorsByLanguage,
    ) -> None:  # fmt: skip
        super().__init__()
        #: "auto" (each text's detected language) or the one language asked for
        self.paths, self.config, self.language, self.data = paths, config, language, data
        self.extractors = extractors
        self.state = ReaderState()
        #: the article whose text the view holds (a PDF's first pages grow into it)
        self._shown_path: str | None = None
        self._position_refused = False
        #: library work under way, by job: what the status bar says of it
        self.jobs: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with ReaderPanes(self.config):
            yield ListPane(self.paths, self.data, self.config.words_per_minute)
            yield (view := ArticleView(id="article"))
            with Vertical(id="side-pane"):
                yield SummaryPanel(id="summary")
                yield EntityIndex(id="entities")
        yield FindBar(view)
        yield StatusBar()
        yield ReaderFooter()

    @property
    def tread(self) -> Tread:
        return self.app  # type: ignore[return-value]

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def list_pane(self) -> ListPane:
        return self.query_one(ListPane)

    @property
    def panel(self) -> SummaryPanel:
        return self.query_one(SummaryPanel)

    @property
    def index(self) -> EntityIndex:
        return self.query_one(EntityIndex)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    @property
    def panes(self) -> ReaderPanes:
        return self.query_one(ReaderPanes)

    def on_mount(self) -> None:
        self.panel.border_title, self.index.border_title = "summary", "entities"
        self.panes.apply(self.app.size.width)
        self.set_interval(0.25, self._steer_entities)
        first = self.config.last_article if self.config.last_article in self.paths else None
        start = first or (self.paths[0] if self.paths else None)
        if start is not None:
            self.call_after_refresh(self.open_article, start)
        self.view.focus()
        self.set_interval(_POSITION_EVERY, self.keep_position)

    # -- opening articles -------------------------------------------------------------
    def open_article(self, path: str) -> None:
        self.keep_position()
        if path != self.state.current_path:  # nobody waits for the last one's analysis
            self.workers.cancel_group(self, "analysis")
            self.panel.stop_summary()
        art = self.state.open(path)
        self.config.last_article = path
        self.tread.save_config()
        self.list_pane.articles.select_path(path)
        self.panel.border_title = "summary"
        if art.article is None:
            self.view.show("", [], ["opening…"])
            self._shown_path = None
            self.panel.show_note("waiting for the text…")
            self.index.show_notice("waiting for the text…")
            self.update_status()
        else:
            self.show_text(art)
        if art.segmentation is None:
            self.analyse(path)
        else:
            self.show_analysis()

    @work(exclusive=True, group="analysis", exit_on_error=False)
    async def analyse(self, path: str) -> None:
        data, language, art = self.data, self.language, self.state.get(path)
        fallback, post = self.config.language, self.post_message
        shown = [-1.0]

        def progress(fraction: float) -> None:  # from the thread: every 5% at most
            if fraction - shown[0] >= 0.05:
                shown[0] = fraction
                post(msg.Progressed(path, "finding sentences", fraction))

        try:
            article = art.article or await self._load(path)
            # the entities on screen first: segmenting a book holds the GIL for seconds,
            # which would slow spaCy's first batch threefold; it waits for that (≤ 1 s)
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(art.first_entities.wait(), _ENTITY_HEAD_START)
            seg = await off_loop(
                lambda stop: data.segment(article, language, fallback, stop, progress),
                "tread-segment",
            )
        except Cancelled:
            return  # another article, or the end: nobody is waiting for it
        except TreadError as exc:
            self.post_message(msg.ArticleFailed(path, str(exc)))
            return
        self.post_message(msg.ArticleSegmented(path, seg))

    async def _load(self, path: str) -> Article:
        """Read the article and have its text shown before the analysis goes on; a
        long PDF is shown from its first page while the rest is read."""
        data, post = self.data, self.post_message

        def read(cancelled: Callable[[], bool]) -> tuple[Article, list[Block]]:
            got: tuple[Article, list[Block]] | None = None
            for article, blocks, done, total in data.load_parts(path, cancelled):
                if done < total:  # posted from this thread: Textual queues it safely
                    post(msg.ArticleGrew(path, article, blocks, done, total))
                got = (article, blocks)
            if got is None:
                raise TreadError("stopped")  # cancelled before the first part
            return got

        article, blocks = await off_loop(read, "tread-load")
        position = await off_loop(lambda _: data.position(path), "tread-position")
        loaded = msg.ArticleLoaded(path, article, blocks, position)
        self.post_message(loaded)
        with suppress(asyncio.TimeoutError):
            await asyncio.wait_for(loaded.shown.wait(), _PAINT_WAIT)
        return article

    def on_progressed(self, message: msg.Progressed) -> None:
        art = self.state.get(message.path)
        if message.path == self.state.current_path and art.segmentation is None:
            self.panel.show_note(f"{message.stage}… {message.fraction:.0%}")

    def on_article_grew(self, message: msg.ArticleGrew) -> None:
        art = self.state.get(message.path)
        if message.path != self.state.current_path or art.article is not None:
            return  # another article is open, or the whole text arrived first
        article, view = message.article, self.view
        if self._shown_path == message.path and article.text.startswith(view.text):
            view.grow(article.text, message.blocks)
        else:  # the first part
            view.show(article.text, message.blocks, metadata_lines(article))
            self._shown_path = message.path
            self.update_title()
        self.state.note = f"reading page {message.done} of {message.total}…"
        self.update_status()

    def on_article_loaded(self, message: msg.ArticleLoaded) -> None:
        art = self.state.get(message.path)
        art.article, art.blocks, art.error = message.article, message.blocks, None
        if art.saved_top is None:  # the first time this session: where it was left
            art.top = art.top or message.position
            art.saved_top = message.position
        if message.path == self.state.current_path:
            if self.state.note.startswith("reading page"):
                self.state.note = ""
            self.show_text(art)
            self.panel.show_note("analysing…")
        self.call_after_refresh(message.shown.set)

    def show_text(self, art: ArticleState) -> None:
        if art.article is None:
            return
        text, shown = art.article.text, self.view.text
        if self._shown_path == art.path and shown and text.startswith(shown):
            self.view.grow(text, self.blocks_for(art))  # the rest of a PDF: stay put
        else:
            self.view.show(text, self.blocks_for(art), metadata_lines(art.article))
            self._shown_path = art.path
        if self.find_bar.find.query:  # the find goes on in the new article
            self.find_bar.search(self.find_bar.find.query)
        if art.top:
            self.view.call_after_refresh(self.view.scroll_to_offset, art.top, at_top=True)
        self.update_title()
        self.update_status()
        if self.config.mark_read_on_open and not self.list_pane.articles.is_read(art.path):
            self.list_pane.set_read(art.path, True)
        self.start_entities(art)

    def blocks_for(self, art: ArticleState) -> list[Block]:
        return art.shown_blocks(self.state.skim, self.config.algorithm, self.config.sentences)

    def on_article_failed(self, message: msg.ArticleFailed) -> None:
        art = self.state.get(message.path)
        art.error = message.error
        if message.path != self.state.current_path:
            return
        if art.article is None:  # never the text of the article open before
            self.view.show("", [], [f"could not be read: {message.error}"])
            self._shown_path = None
        self.update_title()
        self.update_status()
        self.panel.show_note(message.error)
        self.index.show_notice("no entities")
        self.app.notify(f"{message.path}: {message.error}", severity="error", markup=False)

    def on_article_segmented(self, message: msg.ArticleSegmented) -> None:
        self.state.get(message.path).segmentation = message.segmentation
        if message.path == self.state.current_path:
            self.show_analysis()

    def show_analysis(self) -> None:
        """The summary and entities of the open article: shown, or asked for."""
        self.show_summary()
        art = self.state.current
        if art is None or art.article is None:
            return
        if art.entities is not None:
            self.apply_entities()

    # -- the reading position, kept in the library -------------------------------------
    def keep_position(self) -> Worker[None] | None:
        """Note where the reader is in the open article, and keep it if it moved."""
        art = self.state.current
        if art is None or art.article is None or not self.view.line_count:
            return None
        art.top = self.view.visible_range()[0]
        if art.top == art.saved_top:
            return None
        return self.save_position(art, art.top)

    @work(group="positions", exit_on_error=False)
    async def save_position(self, art: ArticleState, top: int) -> None:
        data, path = self.data, art.path
        try:
            await off_loop(lambda _: data.save_position(path, top), "tread-position")
        except TreadError as exc:  # once: the next moves would only say it again
            if not self._position_refused:
                self._position_refused = True
                self.app.notify(f"position not kept: {exc}", severity="warning", markup=False)
        art.saved_top = top

    async def action_quit(self) -> None:
        worker = self.keep_position()
        if worker is not None:  # a moment for the write, never more: quit is at once
            with suppress(asyncio.TimeoutError, WorkerFailed, WorkerCancelled):
                await asyncio.wait_for(worker.wait(), _QUIT_WAIT)
        self.app.exit()

    # -- the title and the status line --------------------------------------------------
    def update_title(self) -> None:
        art = self.state.current
        if art is None:
            return
        info = self.list_pane.articles.info(art.path)
        title = info.title if info and not info.error else art.path.rsplit("/", 1)[-1]
        error = art.error or (info.error if info else None)
        self.view.border_title = title_content(f"{title}: {error}" if error else title)

    def update_status(self) -> None:
        art, state = self.state.current, self.state
        info = self.list_pane.articles.info(art.path) if art else None
        words = info.words if info and not info.error else 0
        prefix = status_prefix(state.skim, state.note, info.source if info else "", words)
        if state.skim and art is not None:
            words = art.shown_words(self.view.blocks)
        self.view.set_status(prefix, words, self.config.words_per_minute)
        self.update_status_bar()

    def update_status_bar(self) -> None:
        listing, art, config = self.list_pane.articles, self.state.current, self.config
        seg = art.segmentation if art else None
        left = status_bar_text(
            listing.unread_count, listing.total, listing.sort, listing.filter_text,
            seg.language if seg else self.language, config.algorithm,
            listing.only_label.split(" · ")[0],
        )  # fmt: skip
        stage = analysis_stage(art, config.algorithm, config.sentences)
        busy = ((stage,) if stage else ()) + tuple(self.jobs.values())
        self.query_one(StatusBar).show(left, busy)

    def on_list_pane_listed(self, message: ListPane.Listed) -> None:
        self.update_title()
        self.update_status()

    def on_list_pane_opened(self, message: ListPane.Opened) -> None:
        self.open_article(message.path)
        self.view.focus()

    # -- the list, marks, help -----------------------------------------------------------
    def action_filter(self) -> None:
        self._typing()
        self.show_list()
        self.list_pane.open_filter()

    def _go_to(self, path: str | None, why: str) -> None:
        if path is None:
            self.app.bell()
            self.app.notify(why, timeout=2)
        elif path != self.state.current_path:
            self.open_article(path)

    def action_next_article(self, step: int) -> None:
        end = "the last" if step > 0 else "the first"
        found = self.list_pane.articles.neighbour(self.state.current_path, step)
        self._go_to(found, f"this is {end} article in the list")

    def action_next_unread(self) -> None:
        found = self.list_pane.articles.next_unread(self.state.current_path)
        self._go_to(found, "no other unread article in the list")

    def action_cycle_sort(self) -> None:
        self.list_pane.articles.cycle_sort()

    def action_toggle_read(self) -> None:
        if self.state.current_path is not None:
            self.list_pane.toggle_read(self.state.current_path)

    def action_toggle_star(self) -> None:
        if self.state.current_path is not None:
            self.list_pane.toggle_star(self.state.current_path)

    def action_help(self) -> None:
        from tread.ui.screens.help import HelpScreen, help_rows

        self.app.push_screen(HelpScreen(help_rows(self.app, self.config.keys)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed on something unexpected says so; the reader goes on."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.app.notify(f"{event.worker.name}: {error}", severity="error", markup=False)
