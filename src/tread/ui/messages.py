"""Messages that cross widgets: results of the analysis workers (past tense)."""

from __future__ import annotations

import threading

from textual.message import Message

from tread.core.article import Article, Entity, Summary
from tread.ui.models import Analysis, ArticleInfo
from tread.ui.widgets.article_view import Block


class ArticlesListed(Message):
    def __init__(self, infos: list[ArticleInfo]) -> None:
        super().__init__()
        self.infos = infos


class ArticleAnalysed(Message):
    def __init__(self, path: str, analysis: Analysis) -> None:
        super().__init__()
        self.path, self.analysis = path, analysis


class AnalysisFailed(Message):
    def __init__(self, path: str, error: str) -> None:
        super().__init__()
        self.path, self.error = path, error


class SummaryMade(Message):
    def __init__(self, path: str, summary: Summary) -> None:
        super().__init__()
        self.path, self.summary = path, summary


class EntitiesFound(Message):
    def __init__(self, path: str, entities: list[Entity] | None, error: str | None) -> None:
        super().__init__()
        self.path, self.entities, self.error = path, entities, error


class ArticleLoaded(Message):
    """The text is ready to show; sentences, summary and entities come later."""

    def __init__(self, path: str, article: Article, blocks: list[Block]) -> None:
        super().__init__()
        self.path, self.article, self.blocks = path, article, blocks
        #: set once the text is on screen; the worker waits for it before going on, so
        #: the first paint does not compete with the analysis for the GIL
        self.shown = threading.Event()
