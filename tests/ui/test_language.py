"""The reader reads each article in its own language: detected by default, shown in
the summary's title, entities only from a model for that language, and a palette
command to choose one language for every article."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import reader, settle
from tread.core.article import Segmentation
from tread.core.config import Config
from tread.ui.app import Tread
from tread.ui.models import language_label, language_tooltip
from tread.ui.palette import reader_commands
from tread.ui.widgets.entity_index import EntityIndex
from tread.ui.widgets.summary_panel import SummaryPanel

NEWS = Path(__file__).parents[1] / "data" / "news"


def _copy(tmp_path: Path, iso: str) -> str:
    target = tmp_path / f"{iso}.txt"
    target.write_text((NEWS / f"{iso}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return str(target)


async def test_a_german_article_is_read_as_german_without_english_entities(
    tmp_path: Path,
) -> None:
    app = Tread([_copy(tmp_path, "de")], language="auto", config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        art = reader(app).state.current
        assert art is not None and art.segmentation is not None
        assert art.segmentation.language == "german"
        assert str(app.query_one(SummaryPanel).border_title) == "summary · de · detected"
        index = app.query_one(EntityIndex)
        assert index.note == "no entity model for German"
        lines = [str(node.label) for node in index.root.children]
        assert " ".join(lines) == "no entity model for German"  # wrapped, never cut:
        assert all(len(line) + 2 <= index.scrollable_content_region.width for line in lines)
        assert art.entities is None  # English NER never ran on it ("PERSON Dienstag")
        # "z. B." and "u. a." do not end sentences in the German segmentation
        text = art.segmentation.text
        ends = [text[s.start : s.end].rstrip() for s in art.segmentation.sentences]
        assert not any(end.endswith((" z.", " u.")) for end in ends)


async def test_the_palette_switches_every_article_to_one_language(tmp_path: Path) -> None:
    german, english = _copy(tmp_path, "de"), _copy(tmp_path, "en")
    app = Tread([german, english], language="auto", config=Config())
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        titles = {command.title: command for command in reader_commands(screen)}
        assert {"language: auto", "language: german", "language: english"} <= set(titles)
        titles["language: english"].callback()
        await settle(pilot)
        art = screen.state.current
        assert art is not None and art.segmentation is not None
        assert art.segmentation.language == "english"
        assert str(app.query_one(SummaryPanel).border_title) == "summary · en"
        assert art.entities is not None  # the English model runs when asked to
        titles["language: auto"].callback()
        await settle(pilot)
        assert screen.state.current.segmentation.language == "german"  # type: ignore[union-attr]


def test_the_label_says_how_the_language_was_chosen() -> None:
    def seg(detected: bool, note: str | None) -> Segmentation:
        return Segmentation("", "english", (), language_detected=detected, language_note=note)

    assert language_label(seg(True, None)) == "en · detected"
    unsure = seg(False, "too short to tell its language (2 words); using english")
    assert language_label(unsure) == "en · unsure"
    assert "too short to tell" in language_tooltip(unsure)
    assert language_label(seg(False, None)) == "en"
