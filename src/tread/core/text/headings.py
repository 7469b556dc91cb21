"""Which lines of a plain text are headings, not sentences.

A heading in plain text is a line that stands alone (a paragraph of one line) and is
one of:

- a chapter heading: "CHAPTER 1. Loomings.", "Chapter XII", "BOOK THE FIRST" (English
  keywords; the line is short);
- a Markdown heading ("## Results") or an HTML heading ("<h2>Results</h2>") left in the
  text as it is;
- a line in capitals ("HARPOONEERS AND SAILORS.", "WHALING NOT RESPECTABLE?"), unless
  it reads as a sentence: a full stop at the end and at least :data:`SENTENCE_WORDS`
  words ("BY JANE DOE, STAFF WRITER." stays a sentence: a byline is text, and
  sumy's own parser would silently drop it);
- a short line without final punctuation ("The Carpet-Bag", "Reaction"), unless it is
  an item of a list or a speaker's turn ("- buy milk", "ALICE: yes"): notes are text;
  nor a quotation or a broken-off sentence ('"I was about to say, sir, that--"').

Chapter, Markdown and HTML headings are split off the block they open even without a
blank line after them. The patterns for list items and speaker tags live here too:
``summarizers.kind`` counts the same lines to tell notes from prose.
"""

from __future__ import annotations

import re
from typing import Final

#: a line in capitals with a full stop and at least this many words is a sentence
SENTENCE_WORDS: Final = 4
#: a short line without final punctuation has at most this many words
SHORT_LINE_WORDS: Final = 12
#: a chapter heading (or a line in capitals) has at most this many words
HEADING_WORDS: Final = 20

_NUMBER_WORDS: Final = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last"
)
# "CHAPTER 1. Loomings.", "Chapter XII", "BOOK THE FIRST", "Part two": the keyword
# capitalised, then a numeral
CHAPTER: Final = re.compile(
    r"(?:CHAPTER|Chapter|BOOK|Book|PART|Part|ACT|Act|CANTO|Canto|STAVE|Stave)\s+"
    rf"(?:the\s+|THE\s+)?(?:[IVXLCDM]+|\d+|(?i:{_NUMBER_WORDS}))\b"
)
BULLET: Final = re.compile(r"(?:[-*•·–+]|\d{1,3}[.)]|[a-z][.)]|\[[ xX]?\])\s+\S")
SPEAKER: Final = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|[A-Z]{2,}[\w ]{0,20})"
    r"\s*(?:\([^)]{0,30}\))?:\s+\S"
)
_MARKDOWN: Final = re.compile(r"#{1,6}[ \t]+\S")
_HTML: Final = re.compile(r"<h([1-6])\b[^>]*>.*</h\1\s*>", re.IGNORECASE)
# final punctuation, then optional closing quotes or brackets
_CLOSERS: Final = "\"'”’»)\\]"
# final punctuation, a clause's or a broken-off sentence's ("but--") included
_ENDS: Final = re.compile(rf"[.!?…:;,—–-][{_CLOSERS}]*$")
_QUOTES: Final = "\"'“‘«„"
_FULL_STOP: Final = re.compile(rf"\.[{_CLOSERS}]*$")
_WORDS: Final = re.compile(r"\w+")


def word_count(line: str) -> int:
    return len(_WORDS.findall(line))


def is_chapter(line: str, words: int | None = None) -> bool:
    """A chapter heading: "CHAPTER 1. Loomings.", "Book the First" (a short line).
    ``words``: the line's word count, when the caller has it."""
    words = word_count(line) if words is None else words
    return words <= HEADING_WORDS and CHAPTER.match(line) is not None


def in_capitals(text: str) -> bool:
    """Letters, every cased one upper case (not text without case, such as Chinese)."""
    # no lower-case letter (normal text stops at its second character), and an upper
    # one; checked in C, not per character in Python: a book has 10,000 sentences
    return not any(map(str.islower, text)) and any(map(str.isupper, text))


def opens_block(line: str) -> bool:
    """A heading that is one even with text on the next line: chapter, Markdown, HTML."""
    line = line.strip()
    return is_chapter(line) or bool(_MARKDOWN.match(line)) or bool(_HTML.fullmatch(line))


def starts_item(line: str) -> bool:
    """An item of a list ("- milk", "2. call the bank") or a speaker's turn ("ALICE:
    yes"): each is a paragraph of its own, even without blank lines between them."""
    line = line.lstrip()
    return bool(BULLET.match(line) or SPEAKER.match(line))


def heading_kind(line: str) -> str | None:
    """Why ``line`` (a paragraph of one line) is a heading, or None when it is text."""
    line = line.strip()
    if not line or "\n" in line or "\r" in line:
        return None
    words = word_count(line)
    if is_chapter(line, words):
        return "chapter heading"
    if _MARKDOWN.match(line):
        return "Markdown heading"
    if _HTML.fullmatch(line):
        return "HTML heading"
    if starts_item(line):
        return None
    reads_as_sentence = _FULL_STOP.search(line) is not None and words >= SENTENCE_WORDS
    if in_capitals(line) and words <= HEADING_WORDS and not reads_as_sentence:
        return "line in capitals"
    if words <= SHORT_LINE_WORDS and not _ENDS.search(line) and line[0] not in _QUOTES:
        return "short line without final punctuation"
    return None
