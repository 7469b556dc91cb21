"""The reader's plain parts, without an app: per-article state, cursors, pane widths,
the metadata line, and the table of actions."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tread.core.article import Article, Summary
from tread.ui.actions import ACTIONS, BY_ID, SCOPES, bindings, keys_of
from tread.ui.layout import NARROW, panes
from tread.ui.models import host, info_for, metadata_lines, source_label
from tread.ui.state import (
    MAX_SENTENCES,
    SUMMARY,
    ArticleState,
    Cycle,
    ReaderState,
    clamp_sentences,
    first_summary_step,
    minutes_left,
    reading_time,
    words_in,
)


def test_the_state_and_layout_modules_import_no_textual() -> None:
    code = (
        "import sys, tread.ui.state, tread.ui.layout, tread.ui.models; "
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_cycle_steps_round_and_remembers_per_key() -> None:
    cycle = Cycle()
    assert [cycle.step("ice", 3) for _ in range(4)] == [0, 1, 2, 0]
    assert cycle.step("fbi", 2, step=-1) == 1  # backwards starts at the end
    assert cycle.position("ice") == 0 and cycle.position("dea") is None
    assert cycle.step("x", 4, start=2) == 2 and cycle.step("x", 4) == 3
    cycle.reset("ice")
    assert cycle.position("ice") is None and cycle.position("fbi") == 1
    with pytest.raises(ValueError):
        cycle.step("none", 0)


def test_the_first_summary_step_starts_from_the_top_of_the_view() -> None:
    spans = [(0, 10), (50, 60), (100, 110)]
    assert first_summary_step(spans, top=40, step=1) == 1
    assert first_summary_step(spans, top=40, step=-1) == 0
    assert first_summary_step(spans, top=200, step=1) == 0  # past the last: wrap
    assert first_summary_step(spans, top=200, step=-1) == 2


@pytest.mark.parametrize(
    ("requested", "available", "expected"),
    [(6, 14, 6), (26, 14, 14), (0, 14, 1), (99, 0, MAX_SENTENCES), (3, 0, 3), (60, 80, 50)],
)
def test_the_summary_length_stays_within_the_article(
    requested: int, available: int, expected: int
) -> None:
    assert clamp_sentences(requested, available) == expected


def test_an_articles_state_keeps_summaries_by_algorithm_and_length() -> None:
    art = ArticleState("a.txt")
    summary = Summary("luhn", "english", 9)
    art.cycle.step(SUMMARY, 3)
    art.add_summary(5, summary)
    assert art.summary("luhn", 5) is summary and art.summary("luhn", 4) is None
    assert art.cycle.position(SUMMARY) is None  # a new summary: n starts again
    art.summary_errors[("lsa", 5)] = "no"
    assert art.summary_error("lsa", 5) == "no" and art.summary_error("luhn", 5) is None
    assert art.summary_spans("luhn", 5) == [] and art.sentence_count == 0


def test_the_reader_state_opens_articles_and_forgets_the_note() -> None:
    state = ReaderState()
    first = state.open("a")
    state.note = "ICE 1/4"
    first.top = 120
    second = state.open("b")
    assert state.current is second and state.note == ""
    assert state.open("a") is first and first.top == 120  # as it was left


def test_reading_time_counts_the_words_shown() -> None:
    text = "one two three four five six"
    assert words_in(text, [(0, 7), (14, 18)]) == 3
    assert minutes_left(460, 230, 0.0) == 2
    assert minutes_left(460, 230, 0.9) == 0  # under half a minute


def test_a_books_reading_time_is_said_in_hours() -> None:
    assert [reading_time(m) for m in (1, 59, 60, 65, 130, 599, 600, 922)] == [
        "1 min",
        "59 min",
        "1 h",
        "1 h 05 min",
        "2 h 10 min",
        "9 h 59 min",
        "10 h",
        "15 h",
    ]
    assert minutes_left(460, 230, 0.5) == 1


@pytest.mark.parametrize("width", [80, 90, 109, 110, 120, 160, 200, 300])
def test_the_text_gets_the_most_room(width: int) -> None:
    fit = panes(width, True, True)
    text = width - fit.list - fit.side
    assert fit.narrow == (width < NARROW)
    assert text > fit.list and text > fit.side
    assert text >= 54  # a readable column even at 80
    if not fit.narrow:
        assert fit.list and fit.side
    else:
        assert fit.side == 0  # at 80 the list and the text; ] swaps in the side pane


def test_the_side_pane_comes_back_when_the_terminal_widens() -> None:
    assert panes(90, True, True).side == 0
    assert panes(90, True, True, narrow_pick="side").list == 0
    assert panes(160, True, True, narrow_pick="side").list > 0
    assert panes(160, True, True).side > 0
    assert panes(160, False, True).list == 0  # what the user hid stays hidden


def test_web_pages_are_named_by_their_site() -> None:
    page = Article(
        text="x", source="https://www.example.org/a/b", link="https://www.example.org/a/b"
    )
    assert host("https://www.example.org/a/b") == "example.org"
    assert host("/tmp/web/page.html") == "" and host(None) == ""
    assert source_label("https://www.example.org/a/b", page) == "example.org"
    assert source_label("/home/me/web/page.html") == "web"
    assert source_label("-") == "standard input"


def test_the_list_names_a_files_format_so_one_books_epub_and_pdf_differ() -> None:
    book = Article(text="Call me Ishmael.", source="s", title="Moby-Dick")
    epub = info_for(book, "/b/samples/moby.epub")
    pdf = info_for(book, "/b/samples/moby.PDF")
    assert (epub.title, pdf.title) == ("Moby-Dick", "Moby-Dick")
    assert (epub.source, pdf.source) == ("EPUB · samples", "PDF · samples")
    assert info_for(book, "/b/samples/moby.txt").source == "samples"
    assert info_for(book, "https://example.org/story.html").source == "example.org"


def test_metadata_lines_say_what_the_source_knew() -> None:
    article = Article(
        text="x",
        source="s",
        author="Ann Lee",
        published="2024-03-12",
        link="https://news.example.com/story\x1b[2J",
    )
    first, link = metadata_lines(article)
    assert first == "by Ann Lee · 2024-03-12 · news.example.com"
    assert "\x1b" not in link and link.startswith("https://news.example.com/story")
    assert metadata_lines(Article(text="x", source="file.txt")) == []


def test_every_action_has_a_unique_id_and_a_known_scope() -> None:
    ids = [a.id for a in ACTIONS]
    assert len(ids) == len(set(ids))
    assert all(a.scope in SCOPES for a in ACTIONS)
    assert all(a.id == a.id.lower() and " " not in a.id for a in ACTIONS)
    titles = [a.palette for a in ACTIONS if a.palette]
    assert len(titles) == len(set(titles))


def test_bindings_and_keys_come_from_the_table() -> None:
    reader = {b.id: b for b in bindings("reader")}  # type: ignore[union-attr]
    assert reader["skim"].key == "s" and reader["skim"].show
    assert not reader["previous-summary"].show
    assert keys_of(BY_ID["skim"], {"skim": "x, z"}) == ["x", "z"]
    assert keys_of(BY_ID["list-down"], {}) == ["j", "down"]
