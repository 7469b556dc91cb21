"""The library: articles, feeds, read marks and the analysis cache in SQLite, and the
ingestion that puts sources into it."""
