"""tread: a terminal reader with extractive summaries and named entities."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tread")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
