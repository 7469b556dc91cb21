"""The summary in the side pane: numbered sentences, algorithm and count."""

from __future__ import annotations

import math

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tread.core.article import Summary

_SNIPPET = 400
_BARS = "▁▂▃▄▅▆▇█"


def score_bar(score: float, low: float, high: float) -> str:
    """One block character, taller for a higher score within the document's range."""
    if not math.isfinite(score) or high <= low:
        return _BARS[-1]
    level = (score - low) / (high - low)
    return _BARS[min(len(_BARS) - 1, int(level * len(_BARS)))]


class SummaryPanel(OptionList):
    class SentenceSelected(Message):
        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start, self.end = start, end

    def show_summary(self, text: str, summary: Summary | None, note: str = "") -> None:
        self.clear_options()
        if summary is None:
            self.border_subtitle = None
            self.add_option(Option(Text(note or "analysing…", style="dim italic"), disabled=True))
            return
        self.border_subtitle = (
            f"{summary.algorithm} · {len(summary.sentences)} of {summary.document_sentence_count}"
        )
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

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        start, end = str(event.option.id).split(":")
        self.post_message(self.SentenceSelected(int(start), int(end)))
