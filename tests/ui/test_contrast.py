"""Entity colours read on every built-in theme: WCAG 4.5:1 against the text's
background and against the summary tint, computed from each theme's own colours,
and as drawn by the article view."""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.app import App
from textual.color import Color

from tests.ui.conftest import settle
from tread.core.entities.kinds import KINDS
from tread.ui.app import Tread
from tread.ui.colours import MIN_CONTRAST, contrast, entity_variables, readable
from tread.ui.widgets.article_view import ArticleView

THEMES = sorted(App().available_themes)
#: the ANSI themes take the terminal's colours, which no one can compute: they get
#: ANSI colours (checked below) and are left out of the contrast checks
COMPUTED = [name for name in THEMES if not name.startswith("ansi")]


def theme_variables(name: str) -> dict[str, str]:
    theme = App().available_themes[name]
    return {**theme.to_color_system().generate(), **theme.variables}


@pytest.mark.parametrize("name", COMPUTED)
def test_every_entity_colour_reads_on_the_text_and_on_the_tint(name: str) -> None:
    variables = theme_variables(name)
    computed = entity_variables(variables)
    background = Color.parse(variables["background"])
    tint = Color.parse(computed["summary-tint"])
    assert tint != background
    for kind in KINDS:
        colour = Color.parse(computed[f"entity-{kind}"])
        assert contrast(colour, background) >= MIN_CONTRAST, (name, kind, "text")
        assert contrast(colour, tint) >= MIN_CONTRAST, (name, kind, "summary tint")


def test_the_problem_themes_of_the_issue_are_among_those_checked() -> None:
    # textual-light gave 2.3 to 3.3:1, nord's number on the tint 1.5:1
    assert {"textual-light", "nord", "textual-dark"} <= set(COMPUTED)
    assert len(COMPUTED) >= 19


def test_the_ansi_themes_get_ansi_colours() -> None:
    for name in set(THEMES) - set(COMPUTED):
        computed = entity_variables(theme_variables(name))
        assert all(computed[f"entity-{kind}"].startswith("ansi_") for kind in KINDS)


def test_a_theme_may_set_its_own_entity_colour() -> None:
    variables = theme_variables("nord") | {"entity-person": "#ffffff"}
    assert entity_variables(variables)["entity-person"] == "#ffffff"


def test_a_readable_colour_keeps_its_hue() -> None:
    hue = Color.parse("#3e8ed0")
    made = readable(hue, [Color.parse("#e0e0e0")])
    assert abs(made.hsl.h - hue.hsl.h) < 0.02
    assert contrast(made, Color.parse("#e0e0e0")) >= MIN_CONTRAST


async def test_the_article_view_draws_them_on_every_theme(articles: list[str]) -> None:
    app = Tread([articles[0]])
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        for name in COMPUTED:
            app.theme = name
            await pilot.pause()
            colours = {
                Color.parse(v).rich_color
                for k, v in app.theme_variables.items()
                if k.startswith("entity-")
            }
            tint = Color.parse(app.theme_variables["summary-tint"]).rich_color
            grounds = set()
            for y in range(view.size.height):
                for segment in view.render_line(y):
                    style = segment.style or Style()
                    if style.color in colours and segment.text.strip():
                        assert style.bgcolor is not None
                        fg = Color.from_rich_color(style.color)
                        bg = Color.from_rich_color(style.bgcolor)
                        assert contrast(fg, bg) >= MIN_CONTRAST, (name, segment.text)
                        grounds.add(style.bgcolor == tint)
            assert grounds == {True, False}, name  # on the tint and off it
