"""Errors the knowledge layer raises for bad input (never a traceback for users)."""


class UnreadableDocument(Exception):
    """The file cannot be read as a plan document; str(exc) says why, in one line."""
