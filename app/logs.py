"""Logging: a rotating file in the user log directory, with the details a user never has to
read. Noisy libraries are kept quiet."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from db import APP_NAME

LOG_FILE_NAME = "convene.log"


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
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(file_handler)
    except OSError:
        pass  # a read-only home must not stop the app
    if os.environ.get("CONVENE_DEBUG"):
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    else:
        root.addHandler(logging.NullHandler())  # keeps Python's last-resort handler quiet
    for noisy in ("alembic", "sqlalchemy", "PIL", "openpyxl"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    root._convene_configured = True  # type: ignore[attr-defined]
    return path
