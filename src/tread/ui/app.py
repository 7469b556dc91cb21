"""Tread: the reader app. Three panes: article list, article, summary and entities."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input

from tread.core.article import Article, Entity, Summary
from tread.core.config import Config, load_config
from tread.core.entities.kinds import KINDS
from tread.core.entities.registry import make_extractor
from tread.core.errors import TreadError
from tread.core.store.read_marks import ReadMarks
from tread.core.summarizers.registry import ALGORITHMS
from tread.ui import messages as msg
from tread.ui.actions import ReaderActions
from tread.ui.bindings import READER_BINDINGS
from tread.ui.library_source import LibrarySource
from tread.ui.models import Analysis
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.article_view import ArticleView, Block, title_content
from tread.ui.widgets.entity_index import EntityIndex, EntityKey
from tread.ui.widgets.summary_panel import SummaryPanel

NARROW = 110
LIBRARY_POLL = 5.0  # seconds between looks for articles added by another process
MAX_SENTENCES = 50


class Tread(ReaderActions):
    CSS_PATH = Path(__file__).parent / "tread.tcss"
    TITLE = "tread"
    BINDINGS: ClassVar[list[BindingType]] = list(READER_BINDINGS)

    def __init__(
        self,
        paths: list[str],
        *,
        language: str | None = None,
        preloaded: dict[str, Article] | None = None,
        config: Config | None = None,
        library: LibrarySource | None = None,
    ) -> None:
        super().__init__()
        loaded, self._config_warning = (config, None) if config else load_config()
        self.config: Config = loaded
        self.language = language or self.config.language
        self.paths = paths
        self.preloaded: dict[str, Article] = dict(preloaded or {})
        self.library = library
        self._newest_library_id = 0
        self.read_state = ReadMarks()
        self.current_path: str | None = None
        self.skim = False
        self._analyses: dict[str, Analysis] = {}
        self._summaries: dict[tuple[str, str, int], Summary] = {}
        self._entities: dict[str, list[Entity]] = {}
        self._entity_error: str | None = None
        self._summary_pos = -1
        self._entity_pos: dict[EntityKey, int] = {}
        self._show_entities = True
        self._note = ""  # shown before the reading progress under the article
        self._extractor = make_extractor(
            self.config.entity_backend, model=self.config.model or None
        )

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="/ filter", id="filter")
                yield ArticleList(
                    self.paths, words_per_minute=self.config.words_per_minute, id="articles"
                )
            yield ArticleView(id="article")
            with Vertical(id="side-pane"):
                yield SummaryPanel(id="summary")
                yield EntityIndex(id="entities")
        yield Footer()

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        if self.config.keys:
            self.set_keymap(self.config.keys)
        self.query_one("#summary", SummaryPanel).border_title = "summary"
        self.query_one("#entities", EntityIndex).border_title = "entities"
        self.query_one("#list-pane").display = self.config.show_list
        self.query_one("#side-pane").display = self.config.show_side
        articles = self.query_one(ArticleList)
        for path in self.paths:
            if self.read_state.is_read(path):
                articles.set_read(path)
        if self._config_warning:
            self.notify(self._config_warning, severity="warning", markup=False)
        self._apply_width(self.size.width)
        first = self.config.last_article if self.config.last_article in self.paths else None
        start = first or (self.paths[0] if self.paths else None)
        if start is not None:
            self.call_after_refresh(self.open_article, start)
        # the list details (titles, lengths) stream in once the first frame is up
        self.call_after_refresh(self.list_articles, self.paths)
        if self.library is not None:  # show what a `tread refresh` elsewhere adds
            self._newest_library_id = self.library.newest_id()
            self.set_interval(LIBRARY_POLL, self._poll_library)
        self.query_one(ArticleView).focus()

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW
        self.screen.set_class(narrow, "-narrow")
        side, listing = self.query_one("#side-pane"), self.query_one("#list-pane")
        if narrow and side.display and listing.display:
            side.display = False  # at 80 columns: list + text; `]` swaps in the side pane

    # -- opening articles ----------------------------------------------------------
    def open_article(self, path: str) -> None:
        self.current_path = path
        self._note = ""
        self._summary_pos = -1
        self._entity_pos.clear()
        self.config.last_article = path
        self._save()
        self.query_one(ArticleList).select_path(path)
        analysis = self._analyses.get(path)
        if analysis is not None:  # cached: show at once
            self._show_text(path, analysis.article, self._blocks(analysis))
            self._show_analysis(path, analysis)
            return
        self.query_one("#summary", SummaryPanel).show_summary("", None)
        self.query_one(EntityIndex).show_notice("waiting for the text…")
        self.analyse(path, self.language, self.config.algorithm, self.config.sentences)

    def _show_text(self, path: str, article: Article, blocks: list[Block]) -> None:
        view = self.query_one(ArticleView)
        view.show(article.text, blocks)
        info = self.query_one(ArticleList).info(path)
        view.border_title = title_content(info.title if info else Path(path).name)
        if self.config.mark_read_on_open:
            self._mark_read(path, True)

    def _blocks(self, analysis: Analysis) -> list[Block]:
        from tread.ui.skim import normal_blocks, skim_blocks

        summary = self._summary_for(analysis)
        if self.skim and summary is not None:
            return skim_blocks(analysis.segmentation, summary)
        return normal_blocks(analysis.segmentation)

    def _summary_for(self, analysis: Analysis) -> Summary | None:
        key = (analysis.path, self.config.algorithm, self.config.sentences)
        return self._summaries.get(key, analysis.summary)

    def on_article_loaded(self, message: msg.ArticleLoaded) -> None:
        if message.path == self.current_path:
            self._show_text(message.path, message.article, message.blocks)
            self.query_one(EntityIndex).show_notice("analysing…")
        self.call_after_refresh(message.shown.set)

    def on_article_analysed(self, message: msg.ArticleAnalysed) -> None:
        self._analyses[message.path] = message.analysis
        if message.analysis.summary is not None:
            key = (message.path, message.analysis.summary.algorithm, self.config.sentences)
            self._summaries[key] = message.analysis.summary
        if message.path == self.current_path:
            self._show_analysis(message.path, message.analysis)

    def on_analysis_failed(self, message: msg.AnalysisFailed) -> None:
        if message.path != self.current_path:
            return
        view = self.query_one(ArticleView)
        if not view.text:
            view.show("", [])
        view.border_title = title_content(f"{Path(message.path).name}: {message.error}")
        self.query_one("#summary", SummaryPanel).show_summary("", None, note=message.error)
        self.query_one(EntityIndex).show_notice("no entities")
        self.notify(f"{message.path}: {message.error}", severity="error", markup=False)

    def _show_analysis(self, path: str, analysis: Analysis) -> None:
        summary = self._summary_for(analysis)
        self._apply_summary(analysis, summary)
        if path in self._entities:
            self._apply_entities(self._entities[path])
        elif self._entity_error:
            self.query_one(EntityIndex).show_notice(self._entity_error)
        else:
            self.query_one(EntityIndex).show_notice("finding entities…")
            self.find_entities(path, analysis.article.text, self._extractor)

    def _apply_summary(self, analysis: Analysis, summary: Summary | None) -> None:
        view = self.query_one(ArticleView)
        panel = self.query_one("#summary", SummaryPanel)
        text = analysis.article.text
        if summary is None:
            view.set_summary([])
            panel.show_summary(text, None, note="no sentences to summarise")
            return
        view.set_summary([(s.start, s.end) for s in summary.sentences])
        panel.show_summary(text, summary)
        self._summary_pos = -1
        if self.skim:
            view.set_blocks(self._blocks(analysis))

    def on_summary_made(self, message: msg.SummaryMade) -> None:
        key = (message.path, message.summary.algorithm, self.config.sentences)
        self._summaries[key] = message.summary
        analysis = self._analyses.get(message.path)
        if message.path == self.current_path and analysis is not None:
            self._apply_summary(analysis, message.summary)

    def on_entities_found(self, message: msg.EntitiesFound) -> None:
        if message.entities is None:
            self._entity_error = message.error
            self.query_one(EntityIndex).show_notice(message.error or "no entities")
            return
        self._entities[message.path] = message.entities
        if message.path == self.current_path:
            self._apply_entities(message.entities)

    def _apply_entities(self, entities: list[Entity]) -> None:
        hidden = frozenset(self.config.hidden_kinds)
        self.query_one(ArticleView).set_entities(entities)
        self.query_one(ArticleView).set_entity_visibility(hidden, self._show_entities)
        self.query_one(EntityIndex).show_entities(entities, hidden)

    def on_articles_listed(self, message: msg.ArticlesListed) -> None:
        articles = self.query_one(ArticleList)
        articles.add_infos(message.infos)
        if self.current_path is not None:
            info = articles.info(self.current_path)
            if info is not None:
                title = f"{info.title}: {info.error}" if info.error else info.title
                self.query_one(ArticleView).border_title = title_content(title)

    # -- widget messages -----------------------------------------------------------
    def on_article_list_article_chosen(self, message: ArticleList.ArticleChosen) -> None:
        self.open_article(message.path)
        self.query_one(ArticleView).focus()

    def on_summary_panel_sentence_selected(self, message: SummaryPanel.SentenceSelected) -> None:
        self.query_one(ArticleView).set_current((message.start, message.end))

    def on_entity_index_entity_chosen(self, message: EntityIndex.EntityChosen) -> None:
        index = self.query_one(EntityIndex)
        occurrences = index.occurrences(message.key)
        if not occurrences:
            return
        pos = (self._entity_pos.get(message.key, -1) + 1) % len(occurrences)
        self._entity_pos[message.key] = pos
        ent = occurrences[pos]
        view = self.query_one(ArticleView)
        if self.skim:
            self.action_skim()
        self._note = f"{' '.join(ent.text.split())} {pos + 1}/{len(occurrences)}"
        view.set_current((ent.start, ent.end))
        self._update_subtitle()

    def on_entity_index_kind_toggled(self, message: EntityIndex.KindToggled) -> None:
        self.action_toggle_kind(message.kind)

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        view = self.query_one(ArticleView)
        progress = view.progress
        info = self.query_one(ArticleList).info(self.current_path or "")
        parts = ["skim"] if self.skim else []
        parts += [self._note] if self._note else []
        if info is not None and not info.error and not self._note:
            parts.append(f"{info.source} · {info.words:,} words")
        parts.append(f"{round(progress * 100)}%")
        if info is not None:
            minutes = info.minutes(self.config.words_per_minute) * (1 - progress)
            if minutes >= 0.5:
                parts.append(f"{round(minutes)} min left")
        view.border_subtitle = title_content(" · ".join(parts))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            also: set[str] = set()
            if self.library is not None and len(event.value.strip()) >= 2:
                try:  # the library's full-text index: words in the text match too
                    also = self.library.search(event.value)
                except TreadError:
                    also = set()
            self.query_one(ArticleList).set_filter(event.value, also)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one(ArticleList).focus()

    # -- actions -------------------------------------------------------------------
    def _summary_spans(self) -> list[tuple[int, int]]:
        analysis = self._analyses.get(self.current_path or "")
        summary = self._summary_for(analysis) if analysis else None
        return [(s.start, s.end) for s in summary.sentences] if summary else []

    def _jump_summary(self, step: int) -> None:
        spans = self._summary_spans()
        if not spans:
            self.bell()
            return
        if self._summary_pos < 0:
            top = self.query_one(ArticleView).visible_range()[0]
            after = [i for i, (s, _) in enumerate(spans) if s >= top]
            pos = (
                (after[0] if after else 0)
                if step > 0
                else ((after[0] - 1 if after else len(spans) - 1) % len(spans))
            )
        else:
            pos = (self._summary_pos + step) % len(spans)
        self._summary_pos = pos
        self._note = f"summary {pos + 1}/{len(spans)}"
        self.query_one(ArticleView).set_current(spans[pos])
        self._update_subtitle()

    def action_next_summary(self) -> None:
        self._jump_summary(1)

    def action_previous_summary(self) -> None:
        self._jump_summary(-1)

    def _resummarize(self) -> None:
        self._save()
        analysis = self._analyses.get(self.current_path or "")
        if analysis is None or not analysis.segmentation.sentences:
            return
        key = (analysis.path, self.config.algorithm, self.config.sentences)
        if key in self._summaries:
            self._apply_summary(analysis, self._summaries[key])
        else:
            self.query_one("#summary", SummaryPanel).show_summary("", None)
            self.resummarize(
                analysis.path, analysis.segmentation, self.config.algorithm, self.config.sentences
            )

    def action_more(self) -> None:
        self.config.sentences = min(MAX_SENTENCES, self.config.sentences + 1)
        self._resummarize()

    def action_fewer(self) -> None:
        self.config.sentences = max(1, self.config.sentences - 1)
        self._resummarize()

    def set_algorithm(self, name: str) -> None:
        self.config.algorithm = name
        self._resummarize()
        self.notify(f"summary: {name}", timeout=2)

    def action_next_algorithm(self) -> None:
        names = list(ALGORITHMS)
        current = names.index(self.config.algorithm) if self.config.algorithm in names else -1
        self.set_algorithm(names[(current + 1) % len(names)])

    def action_skim(self) -> None:
        self.skim = not self.skim
        analysis = self._analyses.get(self.current_path or "")
        if analysis is not None:
            self.query_one(ArticleView).set_blocks(self._blocks(analysis))
        self._update_subtitle()

    def action_toggle_entities(self) -> None:
        self._show_entities = not self._show_entities
        self._refresh_entity_styles()

    def action_toggle_kind(self, kind: str) -> None:
        hidden = set(self.config.hidden_kinds)
        hidden ^= {kind}
        self.config.hidden_kinds = [k for k in KINDS if k in hidden]
        self._save()
        self._refresh_entity_styles()

    def _refresh_entity_styles(self) -> None:
        hidden = frozenset(self.config.hidden_kinds)
        self.query_one(ArticleView).set_entity_visibility(hidden, self._show_entities)
        self.query_one(EntityIndex).set_hidden(hidden)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from tread.ui.palette import tread_commands

        yield from super().get_system_commands(screen)
        yield from tread_commands(self)
