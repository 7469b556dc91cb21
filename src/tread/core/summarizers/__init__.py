"""Extractive summarisers: the registry of algorithms, the adapter that runs sumy's
classes on tread's sentences, tread's exact fast subclasses, and tread's own (news,
lead)."""
