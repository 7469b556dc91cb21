"""Maximising the text, and list and side-pane widths the user sets and the config keeps."""

from __future__ import annotations

from tests.ui.conftest import reader, settle
from tread.core.config import Config, load_config
from tread.ui.app import Tread
from tread.ui.layout import MIN_PANE, MIN_TEXT, panes, resized
from tread.ui.widgets.article_view import ArticleView
from tread.ui.widgets.status_bar import StatusBar


def test_set_widths_are_used_and_kept_within_the_terminal() -> None:
    auto = panes(160, True, True)
    assert panes(160, True, True, list_width=50) == panes(160, True, True, "list", 50, 0)
    assert panes(160, True, True, list_width=50).list == 50
    assert panes(160, True, True, list_width=50).side == auto.side
    wide = panes(160, True, True, list_width=150, side_width=150)
    assert 160 - wide.list - wide.side >= MIN_TEXT - MIN_PANE  # the text keeps room
    assert panes(160, True, True, list_width=3).list == MIN_PANE
    assert panes(80, True, True, list_width=40).list == 40  # narrow: one pane, as set
    assert panes(80, True, True, list_width=70).list == 80 - MIN_TEXT
    assert panes(160, False, True, list_width=50).list == 0  # hidden stays hidden
    assert resized(30, 4, 120) == 34 and resized(MIN_PANE, -4, 120) == MIN_PANE


async def test_z_maximises_the_text_and_escape_or_z_restores(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        narrow = view.outer_size.width
        await pilot.press("z")
        await pilot.pause()
        assert reader(app).maximized is view
        assert view.outer_size.width == 120 and app.query_one(StatusBar).region.height == 1
        await pilot.press("f", *"ice", "enter")  # find works on the maximised text
        assert view.matches and reader(app).maximized is view
        await pilot.press("escape")  # escape restores first; the find stays
        await pilot.pause()
        assert reader(app).maximized is None and view.outer_size.width == narrow
        assert view.matches
        await pilot.press("z", "z")
        await pilot.pause()
        assert reader(app).maximized is None and view.outer_size.width == narrow


async def test_pane_widths_change_and_are_remembered(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        lists, side = app.query_one("#list-pane"), app.query_one("#side-pane")
        before_list, before_side = lists.outer_size.width, side.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign", "left_curly_bracket")
        await pilot.pause()
        assert lists.outer_size.width == before_list + 8
        assert side.outer_size.width == before_side - 4
        await settle(pilot)
    saved = load_config()[0]
    assert (saved.list_width, saved.side_width) == (before_list + 8, before_side - 4)
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.query_one("#list-pane").outer_size.width == before_list + 8
        await pilot.resize_terminal(100, 30)  # narrow: the set width still holds
        await pilot.pause()
        assert app.query_one("#list-pane").outer_size.width == before_list + 8


async def test_width_keys_are_remapped_by_id(articles: list[str]) -> None:
    app = Tread(articles, config=Config(keys={"list-wider": "x", "maximise": "w"}))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        before = app.query_one("#list-pane").outer_size.width
        await pilot.press("x", "w")
        await pilot.pause()
        assert app.query_one("#list-pane").outer_size.width == before + 4
        assert reader(app).maximized is app.query_one(ArticleView)


def test_a_width_in_the_config_is_checked() -> None:
    from tread.core.config import from_mapping

    config, problems = from_mapping({"list_width": -3, "side_width": 44})
    assert config.list_width == 0 and config.side_width == 44
    assert problems == ["'list_width' must be a whole number from 0 to 400 (got -3)"]
