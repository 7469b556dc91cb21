"""Numeric settings read from the environment (limits and timeouts), checked once.

A limit set to ``nan``, ``inf``, ``-1``, ``0`` or ``1e400`` used to reach arithmetic
and end in a traceback or a misleading message ("cannot connect" for a zero timeout).
Every such variable is read here: a value that is not a finite number in its range is
refused in one line that names the variable, its value and what it takes.
"""

from __future__ import annotations

import math
import os

from tread.core.errors import TreadError


class BadSetting(TreadError):
    """An environment variable holds a value tread cannot use."""


def env_number(
    name: str, default: float, *, unit: str, maximum: float, integer: bool = False
) -> float:
    """The positive number in ``$name``, ``default`` when unset or empty.

    ``unit`` names what the number counts ("MB", "seconds", "sentences") for the
    message; ``maximum`` bounds it so that later arithmetic cannot overflow.
    """
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    kind = "a whole number" if integer else "a number"
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if integer and math.isfinite(value) and value != int(value):
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= maximum):
        shown = raw if len(raw) <= 20 else raw[:19] + "…"
        raise BadSetting(
            f"{name}={shown!r} is not usable: it takes {kind} of {unit} "
            f"above 0 and at most {maximum:g} (unset it for the default, "
            f"{default:g})"
        )
    return value
