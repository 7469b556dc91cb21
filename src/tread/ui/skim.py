"""Blocks for the article view: the whole text, or (skim mode) the summary in context."""

from __future__ import annotations

from tread.core.article import Segmentation, Summary
from tread.ui.models import Block

CONTEXT = 1  # sentences of context on each side of a summary sentence


def normal_blocks(seg: Segmentation) -> list[Block]:
    from tread.core.text.segment import paragraph_spans

    headings = {(h.start, h.end) for h in seg.headings}
    return [
        Block(s, e, "heading" if (s, e) in headings else "paragraph")
        for s, e in paragraph_spans(seg.text)
    ]


def skim_blocks(seg: Segmentation, summary: Summary, context: int = CONTEXT) -> list[Block]:
    """Each summary sentence with ``context`` sentences around it, within its paragraph;
    runs that touch are merged, and a gap block stands for what is left out."""
    sentences = seg.sentences
    last = len(sentences) - 1
    groups: list[list[int]] = []

    def same_paragraph(i: int, j: int) -> bool:
        return sentences[i].paragraph == sentences[j].paragraph

    for s in summary.sentences:
        lo = hi = s.index
        while lo > 0 and s.index - lo < context and same_paragraph(lo - 1, s.index):
            lo -= 1
        while hi < last and hi - s.index < context and same_paragraph(hi + 1, s.index):
            hi += 1
        if groups and lo <= groups[-1][1] + 1 and same_paragraph(lo, groups[-1][1]):
            groups[-1][1] = max(groups[-1][1], hi)
        else:
            groups.append([lo, hi])
    blocks = [Block(h.start, h.end, "heading") for h in seg.headings if h.paragraph == 0]
    previous_end = -1
    for lo, hi in groups:
        if lo > previous_end + 1:
            blocks.append(Block(sentences[lo].start, sentences[lo].start, "gap"))
        blocks.append(Block(sentences[lo].start, sentences[hi].end))
        previous_end = hi
    if groups and previous_end < last:
        blocks.append(Block(sentences[-1].end, sentences[-1].end, "gap"))
    return blocks
