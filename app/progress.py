"""Progress reporting and cancellation for long work (import, export, reports, backups).

Long functions in app/ take an optional ``progress`` callback and call it now and then with
``(done, total, message)``. The callback may raise ``Cancelled`` to stop the work; because the
work runs inside one transaction, stopping leaves the database untouched.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled the work; nothing was written."""

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)


def no_progress(done: int, total: int, message: str) -> None:
    """The callback used when the caller does not want progress reports."""
