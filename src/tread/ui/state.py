"""The reader's state as plain Python: what was computed for each article and where the
reader stands in it. No Textual here, so its rules are tested without an app; the
screen keeps one ReaderState and tells the widgets what to show from it.
"""

from __future__ import annotations

import asyncio
from bisect import bisect_right
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Final

from tread.core.article import Article, Entity, Segmentation, Sentence, Summary
from tread.ui.models import Block

MAX_SENTENCES: Final = 50
SUMMARY: Final = "summary"  # the Cycle key of the summary sentences


class Cycle:
    """Positions in lists the reader steps through (the summary sentences, each
    entity's occurrences), by key; a list stepped past its end starts again."""

    def __init__(self) -> None:
        self._pos: dict[Hashable, int] = {}

    def step(self, key: Hashable, count: int, step: int = 1, start: int | None = None) -> int:
        """The next position in a list of ``count`` (``start`` the first time)."""
        if count <= 0:
            raise ValueError("nothing to step through")
        if key in self._pos:
            pos = (self._pos[key] + step) % count
        else:
            pos = start if start is not None else (0 if step > 0 else count - 1)
        self._pos[key] = pos % count
        return self._pos[key]

    def position(self, key: Hashable) -> int | None:
        return self._pos.get(key)

    def reset(self, key: Hashable | None = None) -> None:
        if key is None:
            self._pos.clear()
        else:
            self._pos.pop(key, None)


def first_summary_step(spans: list[tuple[int, int]], top: int, step: int) -> int:
    """Where ``n`` (step 1) or ``N`` (step -1) goes first: the first summary sentence
    at or below the top of the view, or the last one above it."""
    after = [i for i, (start, _) in enumerate(spans) if start >= top]
    if step > 0:
        return after[0] if after else 0
    return (after[0] - 1 if after else len(spans) - 1) % len(spans)


def next_length(setting: int, available: int, step: int) -> int | None:
    """The summary length one step (+1 or -1) from what the article shows now (a
    setting above its sentence count shows them all); None: no step that way."""
    current = min(setting, available) if available else setting
    wanted = clamp_sentences(current + step, available)
    return None if wanted == current else wanted


def clamp_sentences(requested: int, available: int) -> int:
    """A summary length the article can give: 1 to its sentence count (and the limit);
    an article with no sentences yet leaves the request as it is."""
    top = min(MAX_SENTENCES, available) if available > 0 else MAX_SENTENCES
    return max(1, min(requested, top))


@dataclass
class ArticleState:
    """One article: what was computed for it, and where the reader was in it."""

    path: str
    article: Article | None = None
    #: the text's headings and paragraphs, as shown when not skimming
    blocks: list[Block] = field(default_factory=list)
    segmentation: Segmentation | None = None
    #: why the article could not be shown (unreadable, empty, too large)
    error: str | None = None
    #: (algorithm, sentences) -> the summary, or why it could not be made
    summaries: dict[tuple[str, int], Summary] = field(default_factory=dict)
    summary_errors: dict[tuple[str, int], str] = field(default_factory=dict)
    entities: list[Entity] | None = None
    #: entities of the parts read so far while ``entities`` is still being found
    partial_entities: list[Entity] = field(default_factory=list)
    #: set once the first entities (or the news that there are none) arrived
    first_entities: asyncio.Event = field(default_factory=asyncio.Event)
    entity_error: str | None = None
    cycle: Cycle = field(default_factory=Cycle)
    #: the character at the top of the view when the reader left it
    top: int = 0
    #: the position the library has for it (None: not known yet), so that only a
    #: move is written
    saved_top: int | None = None

    def forget_analysis(self) -> None:
        """Drop what was worked out in one language (another one was chosen)."""
        self.segmentation, self.entities, self.entity_error = None, None, None
        self.partial_entities.clear()
        self.first_entities = asyncio.Event()
        self.summaries.clear()
        self.summary_errors.clear()
        self.cycle = Cycle()

    @property
    def sentence_count(self) -> int:
        return len(self.segmentation.sentences) if self.segmentation else 0

    def summary(self, algorithm: str, count: int) -> Summary | None:
        return self.summaries.get((algorithm, count))

    def summary_error(self, algorithm: str, count: int) -> str | None:
        return self.summary_errors.get((algorithm, count))

    def add_summary(self, count: int, summary: Summary) -> None:
        self.summaries[(summary.algorithm, count)] = summary
        self.cycle.reset(SUMMARY)

    def summary_spans(self, algorithm: str, count: int) -> list[tuple[int, int]]:
        summary = self.summary(algorithm, count)
        return [(s.start, s.end) for s in summary.sentences] if summary else []

    def shown_blocks(self, skim: bool, algorithm: str, count: int) -> list[Block]:
        """The blocks to show: the whole text, or (skimming, once there is a summary)
        the summary sentences in their context."""
        from tread.ui.skim import skim_blocks

        summary = self.summary(algorithm, count)
        if skim and summary is not None and self.segmentation is not None:
            return skim_blocks(self.segmentation, summary)
        return self.blocks

    def shown_words(self, blocks: list[Block]) -> int:
        text = self.article.text if self.article else ""
        return words_in(text, [(b.start, b.end) for b in blocks if b.kind != "gap"])


