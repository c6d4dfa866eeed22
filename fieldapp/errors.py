"""Errors that reach the user: each carries a plain Vietnamese message, never personal data.

The kinds let callers (the CLI, the window's one error sink) decide by type, never by the
wording of a message: a damaged database offers a restore, a missing confirmation asks, a
permission error says who may do it, a cancelled operation says nothing at all.
"""


class UserError(Exception):
    """A mistake or condition the user can act on. ``str(err)`` is the Vietnamese message."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UserMistake(UserError):
    """The input is wrong (a date, a name, a file): correct it and try again."""


class NotFound(UserError):
    """The record, file or name asked for does not exist."""

    exit_code = 3


class NeedsConfirmation(UserError):
    """The operation would replace or reveal something; it runs only when confirmed
    (``--yes`` on the CLI, a question in the window)."""

    exit_code = 4


class NotPermitted(UserError):
    """The signed-in role (or nobody signed in) may not do this."""

    exit_code = 5


class DamagedData(UserError):
    """A file (database, backup, package) failed its integrity check: offer a restore."""

    exit_code = 6


class NoSpace(UserError):
    """The disk has no room for the write; nothing was changed."""

    exit_code = 7


class Cancelled(UserError):
    """The user cancelled a running operation; everything it did was rolled back."""

    exit_code = 130

    def __init__(self, message: str = "Đã hủy.") -> None:
        super().__init__(message)
