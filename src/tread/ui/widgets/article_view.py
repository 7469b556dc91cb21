"""The article text: wrapped to the pane, entities and summary sentences styled from
their offsets, and only the visible lines rendered (Textual's line API)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import ClassVar, Final

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from tread.core.article import Entity
from tread.core.entities.kinds import KINDS
from tread.ui.actions import bindings
from tread.ui.models import Block
from tread.ui.state import SUMMARY, Cycle, first_summary_step, minutes_left, reading_time
from tread.ui.wrap import wrap_lines, wrap_offsets

MAX_WIDTH: Final = 88
_FIRST_LINES: Final = 400  # lines wrapped before the first paint of a new article
#: seconds at most the rest of a new article's lines wait for wrap_rest() (the screen
#: calls it once the entities on screen are in)
_REST_WAIT: Final = 1.0
_DISPLAY: Final = str.maketrans({"\n": " ", "\t": " ", "\r": " "})
_HEADER: Final = -2  # the block number of the metadata lines above the text
_BLANK: Final = -1


@dataclass(frozen=True, slots=True)
class _Line:
    block: int  # _BLANK between blocks, _HEADER for metadata
    start: int
    end: int


class ArticleView(ScrollView, can_focus=True):
    """Scrollable article text. All styling comes from offsets: never from markup."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--heading",
        "article-view--summary",
        "article-view--current",
        "article-view--gap",
        "article-view--meta",
        "article-view--match",
        *(f"article-view--{kind}" for kind in KINDS),
    }
    BINDINGS: ClassVar[list[BindingType]] = bindings("article")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = self._display = ""
        self._header: list[str] = []
        self._header_lines: list[str] = []  # the header, wrapped to the width
        self._blocks: list[Block] = []
        self._lines: list[_Line] = []
        self._line_starts: list[int] = []
        self._entities: list[Entity] = []
        self._entity_starts: list[int] = []
        self._summary: list[tuple[int, int]] = []
        self._current: tuple[int, int] | None = None
        self._matches: list[tuple[int, int]] = []  # what find found, sorted
        self._hidden_kinds: frozenset[str] = frozenset()
        self._show_entities = True
        self._wrap_width = 0
        self._margin = 1
        self._cache: dict[int, Strip] = {}
        self._wrapped_blocks = 0
        self._rest_timer: Timer | None = None
        self._status = ("", 0, 230)  # what comes before the progress; words; words/minute

    # -- content -------------------------------------------------------------------
    def show(self, text: str, blocks: list[Block], header: list[str] | None = None) -> None:
        """A new article (or none: empty text): styles and the position start afresh."""
        self._text = text
        self._display = text.translate(_DISPLAY)  # same length: offsets hold
        self._header = list(header or [])
        self._blocks = blocks
        self._entities, self._entity_starts = [], []
        self._summary, self._current, self._matches = [], None, []
        self._rewrap(force=True, hold=True)
        self.scroll_to(0, 0, animate=False)

    def grow(self, text: str, blocks: list[Block]) -> None:
        """More of the same text (``text`` starts with what is shown): the reader stays
        where it is."""
        self._text = text
        self._display = text.translate(_DISPLAY)
        self._blocks = blocks
        self._rewrap(force=True)

    def set_blocks(self, blocks: list[Block]) -> None:
        self._blocks = blocks
        self._rewrap(force=True)

    def set_entities(self, entities: list[Entity]) -> None:
        self._entities = entities
        self._entity_starts = [e.start for e in entities]
        self._restyle()

    def set_summary(self, spans: list[tuple[int, int]]) -> None:
        self._summary = sorted(spans)
        self._restyle()

    def set_matches(self, spans: list[tuple[int, int]]) -> None:
        """Mark what find found (spans in order, as find_matches gives them)."""
        self._matches = spans
        self._restyle()

    def set_entity_visibility(self, hidden_kinds: frozenset[str], show: bool) -> None:
        self._hidden_kinds, self._show_entities = hidden_kinds, show
        self._restyle()

    def set_current(self, span: tuple[int, int] | None, *, scroll: bool = True) -> None:
        self._current = span
        self._restyle()
        if span is not None and scroll:
            self.scroll_to_offset(span[0])

    def step_summary(self, cycle: Cycle, step: int) -> int | None:
        """Mark the next (``step`` 1) or previous (-1) summary sentence and scroll to
        it; the first step goes to the one nearest the top of the view. Returns its
        number (from 0), or None when there is no summary."""
        spans = self._summary
        if not spans:
            return None
        first = None
        if cycle.position(SUMMARY) is None:
            first = first_summary_step(spans, self.visible_range()[0], step)
        pos = cycle.step(SUMMARY, len(spans), step, first)
        self.set_current(spans[pos])
        return pos

    @property
    def text(self) -> str:
        return self._text

    @property
    def entities(self) -> list[Entity]:
        """The entities highlighted (all, or those found so far)."""
        return list(self._entities)

    @property
    def blocks(self) -> list[Block]:
        return list(self._blocks)

    @property
    def current(self) -> tuple[int, int] | None:
        """The span marked by ``n``/``N`` or an entity jump."""
        return self._current

    @property
    def matches(self) -> list[tuple[int, int]]:
        """What find marked."""
        return list(self._matches)

    @property
    def summary_spans(self) -> list[tuple[int, int]]:
        return list(self._summary)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def wrap_width(self) -> int:
        return self._wrap_width

    def line_of(self, offset: int) -> int:
        """The index of the line that shows character ``offset``."""
        if (
            self._wrapped_blocks < len(self._blocks)
            and offset >= self._blocks[self._wrapped_blocks].start
        ):
            self.wrap_rest()  # a line not wrapped yet: wrapped now
        if not self._lines:
            return 0
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def visible_range(self) -> tuple[int, int]:
        """Character offsets of the first and last line on screen."""
        if not self._lines:
            return 0, 0
        top = min(int(self.scroll_offset.y), len(self._lines) - 1)
        bottom = min(top + self.scrollable_content_region.height, len(self._lines)) - 1
        return self._lines[top].start, self._lines[max(top, bottom)].end

    def scroll_to_offset(self, offset: int, *, at_top: bool = False) -> None:
        """Bring character ``offset`` into view: a third of the way down, or at the top."""
        line = self.line_of(offset)
        height = self.scrollable_content_region.height
        target = line if at_top else max(0, line - max(1, height // 3))
        self.scroll_to(y=target, animate=False)

    def plain_lines(self) -> list[str]:
        """Every wrapped line as plain text (what a screen reader would get)."""
        self.wrap_rest()
        return [self._plain(ln) for ln in self._lines]

    def _plain(self, line: _Line) -> str:
        if line.block == _HEADER:
            return self._header_lines[line.start]
        return self._display[line.start : line.end].rstrip() if line.block >= 0 else ""

    # -- layout --------------------------------------------------------------------
    def on_resize(self) -> None:
        self._rewrap()

    def _rewrap(self, force: bool = False, hold: bool = False) -> None:
        region = self.scrollable_content_region.width or self.size.width
        width = max(10, min(MAX_WIDTH, region - 2))
        if not force and width == self._wrap_width:
            return
        anchor = self.visible_range()[0] if self._lines and not force else None
        self._wrap_width = width
        self._margin = max(1, (region - width) // 2)
        # the header wrapped too: a long link or "could not be read: ..." is read whole
        self._header_lines = [ln for entry in self._header for ln in wrap_lines(entry, width)]
        self._lines = [_Line(_HEADER, i, 0) for i in range(len(self._header_lines))]
        if self._header:
            self._lines.append(_Line(_BLANK, 0, 0))
        self._line_starts = [0] * len(self._lines)
        self._wrapped_blocks = 0
        # a new long article: wrap the first screens now, the rest after the first paint,
        # or (``hold``) when wrap_rest() is called
        self._wrap_more(_FIRST_LINES if force and anchor is None else None)
        if self._rest_timer is not None:
            self._rest_timer.stop()
            self._rest_timer = None
        if self._wrapped_blocks < len(self._blocks):
            if hold:
                self._rest_timer = self.set_timer(_REST_WAIT, self.wrap_rest)
            else:
                self.call_after_refresh(self._wrap_more, None)
        if anchor is not None:
            self.scroll_to(y=self.line_of(anchor), animate=False)
        self._show_status()

    def wrap_rest(self) -> None:
        """Wrap the lines past a new article's first screens, if still waiting.

        They wait for it (or for _REST_WAIT, a scroll near them, or an offset among
        them): wrapping a book's 14,000 lines takes the interpreter for 0.1-0.2 s, and
        spaCy's batch of the entities on screen, in its thread, would wait that long."""
        if self._rest_timer is not None:
            self._rest_timer.stop()
            self._rest_timer = None
        if self._wrapped_blocks < len(self._blocks):
            self._wrap_more(None)

    def _wrap_more(self, limit: int | None) -> None:
        """Wrap further blocks (all of them, or until ``limit`` lines exist)."""
        width = self._wrap_width
        lines, starts = self._lines, self._line_starts
        index = self._wrapped_blocks
        while index < len(self._blocks) and (limit is None or len(lines) < limit):
            block = self._blocks[index]
            if index:
                lines.append(_Line(_BLANK, block.start, block.start))
            if block.kind == "gap":
                lines.append(_Line(index, block.start, block.start))
            else:
                lines += [
                    _Line(index, s, e)
                    for s, e in wrap_offsets(self._display, block.start, block.end, width)
                ]
            index += 1
        starts += [ln.start for ln in lines[len(starts) :]]
        self._wrapped_blocks = index
        self._cache.clear()
        self.virtual_size = Size(width + self._margin, len(lines))
        self.refresh()

    def _restyle(self) -> None:
        self._cache.clear()
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._rest_timer is not None and new + 2 * self.size.height >= len(self._lines):
            self.wrap_rest()  # near the end of what is wrapped: the rest before it shows
        self._show_status()

    def set_status(self, prefix: str, words: int, words_per_minute: int) -> None:
        """What the subtitle says before the reading progress, and the words shown
        (for the minutes left); the progress follows the scrolling."""
        self._status = (prefix, words, words_per_minute)
        self._show_status()

    def _show_status(self) -> None:
        prefix, words, words_per_minute = self._status
        parts = [prefix] if prefix else []
        if self._lines:
            fits = self.max_scroll_y <= 0  # all on screen: nothing read yet to count
            progress = 0.0 if fits else self.progress
            if not fits:
                parts.append(f"{round(progress * 100)}%")
            minutes = minutes_left(words, words_per_minute, progress)
            if minutes:
                parts.append(f"{reading_time(minutes)} left")
        self.border_subtitle = title_content(" · ".join(parts))

    @property
    def progress(self) -> float:
        if self.max_scroll_y <= 0:
            return 1.0 if self._lines else 0.0
        return min(1.0, self.scroll_y / self.max_scroll_y)

    def action_scroll_end(self) -> None:
        self.wrap_rest()
        super().action_scroll_end()

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False)

    # -- rendering -----------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._cache[index] = self._render_line(self._lines[index])
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _render_line(self, line: _Line) -> Strip:
        base = self.rich_style
        margin = Segment(" " * self._margin)
        if line.block == _BLANK:
            return Strip.blank(0, base)
        if line.block == _HEADER:
            meta = self.get_component_rich_style("article-view--meta", partial=True)
            text = Text(self._header_lines[line.start], style=meta)
            text.truncate(self._wrap_width, overflow="ellipsis")
            return Strip([margin, *text.render(self.app.console)]).apply_style(base)
        block = self._blocks[line.block]
        if block.kind == "gap":
            gap = self.get_component_rich_style("article-view--gap", partial=True)
            return Strip([margin, Segment("⋯", gap)]).apply_style(base)
        text = Text(self._display[line.start : line.end])
        if block.kind == "heading":
            text.stylize(self.get_component_rich_style("article-view--heading", partial=True))
        self._stylize(text, line.start, line.end)
        text.rstrip()
        # Rich drops Text.style when a text has no spans, leaving segments with no style
        # (default terminal colours, and a crash in Textual's NO_COLOR filter): the base
        # style goes under every segment
        return Strip([margin, *text.render(self.app.console)]).apply_style(base)

    def _stylize(self, text: Text, start: int, end: int) -> None:
        def apply(style: Style, s: int, e: int) -> None:
            lo, hi = max(s, start), min(e, end)
            if lo < hi:
                text.stylize(style, lo - start, hi - start)

        summary_style = self.get_component_rich_style("article-view--summary", partial=True)
        for s, e in self._summary:
            if s < end and start < e:
                apply(summary_style, s, e)
        if self._matches:
            match_style = self.get_component_rich_style("article-view--match", partial=True)
            i = max(0, bisect_left(self._matches, (start, -1)) - 1)
            while i < len(self._matches) and self._matches[i][0] < end:
                apply(match_style, *self._matches[i])
                i += 1
        if self._show_entities and self._entities:
            i = max(0, bisect_left(self._entity_starts, start) - 1)
            while i < len(self._entities) and self._entities[i].start < end:
                ent = self._entities[i]
                if ent.end > start and ent.kind not in self._hidden_kinds:
                    style = self.get_component_rich_style(f"article-view--{ent.kind}", partial=True)
                    apply(style, ent.start, ent.end)
                i += 1
        if self._current is not None:
            apply(
                self.get_component_rich_style("article-view--current", partial=True), *self._current
            )

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()


def title_content(text: str) -> Content:
    """Untrusted text as a border title: literal, never markup, no control sequences."""
    from tread.core.text.sanitize import one_line_safe

    return Content(one_line_safe(text))
