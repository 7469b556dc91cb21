"""Sentences a summary should not pick while the text has others: fragments and lines
in capitals.

Headings are not sentences at all (text/headings.py). What remains can still be poor
summary material: a speech tag cut off by the sentence splitter ("cried Ahab."), an
exclamation ("But look!"), a run-in heading in capitals ("WHALING NOT RESPECTABLE?" at
the start of a paragraph), a byline ("BY JANE DOE, STAFF WRITER."). They stay sentences,
shown and counted as such, but every algorithm summarises the text without them, unless
too few other sentences are left for the summary asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from tread.core.article import Segmentation
from tread.core.cancel import never
from tread.core.text.headings import in_capitals

#: a sentence with fewer words than this is a fragment
FRAGMENT_WORDS: Final = 4
FRAGMENT: Final = f"a fragment (under {FRAGMENT_WORDS} words): not picked while there are others"
CAPITALS: Final = "in capitals (a run-in heading or a byline): not picked while there are others"
# a word as sumy counts one: a letter, then letters, digits, apostrophes or hyphens
_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")


def left_out(seg: Segmentation, count: int, check: Callable[[], None] = never) -> dict[int, str]:
    """The sentences of ``seg`` to summarise without (index -> why), or none at all when
    fewer than ``count`` other sentences would be left. ``check`` is called per
    sentence (a book's take a few tenths of a second)."""
    out: dict[int, str] = {}
    for s in seg.sentences:
        check()
        text = seg.sentence_text(s)
        if len(_WORD.findall(text)) < FRAGMENT_WORDS:
            out[s.index] = FRAGMENT
        elif in_capitals(text):
            out[s.index] = CAPITALS
    if len(seg.sentences) - len(out) < count:
        return {}
    return out
