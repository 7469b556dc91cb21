"""The summary in the side pane: numbered sentences with a score bar, the algorithm and
count in its subtitle, the sentence ``n``/``N`` is on highlighted."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tread.core.article import Segmentation, Summary
from tread.core.errors import Cancelled, TreadError
from tread.ui import messages as msg
from tread.ui.actions import bindings
from tread.ui.background import off_loop
from tread.ui.data import ReaderData

_SNIPPET = 400
_BARS = "▁▂▃▄▅▆▇█"


def score_bar(score: float, low: float, high: float) -> str:
    """One block character, taller for a higher score within the document's range."""
    if not math.isfinite(score) or high <= low:
        return _BARS[-1]
    level = (score - low) / (high - low)
    return _BARS[min(len(_BARS) - 1, int(level * len(_BARS)))]


class SummaryPanel(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = bindings("summary")

    class SentenceSelected(Message):
        def __init__(self, index: int, start: int, end: int) -> None:
            super().__init__()
            self.index, self.start, self.end = index, start, end

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._note = ""
        #: the language of the text and how it was chosen (part of the tooltip)
        self.language_tip = ""

    @property
    def note(self) -> str:
        """What the panel says instead of a summary (work under way, an error)."""
        return self._note

    def show_note(self, note: str, subtitle: str | None = None) -> None:
        """No summary to show: say why (or what is being done)."""
        self._note = note
        self.tooltip = self.language_tip or None
        self.clear_options()
        self.border_subtitle = subtitle
        self.add_option(Option(Text(note, style="italic"), disabled=True))

    def show_summary(self, text: str, summary: Summary) -> None:
        self._note = ""
        self.clear_options()
        name, chose = summary.algorithm, None
        if summary.choice is not None:  # auto: what it chose, for what kind of text
            name = f"{summary.choice.algorithm} (auto)"
            chose = (
                f"auto chose {summary.choice.algorithm} for {summary.choice.kind}: "
                + "; ".join(summary.choice.kind_reasons)
            )
        self.tooltip = "\n".join(tip for tip in (self.language_tip, chose) if tip) or None
        counted = f"{len(summary.sentences)} of {summary.document_sentence_count}"
        self.border_subtitle = f"{name} · {counted}"
        finite = [score for score, _ in summary.ranking if math.isfinite(score)]
        low, high = (min(finite), max(finite)) if finite else (0.0, 0.0)
        for number, s in enumerate(summary.sentences, 1):
            body = " ".join(text[s.start : s.end].split())
            if len(body) > _SNIPPET:
                body = body[: _SNIPPET - 1] + "…"
            prompt = Text.assemble(
                Text(f"{number}. ", style="bold"),
                Text(score_bar(s.score, low, high), style="dim"),
                " ",
                Text(body),
            )
            self.add_option(Option(prompt, id=f"{s.start}:{s.end}"))

    @work(exclusive=True, group="summary", exit_on_error=False)
    async def summarise(
        self, data: ReaderData, path: str, seg: Segmentation, algorithm: str, count: int
    ) -> None:
        """Make a summary off the event loop; what comes of it goes to the screen."""
        try:
            summary = await off_loop(
                lambda stop: data.summary(path, seg, algorithm, count, stop), "tread-summary"
            )
        except Cancelled:
            return  # another summary, another article or the end: nobody is waiting
        except TreadError as exc:
            self.post_message(msg.SummaryFailed(path, algorithm, count, str(exc)))
            return
        self.post_message(msg.SummaryMade(path, count, summary))

    def stop_summary(self) -> None:
        """Stop the summary being made (another article is opened): its thread stops
        at its next check, within a tenth of a second."""
        self.workers.cancel_group(self, "summary")

    def mark(self, index: int | None) -> None:
        """Highlight sentence ``index`` (the one ``n``/``N`` went to) and show it."""
        if self._note or index is None or not 0 <= index < self.option_count:
            self.highlighted = None
            return
        self.highlighted = index
        self.scroll_to_highlight()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        start, end = str(event.option.id).split(":")
        self.post_message(self.SentenceSelected(event.option_index, int(start), int(end)))
