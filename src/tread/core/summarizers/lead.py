"""Lead: the first N sentences. The baseline every news summariser has to beat."""

from __future__ import annotations

from typing import Any

from sumy.summarizers._summarizer import AbstractSummarizer


class LeadSummarizer(AbstractSummarizer):  # type: ignore[misc]
    """Rates each sentence by its position: the earlier, the better."""

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        sentences = document.sentences
        order = {id(s): i for i, s in enumerate(sentences)}
        return self._get_best_sentences(sentences, sentences_count, lambda s: -float(order[id(s)]))
