"""Issue 13's rough edges, as a user meets them."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from sumy.summarizers._summarizer import AbstractSummarizer
from textual.geometry import Region
from textual.widgets import Static

from tests.ui.conftest import reader, settle
from tread.core.article import Article, Entity
from tread.core.config import Config
from tread.core.store.library import Library, default_path
from tread.core.summarizers.registry import ALGORITHMS, Algorithm
from tread.ui.app import Tread
from tread.ui.palette import reader_commands
from tread.ui.screens.help import HelpScreen
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.article_view import ArticleView
from tread.ui.widgets.entity_index import EntityIndex
from tread.ui.widgets.filter_input import FilterInput
from tread.ui.widgets.footer import ReaderFooter
from tread.ui.widgets.summary_panel import SummaryPanel


def status(app: Tread) -> str:
    return str(app.query_one("#list-status", Static).render())


def minutes(app: Tread) -> int:
    found = re.search(r"(\d+) min left", str(app.query_one(ArticleView).border_subtitle))
    return int(found.group(1)) if found else 0


async def test_the_footer_shows_whole_keys_at_80_columns(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = list(app.query_one(ReaderFooter).children)
        palette = [k for k in keys if k.has_class("-command-palette")]
        others = [k for k in keys if k not in palette]
        assert len(others) >= 5 and len(palette) == 1
        for key in others:  # none runs past the edge or under the palette key
            assert key.region.right <= palette[0].region.x <= 80
            assert key.region.width == len(key.render().plain)  # drawn whole


async def test_while_typing_in_the_filter_the_footer_offers_no_key_it_would_type(
    articles: list[str],
) -> None:
    app = Tread(articles)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)

        def shown() -> set[str]:
            return {getattr(k, "key_display", "") for k in app.query_one(ReaderFooter).children}

        assert {"+", "-"} <= shown()  # more and fewer summary sentences, in the text
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, FilterInput)
        assert not {"+", "-", "/"} & shown()  # typed into the filter, not actions
        assert "^f" in shown()  # a control key still works there
        await pilot.press("escape")
        await pilot.pause()
        assert {"+", "-"} <= shown()


async def test_the_filter_shows_it_has_the_keys(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        field = app.query_one(FilterInput)
        idle = field.rich_style.bgcolor
        await pilot.press("slash")
        assert app.focused is field
        assert field.rich_style.bgcolor != idle and field.rich_style.bold


async def test_enter_in_the_filter_opens_the_first_match(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"korea")
        assert status(app) == f"1 of {len(articles)} match"
        await pilot.press("enter")
        await settle(pilot)
        assert reader(app).state.current_path == articles[1]
        assert app.focused is app.query_one(ArticleView)


async def test_a_filter_with_no_match_says_so(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzz")
        listing = app.query_one(ArticleList)
        assert listing.option_count == 0
        assert status(app) == f"0 of {len(articles)} match"
        first = "".join(s.text for s in listing.render_line(0))
        assert "no match for “zzz”" in first
        await pilot.press("escape")
        assert app.focused is listing and status(app) == f"{len(articles)} articles"


async def test_one_article_is_counted_in_the_singular(articles: list[str]) -> None:
    app = Tread(articles[:1])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert status(app) == "1 article"


async def test_the_sort_order_is_shown_with_the_list(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        assert status(app).endswith("· by title")
        await pilot.press("S", "S")
        assert "by" not in status(app)


async def test_help_scrolls_with_the_reading_keys(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.body
        assert body.max_scroll_y > 0
        await pilot.press("j", "j", "down")
        assert body.scroll_y == 3
        await pilot.press("k")
        assert body.scroll_y == 2
        await pilot.press("space")
        assert body.scroll_y > 10


async def test_the_help_rule_spans_the_table(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query(Static)[1]
        width = table.size.width
        lines = table.render_lines(Region(0, 0, width, 4))
        rules = ["".join(s.text for s in line) for line in lines]
        rule = max(rules, key=lambda text: text.count("─"))
        assert rule.strip(" ─") == "" and rule.count("─") >= width - 1


async def test_remapped_keys_work_in_the_list_and_show_in_help(tmp_path: Path) -> None:
    files = []
    for name in ("a", "b", "c"):
        f = tmp_path / f"{name}.txt"
        f.write_text(f"Story {name}\n\nIt happened on Monday. People talked.", encoding="utf-8")
        files.append(str(f))
    app = Tread(files, config=Config(keys={"list-down": "x", "skim": "z"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.query_one(ArticleList)
        listing.focus()
        await pilot.press("x")
        assert listing.highlighted_path == files[1]
        await pilot.press("question_mark")
        rows = {ident: keys for keys, _, _, ident in app.screen.rows}
        assert rows["list-down"] == "x" and rows["skim"] == "z"


async def test_the_summary_marks_the_sentence_n_went_to(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(SummaryPanel)
        assert panel.highlighted is None
        await pilot.press("n")
        assert panel.highlighted == 0
        await pilot.press("n", "n", "N")
        assert panel.highlighted == 1
        assert "summary 2/5" in str(app.query_one(ArticleView).border_subtitle)


@pytest.mark.parametrize("key", ["plus", "minus", "a"])
async def test_a_new_summary_drops_the_old_ones_mark_and_note(
    articles: list[str], key: str
) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("n", "n")
        assert "summary 2/5" in str(view.border_subtitle) and view.current is not None
        await pilot.press(key)
        await settle(pilot)
        assert "summary" not in str(view.border_subtitle) and view.current is None
        await pilot.press("n")  # from the top again, in the new summary
        assert re.search(r"summary 1/\d+", str(view.border_subtitle))


async def test_e_says_what_it_did(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        index = app.query_one(EntityIndex)
        await pilot.press("e")
        assert index.border_subtitle == "hidden · e"
        await pilot.press("e")
        assert index.border_subtitle is None


async def test_skim_mode_counts_only_the_skimmed_words(articles: list[str]) -> None:
    app = Tread([articles[2]])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        full = minutes(app)
        await pilot.press("s")
        assert 0 < minutes(app) < full


class Waits(AbstractSummarizer):  # type: ignore[misc]
    """A toy summariser that takes as long as the test wants."""

    go = threading.Event()

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        Waits.go.wait()
        return self._get_best_sentences(document.sentences, sentences_count, lambda s: 1.0)


async def test_a_new_algorithm_clears_the_old_summary_at_once(
    articles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ALGORITHMS, "waits", Algorithm("waits", "slow", f"{__name__}:Waits"))
    Waits.go.clear()
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(SummaryPanel)
        reader(app).set_algorithm("waits")
        await pilot.pause()
        assert panel.note == "summarising with waits…"
        assert app.query_one(ArticleView).summary_spans == []
        Waits.go.set()
        await settle(pilot)
        assert panel.note == "" and panel.option_count == 5


async def test_the_entity_index_fits_long_names_to_its_width(tmp_path: Path) -> None:
    long_name = "The International Federation of Very Long Organisation Names"
    f = tmp_path / "a.txt"
    f.write_text(f"A report\n\n{long_name} met on Monday. It spoke.", encoding="utf-8")
    app = Tread([str(f)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        index = app.query_one(EntityIndex)
        assert index.styles.padding.left == 1
        assert index.max_scroll_x == 0 and not index.show_horizontal_scrollbar
        lines = ["".join(s.text for s in index.render_line(y)) for y in range(index.size.height)]
        long_line = next(line for line in lines if "International Fed" in line)
        assert re.search(r"…  1\s*$", long_line)  # cut with an ellipsis, the count kept
        assert all(len(line) <= index.size.width for line in lines)


async def test_metadata_and_the_site_are_shown() -> None:
    page = Article(
        text="A headline\n\nThe mayor spoke on Monday. The council listened.",
        source="https://www.example.com/news/1",
        author="Ann Lee",
        published="2024-03-12",
        link="https://www.example.com/news/1",
    )
    url = "https://www.example.com/news/1"
    app = Tread([url], preloaded={url: page})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = app.query_one(ArticleView).plain_lines()
        assert lines[0] == "by Ann Lee · 2024-03-12 · example.com"
        assert lines[1] == url and lines[2] == ""
        info = app.query_one(ArticleList).info(url)
        assert info is not None and info.source == "example.com"


async def test_read_marks_of_files_are_kept_in_the_library(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    with Library(default_path()) as lib:
        assert lib.file_marks_read() == {articles[0]}
    again = Tread(articles, config=Config(mark_read_on_open=False))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = again.query_one(ArticleList)
        assert listing.is_read(articles[0]) and not listing.is_read(articles[1])
        await pilot.press("m")  # unread again
        await settle(pilot)
    with Library(default_path()) as lib:
        assert lib.file_marks_read() == set()


async def test_the_palette_runs_actions_from_the_table(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in reader_commands(reader(app))}
        assert {"summary: more sentences", "panes: toggle side pane"} <= set(commands)
        await commands["summary: more sentences"].callback()
        await settle(pilot)
        assert app.config.sentences == 6
        assert app.query_one(SummaryPanel).option_count == 6


async def test_entity_counts_stay_in_view_when_the_index_gains_a_scrollbar() -> None:
    """Names are cut to the width beside the scrollbar, and the Tree caches its lines
    by the widget's width alone: lines drawn before a scrollbar came had their counts
    under it (seen in a snapshot)."""
    from textual.app import App, ComposeResult

    class OneIndex(App[None]):
        CSS = "EntityIndex { width: 30; height: 12; }"

        def compose(self) -> ComposeResult:
            yield EntityIndex()

    names = [f"Organisation Number {n} of the Long Names" for n in range(3)]
    entities = [Entity(i * 60, i * 60 + len(name), "ORG", name) for i, name in enumerate(names)]
    app = OneIndex()
    async with app.run_test(size=(60, 20)) as pilot:
        index = app.query_one(EntityIndex)
        index.show_entities(entities, frozenset())
        await pilot.pause()

        def labels() -> list[str]:
            rows = ["".join(s.text for s in index.render_line(y)) for y in range(index.size.height)]
            return [row.rstrip() for row in rows if "Organisation" in row]

        assert not index.show_vertical_scrollbar and len(labels()) == 3  # drawn, cached
        index.show_vertical_scrollbar = True  # as the layout does when lines are added
        width = index.scrollable_content_region.width
        assert all(len(row) <= width and row.endswith("…  1") for row in labels())


async def test_z_from_the_list_gives_the_keys_to_the_text(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("z")
        assert app.screen.maximized is app.query_one(ArticleView)
        assert app.focused is app.query_one(ArticleView)  # not the hidden filter
        await pilot.press("z", "n")
        assert app.screen.maximized is None
        assert app.query_one(FilterInput).value == ""
        assert "summary 1/5" in str(app.query_one(ArticleView).border_subtitle)


@pytest.mark.parametrize(("width", "ids"), [(45, False), (70, True), (110, True)])
def test_the_help_keeps_the_descriptions_and_drops_the_ids_when_narrow(
    width: int, ids: bool
) -> None:
    from rich.console import Console

    from tread.ui.screens.help import KeysTable

    rows = [("n", "Next summary sentence", "reader", "next-summary")]
    console = Console(width=width, record=True, color_system=None)
    console.print(KeysTable(rows))
    text = console.export_text()
    assert "Next summary sentence" in " ".join(text.split())
    assert ("next-summary" in text) is ids


async def test_a_long_error_above_the_text_is_wrapped_not_cut(tmp_path: Path) -> None:
    broken = tmp_path / "bin.txt"
    broken.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(1, 32)) * 8)
    app = Tread([str(broken)])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        lines = view.plain_lines()
        said = " ".join(" ".join(lines).split())
        assert said.startswith("could not be read: binary file") and said.endswith("not text")
        assert len(lines) > 1 and all(len(line) <= view.wrap_width for line in lines)
