"""config.toml belongs to the user: typos are reported by name, never erased, and
tread's own writes keep comments, order and keys it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.ui.conftest import settle
from tread.core.config import Config, ConfigError, load_config, save_config
from tread.core.locations import config_file
from tread.ui.app import Tread

COMMENTED = """\
# my tread settings
algorithm = "luhn"   # the one I like
sentences = 3

future_setting = "kept"   # a key this tread does not know

[keys]
# vim-ish
"next-summary" = "n,j"
"""


def test_a_file_that_does_not_parse_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    broken = 'algorithm = "luhn"\nsentences = = 3\n'
    path.write_text(broken, encoding="utf-8")
    config, warning = load_config(path)
    assert config == Config()
    assert warning is not None and "not read" in warning and "will not be changed" in warning
    config.sentences = 7
    with pytest.raises(ConfigError, match="does not parse"):
        save_config(config, path)
    assert path.read_text(encoding="utf-8") == broken


def test_saving_keeps_comments_order_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    config, warning = load_config(path)
    assert warning is None and config.algorithm == "luhn" and config.sentences == 3
    config.sentences = 4
    config.theme = "nord"
    config.keys["skim"] = "x"
    save_config(config, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        '# my tread settings\nalgorithm = "luhn"   # the one I like\nsentences = 4\n'
    )
    assert 'future_setting = "kept"   # a key this tread does not know' in text
    assert "# vim-ish" in text and '"next-summary" = "n,j"' in text
    again, warning = load_config(path)
    assert warning is None
    assert (again.sentences, again.theme, again.keys) == (
        4,
        "nord",
        {"next-summary": "n,j", "skim": "x"},
    )
    # the new top-level key went above the [keys] table, where TOML keeps it top-level
    assert text.index('theme = "nord"') < text.index("[keys]")


def test_saving_what_is_already_there_does_not_touch_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    before = path.stat().st_mtime_ns
    save_config(load_config(path)[0], path)
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('sentences = "five"', "'sentences'"),
        ("sentences = 0", "'sentences'"),
        ("sentences = true", "'sentences'"),
        ("words_per_minute = 1e9", "'words_per_minute'"),
        ("show_list = 1", "'show_list'"),
        ("hidden_kinds = [1, {a = 1}]", "'hidden_kinds'"),
        ('algorithm = "nonsense"', "'algorithm'"),
        ("algorithm = 3", "'algorithm'"),
        ('language = "klingon"', "'language'"),
        ("keys = 5", "[keys]"),
        ('[keys]\n"next-summary" = 5', "'next-summary'"),
    ],
)
def test_a_wrong_value_is_named_and_its_default_used(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'theme = "nord"\n{line}\n', encoding="utf-8")
    config, warning = load_config(path)
    assert warning is not None and key in warning and "defaults used for" in warning
    assert "\n" not in warning
    assert config.theme == "nord"  # the good values are kept
    defaults = Config()
    assert (
        config.sentences,
        config.hidden_kinds,
        config.algorithm,
        config.language,
        config.show_list,
    ) == (
        defaults.sentences,
        defaults.hidden_kinds,
        defaults.algorithm,
        defaults.language,
        defaults.show_list,
    )


def test_a_language_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('language = "de"\n', encoding="utf-8")
    assert load_config(path) == (Config(language="german"), None)


async def test_the_reader_survives_a_hostile_config_and_leaves_it_alone() -> None:
    """The values that used to crash the reader; the file is still as written after
    settings change in the reader."""
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (
        'hidden_kinds = [1, {a = 1}]\nsentences = "x"\n# keep me\n'
        '[keys]\n"next-summary" = 5\n"skim" = "x"\n'
    )
    path.write_text(text, encoding="utf-8")
    app = Tread([str(SEED)])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.config.sentences == Config().sentences
        await pilot.press("plus")  # a setting changes and is saved
        await settle(pilot)
    saved = path.read_text(encoding="utf-8")
    assert "# keep me" in saved and '"next-summary" = 5' in saved
    assert "hidden_kinds = [1, {a = 1}]" in saved
    assert load_config()[0].sentences == Config().sentences + 1


async def test_the_reader_never_overwrites_a_file_with_a_typo() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("sentences = = 3\n", encoding="utf-8")
    app = Tread([str(SEED)])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("plus", "a", "right_square_bracket")
        await settle(pilot)
    assert path.read_text(encoding="utf-8") == "sentences = = 3\n"
