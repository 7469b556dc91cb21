from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tread.ui.wrap import wrap_lines, wrap_offsets


def check(text: str, width: int) -> list[str]:
    lines = wrap_offsets(text, 0, len(text), width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_s1, e1), (s2, _e2) in pairwise(lines):
        assert e1 == s2  # every character in exactly one line
    pieces = [text[s:e] for s, e in lines]
    for piece in pieces:
        assert cell_len(piece.rstrip()) <= width
    return pieces


def test_breaks_at_spaces() -> None:
    assert check("the quick brown fox jumps over", 10) == ["the quick ", "brown fox ", "jumps over"]


def test_long_word_is_cut_at_the_width() -> None:
    assert check("a " + "x" * 25, 10) == ["a ", "x" * 10, "x" * 10, "x" * 5]


def test_wide_characters_count_two_cells() -> None:
    pieces = check("中文字符 很长 的 句子 测试 一下", 6)
    assert all(cell_len(p.rstrip()) <= 6 for p in pieces)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab cd  xyz中😀\u0301")), min_size=1, max_size=120),
    st.integers(min_value=1, max_value=30),
)
def test_wrap_invariants(text: str, width: int) -> None:
    # a single wide character can be wider than a 1-cell line: it stands alone
    pieces = wrap_offsets(text, 0, len(text), width)
    assert "".join(text[s:e] for s, e in pieces) == text
    if width >= 2:
        check(text, width)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abc de  fghij")), min_size=1, max_size=200),
    st.integers(min_value=1, max_value=40),
)
def test_ascii_fast_path_matches_the_general_wrap(text: str, width: int) -> None:
    from tread.ui import wrap

    general = wrap.wrap_offsets(text + "é", 0, len(text), width)  # not ascii: general
    fast = wrap.wrap_offsets(text, 0, len(text), width)
    assert fast == general


def test_wrap_lines_gives_the_lines_as_text_by_cells() -> None:
    assert wrap_lines("could not be read: binary file", 12) == [
        "could not be",
        "read: binary",
        "file",
    ]
    assert all(cell_len(line) <= 6 for line in wrap_lines("東京都の天気は晴れです", 6))
