"""tread's core: sources, segmentation, summaries and entities.

Nothing in this package imports Textual or spaCy at module level, so the CLI
paths that only need text processing start quickly.
"""
