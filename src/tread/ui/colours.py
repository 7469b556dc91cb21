"""Entity colours for the current theme, as CSS variables (``$entity-person``, ...).

One hue per kind of entity; its lightness is moved, per theme, until the colour reads
at WCAG's 4.5:1 against both backgrounds it is drawn on: the text's and the summary
tint's. A theme may set its own (``variables={"entity-person": ...}``). The ANSI
themes leave colours to the terminal, so they get ANSI colours.
"""

from __future__ import annotations

from typing import Final

from textual.color import Color

from tread.core.entities.kinds import KIND_COLOURS, KINDS

MIN_CONTRAST: Final = 4.5
#: how much of $warning tints a summary sentence (tread.tcss uses the variable)
SUMMARY_TINT: Final = 0.22
#: one hue a kind (the CLI's table colours), as mid-tones; the theme decides how light
HUES: Final[dict[str, str]] = KIND_COLOURS
ANSI: Final[dict[str, str]] = {
    "person": "ansi_bright_red",
    "organisation": "ansi_bright_blue",
    "place": "ansi_bright_green",
    "date": "ansi_yellow",
    "number": "ansi_bright_magenta",
    "other": "ansi_cyan",
}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: Color) -> float:
    r, g, b = colour.rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(hue: Color, backgrounds: list[Color]) -> Color:
    """``hue`` made lighter (on dark backgrounds) or darker (on light ones) until it
    reaches MIN_CONTRAST on every background; the nearest such lightness is taken."""
    h, s, light = hue.hsl

    def good(colour: Color) -> bool:
        return all(contrast(colour, bg) >= MIN_CONTRAST for bg in backgrounds)

    if good(hue):
        return hue
    dark = sum(luminance(bg) for bg in backgrounds) / len(backgrounds) < 0.18
    for step in range(1, 101):
        shade = min(1.0, light + step / 100) if dark else max(0.0, light - step / 100)
        colour = Color.from_hsl(h, s, shade)
        if good(colour):
            return colour
    return Color(255, 255, 255) if dark else Color(0, 0, 0)


def summary_tint(variables: dict[str, str]) -> Color:
    """The background of a summary sentence: $warning at SUMMARY_TINT over $background."""
    background = Color.parse(variables["background"])
    return background.blend(Color.parse(variables["warning"]), SUMMARY_TINT)


def entity_variables(variables: dict[str, str]) -> dict[str, str]:
    """``entity-<kind>`` for every kind (those the theme sets are kept), and the
    summary tint, from a theme's CSS variables."""
    out: dict[str, str] = {}
    if variables["background"].startswith("ansi_"):
        out["summary-tint"] = f"{variables['warning']} {round(SUMMARY_TINT * 100)}%"
        return out | {f"entity-{kind}": ANSI[kind] for kind in KINDS}
    tint = summary_tint(variables)
    out["summary-tint"] = tint.hex6
    grounds = [Color.parse(variables["background"]), tint]
    for kind in KINDS:
        name = f"entity-{kind}"
        out[name] = variables.get(name) or readable(Color.parse(HUES[kind]), grounds).hex6
    return out
