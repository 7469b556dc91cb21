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
from textual.worker import Worker, WorkerState

from tread.core.article import Article
from tread.core.config import Config
from tread.core.entities.kinds import KINDS
from tread.core.entities.languages import ExtractorsByLanguage
from tread.core.entities.registry import EntityExtractor
from tread.core.errors import Cancelled, TreadError
from tread.core.summarizers.registry import ALGORITHMS
from tread.core.text.detect import AUTO
from tread.ui import messages as msg
from tread.ui.actions import bindings
from tread.ui.background import off_loop
from tread.ui.models import Block, language_label, language_tooltip, metadata_lines
from tread.ui.state import ArticleState, ReaderState, next_length, status_prefix
from tread.ui.widgets.article_view import ArticleView, title_content
from tread.ui.widgets.entity_index import EntityIndex
from tread.ui.widgets.footer import ReaderFooter
from tread.ui.widgets.list_pane import ListPane
from tread.ui.widgets.panes import ReaderPanes
from tread.ui.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from tread.ui.app import Tread
    from tread.ui.data import ReaderData

_PAINT_WAIT: Final = 1.0  # seconds the analysis waits for the text to be painted
_ENTITY_HEAD_START: Final = 1.0  # seconds it waits for the entities on screen


class ReaderScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("reader")

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

    def compose(self) -> ComposeResult:
        with ReaderPanes(self.config):
            yield ListPane(self.paths, self.data, self.config.words_per_minute)
            yield ArticleView(id="article")
            with Vertical(id="side-pane"):
                yield SummaryPanel(id="summary")
                yield EntityIndex(id="entities")
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

    def on_mount(self) -> None:
        self.panel.border_title, self.index.border_title = "summary", "entities"
        self.query_one(ReaderPanes).apply(self.app.size.width)
        self.set_interval(0.25, self._steer_entities)
        first = self.config.last_article if self.config.last_article in self.paths else None
        start = first or (self.paths[0] if self.paths else None)
        if start is not None:
            self.call_after_refresh(self.open_article, start)
        self.view.focus()

    def _toggle_pane(self, which: str) -> None:
        self.query_one(ReaderPanes).toggle(which)
        self.tread.save_config()

    def action_toggle_list(self) -> None:
        self._toggle_pane("list")

    def action_toggle_side(self) -> None:
        self._toggle_pane("side")

    # -- opening articles -------------------------------------------------------------
    def open_article(self, path: str) -> None:
        if (left := self.state.current) is not None and left.article is not None:
            left.top = self.view.visible_range()[0]
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
        loaded = msg.ArticleLoaded(path, article, blocks)
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

    def start_entities(self, art: ArticleState) -> None:
        """Entities of the text just shown: found, or looked for at once (beside the
        segmentation, in the text's language), those on screen first."""
        if art.article is None:
            return
        if art.entities is not None or art.entity_error:
            art.first_entities.set()  # nothing to wait for
            if art.entities is not None:
                self.apply_entities()
            else:
                self.index.show_notice(art.entity_error or "")
            return
        self.index.show_notice("finding entities…")
        art.partial_entities.clear()
        text, language, fallback = art.article.text, self.language, self.config.language

        def pick() -> EntityExtractor:  # in the worker's thread: detection costs there
            if language == AUTO:
                from tread.core.text.detect import choose_language

                return self.extractor_for(choose_language(text, AUTO, fallback).language)
            return self.extractor_for(language)

        self.index.find(self.data, art.path, text, pick, self.view.visible_range())

    def extractor_for(self, language: str) -> EntityExtractor:
        """The entity extractor for a text in ``language``; NoEntityModel when tread has
        no model for it (the index says so instead of showing English NER's guesses)."""
        return self.extractors.for_language(language)

    def set_language(self, language: str) -> None:
        """Analyse in ``language`` ("auto": each text's own) from now on: every analysis
        made in another language is dropped and the open article analysed again."""
        if language == self.language:
            return
        self.language = self.tread.language = language
        for art in self.state.articles.values():
            art.forget_analysis()
        if self.state.current_path is not None:
            self.open_article(self.state.current_path)
        shown = "detected for each article" if language == AUTO else language
        self.app.notify(f"language: {shown}", timeout=2)

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

    def on_list_pane_listed(self, message: ListPane.Listed) -> None:
        self.update_title()
        self.update_status()

    def on_list_pane_opened(self, message: ListPane.Opened) -> None:
        self.open_article(message.path)
        self.view.focus()

    # -- summaries ---------------------------------------------------------------------
    def show_summary(self) -> None:
        art = self.state.current
        if art is None or art.segmentation is None or art.article is None:
            return
        self.panel.border_title = f"summary · {language_label(art.segmentation)}"
        self.panel.language_tip = language_tooltip(art.segmentation)
        algorithm, count = self.config.algorithm, self.config.sentences
        summary, error = art.summary(algorithm, count), art.summary_error(algorithm, count)
        self.view.set_current(None, scroll=False)
        if not art.segmentation.sentences:
            self.view.set_summary([])
            self.panel.show_note("no sentences to summarise")
        elif summary is not None:
            self.view.set_summary(art.summary_spans(algorithm, count))
            self.panel.show_summary(art.article.text, summary)
        elif error is not None:
            self.view.set_summary([])
            self.panel.show_note(error, subtitle=f"{algorithm} · failed")
        else:  # the old summary goes at once: the panel says what is being done
            self.view.set_summary([])
            self.panel.show_note(f"summarising with {algorithm}…", subtitle=algorithm)
            self.panel.summarise(self.data, art.path, art.segmentation, algorithm, count)
        if self.state.skim:
            self.view.set_blocks(self.blocks_for(art))
        self.update_status()

    def on_summary_made(self, message: msg.SummaryMade) -> None:
        self.state.get(message.path).add_summary(message.count, message.summary)
        if message.path == self.state.current_path:
            self.show_summary()

    def on_summary_failed(self, message: msg.SummaryFailed) -> None:
        art = self.state.get(message.path)
        art.summary_errors[(message.algorithm, message.count)] = message.error
        if message.path == self.state.current_path:
            self.show_summary()
            self.app.notify(message.error, severity="error", markup=False)

    def _resize_summary(self, step: int) -> None:
        available = self.state.current.sentence_count if self.state.current else 0
        wanted = next_length(self.config.sentences, available, step)
        if wanted is None:
            self.app.bell()
            whole = f"the summary has all {available} sentences" if step > 0 else ""
            self.app.notify(whole or "a summary has at least one sentence", timeout=2)
            return
        self.config.sentences = wanted
        self.tread.save_config()
        self.show_summary()

    def action_more(self) -> None:
        self._resize_summary(1)

    def action_fewer(self) -> None:
        self._resize_summary(-1)

    def set_algorithm(self, name: str) -> None:
        self.config.algorithm = name
        self.tread.save_config()
        self.show_summary()

    def action_next_algorithm(self) -> None:
        names = list(ALGORITHMS)
        current = names.index(self.config.algorithm) if self.config.algorithm in names else -1
        self.set_algorithm(names[(current + 1) % len(names)])

    def _step_summary(self, step: int) -> None:
        art = self.state.current
        pos = self.view.step_summary(art.cycle, step) if art else None
        if pos is None:
            self.app.bell()
            return
        self.panel.mark(pos)
        self.state.note = f"summary {pos + 1}/{len(self.view.summary_spans)}"
        self.update_status()

    def action_next_summary(self) -> None:
        self._step_summary(1)

    def action_previous_summary(self) -> None:
        self._step_summary(-1)

    def on_summary_panel_sentence_selected(self, message: SummaryPanel.SentenceSelected) -> None:
        if self.state.skim:
            self.action_skim()
        self.view.set_current((message.start, message.end))
        self.state.note = f"summary {message.index + 1}/{self.panel.option_count}"
        self.update_status()

    def action_skim(self) -> None:
        self.state.skim = not self.state.skim
        art = self.state.current
        if art is not None and art.article is not None:
            self.view.set_blocks(self.blocks_for(art))
        self.update_status()

    # -- entities --------------------------------------------------------------------
    def on_entities_grew(self, message: msg.EntitiesGrew) -> None:
        """Entities of the part just read (the screen's part first): highlighted at once;
        the index lists them all when the whole text is done."""
        art = self.state.get(message.path)
        if art.entities is not None:
            return
        art.partial_entities.extend(message.entities)
        art.first_entities.set()
        if message.path != self.state.current_path:
            return
        art.partial_entities.sort(key=lambda e: (e.start, e.end))
        self.view.set_entities(art.partial_entities)
        self.view.set_entity_visibility(
            frozenset(self.config.hidden_kinds), self.state.show_entities
        )
        if message.fraction < 1:
            self.index.show_notice(f"finding entities… {message.fraction:.0%}")

    def _steer_entities(self) -> None:
        """The entity search reads where the reader is looking next (a scroll jump)."""
        if (scan := self.index.scan) is not None:
            scan.refocus(*self.view.visible_range())

    def on_entities_found(self, message: msg.EntitiesFound) -> None:
        art = self.state.get(message.path)
        art.first_entities.set()
        art.entities, art.entity_error = message.entities, message.error
        if message.path == self.state.current_path:
            if message.entities is None:
                self.index.show_notice(message.error or "no entities")
            else:
                self.apply_entities()

    def apply_entities(self) -> None:
        art = self.state.current
        if art is None or art.entities is None:
            return
        hidden = frozenset(self.config.hidden_kinds)
        self.view.set_entities(art.entities)
        self.view.set_entity_visibility(hidden, self.state.show_entities)
        self.index.show_entities(art.entities, hidden, art.cycle)

    def on_entity_index_occurrence_chosen(self, message: EntityIndex.OccurrenceChosen) -> None:
        if self.state.skim:  # the occurrence may be folded away
            self.action_skim()
        ent = message.entity
        self.state.note = f"{' '.join(ent.text.split())} {message.number}/{message.total}"
        self.view.set_current((ent.start, ent.end))
        self.update_status()

    def action_toggle_entities(self) -> None:
        self.state.show_entities = not self.state.show_entities
        self._restyle_entities()
        shown = "shown" if self.state.show_entities else "hidden (e shows them)"
        self.app.notify(f"entities {shown}", timeout=2)

    def action_toggle_kind(self, kind: str) -> None:
        if kind in KINDS:
            hidden = set(self.config.hidden_kinds) ^ {kind}
            self.config.hidden_kinds = [k for k in KINDS if k in hidden]
            self.tread.save_config()
            self._restyle_entities()

    def on_entity_index_kind_toggled(self, message: EntityIndex.KindToggled) -> None:
        self.action_toggle_kind(message.kind)

    def _restyle_entities(self) -> None:
        hidden = frozenset(self.config.hidden_kinds)
        self.view.set_entity_visibility(hidden, self.state.show_entities)
        self.index.set_hidden(hidden)
        self.index.border_subtitle = None if self.state.show_entities else "hidden · e"

    # -- the list, marks, help -----------------------------------------------------------
    def action_filter(self) -> None:
        if not self.list_pane.display:
            self._toggle_pane("list")
        self.list_pane.open_filter()

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
