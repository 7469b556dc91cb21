"""What kind of text this is, and which summariser suits it.

Three kinds, told apart by cheap counts over the lines and sentences, each with a short
reason a reader can check (``tread summarize --explain`` prints them):

- ``news``: a story in prose of article length. tread's own model suits it: news puts
  the gist first, and the model was trained on news.
- ``long``: a book with chapter headings, or any prose longer than a long feature. The
  opening says little about the whole, so a position-blind method suits it; which one is
  measured in ``benchmarks/summary_proxy.py`` (chapters covered, redundancy, centrality).
- ``notes``: lists, notes or a transcript: most lines are bullets, speaker tags
  ("ALICE: ...") or short lines without a full stop. No position carries the gist.

``classify`` reads a :class:`Segmentation` (or a text, which it segments); ``plan`` is a
pure function from a kind to an algorithm and a sentence count; ``choose`` is both, for
the ``auto`` algorithm. Chapter headings are
recognised in English only ("Chapter", "Book", "Part"...); in other languages a book is
told by its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from tread.core.article import Choice, Segmentation
from tread.core.text.headings import BULLET, SPEAKER, is_chapter

NEWS: Final = "news"
LONG: Final = "long"
NOTES: Final = "notes"

#: at least this many chapter headings make a text a book
MIN_CHAPTERS: Final = 3
#: prose longer than this is long-form whatever its shape: beyond the lengths the news
#: model was trained on (the longest of 800 CNN and Daily Mail stories has 1,800 words)
LONG_WORDS: Final = 3_000
#: share of non-blank lines that are bullets (or speaker tags) for notes; short
#: fragments count too, but need a larger share with them: a story with a few
#: subheadings is still a story
NOTES_SHARE: Final = 0.4
NOTES_WITH_FRAGMENTS: Final = 0.6
#: notes need at least this many lines: a title and two lines are not a list
MIN_NOTE_LINES: Final = 5
#: sentences in a summary unless asked for a number: more for a long text
SENTENCES: Final = 5
LONG_SENTENCES: Final = 10

_LINE: Final = re.compile(r"[^\r\n]+")
_ENDS: Final = re.compile(r"[.!?…][\"'”’»)\]]*$")
_WORDS: Final = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Kind:
    """The kind of a text (``news``, ``long`` or ``notes``) and why."""

    name: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """The summariser for a kind of text, how many sentences, and why."""

    algorithm: str
    count: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Signals:
    """The counts ``classify`` decides on."""

    words: int
    sentences: int
    lines: int
    chapters: int
    bullets: int
    speakers: int
    fragments: int
    first_chapter: str | None = None


def signals(seg: Segmentation) -> Signals:
    """Count the lines that look like chapter headings, bullets, speaker tags and short
    fragments (under eight words, no final stop), and the words and sentences."""
    chapters = bullets = speakers = fragments = lines = total = 0
    first_chapter = None
    for m in _LINE.finditer(seg.text):
        line = m.group().strip()
        if not line:
            continue
        lines += 1
        words = len(_WORDS.findall(line))
        total += len(line.split())  # words as the list and the reader count them
        if is_chapter(line, words):
            chapters += 1
            first_chapter = first_chapter or line
        elif BULLET.match(line):
            bullets += 1
        elif SPEAKER.match(line):
            speakers += 1
        elif words < 8 and not _ENDS.search(line):
            fragments += 1
    return Signals(
        total,
        len(seg.sentences),
        lines,
        chapters,
        bullets,
        speakers,
        fragments,
        first_chapter,
    )


def chapter_headings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that is a chapter heading
    ("CHAPTER 1. Loomings.", "Book the First"), in order."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped and is_chapter(stripped):
            start = m.start() + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def classify(text: Segmentation | str, language: str = "english") -> Kind:
    """The kind of ``text``, with the reasons for it, shortest first."""
    if isinstance(text, str):
        from tread.core.text.segment import segment

        text = segment(text, language)
    s = signals(text)
    if s.lines >= MIN_NOTE_LINES:
        for count, share, what in (
            (s.bullets, NOTES_SHARE, "bullets or numbered items"),
            (s.speakers, NOTES_SHARE, "speaker tags (NAME: ...)"),
            (
                s.bullets + s.speakers + s.fragments,
                NOTES_WITH_FRAGMENTS,
                "bullets, speaker tags or short fragments",
            ),
        ):
            if count >= share * s.lines:
                return Kind(NOTES, (f"{_share(count, s.lines)} of {s.lines} lines are {what}",))
    if s.chapters >= MIN_CHAPTERS:
        example = f" (first: {s.first_chapter[:40]!r})" if s.first_chapter else ""
        return Kind(
            LONG,
            (
                f"{s.chapters} chapter headings{example}",
                f"{s.words:,} words in {s.sentences:,} sentences",
            ),
        )
    if s.words > LONG_WORDS:
        return Kind(
            LONG,
            (
                f"{s.words:,} words: longer than a news story (over {LONG_WORDS:,})",
                "no chapter headings",
            ),
        )
    return Kind(
        NEWS,
        (
            f"prose of {s.words:,} words in {s.sentences:,} sentences",
            "no chapter headings; few bullets, speaker tags or fragments",
        ),
    )


def plan(kind: Kind, requested: int | None = None) -> Plan:
    """The algorithm and sentence count for ``kind``: ``requested`` sentences when the
    user asked for a number, else the kind's default (more for a book)."""
    if kind.name == NEWS:
        count = SENTENCES if requested is None else requested
        return Plan(
            "tread",
            count,
            ("news: tread's model (position, centrality, names; trained on news stories)",),
        )
    if kind.name == LONG:
        count = LONG_SENTENCES if requested is None else requested
        return Plan(LONG_ALGORITHM, count, (f"long text: {LONG_ALGORITHM} ({LONG_REASON})",))
    count = SENTENCES if requested is None else requested
    return Plan(
        NOTES_ALGORITHM,
        count,
        (f"notes: {NOTES_ALGORITHM} ({LONG_REASON}; position says nothing in a list)",),
    )


#: chosen by benchmarks/results/summary_proxy.md (Moby-Dick, 10 sentences): of the
#: position-blind methods, luhn covers the most chapters (0.85 per pick), picks no
#: heading or fragment, repeats little, and has no sentence limit; lex-rank and
#: sum-basic pick short fragments (35% and 57% of picks)
LONG_ALGORITHM: Final = "luhn"
#: the same measurement decides for notes (no notes with summaries to measure on)
NOTES_ALGORITHM: Final = "luhn"
LONG_REASON: Final = "position-blind; most chapters covered, no fragments"


def choose(seg: Segmentation, requested: int | None = None) -> Choice:
    """What ``auto`` runs on ``seg``: its kind, then that kind's plan (``requested``
    sentences, or the kind's default when None)."""
    kind = classify(seg)
    chosen = plan(kind, requested)
    return Choice(kind.name, kind.reasons, chosen.algorithm, chosen.count, chosen.reasons)