class ReaderState:
    """Every article the reader has opened, which one is open, and the reading modes."""

    def __init__(self) -> None:
        self.articles: dict[str, ArticleState] = {}
        self.current_path: str | None = None
        self.skim = False
        self.show_entities = True
        #: shown before the reading progress: the sentence or entity the reader is on
        self.note = ""

    def open(self, path: str) -> ArticleState:
        """Make ``path`` the open article (its state, new or as it was left)."""
        self.current_path = path
        self.note = ""
        return self.articles.setdefault(path, ArticleState(path))

    @property
    def current(self) -> ArticleState | None:
        return self.articles.get(self.current_path) if self.current_path else None

    def get(self, path: str) -> ArticleState:
        return self.articles.setdefault(path, ArticleState(path))


def status_prefix(skim: bool, note: str, source: str, words: int) -> str:
    """What the article's status line says before the reading progress."""
    parts = ["skim"] if skim else []
    if note:
        parts.append(note)
    elif words:
        parts.append(f"{source} · {words:,} words")
    return " · ".join(parts)


def words_in(text: str, spans: list[tuple[int, int]]) -> int:
    """Words in the parts of ``text`` that are shown (skim mode shows only some)."""
    return sum(len(text[s:e].split()) for s, e in spans)


def minutes_left(words: int, words_per_minute: int, progress: float) -> int:
    """Whole minutes of reading left, 0 when under half a minute."""
    left = words / max(1, words_per_minute) * (1 - min(1.0, max(0.0, progress)))
    return round(left) if left >= 0.5 else 0


def reading_time(minutes: int) -> str:
    """Minutes as a reader says them: "7 min", "1 h 05 min", "15 h" (a book's 922
    minutes mean nothing at a glance)."""
    if minutes < 60:
        return f"{minutes} min"
    if minutes >= 600:  # ten hours and more: the minutes are noise
        return f"{round(minutes / 60)} h"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def analysis_stage(art: ArticleState | None, algorithm: str, count: int) -> str | None:
    """What the analysis of the open article is doing now (for the status bar's
    spinner); None when it has nothing left to do."""
    if art is None or art.error is not None:
        return None
    if art.article is None:
        return "reading"
    if art.segmentation is None:
        return "finding sentences"
    key = (algorithm, count)
    if art.sentence_count and key not in art.summaries and key not in art.summary_errors:
        return f"summarising ({algorithm})"
    if art.entities is None and art.entity_error is None:
        return "finding entities"
    return None


def status_bar_text(
    unread: int,
    total: int,
    sort: str,
    filter_text: str,
    language: str,
    algorithm: str,
    narrowed: str = "",
) -> str:
    """The status bar's left side: the list, then the analysis settings."""
    parts = [f"{unread} unread of {total}", f"by {sort}"]
    if filter_text:
        parts.append(f"filter “{filter_text}”")
    if narrowed:
        parts.append(narrowed)
    parts += [language, algorithm]
    return " · ".join(parts)


def sentence_at(seg: Segmentation, offset: int) -> Sentence | None:
    """The sentence holding character ``offset``, else the first one after it."""
    starts = [s.start for s in seg.sentences]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and seg.sentences[index].end > offset:
        return seg.sentences[index]
    after = index + 1
    return seg.sentences[after] if after < len(seg.sentences) else None


def one_line(text: str) -> str:
    """A passage as one line (the text's line breaks are the source's wrapping)."""
    return " ".join(text.split())


def summary_text(text: str, summary: Summary) -> str:
    """The summary to copy: its sentences, one a line."""
    return "\n".join(one_line(text[s.start : s.end]) for s in summary.sentences)
