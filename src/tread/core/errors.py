"""Specific exceptions raised by the core; the CLI and TUI turn them into messages."""

from __future__ import annotations


class TreadError(Exception):
    """Base class for every error tread reports to a user as one line."""


class UnreadableInput(TreadError):
    """The input cannot be read or decoded as text (missing, a directory, binary...)."""


def unreadable(exc: OSError) -> UnreadableInput:
    """Why a file could not be opened or read, in one line (every reader says it alike)."""
    if isinstance(exc, FileNotFoundError):
        return UnreadableInput("no such file")
    if isinstance(exc, IsADirectoryError):
        return UnreadableInput("is a directory")
    if isinstance(exc, PermissionError):
        return UnreadableInput("permission denied")
    return UnreadableInput(exc.strerror or "cannot be read")


class EmptyDocument(TreadError):
    """The input holds no text to analyse."""


class UnsupportedLanguage(TreadError):
    """No sentence model, stemmer or stop-word list for the requested language."""


class UnknownAlgorithm(TreadError):
    """No summariser is registered under the requested name."""


class SummaryFailed(TreadError):
    """A summariser (sumy's, as a rule) gave up on the text with an error of its own."""


class InputTooLarge(TreadError):
    """The input is over a configured size limit."""


class NerUnavailable(TreadError):
    """An entity backend cannot run: its library or every model it could use is missing."""


class Cancelled(Exception):
    """Work stopped because its caller asked it to (the reader moved on). Not a
    TreadError: nothing to report to the user."""
