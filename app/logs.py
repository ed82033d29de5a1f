"""Logging: a rotating file in the user log directory, with the details a user never has to
read. Noisy libraries are kept quiet."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from db import APP_NAME
from db.secrets import redact

LOG_FILE_NAME = "convene.log"


class _OwnerOnlyFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log, every file of it readable by its owner only (it names records and
    the places they live in)."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)  # also a log left readable by an older version
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


class _RedactingFormatter(logging.Formatter):
    """Formats as usual, then hides any password of a connection string (in the message, an
    argument or an exception's text)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_path() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False) / LOG_FILE_NAME


def setup_logging() -> Path:
    """Send log records to the rotating file and return its path.

    Nothing goes to the console unless ``CONVENE_DEBUG`` is set: a user sees one plain sentence
    for a failure, and the details (tracebacks included) are in the file.
    """
    path = log_path()
    root = logging.getLogger()
    if getattr(root, "_convene_configured", False):
        return path
    root.setLevel(logging.INFO)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for written in path.parent.glob(f"{LOG_FILE_NAME}*"):  # rotated ones of older versions
            written.chmod(0o600)
        file_handler = _OwnerOnlyFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(
            _RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(file_handler)
    except OSError:
        pass  # a read-only home must not stop the app
    if os.environ.get("CONVENE_DEBUG"):
        console = logging.StreamHandler()
        console.setFormatter(_RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    else:
        root.addHandler(logging.NullHandler())  # keeps Python's last-resort handler quiet
    for noisy in ("alembic", "sqlalchemy", "PIL", "openpyxl"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    root._convene_configured = True  # type: ignore[attr-defined]
    return path
