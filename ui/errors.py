"""How problems reach the user: a dialog with a plain sentence, never a traceback. Unexpected
exceptions are written to the log file with their traceback and summarised in a dialog."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.i18n import tr
from db.secrets import redact

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, message: str, title: str = "Convene") -> None:
    QMessageBox.warning(parent, title, redact(message))


def show_info(parent: QWidget | None, message: str, title: str = "Convene") -> None:
    QMessageBox.information(parent, title, redact(message))


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    log.error("unexpected error", exc_info=(kind, exc, tb))
    if QApplication.instance() is None:
        return
    from app.logs import log_path
    from ui.jobs import user_message

    show_error(
        QApplication.activeWindow(),
        tr(
            "Something went wrong: {problem}\n\nNothing was saved by the action that failed. Details are in the log file:\n{log_path}"
        ).format(problem=user_message(exc), log_path=log_path()),
    )


def install_excepthook() -> None:
    """Show unexpected errors from event handlers as a dialog, with the details in the log."""
    sys.excepthook = _excepthook
