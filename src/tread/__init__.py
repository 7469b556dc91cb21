"""tread: a terminal reader with extractive summaries and named entities."""

from __future__ import annotations

from tread.core.version import VERSION as __version__

__all__ = ["__version__"]
