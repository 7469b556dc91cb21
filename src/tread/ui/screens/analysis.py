"""The reader screen's handling of summaries, skim mode, entities and the language they
are made in: what the summary panel, the entity index and the article view show of the
open article's analysis, and the keys that change it. Part of ReaderScreen (screens/reader.py), kept
apart so that each file reads as one subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tread.core.entities.kinds import KINDS
from tread.core.summarizers.registry import ALGORITHMS
from tread.core.text.detect import AUTO
from tread.ui import messages as msg
from tread.ui.models import language_label, language_tooltip
from tread.ui.state import SUMMARY, next_length, one_line, sentence_at, summary_text
from tread.ui.widgets.entity_index import EntityIndex
from tread.ui.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from textual.app import App

    from tread.core.config import Config
    from tread.core.entities.languages import ExtractorsByLanguage
    from tread.core.entities.registry import EntityExtractor
    from tread.ui.app import Tread
    from tread.ui.data import ReaderData
    from tread.ui.models import Block
    from tread.ui.state import ArticleState, ReaderState
    from tread.ui.widgets.article_view import ArticleView
    from tread.ui.widgets.list_pane import ListPane


class AnalysisHandlers:
    """Mixed into ReaderScreen, which provides what is declared here."""

    if TYPE_CHECKING:
        state: ReaderState
        config: Config
        data: ReaderData
        app: App[None]

        @property
        def tread(self) -> Tread: ...
        @property
        def view(self) -> ArticleView: ...
        @property
        def panel(self) -> SummaryPanel: ...
        @property
        def index(self) -> EntityIndex: ...
        def update_status(self) -> None: ...
        def show_list(self) -> None: ...
        @property
        def list_pane(self) -> ListPane: ...
        def blocks_for(self, art: ArticleState) -> list[Block]: ...
        def open_article(self, path: str) -> None: ...

        language: str
        extractors: ExtractorsByLanguage

    # -- summaries ---------------------------------------------------------------------
    def show_summary(self) -> None:
        art = self.state.current
        if art is None or art.segmentation is None or art.article is None:
            return
        self.panel.border_title = f"summary · {language_label(art.segmentation)}"
        self.panel.language_tip = language_tooltip(art.segmentation)
        algorithm, count = self.config.algorithm, self.config.sentences
        summary, error = art.summary(algorithm, count), art.summary_error(algorithm, count)
        # the mark goes, with the note that named it ("summary 5/5" of a summary no
        # longer shown), and n starts again from where the reader is
        if self.view.current is not None:
            self.state.note = ""
        art.cycle.reset(SUMMARY)
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
    def start_entities(self, art: ArticleState) -> None:
        """Entities of the text just shown: found, or looked for at once (beside the
        segmentation, in the text's language), those on screen first."""
        if art.article is None:
            return
        if art.entities is not None or art.entity_error:
            art.first_entities.set()  # nothing to wait for
            self.view.call_after_refresh(self.view.wrap_rest)
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
        # the rest of the text's lines waited for these: wrapped once they are drawn
        self.view.call_after_refresh(self.view.wrap_rest)
        if message.fraction < 1:
            self.index.show_notice(f"finding entities… {message.fraction:.0%}")
        top, bottom = self.view.visible_range()
        near = max(bottom - top, 1)  # a screen above and below: drawn, the rest later
        if not any(top - near <= e.start < bottom + near for e in message.entities):
            return  # nothing to see there: no need to style the whole text again
        art.partial_entities.sort(key=lambda e: (e.start, e.end))
        self.view.set_entities(art.partial_entities)
        self.view.set_entity_visibility(
            frozenset(self.config.hidden_kinds), self.state.show_entities
        )

    def _steer_entities(self) -> None:
        """The entity search reads where the reader is looking next (a scroll jump)."""
        if (scan := self.index.scan) is not None:
            scan.refocus(*self.view.visible_range())

    def on_entities_found(self, message: msg.EntitiesFound) -> None:
        art = self.state.get(message.path)
        art.first_entities.set()
        art.entities, art.entity_error = message.entities, message.error
        if message.path == self.state.current_path:
            self.view.call_after_refresh(self.view.wrap_rest)
            if message.entities is None:
                self.index.show_notice(message.error or "no entities")
            else:
                self.apply_entities()
            self.update_status()  # the status bar's stage

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

    def on_entity_index_mentions_wanted(self, message: EntityIndex.MentionsWanted) -> None:
        self.show_list()
        self.list_pane.show_mentioning(message.name)

    def on_entity_index_kind_toggled(self, message: EntityIndex.KindToggled) -> None:
        self.action_toggle_kind(message.kind)

    def _restyle_entities(self) -> None:
        hidden = frozenset(self.config.hidden_kinds)
        self.view.set_entity_visibility(hidden, self.state.show_entities)
        self.index.set_hidden(hidden)
        self.index.border_subtitle = None if self.state.show_entities else "hidden · e"

    # -- copying (Textual's copy_to_clipboard: OSC 52, which works over SSH) -----------
    def action_copy(self, what: str) -> None:
        art = self.state.current
        text, done = self._copy_text(art, what) if art and art.article else (None, "")
        if text is None:
            self.app.bell()
            self.app.notify(done or "nothing to copy yet", timeout=2)
            return
        self.app.copy_to_clipboard(text)
        self.app.notify(f"copied {done}", timeout=2, markup=False)

    def action_open_link(self) -> None:
        """The article's web page in the browser. Only an http(s) link is opened (it came
        from the network: never a file or another scheme); with no graphical browser
        here (no display, no $BROWSER) the link is copied instead, since a console
        browser would take the terminal from the reader."""
        import os
        import sys
        import threading
        import webbrowser
        from urllib.parse import urlsplit

        art = self.state.current
        link = art.article.link if art and art.article else None
        if not link or urlsplit(link).scheme.lower() not in ("http", "https"):
            self.app.bell()
            self.app.notify("this article has no web link", timeout=2)
            return
        graphical = sys.platform in ("darwin", "win32") or any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")
        )
        if not graphical:
            self.app.copy_to_clipboard(link)
            self.app.notify("no graphical browser here: the link is copied", timeout=3)
            return
        # webbrowser waits for some browsers to start: never on the event loop
        threading.Thread(
            target=webbrowser.open, args=(link,), name="tread-browser", daemon=True
        ).start()
        self.app.notify("opening the link in the browser", timeout=2)

    def _copy_text(self, art: ArticleState, what: str) -> tuple[str | None, str]:
        """What to copy and what to say about it (or None, and why not)."""
        assert art.article is not None
        text = art.article.text
        if what == "link":
            link = art.article.link
            return (link, "the link") if link else (None, "this article has no link")
        if what == "summary":
            summary = art.summary(self.config.algorithm, self.config.sentences)
            if summary is None or not summary.sentences:
                return None, "no summary yet"
            return summary_text(text, summary), f"the summary ({len(summary.sentences)} sentences)"
        if art.segmentation is None:
            return None, "the sentences are not found yet"
        offset = (self.view.current or (self.view.visible_range()[0], 0))[0]
        sentence = sentence_at(art.segmentation, offset)
        if sentence is None:
            return None, "no sentence here"
        return one_line(text[sentence.start : sentence.end]), f"sentence {sentence.index + 1}"
