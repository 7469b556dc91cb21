"""Tread, the reader app: the theme, the keymap, the settings and the first screen.
What the reader does is in screens/reader.py."""

from __future__ import annotations

from collections.abc import Iterable
from copy import deepcopy
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from tread.core.article import Article
from tread.core.config import Config, ConfigError, load_config
from tread.ui.background import off_loop
from tread.ui.colours import entity_variables
from tread.ui.data import ReaderData
from tread.ui.library_source import LibrarySource


class Tread(App[None]):
    CSS_PATH = Path(__file__).parent / "tread.tcss"
    TITLE = "tread"

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
        self.data = ReaderData(dict(preloaded or {}), library, None)
        self._config_refused = False

    def get_default_screen(self) -> Screen[Any]:
        from tread.core.entities.languages import ExtractorsByLanguage
        from tread.ui.screens.reader import ReaderScreen

        config = self.config
        extractors = ExtractorsByLanguage(config.entity_backend, config.model or None)
        return ReaderScreen(self.paths, config, self.language, self.data, extractors)

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self._config_warning:
            self.notify(self._config_warning, severity="warning", markup=False)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, and the entity colours made readable on it."""
        variables = super().get_css_variables()
        self.theme_variables = variables | entity_variables(variables)
        return self.theme_variables

    def watch_theme(self, theme: str) -> None:
        if theme != self.config.theme:
            self.config.theme = theme
            self.save_config()

    def save_config(self) -> None:
        """Keep the settings, from a copy: the worker must not see half-made changes."""
        self._save(deepcopy(self.config))

    @work(exclusive=True, group="settings", exit_on_error=False)
    async def _save(self, config: Config) -> None:
        from tread.ui.data import save_settings

        try:
            await off_loop(lambda stop: save_settings(config, stop), "tread-settings")
        except ConfigError as exc:
            if not self._config_refused:  # once: the user has been told already
                self._config_refused = True
                self.notify(f"settings not saved: {exc}", severity="warning", markup=False)
        except OSError as exc:
            self.notify(f"settings not saved: {exc}", severity="warning", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from tread.ui.palette import reader_commands
        from tread.ui.screens.reader import ReaderScreen

        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen):
            yield from reader_commands(screen)
