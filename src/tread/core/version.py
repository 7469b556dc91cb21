"""This tread's version, for the core's own use (the User-Agent, analysis cache keys).

The core reads it here rather than from ``tread.__version__``: a core module importing
the package's face would tie the layers together the wrong way round.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("tread")
except PackageNotFoundError:  # running from a source tree that was never installed
    VERSION = "0+unknown"
