"""A summary made in stages that report progress and can be stopped between them.

For the reader and the command line: a book takes seconds to segment and to summarise,
so the caller is told which stage the work is in and how far (``progress(stage,
fraction)``), and ``cancelled()`` is asked between stages and all along each: while
segmenting, after every paragraph and every 256 sentences; while summarising, per
sentence tokenised or rated and every 256 words stemmed (:mod:`tread.core.cancel`).
Once it says yes, :class:`Cancelled` is raised, within a tenth of a second on a book
(benchmarks/results/cancel_latency.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from tread.core.article import Article, Segmentation, Summary
from tread.core.errors import Cancelled, EmptyDocument

if TYPE_CHECKING:
    from tread.core.text.detect import LanguageChoice

#: the stages, in order
SEGMENT: Final = "segmenting"
SUMMARISE: Final = "summarising"
STAGES: Final = (SEGMENT, SUMMARISE)

Progress = Callable[[str, float], None]


def summarize_article(
    article: Article,
    language: str | LanguageChoice,
    algorithm: str,
    *,
    count: int | None = None,
    ratio: float | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Segmentation, Summary]:
    """The segmentation and summary ``tread summarize`` makes of ``article``.

    ``language`` as :func:`tread.core.text.segment.segment_article` takes it ("auto",
    a language, or a choice made); ``count`` and ``ratio`` None: the algorithm's own
    length (``auto``'s depends on the kind of text)."""
    from tread.core.summarizers.summarize import sentence_count_for, summarize
    from tread.core.text.segment import segment_article

    def report(stage: str, fraction: float) -> None:
        if progress is not None:
            progress(stage, fraction)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("summary cancelled")

    check()
    report(SEGMENT, 0.0)
    seg = segment_article(
        article, language, progress=lambda f: report(SEGMENT, f), cancelled=cancelled
    )
    if not seg.sentences:
        raise EmptyDocument("no sentences to summarise")
    check()
    report(SUMMARISE, 0.0)
    n = None
    if count is not None or ratio is not None:
        n = sentence_count_for(len(seg.sentences), count=count, ratio=ratio)
    summary = summarize(seg, algorithm, n, cancelled=cancelled)
    check()
    report(SUMMARISE, 1.0)
    return seg, summary
