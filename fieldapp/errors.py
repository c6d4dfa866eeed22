"""Errors that reach the user: each carries a plain Vietnamese message, never personal data."""


class UserError(Exception):
    """A mistake or condition the user can act on. ``str(err)`` is the Vietnamese message."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
