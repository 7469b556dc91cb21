"""One stemmer per language, built the first time that language is used.

sumy's own Greek and Polish stemmers came with costs a reader should not pay:
greek-stemmer-pos declares pytest and pytest-cov as runtime requirements, and pystempel
reads an 11 MB table byte by byte behind a progress bar on stderr (about 25 s before
the first Polish word is stemmed, and it loads on that first word, not when the stemmer
is made). The Snowball project's own package has both languages in pure Python, loads
in milliseconds and prints nothing, so Greek and Polish come from it; every other
language keeps sumy's choice (NLTK's Snowball stemmers; sumy's Czech one for Czech and
Slovak), so their summaries do not change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Final

#: tread language -> Snowball algorithm (snowballstemmer), used instead of sumy's choice
SNOWBALL: Final[dict[str, str]] = {"greek": "greek", "polish": "polish"}


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The stemmer for ``language`` (a tread language name): word -> lower-case stem."""
    if language in SNOWBALL:
        import snowballstemmer

        stem_word = snowballstemmer.stemmer(SNOWBALL[language]).stemWord

        def snowball(word: str) -> str:
            return str(stem_word(word.lower()))

        return snowball
    from tread.core.text._nltk import import_nltk

    import_nltk()
    from sumy.nlp.stemmers import Stemmer

    sumy_stemmer: Callable[[str], str] = Stemmer(language)
    return sumy_stemmer
