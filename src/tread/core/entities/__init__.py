"""Named entities: the backend registry, the spaCy backend (loaded lazily), the
corrections made with the text itself, and the label -> kind table."""
