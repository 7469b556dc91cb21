"""Find in the article: the plain rules (find.py) and the reader's find bar."""

from __future__ import annotations

from textual.widgets import Input

from tests.ui.conftest import reader, settle
from tread.core.config import Config
from tread.ui.app import Tread
from tread.ui.find import Find, find_matches
from tread.ui.widgets.article_view import ArticleView
from tread.ui.widgets.find_bar import FindBar, FindInput


def test_matches_ignore_case_and_span_line_breaks() -> None:
    text = "Los Angeles is big.\nIn los\nangeles, LOS ANGELES rests."
    spans = find_matches(text, "los  angeles")
    assert [text[s:e] for s, e in spans] == ["Los Angeles", "los\nangeles", "LOS ANGELES"]
    assert find_matches(text, "   ") == []
    assert find_matches("a.b axb", "a.b") == [(0, 3)]  # the query is literal, not a regex


def test_match_offsets_are_the_texts_even_where_lowercasing_changes_length() -> None:
    text = "İstanbul and Ankara"  # "İ".lower() is two characters
    assert find_matches(text, "ankara") == [(13, 19)]


def test_steps_start_at_the_view_and_wrap_round() -> None:
    find = Find()
    find.search("x a x a x a", "a")  # matches at 2, 6, 10
    assert find.count() == "3"
    assert find.step(1, top=5) == (6, 7) and find.count() == "2/3"
    assert find.step(1, top=0) == (10, 11)
    assert find.step(1, top=0) == (2, 3)  # past the last: the first again
    find.index = None
    assert find.step(-1, top=5) == (2, 3)  # backwards: the last one above the view
    find.search("x", "a")
    assert find.step(1, 0) is None and find.count() == "no match"
    find.clear()
    assert find.count() == ""


async def test_find_as_you_type_marks_counts_and_steps(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("f", *"trump")
        assert isinstance(app.focused, FindInput)
        assert [view.text[s:e] for s, e in view.matches] == ["Trump"] * 3
        assert view.current == view.matches[0]  # the first match is shown as you type
        assert "find “trump” 1/3" in str(view.border_subtitle)
        assert "1/3" in str(app.query_one("#find-count").render())
        await pilot.press("enter")  # back to the text, the matches kept
        assert app.focused is view and not app.query_one(FindBar).display
        await pilot.press("full_stop", "full_stop")
        assert view.current == view.matches[2]
        await pilot.press("comma")
        assert view.current == view.matches[1]
        assert reader(app).state.note == "find “trump” 2/3"
        await pilot.press("escape")  # in the text: the marks go
        assert view.matches == [] and view.current is None
        assert "find" not in str(view.border_subtitle)


async def test_escape_in_the_find_bar_clears_it_and_the_find_follows_articles(
    articles: list[str],
) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("ctrl+f", *"korea", "enter")
        assert view.matches == []
        assert reader(app).state.note == "find “korea” no match"
        reader(app).open_article(articles[1])  # the find goes on in the next article
        await settle(pilot)
        assert len(view.matches) > 3
        assert all(view.text[s:e].lower() == "korea" for s, e in view.matches)
        await pilot.press("f", "escape")
        assert view.matches == [] and app.focused is view


async def test_a_step_to_a_match_leaves_skim_mode(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert reader(app).state.skim
        await pilot.press("f", *"deportation", "enter")
        assert not reader(app).state.skim  # a match may lie in the folded text


async def test_find_keys_are_remapped_by_id(articles: list[str]) -> None:
    app = Tread(articles, config=Config(keys={"find": "x", "find-next": "right_curly_bracket"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("x", *"ice", "enter", "right_curly_bracket")
        assert view.current == view.matches[1]


async def test_keys_typed_in_a_burst_after_f_or_slash_go_to_the_field(
    articles: list[str],
) -> None:
    """A terminal delivers "fice" at once: focus must move before the next key is read."""
    from textual import events

    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("f", "i", "c", "e"):
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert app.query_one(FindInput).value == "ice"
        assert reader(app).state.skim is False  # no key went to the reader's bindings
        await pilot.press("enter")
        for key in ("slash", "k", "o", "r"):
            app.post_message(events.Key(key, None if key == "slash" else key))
        await pilot.pause()
        assert app.query_one("#filter", Input).value == "kor"


async def test_keys_typed_in_a_burst_after_enter_go_to_the_text(articles: list[str]) -> None:
    from textual import events

    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("f", *"ice")
        for key, char in (("enter", None), ("full_stop", "."), ("full_stop", ".")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        assert app.query_one(FindInput).value == "ice"
        assert view.current == view.matches[2]
