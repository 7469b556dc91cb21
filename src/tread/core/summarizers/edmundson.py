"""What sumy's Edmundson summariser leaves to its caller: the word sets it weighs.

Edmundson needs cue words. Bonus words come from the title and the document's most
frequent content words; stigma words are hedges that mark a sentence as less central,
and exist for English only (the registry says so, from ``STIGMA_WORDS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from tread.core.errors import EmptyDocument

if TYPE_CHECKING:
    from tread.core.article import Segmentation
    from tread.core.summarizers.registry import Setup

STIGMA_WORDS: Final[dict[str, frozenset[str]]] = {
    "english": frozenset(
        {
            "hardly",
            "impossible",
            "perhaps",
            "maybe",
            "possibly",
            "allegedly",
            "reportedly",
            "unclear",
            "unlikely",
            "somewhat",
            "seemingly",
            "apparently",
            "rumour",
            "rumor",
            "anecdote",
            "incidentally",
        }
    ),
}
KEY_WORDS: Final = 10


def configure(summarizer: Any, setup: Setup) -> None:
    """Give sumy's EdmundsonSummarizer its null, stigma and bonus words."""
    summarizer.null_words = setup.stop_words
    summarizer.stigma_words = STIGMA_WORDS[setup.segmentation.language]
    summarizer.bonus_words = bonus_words(setup.segmentation, setup.sentences, setup.stop_words)
    if not summarizer.bonus_words:  # sumy raises ValueError on an empty set
        raise EmptyDocument(
            "edmundson has no key words to weigh sentences by: no "
            "title and no word that is not a stop word"
        )


def bonus_words(seg: Segmentation, sentences: Sequence[Any], stop: frozenset[str]) -> set[str]:
    """The title's words and the document's most frequent content words."""
    from tread.core.text.segment import get_tokenizer

    tokenizer = get_tokenizer(seg.language)
    words: set[str] = set()
    for h in seg.headings:
        words.update(w.lower() for w in tokenizer.to_words(seg.text[h.start : h.end]))
    counts: dict[str, int] = {}
    for s in sentences:
        for w in s.words:
            w = w.lower()
            if w not in stop:
                counts[w] = counts.get(w, 0) + 1
    top = sorted(counts, key=lambda w: (-counts[w], w))[:KEY_WORDS]
    return (words - stop) | set(top)
