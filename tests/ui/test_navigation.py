"""Moving between articles from the text: J/K through the list as shown, u to the next
unread one."""

from __future__ import annotations

from tests.ui.conftest import reader, settle
from tread.core.config import Config
from tread.ui.app import Tread
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.article_view import ArticleView


async def test_J_and_K_open_the_next_and_previous_article_from_the_text(
    articles: list[str],
) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert app.focused is view
        await pilot.press("J")
        await settle(pilot)
        assert reader(app).state.current_path == articles[1]
        assert "North Korea" in view.text
        assert app.query_one(ArticleList).highlighted_path == articles[1]  # the list follows
        await pilot.press("J", "K", "K")
        await settle(pilot)
        assert reader(app).state.current_path == articles[0]
        await pilot.press("K")  # nothing before the first: it stays
        assert reader(app).state.current_path == articles[0]


async def test_J_follows_the_list_as_sorted_and_filtered(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.query_one(ArticleList)
        listing.set_filter("korea")  # the open article is not shown: J opens the first
        await pilot.press("J")
        await settle(pilot)
        assert reader(app).state.current_path == articles[1]
        listing.set_filter("")
        await pilot.press("S")  # by title: K goes to the title before, not the file before
        order = listing.shown_paths
        assert order[-1] == articles[1]  # "North Korea…" sorts last
        await pilot.press("K")
        await settle(pilot)
        assert reader(app).state.current_path == order[-2] != articles[0]


async def test_u_opens_the_next_unread_and_says_when_none_is_left(articles: list[str]) -> None:
    app = Tread(articles)
    notes: list[str] = []
    app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.query_one(ArticleList)
        listing.set_read(articles[1])  # read already: u skips it
        await pilot.press("u")
        await settle(pilot)
        assert reader(app).state.current_path == articles[2]
        await pilot.press("u")
        await settle(pilot)
        assert reader(app).state.current_path == articles[3]
        assert listing.unread_count == 0
        await pilot.press("u")  # all read: it stays, and says so
        await pilot.pause()
        assert reader(app).state.current_path == articles[3]
        assert any("no other unread" in note for note in notes)


async def test_article_keys_are_remapped_by_id(articles: list[str]) -> None:
    app = Tread(articles, config=Config(keys={"next-article": "x", "next-unread": "y"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert reader(app).state.current_path == articles[1]
        await pilot.press("y")
        await settle(pilot)
        assert reader(app).state.current_path == articles[2]
