"""Running long work off the GUI thread, with progress, cancellation and results back on it.

Modelled on Anki's ``QueryOp``: the work is a plain function taking a ``JobContext``; it must not
touch widgets. It runs on a one-thread pool (so database writes never overlap, which suits
SQLite), reports progress through ``context.progress`` (forwarded to the GUI at most every 100 ms)
and stops with ``Cancelled`` when the user cancels. ``on_success`` / ``on_failure`` run on the GUI
thread. Failures reach the user as one plain sentence; the traceback goes to the log file.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.database_messages import database_message
from app.errors import ConveneError
from app.progress import Cancelled
from db.errors import describe_database_error
from db.migrate import SchemaError
from db.secrets import redact
from db.sqlite_copy import BackupError

log = logging.getLogger(__name__)

_PROGRESS_INTERVAL = 0.1
_pool: QThreadPool | None = None


def job_pool() -> QThreadPool:
    """The single worker thread that every job shares."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def user_message(exc: BaseException) -> str:
    """What to tell the user about a failure: the message of our own errors, else a plain
    description of a database or file problem."""
    if isinstance(exc, ConveneError | Cancelled):
        return redact(str(exc))
    if isinstance(exc, BackupError | SchemaError):  # already one sentence about the file
        text = redact(str(exc))
        return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
    text = redact(database_message(describe_database_error(exc)))
    return text[0].upper() + text[1:] + "."


class JobContext:
    """What the work function gets: progress reports and the cancel flag."""

    def __init__(self, signals: _JobSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report progress (throttled); raises Cancelled once the user has cancelled."""
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL or done >= total:
            self._last = now
            self._signals.progress.emit(done, total, message)


class _JobSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, bool)  # message, was it a cancellation


class Job(QRunnable):
    """A running piece of work; keep it to cancel it (``job.context.cancel()``)."""

    def __init__(self, work: Callable[[JobContext], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _JobSignals()
        self.context = JobContext(self.signals)
        self._work = work
        self.done = threading.Event()

    def run(self) -> None:
        # ``done`` is set before the outcome is signalled, so whoever hears the outcome on the
        # GUI thread can rely on the work having finished.
        try:
            result = self._work(self.context)
        except Cancelled as exc:
            self.done.set()
            self.signals.failed.emit(str(exc), True)
        except Exception as exc:
            log.exception("background job failed")
            self.done.set()
            self.signals.failed.emit(user_message(exc), False)
        else:
            self.done.set()
            self.signals.succeeded.emit(result)


_running: set[Job] = set()


def run_job(
    work: Callable[[JobContext], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str, bool], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Job:
    """Start ``work`` on the job thread; the callbacks run on the GUI thread."""
    job = Job(work)
    _running.add(job)  # keeps the job (and its signals) alive until it reports back

    def finished_ok(result: Any) -> None:
        _running.discard(job)
        on_success(result)

    def finished_bad(message: str, cancelled: bool) -> None:
        _running.discard(job)
        on_failure(message, cancelled)

    job.signals.succeeded.connect(finished_ok)
    job.signals.failed.connect(finished_bad)
    if on_progress is not None:
        job.signals.progress.connect(on_progress)
    job_pool().start(job)
    return job
