"""The article list: title, source, length, reading time and a read mark; filterable.

Two lines an article, drawn with Textual's line API: only the rows on screen are ever
rendered, so ten thousand articles open, scroll and filter as fast as ten.
"""

from __future__ import annotations

from typing import ClassVar, Final

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tread.ui.actions import bindings
from tread.ui.models import ArticleInfo
from tread.ui.state import reading_time

SORTS: Final = ("order", "title", "length")
ROW: Final = 2  # lines per article


class ArticleList(ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--cursor", "article-list--error"}
    BINDINGS: ClassVar[list[BindingType]] = bindings("list")

    class Changed(Message):
        """What the list shows changed (filter, sort, new articles): for its title."""

    class ArticleChosen(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(
        self, paths: list[str], *, words_per_minute: int = 230, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._order = list(paths)
        self._known = set(paths)
        self._position: dict[str, int] = {p: i for i, p in enumerate(paths)}
        self._infos: dict[str, ArticleInfo] = {}
        self._read: set[str] = set()
        self._filter = ""
        self._also: set[str] = set()
        #: only these (articles mentioning an entity), and what they have in common
        self._only: set[str] | None = None
        self._only_label = ""
        self._sort = "order"
        self._shown: list[str] = []
        self._cursor = 0
        self._prompts: dict[str, tuple[Text, Text]] = {}
        self._rebuild_pending = False
        self.words_per_minute = words_per_minute

    # -- state ---------------------------------------------------------------------
    @property
    def sort(self) -> str:
        return self._sort

    @property
    def shown_paths(self) -> list[str]:
        return list(self._shown)

    @property
    def option_count(self) -> int:
        return len(self._shown)

    @property
    def total(self) -> int:
        return len(self._order)

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def only_label(self) -> str:
        """What the list is narrowed to besides the filter ("" when it is not)."""
        return self._only_label

    def set_only(self, paths: set[str] | None, label: str = "") -> None:
        """Show only ``paths`` (None: every article again), the filter still applying."""
        self._only, self._only_label = paths, label if paths is not None else ""
        self._rebuild()

    @property
    def updating(self) -> bool:
        """Details have arrived that are not drawn yet (drawn within 0.2 s)."""
        return self._rebuild_pending

    @property
    def highlighted_path(self) -> str | None:
        return self._shown[self._cursor] if self._shown else None

    def on_mount(self) -> None:
        self._rebuild()

    def add_infos(self, infos: list[ArticleInfo], *, front: bool = False) -> None:
        """Record article details; the list is redrawn at most every 0.2 s while they
        stream in. New articles go at the end, or (``front``) at the top."""
        new = []
        for info in infos:
            self._infos[info.path] = info
            self._prompts.pop(info.path, None)
            if info.read:
                self._read.add(info.path)
            if info.path not in self._known:
                self._known.add(info.path)
                new.append(info.path)
        if new:
            self._order = new + self._order if front else self._order + new
            self._position = {p: i for i, p in enumerate(self._order)}
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
        self.refresh()
        self.post_message(self.Changed())  # the unread count

    def set_all_read(self, paths: list[str]) -> None:
        self._read.update(paths)
        for path in paths:
            self._prompts.pop(path, None)
        self.refresh()
        self.post_message(self.Changed())

    def remove_path(self, path: str) -> None:
        """Take an article out of the list (removed from the library)."""
        if path in self._position:
            self._order.remove(path)
            self._position = {p: i for i, p in enumerate(self._order)}
            self._infos.pop(path, None)
            self._read.discard(path)
            self._rebuild()

    def is_read(self, path: str) -> bool:
        return path in self._read

    def set_filter(self, text: str, also: set[str] | None = None) -> None:
        """Show the articles whose title or source holds ``text``, and those in ``also``
        (e.g. the library's full-text matches)."""
        self._filter = text.strip().lower()
        self._also = also or set()
        self._rebuild()

    def cycle_sort(self) -> str:
        self._sort = SORTS[(SORTS.index(self._sort) + 1) % len(SORTS)]
        self._rebuild()
        return self._sort

    def neighbour(self, path: str | None, step: int) -> str | None:
        """The article ``step`` rows from ``path`` in the list as shown (the first or
        last when ``path`` is not shown); None past either end."""
        if not self._shown:
            return None
        if path not in self._shown:
            return self._shown[0 if step > 0 else -1]
        index = self._shown.index(path) + step
        return self._shown[index] if 0 <= index < len(self._shown) else None

    def next_unread(self, path: str | None) -> str | None:
        """The first unread article after ``path`` in the list as shown, from the top
        again past the end; None when every other one is read."""
        shown = self._shown
        start = shown.index(path) + 1 if path in shown else 0
        for candidate in shown[start:] + shown[:start]:
            if candidate != path and candidate not in self._read:
                return candidate
        return None

    @property
    def unread_count(self) -> int:
        return sum(1 for p in self._order if p not in self._read)

    def select_path(self, path: str) -> bool:
        """Put the cursor on ``path`` if it is shown."""
        try:
            self._cursor = self._shown.index(path)
        except ValueError:
            return False
        self._cursor_into_view()
        self.refresh()
        return True

    def _key(self, path: str) -> tuple[object, ...]:
        info = self._infos.get(path)
        if self._sort == "title":
            return ((info.title if info else path).lower(),)
        if self._sort == "length":
            return (info.words if info else 0,)
        return (self._position[path],)

    def _matches(self, path: str) -> bool:
        if self._only is not None and path not in self._only:
            return False
        if not self._filter or path in self._also:
            return True
        info = self._infos.get(path)
        haystack = f"{info.title} {info.source}" if info else path
        return self._filter in haystack.lower()

    def _rebuild(self) -> None:
        current = self.highlighted_path
        paths = [p for p in self._order if self._matches(p)]
        if self._sort != "order":
            paths.sort(key=self._key)
        self._shown = paths
        self._cursor = paths.index(current) if current in paths else 0
        self.virtual_size = Size(0, ROW * len(paths))  # rows fit the width: no x scroll
        self._cursor_into_view()
        self.refresh()
        self.post_message(self.Changed())

    # -- movement ------------------------------------------------------------------
    def _cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        top = self._cursor * ROW
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW > self.scroll_y + height:
            self.scroll_to(y=top + ROW - height, animate=False)

    def _move_to(self, index: int) -> None:
        if not self._shown:
            return
        self._cursor = max(0, min(len(self._shown) - 1, index))
        self._cursor_into_view()
        self.refresh()

    def action_move(self, step: int) -> None:
        self._move_to(self._cursor + step)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._shown) - 1)

    def action_page(self, direction: int) -> None:
        rows = max(1, (self.scrollable_content_region.height or 2) // ROW)
        self._move_to(self._cursor + direction * rows)

    def action_choose(self) -> None:
        if self._shown:
            self.post_message(self.ArticleChosen(self._shown[self._cursor]))

    def on_click(self, event: events.Click) -> None:
        row = (event.y + int(self.scroll_y)) // ROW
        if 0 <= row < len(self._shown):
            self._move_to(row)
            self.action_choose()

    # -- rendering -----------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        line = int(self.scroll_y) + y
        row, part = divmod(line, ROW)
        base = self.rich_style
        if not self._shown and self._filter and line == 0:
            note = Text(f"  no match for “{self._filter}”", style="italic")
            note.truncate(width, overflow="ellipsis", pad=True)
            return Strip(list(note.render(self.app.console))).apply_style(base)
        if row >= len(self._shown):
            return Strip.blank(width, base)
        path = self._shown[row]
        prompt = self._prompts.get(path)
        if prompt is None:
            prompt = self._prompts[path] = self._prompt(path, self._infos.get(path))
        text = prompt[part].copy()
        text.truncate(width, overflow="ellipsis", pad=True)
        style = base
        if row == self._cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
        segments = [
            Segment(seg.text, style + seg.style if seg.style else style)
            for seg in text.render(self.app.console)
        ]
        return Strip(segments).crop_extend(0, width, style)

    def _prompt(self, path: str, info: ArticleInfo | None) -> tuple[Text, Text]:
        unread = path not in self._read
        mark = Text("● " if unread else "  ", style="bold")
        if info is None:
            from tread.core.text.sanitize import one_line_safe

            title = Text(one_line_safe(path.rsplit("/", 1)[-1]))
            meta = Text("  loading…", style="dim")
        elif info.error:
            title = Text(info.title)
            meta = Text(
                f"  {info.error}",
                style=self.get_component_rich_style("article-list--error", partial=True),
            )
        else:
            minutes = info.minutes(self.words_per_minute)
            title = Text(info.title, style="bold" if unread else "")
            star = "★ " if info.starred else ""
            meta = Text(
                f"  {star}{reading_time(minutes)} · {info.words:,} words · {info.source}",
                style="dim",
            )
        return Text.assemble(mark, title, no_wrap=True), meta

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._prompts.clear()
