"""The reader's view of the library: articles as 'library:ID' paths.

SQLite connections belong to one thread, so each call opens its own (cheap).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tread.core.analysis import ArticleInfo
from tread.core.article import Article, Sentence, Summary, SummarySentence
from tread.core.entities.spacy_backend import Entity

if TYPE_CHECKING:
    from tread.core.store.library import Library

PREFIX: Final = "library:"


def is_library_path(path: str) -> bool:
    return path.startswith(PREFIX)


def article_id(path: str) -> int:
    return int(path[len(PREFIX) :])


class LibrarySource:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _open(self) -> Library:
        from tread.core.store.library import Library

        return Library(self.path)

    def listing(self, after_id: int = 0) -> tuple[list[ArticleInfo], int]:
        """List details of the articles after ``after_id`` (unread first), newest id."""
        with self._open() as lib:
            entries = [e for e in lib.entries() if e.id > after_id]
            newest = lib.newest_id()
        infos = [
            ArticleInfo(
                f"{PREFIX}{e.id}",
                e.title,
                e.feed or Path(e.source).name,
                e.words,
                read=e.read,
                starred=e.starred,
            )
            for e in entries
        ]
        return infos, newest

    def search(self, text: str) -> set[str]:
        """Paths of the articles whose title or text match ``text`` (FTS5)."""
        with self._open() as lib:
            return {f"{PREFIX}{e.id}" for e in lib.entries(search=text)}

    def article(self, path: str) -> Article:
        with self._open() as lib:
            return lib.article(article_id(path))

    def mark(self, path: str, *, read: bool | None = None, starred: bool | None = None) -> None:
        with self._open() as lib:
            lib.mark(article_id(path), read=read, starred=starred)

    def newest_id(self) -> int:
        with self._open() as lib:
            return lib.newest_id()

    def cached_summary(self, path: str, *settings: object) -> Summary | None:
        value = self._cached(path, "summary", *settings)
        if value is None:
            return None
        seg_sentences = value["sentences"]
        return Summary(
            value["algorithm"],
            value["language"],
            value["document_sentence_count"],
            tuple(
                SummarySentence(Sentence(*s["sentence"]), s["score"], s["rank"])
                for s in seg_sentences
            ),
            tuple((score, rank) for score, rank in value["ranking"]),
            tuple(value["contributions"]) if value["contributions"] is not None else None,
        )

    def cache_summary(self, path: str, summary: Summary, *settings: object) -> None:
        self._cache(
            path,
            "summary",
            {
                "algorithm": summary.algorithm,
                "language": summary.language,
                "document_sentence_count": summary.document_sentence_count,
                "sentences": [
                    {
                        "sentence": [
                            s.sentence.index,
                            s.sentence.start,
                            s.sentence.end,
                            s.sentence.paragraph,
                        ],
                        "score": s.score,
                        "rank": s.rank,
                    }
                    for s in summary.sentences
                ],
                "ranking": [list(r) for r in summary.ranking],
                "contributions": list(summary.contributions) if summary.contributions else None,
            },
            *settings,
        )

    def _cached(self, path: str, kind: str, *settings: object) -> Any:
        from tread.core.store.library import cache_key

        with self._open() as lib:
            digest = lib.hash_of(article_id(path))
            return lib.cached(cache_key(digest, kind, *settings)) if digest else None

    def _cache(self, path: str, kind: str, value: Any, *settings: object) -> None:
        from tread.core.store.library import cache_key

        with self._open() as lib:
            digest = lib.hash_of(article_id(path))
            if digest:
                lib.cache(cache_key(digest, kind, *settings), value)

    def cached_entities(self, path: str, model_key: str) -> list[Entity] | None:
        value = self._cached(path, "entities", model_key)
        if value is None:
            return None
        return [Entity(s, e, label, text) for s, e, label, text in value]

    def cache_entities(self, path: str, model_key: str, entities: list[Entity]) -> None:
        self._cache(
            path, "entities", [[e.start, e.end, e.label, e.text] for e in entities], model_key
        )
