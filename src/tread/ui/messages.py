"""What the reader's workers found, posted to the screen (past tense). Each names the
article it is about, so a result for an article no longer open only goes to its state.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from textual.message import Message

from tread.core.article import Article, Entity, Segmentation, Summary
from tread.ui.models import ArticleInfo, Block


@dataclass
class ArticleLoaded(Message):
    """The text is ready to show; sentences, summary and entities come later."""

    path: str
    article: Article
    blocks: list[Block]
    #: where the reader was in it last time (a character offset)
    position: int = 0
    #: set once the text is on screen: the analysis waits for it, so the first paint
    #: does not compete with it
    shown: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class ArticleGrew(Message):
    """More of a long text has been read (a PDF, page by page): shown as it comes; the
    analysis waits for the whole of it (ArticleLoaded)."""

    path: str
    article: Article
    blocks: list[Block]
    done: int
    total: int


@dataclass
class Progressed(Message):
    """How far the analysis of an article has got (a book takes seconds to segment)."""

    path: str
    stage: str
    fraction: float


@dataclass
class ArticleFailed(Message):
    path: str
    error: str


@dataclass
class ArticleSegmented(Message):
    path: str
    segmentation: Segmentation


@dataclass
class SummaryMade(Message):
    path: str
    count: int  # the length asked for (a short article gives fewer)
    summary: Summary


@dataclass
class SummaryFailed(Message):
    path: str
    algorithm: str
    count: int
    error: str


@dataclass
class EntitiesGrew(Message):
    """Entities of part of the text (the part on screen first): shown as they come,
    until EntitiesFound brings all of them."""

    path: str
    entities: tuple[Entity, ...]
    #: share of the text read so far
    fraction: float


@dataclass
class EntitiesFound(Message):
    path: str
    entities: list[Entity] | None
    error: str | None = None


@dataclass
class ArticlesListed(Message):
    infos: list[ArticleInfo]
    #: added by another process while the reader runs: shown at the top
    new: bool = False


@dataclass
class SearchDone(Message):
    query: str
    paths: set[str]


@dataclass
class ReadMarksFound(Message):
    paths: set[str]


@dataclass
class WriteFailed(Message):
    """A mark or a setting could not be kept (read-only library, config in error)."""

    error: str
    severity: str = "error"
