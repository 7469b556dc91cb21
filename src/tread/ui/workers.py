"""The reader's background work: pure core calls in thread workers that post results.

Workers never touch widgets; each checks for cancellation before it posts.
"""

from __future__ import annotations

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from tread.core.article import Article, Segmentation, Summary
from tread.core.entities.registry import EntityExtractor
from tread.core.errors import NerUnavailable, TreadError
from tread.core.sources import load
from tread.core.text.sanitize import one_line_safe
from tread.ui.library_source import LibrarySource, is_library_path
from tread.ui.messages import (
    AnalysisFailed,
    ArticleAnalysed,
    ArticleLoaded,
    ArticlesListed,
    EntitiesFound,
    SummaryMade,
)
from tread.ui.models import Analysis, info_for
from tread.ui.widgets.article_view import Block

_LIST_BATCH = 64
_PAINT_WAIT = 1.0  # seconds the analysis waits for the text to be painted


def blocks_for(article: Article) -> list[Block]:
    """Headings and paragraphs, as the segmentation core sees them."""
    from tread.core.text.segment import heading_spans, paragraph_spans

    paragraphs = paragraph_spans(article.text)
    headings = set(heading_spans(article.text, paragraphs, article.headings or None))
    return [Block(s, e, "heading" if (s, e) in headings else "paragraph") for s, e in paragraphs]


class AnalysisWorkers(App[None]):
    """The App's thread workers and the article loading they share."""

    preloaded: dict[str, Article]
    library: LibrarySource | None

    def load_article(self, path: str) -> Article:
        if path in self.preloaded:
            return self.preloaded[path]
        if self.library is not None and is_library_path(path):
            return self.library.article(path)
        return load(path)

    def summary_for(self, path: str, seg: Segmentation, algorithm: str, count: int) -> Summary:
        """The summary, from the library's analysis cache when the article is there."""
        library = self.library if is_library_path(path) else None
        settings = (algorithm, count, seg.language)
        if library is not None:
            cached = library.cached_summary(path, *settings)
            if cached is not None:
                return cached
        summary = _summary(seg, algorithm, count)
        if library is not None:
            library.cache_summary(path, summary, *settings)
        return summary

    @work(thread=True, group="listing", exit_on_error=False)
    def list_articles(self, paths: list[str]) -> None:
        from tread.core.sources import STDIN_NAME
        from tread.ui.models import ArticleInfo

        worker = get_current_worker()
        batch = []
        if self.library is not None:
            self.post_message(ArticlesListed(self.library.listing()[0]))
            paths = [p for p in paths if not is_library_path(p)]
        for path in paths:
            if worker.is_cancelled:
                return
            try:
                batch.append(info_for(self.load_article(path), path))
            except TreadError as exc:
                name = STDIN_NAME if path == "-" else one_line_safe(path.rsplit("/", 1)[-1])
                batch.append(ArticleInfo(path, name, "", 0, error=str(exc)))
            if len(batch) >= _LIST_BATCH:
                self.post_message(ArticlesListed(batch))
                batch = []
        if batch:
            self.post_message(ArticlesListed(batch))

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def analyse(self, path: str, language: str, algorithm: str, count: int) -> None:
        from tread.core.text.segment import segment_article

        worker = get_current_worker()
        try:
            article = self.load_article(path)
            if worker.is_cancelled:
                return
            loaded = ArticleLoaded(path, article, blocks_for(article))
            self.post_message(loaded)
            loaded.shown.wait(timeout=_PAINT_WAIT)
            seg = segment_article(article, language)
            analysis = Analysis(article, seg, path=path)
            if worker.is_cancelled:
                return
            if seg.sentences:
                analysis.summary = self.summary_for(path, seg, algorithm, count)
        except TreadError as exc:
            if not worker.is_cancelled:
                self.post_message(AnalysisFailed(path, str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(ArticleAnalysed(path, analysis))

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def resummarize(self, path: str, seg: Segmentation, algorithm: str, count: int) -> None:
        worker = get_current_worker()
        try:
            summary = self.summary_for(path, seg, algorithm, count)
        except TreadError as exc:
            if not worker.is_cancelled:
                self.post_message(AnalysisFailed(path, str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(SummaryMade(path, summary))

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def find_entities(self, path: str, text: str, extractor: EntityExtractor) -> None:
        worker = get_current_worker()
        library = self.library if is_library_path(path) else None
        key = extractor.cache_key()
        try:
            found = library.cached_entities(path, key) if library and key else None
            if found is None:
                found = extractor.extract(text, cancelled=lambda: worker.is_cancelled)
                if library is not None and key and not worker.is_cancelled:
                    library.cache_entities(path, key, found)
        except NerUnavailable as exc:
            self.post_message(EntitiesFound(path, None, str(exc)))
            return
        except TreadError as exc:
            self.post_message(EntitiesFound(path, None, str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(EntitiesFound(path, found, None))


def _summary(seg: Segmentation, algorithm: str, count: int) -> Summary:
    from tread.core.summarizers.summarize import sentence_count_for, summarize

    return summarize(seg, algorithm, sentence_count_for(len(seg.sentences), count=count))
