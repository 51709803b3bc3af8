"""The one error a dossier check raises for bad input, carrying the HTTP status it maps to."""

from __future__ import annotations


class DossierInputError(Exception):
    """A file or request that cannot be checked: too large, of an unsupported type, damaged, encrypted, a bomb.

    ``status`` is the HTTP status (413 too large, 415 unsupported type, 422 unreadable, 404 unknown procedure);
    the message names the file as the client named it, never a server path.
    """

    def __init__(self, message: str, status: int = 422, file: str | None = None) -> None:
        super().__init__(f"{file}: {message}" if file else message)
        self.status = status
        self.file = file
