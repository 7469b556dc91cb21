from __future__ import annotations

from pathlib import Path

from rich.text import Text

from tests.ui.conftest import reader, settle
from tread.core.article import Article
from tread.core.config import load_config
from tread.ui.app import Tread
from tread.ui.screens.help import HelpScreen
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.article_view import ArticleView
from tread.ui.widgets.entity_index import EntityIndex, EntityKey
from tread.ui.widgets.summary_panel import SummaryPanel


async def test_opens_first_article_with_summary_and_entities(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.text == Path(articles[0]).read_text(encoding="utf-8")
        assert view.line_count > 20
        summary = app.query_one("#summary", SummaryPanel)
        assert summary.option_count == 5
        index = app.query_one(EntityIndex)
        ice = index.occurrences(EntityKey("ORG", "ICE"))
        assert len(ice) == 4 and all(view.text[e.start : e.end] == "ICE" for e in ice)
        assert app.query_one(ArticleList).is_read(articles[0])


async def test_the_index_lists_a_surname_under_the_full_name(articles: list[str]) -> None:
    app = Tread([articles[2]])  # "President Donald Trump's policies", then "Trump's"
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        index, text = app.query_one(EntityIndex), app.query_one(ArticleView).text
        trump = index.occurrences(EntityKey("PERSON", "Donald Trump"))
        said = [text[e.start : e.end] for e in trump]
        assert "Donald Trump" in said and "Trump" in said
        assert [e.start for e in trump] == sorted(e.start for e in trump)
        assert index.occurrences(EntityKey("PERSON", "Trump")) == []


async def test_selecting_another_article_and_coming_back(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        listing = app.query_one(ArticleList)
        listing.focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert reader(app).state.current_path == articles[1]
        assert "North Korea" in app.query_one(ArticleView).text
        assert app.focused is app.query_one(ArticleView)  # reading starts at once
        listing.focus()
        await pilot.press("up", "enter")
        await pilot.pause()
        assert reader(app).state.current_path == articles[0]  # cached: shown without new work
        assert "Los Angeles" in app.query_one(ArticleView).text


async def test_filter_as_you_type(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"korea")
        assert app.query_one(ArticleList).shown_paths == [articles[1]]
        await pilot.press("escape")
        assert len(app.query_one(ArticleList).shown_paths) == len(articles)


async def test_next_and_previous_summary_sentence(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        spans = view.summary_spans
        assert len(spans) == 5
        await pilot.press("n")
        assert view.current == spans[0]
        await pilot.press("n")
        assert view.current == spans[1]
        await pilot.press("N")
        assert view.current == spans[0]


async def test_entity_jump_cycles_through_occurrences(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        index = app.query_one(EntityIndex)
        index.choose(EntityKey("ORG", "ICE"))
        await pilot.pause()
        first = view.current
        index.choose(EntityKey("ORG", "ICE"))
        await pilot.pause()
        second = view.current
        assert first is not None and second is not None and first != second
        assert view.text[first[0] : first[1]] == view.text[second[0] : second[1]] == "ICE"
        assert view.line_of(second[0]) >= view.line_of(first[0])


async def test_entity_kinds_toggle_by_key_and_all_at_once(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        ice = app.query_one(EntityIndex).occurrences(EntityKey("ORG", "ICE"))[0]
        line = view.line_of(ice.start) - int(view.scroll_y)

        def ice_is_coloured() -> bool:
            return any(
                seg.text.startswith("ICE") and seg.style.bold for seg in view.render_line(line)
            )

        assert ice_is_coloured()
        await pilot.press("2")
        await settle(pilot)
        assert not ice_is_coloured()
        assert load_config()[0].hidden_kinds == ["organisation"]
        await pilot.press("2")
        assert ice_is_coloured()
        await pilot.press("e")
        assert not ice_is_coloured()


async def test_algorithm_and_length_change_the_summary(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one("#summary", SummaryPanel)
        await pilot.press("plus")
        await settle(pilot)
        assert panel.option_count == 6
        await pilot.press("a")
        await settle(pilot)
        assert app.config.algorithm == "luhn"  # after tread (the default) the list wraps
        assert "luhn · 6 of" in str(panel.border_subtitle)
        assert len(app.query_one(ArticleView).summary_spans) == 6
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert panel.option_count == 4


async def test_skim_mode_folds_to_summary_with_context(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        full = view.line_count
        await pilot.press("s")
        assert view.line_count < full
        assert any(b.kind == "gap" for b in view.blocks)
        await pilot.press("s")
        assert view.line_count == full


async def test_help_screen_lists_bindings(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {description for _, description, _, _ in app.screen.rows}
        assert {"Next summary sentence", "Show or hide person entities", "Next article"} <= rows
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_settings_are_saved_and_restored(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", "plus", "right_square_bracket")
        await settle(pilot)
    saved = load_config()[0]
    assert (saved.algorithm, saved.sentences, saved.show_side) == ("luhn", 6, False)
    again = Tread(articles)
    async with again.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert again.query_one("#side-pane").display is False
        assert again.config.algorithm == "luhn"
        assert app.config.last_article == reader(again).state.current_path


async def test_piped_text(articles: list[str]) -> None:
    text = "Piped story\n\nThe council met on Tuesday. It voted to build a park. People cheered."
    app = Tread(["-"], preloaded={"-": Article(text=text, source="<stdin>")})
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.query_one(ArticleView).text == text
        assert app.query_one("#summary", SummaryPanel).option_count == 3


async def test_markup_like_text_is_shown_literally(articles: list[str]) -> None:
    app = Tread([articles[3]])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        shown = " ".join(view.plain_lines())
        assert "[bold red]fake markup[/]" in shown
        assert "[@click=app.quit]here[/]" in shown
        for y in range(view.size.height):
            strip = view.render_line(y)
            assert all(not (seg.style and (seg.style.link or seg.style.meta)) for seg in strip)
        await pilot.click(ArticleView, offset=(10, 3))
        assert app.is_running
        assert isinstance(Text(shown), Text)


async def test_small_terminal_shows_list_and_text(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one("#side-pane").display is False
        assert app.query_one("#list-pane").display is True
        await pilot.press("right_square_bracket")
        assert app.query_one("#side-pane").display is True
        assert app.query_one("#list-pane").display is False


async def test_unreadable_file_is_shown_in_place(tmp_path: Path, articles: list[str]) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    app = Tread([str(bad), *articles])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert "binary file" in str(app.query_one(ArticleView).border_title)
        assert app.query_one(ArticleList).info(str(bad)).error


async def test_escape_sequences_never_reach_the_screen(tmp_path: Path) -> None:
    from tests.test_hostile import ATTACKS, UNSAFE

    f = tmp_path / "attacks.txt"
    f.write_text(ATTACKS, encoding="utf-8")
    app = Tread([str(f)])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        shown = " ".join(view.plain_lines())
        assert "Clear" in shown and "screen." in shown and "pwned" not in shown
        for y in range(view.size.height):
            for segment in view.render_line(y):
                assert not UNSAFE.search(segment.text)
        screen = app.export_screenshot()
        assert "\x1b" not in screen and "pwned" not in screen


async def test_the_hostile_corpus_in_the_reader(tmp_path: Path) -> None:
    from tests.test_hostile import UNSAFE, corpus

    files = {
        n: p
        for n, p in corpus(tmp_path).items()
        if n not in ("long-line.txt", "many-sentences.txt", "directory")
    }
    app = Tread([str(p) for p in files.values()])
    async with app.run_test(size=(120, 36)) as pilot:
        for name, path in files.items():
            reader(app).open_article(str(path))
            await settle(pilot)
            assert app.is_running, name
            view = app.query_one(ArticleView)
            title = str(view.border_title)
            assert not UNSAFE.search(title), name
            if name in (
                "empty.txt",
                "blank.txt",
                "image.png",
                "archive.zip",
                "program.bin",
                "text.gz",
                "broken-link",
                "missing",
            ):
                assert ": " in title, (name, title)  # "file: problem", in place
            for line in view.plain_lines():
                assert not UNSAFE.search(line), name
