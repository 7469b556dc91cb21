"""Make untrusted text safe for a terminal: no escape sequences, no control characters.

Applied once, where text enters tread (every source), so every later stage (offsets,
summaries, entities, every output path) works on text that cannot drive a terminal.
"""

from __future__ import annotations

import re
from typing import Final

# ESC-introduced sequences: CSI (ESC [ ... final), OSC / DCS / SOS / PM / APC strings
# (ESC ] P X ^ _ ... up to BEL, ST or the end of the line), and two-character escapes. The same with
# their 8-bit C1 introducers (0x9b CSI, 0x9d OSC, 0x90 DCS, 0x98 SOS, 0x9e PM, 0x9f APC).
_ESCAPES: Final = re.compile(
    r"""
      (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                            # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?  # strings
    | \x1b[ -/]*[0-~]?                                             # other ESC sequences
    """,
    re.VERBOSE,
)
# C0 controls except tab, newline, carriage return, form feed; DEL; C1 controls; and
# bidirectional overrides/isolates that can make text display in a misleading order.
_CONTROLS: Final = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """Remove terminal escape sequences and control characters from ``text``.

    Line structure survives: CR LF and lone CR become LF, a form feed becomes a blank
    line, tabs stay.
    """
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return _CONTROLS.sub("", text)


def one_line_safe(text: str) -> str:
    """``text`` for a one-line message: sanitised, every run of white space one space."""
    return " ".join(sanitize(text).split())
