"""The article list: title, source, length, reading time and a read mark; filterable."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar, Final

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tread.core.analysis import ArticleInfo

SORTS: Final = ("order", "title", "length", "reading time")


class ArticleList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    class ArticleChosen(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, paths: list[str], *, words_per_minute: int = 230,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._order = list(paths)
        self._known = set(paths)
        self._infos: dict[str, ArticleInfo] = {}
        self._read: set[str] = set()
        self._filter = ""
        self._sort = "order"
        self._prompts: dict[str, Text] = {}
        self._position: dict[str, int] = {}
        self._rebuild_pending = False
        self.words_per_minute = words_per_minute

    @property
    def sort(self) -> str:
        return self._sort

    @property
    def shown_paths(self) -> list[str]:
        return [str(self.get_option_at_index(i).id) for i in range(self.option_count)]

    def on_mount(self) -> None:
        self._rebuild()

    def add_infos(self, infos: list[ArticleInfo]) -> None:
        """Record article details; the list is redrawn at most every 0.2 s while they
        stream in, so a folder of thousands of files stays responsive."""
        for info in infos:
            self._infos[info.path] = info
            self._prompts.pop(info.path, None)
            if info.path not in self._known:
                self._known.add(info.path)
                self._order.append(info.path)
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.set_timer(0.2, self._flush)

    def _flush(self) -> None:
        self._rebuild_pending = False
        self._rebuild()

    def info(self, path: str) -> ArticleInfo | None:
        return self._infos.get(path)

    def set_read(self, path: str, read: bool = True) -> None:
        if (path in self._read) == read:
            return
        (self._read.add if read else self._read.discard)(path)
        self._prompts.pop(path, None)
        self._rebuild()

    def is_read(self, path: str) -> bool:
        return path in self._read

    def set_filter(self, text: str) -> None:
        self._filter = text.strip().lower()
        self._rebuild()

    def cycle_sort(self) -> str:
        self._sort = SORTS[(SORTS.index(self._sort) + 1) % len(SORTS)]
        self._rebuild()
        return self._sort

    def _key(self, path: str) -> tuple[object, ...]:
        info = self._infos.get(path)
        if self._sort == "title":
            return ((info.title if info else path).lower(),)
        if self._sort in ("length", "reading time"):
            return (info.words if info else 0,)
        return (self._position[path],)

    def _rebuild(self) -> None:
        highlighted = (self.get_option_at_index(self.highlighted).id
                       if self.highlighted is not None and self.option_count else None)
        paths = list(self._order)
        if self._sort != "order":
            self._position = {p: i for i, p in enumerate(self._order)}
            paths.sort(key=self._key)
        options = []
        for path in paths:
            info = self._infos.get(path)
            if self._filter and info is not None:
                haystack = f"{info.title} {info.source}".lower()
                if self._filter not in haystack:
                    continue
            prompt = self._prompts.get(path)
            if prompt is None:
                prompt = self._prompts[path] = self._prompt(path, info)
            options.append(Option(prompt, id=path))
        self.clear_options()
        self.add_options(options)
        if highlighted is not None:
            with suppress(OptionDoesNotExist):  # filtered out: the cursor stays where it lands
                self.highlighted = self.get_option_index(str(highlighted))

    def _prompt(self, path: str, info: ArticleInfo | None) -> Text:
        unread = path not in self._read
        mark = Text("● " if unread else "  ", style="bold")
        if info is None:
            title, meta, meta_style = Text(path.rsplit("/", 1)[-1]), "loading…", "dim"
        elif info.error:
            title, meta, meta_style = Text(info.title), info.error, "red"
        else:
            minutes = info.minutes(self.words_per_minute)
            title = Text(info.title, style="bold" if unread else "")
            meta, meta_style = f"{minutes} min · {info.words:,} words · {info.source}", "dim"
        prompt = Text.assemble(mark, title, "\n  ", Text(meta, style=meta_style))
        prompt.no_wrap = True
        prompt.overflow = "ellipsis"
        return prompt

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ArticleChosen(str(event.option.id)))

    def action_last(self) -> None:
        if self.option_count:
            self.highlighted = self.option_count - 1

    def action_first(self) -> None:
        if self.option_count:
            self.highlighted = 0
