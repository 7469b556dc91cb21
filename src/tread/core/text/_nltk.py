"""Import NLTK without the optional extras it pulls in at import time.

``import nltk`` imports all of its subpackages; with SciPy or scikit-learn installed
that includes ``scipy.stats`` and ``sklearn`` (for collocation statistics and the
scikit-learn classifier wrapper), which more than doubles the import: 0.79 s against
0.32 s here. tread uses neither through NLTK (only its word tokenizer and Snowball
stemmers), so those imports are made to fail, quietly, while NLTK loads; NLTK guards
each of them with ``except ImportError``. Afterwards they import normally again.
"""

from __future__ import annotations

import sys
from typing import Final

_EXTRAS: Final = ("scipy", "sklearn")


def import_nltk() -> None:
    if "nltk" in sys.modules:
        return
    blocked = [name for name in _EXTRAS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # -> ImportError on import
    try:
        import nltk  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
