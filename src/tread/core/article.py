"""The data every stage after the source speaks: character offsets into one text."""

from __future__ import annotations

from dataclasses import dataclass, field

from tread.core.entities.kinds import kind_of_label


@dataclass(frozen=True, slots=True)
class Article:
    """A piece of text to read, with whatever metadata its source knew."""

    text: str
    source: str
    title: str | None = None
    #: (start, end) offsets of heading lines in ``text`` (Markdown headings, a title line).
    headings: tuple[tuple[int, int], ...] = ()
    encoding: str | None = None
    author: str | None = None
    published: str | None = None
    link: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text[start:end]`` is the sentence, stripped of outer whitespace."""

    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Heading:
    """A title or heading line, kept out of the sentences a summary may pick."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The result of segmenting one text."""

    text: str
    language: str
    sentences: tuple[Sentence, ...]
    headings: tuple[Heading, ...] = ()
    paragraph_count: int = 0
    #: True when ``language`` was detected from the text, False when it was asked for
    #: or fallen back to
    language_detected: bool = False
    #: why detection fell back to the configured language (too short, mixed...), if it did
    language_note: str | None = None

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    @property
    def title(self) -> str | None:
        """The first heading when it opens the text, else ``None``."""
        if self.headings and self.headings[0].paragraph == 0:
            h = self.headings[0]
            return self.text[h.start : h.end]
        return None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence a summariser chose, where it stands, and why (its score and rank)."""

    sentence: Sentence
    score: float
    #: 1 for the best-rated sentence of the document, 2 for the next, ...
    rank: int

    @property
    def index(self) -> int:
        return self.sentence.index

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end


@dataclass(frozen=True, slots=True)
class Choice:
    """What ``auto`` decided for one text: its kind and why, then the algorithm and the
    number of sentences for that kind and why."""

    kind: str
    kind_reasons: tuple[str, ...]
    algorithm: str
    count: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    #: the algorithm asked for (``auto`` included: ``choice`` says what it ran)
    algorithm: str
    language: str
    document_sentence_count: int
    #: in document order
    sentences: tuple[SummarySentence, ...] = field(default_factory=tuple)
    #: every sentence of the document, in document order: (score, rank); the rank is
    #: None (and the score nan) for a sentence the algorithm never ranked
    ranking: tuple[tuple[float, int | None], ...] = ()
    #: for tread's model: per sentence, each feature's contribution to its score
    contributions: tuple[dict[str, float], ...] | None = None
    #: sentence index -> why it has no rank (left out as a fragment; never reached by a
    #: greedy algorithm that stops once its picks are settled) or why it was passed over
    notes: dict[int, str] = field(default_factory=dict)
    #: what the algorithm says of the whole summary (tread's model: the lead fallback)
    remarks: tuple[str, ...] = ()
    #: for ``auto``: what it decided
    choice: Choice | None = None

    @property
    def used(self) -> str:
        """The algorithm that picked the sentences (``auto``'s choice, for ``auto``)."""
        return self.choice.algorithm if self.choice is not None else self.algorithm


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: ``text[start:end]`` of the article, with its backend's label."""

    start: int
    end: int
    label: str
    text: str

    @property
    def kind(self) -> str:
        return kind_of_label(self.label)
