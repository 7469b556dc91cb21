"""Analyses kept in the library: summaries and entities as JSON, keyed by the article's
content, what was computed, its settings, and the versions that computed it.

The cache only saves time: a library opened read-only keeps nothing, and a result not
found is computed again.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from tread.core.article import Choice, Entity, Sentence, Summary, SummarySentence
from tread.core.store.library import Library


def cache_key(digest: str, kind: str, *parts: object) -> str:
    """Analysis cache key: content, what was computed, its settings, and the versions
    of tread (and of the model, for entities) that computed it."""
    from tread.core.version import VERSION

    return "|".join([digest, kind, VERSION, *map(str, parts)])


def summary_to_json(summary: Summary) -> dict[str, Any]:
    return {
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
        "notes": [[i, note] for i, note in summary.notes.items()],
        "remarks": list(summary.remarks),
        "choice": asdict(summary.choice) if summary.choice is not None else None,
    }


def summary_from_json(value: dict[str, Any]) -> Summary:
    return Summary(
        value["algorithm"],
        value["language"],
        value["document_sentence_count"],
        tuple(
            SummarySentence(Sentence(*s["sentence"]), s["score"], s["rank"])
            for s in value["sentences"]
        ),
        tuple((score, rank) for score, rank in value["ranking"]),
        tuple(value["contributions"]) if value["contributions"] is not None else None,
        {i: note for i, note in value.get("notes", [])},
        tuple(value.get("remarks", [])),
        _choice(value.get("choice")),
    )


def _choice(value: dict[str, Any] | None) -> Choice | None:
    if value is None:
        return None
    return Choice(
        value["kind"],
        tuple(value["kind_reasons"]),
        value["algorithm"],
        value["count"],
        tuple(value["reasons"]),
    )


def _cached(library: Library, article_id: int, kind: str, *settings: object) -> Any:
    digest = library.hash_of(article_id)
    return library.cached(cache_key(digest, kind, *settings)) if digest else None


def _cache(library: Library, article_id: int, kind: str, value: Any, *settings: object) -> None:
    digest = library.hash_of(article_id)
    if digest:
        library.cache(cache_key(digest, kind, *settings), value)


def cached_summary(library: Library, article_id: int, *settings: object) -> Summary | None:
    value = _cached(library, article_id, "summary", *settings)
    return None if value is None else summary_from_json(value)


def cache_summary(library: Library, article_id: int, summary: Summary, *settings: object) -> None:
    _cache(library, article_id, "summary", summary_to_json(summary), *settings)


def cached_entities(library: Library, article_id: int, model_key: str) -> list[Entity] | None:
    value = _cached(library, article_id, "entities", model_key)
    if value is None:
        return None
    return [Entity(s, e, label, text) for s, e, label, text in value]


def cache_entities(
    library: Library, article_id: int, model_key: str, entities: list[Entity]
) -> None:
    value = [[e.start, e.end, e.label, e.text] for e in entities]
    _cache(library, article_id, "entities", value, model_key)
