"""The reader's list, pane, read-mark, library and theme actions (mixed into Tread)."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input

from tread.core.config import Config, ConfigError, save_config
from tread.core.errors import TreadError
from tread.core.store.read_marks import ReadMarks
from tread.ui.library_source import LibrarySource, is_library_path
from tread.ui.screens.help import HelpScreen
from tread.ui.widgets.article_list import ArticleList
from tread.ui.workers import AnalysisWorkers


class ReaderActions(AnalysisWorkers):
    config: Config
    #: the config file did not parse and the user has been told it is not saved
    _config_refused: bool = False
    current_path: str | None
    library: LibrarySource | None
    read_state: ReadMarks
    _newest_library_id: int

    def action_help(self) -> None:
        from tread.ui.help_rows import help_rows

        self.push_screen(HelpScreen(help_rows(self)))

    def action_filter(self) -> None:
        self.query_one("#list-pane").display = True
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus:
            field.value = ""
            self.query_one(ArticleList).focus()

    def _toggle_pane(self, pane_id: str, other_id: str) -> bool:
        """Show or hide a pane; on a narrow screen showing one hides the other."""
        pane = self.query_one(pane_id)
        pane.display = not pane.display
        if pane.display and self.screen.has_class("-narrow"):
            self.query_one(other_id).display = False
        return bool(pane.display)

    def action_toggle_list(self) -> None:
        self.config.show_list = self._toggle_pane("#list-pane", "#side-pane")
        self._save()

    def action_toggle_side(self) -> None:
        self.config.show_side = self._toggle_pane("#side-pane", "#list-pane")
        self._save()

    def action_cycle_sort(self) -> None:
        order = self.query_one(ArticleList).cycle_sort()
        self.notify(f"list sorted by {order}", timeout=2)

    def action_toggle_read(self) -> None:
        if self.current_path is not None:
            articles = self.query_one(ArticleList)
            self._mark_read(self.current_path, not articles.is_read(self.current_path))

    def _mark_read(self, path: str, read: bool) -> None:
        if is_library_path(path) and self.library is not None:
            try:
                self.library.mark(path, read=read)
            except TreadError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
        else:
            self.read_state.set(path, read)
        self.query_one(ArticleList).set_read(path, read)

    def action_toggle_star(self) -> None:
        path = self.current_path
        if path is None or self.library is None or not is_library_path(path):
            self.notify("stars are for library articles (tread add)", timeout=3)
            return
        articles = self.query_one(ArticleList)
        info = articles.info(path)
        if info is None:
            return
        starred = not info.starred
        try:
            self.library.mark(path, starred=starred)
        except TreadError as exc:  # a read-only, damaged or full library
            self.notify(str(exc), severity="error", markup=False)
            return
        articles.add_infos([replace(info, starred=starred, read=articles.is_read(path))])

    def _poll_library(self) -> None:
        if self.library is None:
            return
        try:
            newest = self.library.newest_id()
            if newest <= self._newest_library_id:
                return
            infos, newest = self.library.listing(after_id=self._newest_library_id)
        except TreadError:
            return
        self._newest_library_id = newest
        self.query_one(ArticleList).add_infos(infos, front=True)
        self.notify(f"{len(infos)} new article(s) in the library", timeout=3)

    def _save(self) -> None:
        try:
            save_config(self.config)
        except ConfigError as exc:
            if not self._config_refused:  # once: the user has been told already
                self._config_refused = True
                self.notify(f"settings not saved: {exc}", severity="warning", markup=False)
        except OSError as exc:
            self.notify(f"settings not saved: {exc}", severity="warning", markup=False)

    def watch_theme(self, theme: str) -> None:
        if theme != self.config.theme:
            self.config.theme = theme
            self._save()
