"""tread's core: everything but the terminal. ``article`` is the model every stage
speaks; ``text`` decodes, sanitises and segments; ``sources`` turns inputs into articles;
``summarizers`` and ``entities`` analyse them; ``store`` keeps them in the library.

Nothing in this package imports Textual, click or Rich, nor spaCy at module level, so
the CLI paths that only need text processing start quickly
(tests/test_import_contract.py).
"""
