"""Parameter types and options shared by the commands that read articles."""

from __future__ import annotations

from typing import Any

import click

from tread.core.errors import UnsupportedLanguage
from tread.core.text.detect import AUTO
from tread.core.text.languages import normalize_language, supported_languages


class AlgorithmChoice(click.Choice):  # type: ignore[type-arg]
    """click.Choice over the algorithm registry, read whenever click asks, so an
    algorithm registered after this module was imported is a choice too."""

    def __init__(self) -> None:
        super().__init__((), case_sensitive=False)

    @property
    def choices(self) -> tuple[str, ...]:
        from tread.core.summarizers.registry import ALGORITHMS

        return tuple(ALGORITHMS)

    @choices.setter
    def choices(self, _value: object) -> None:  # click.Choice.__init__ assigns it
        pass

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Any case and separators ("lexrank", "LexRank", "sum_basic"); a typo is told
        the closest name."""
        from tread.core.summarizers.registry import canonical_name, unknown_algorithm_message

        name = canonical_name(str(value))
        if name is None:
            self.fail(unknown_algorithm_message(str(value)), param, ctx)
        return name


class LanguageType(click.ParamType):  # type: ignore[type-arg]
    """A language tread supports (name or ISO code), or "auto": detect it."""

    name = "LANGUAGE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if str(value).strip().lower() == AUTO:
            return AUTO
        try:
            return normalize_language(str(value))
        except UnsupportedLanguage as exc:
            self.fail(f"{exc}, or auto", param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[click.shell_completion.CompletionItem]:
        from click.shell_completion import CompletionItem

        names = (AUTO, *supported_languages())
        return [CompletionItem(n) for n in names if n.startswith(incomplete)]


language_option = click.option(
    "-l",
    "--language",
    type=LanguageType(),
    default=AUTO,
    show_default=True,
    help="Language of the text: auto (detected; too short or mixed texts use the "
    "configured language, english unless set), or one of "
    + ", ".join(supported_languages())
    + " (or an ISO code).",
)

inputs_argument = click.argument("inputs", nargs=-1, metavar="[FILE]...", type=click.Path())
