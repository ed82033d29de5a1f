"""Starting the desktop application: Qt application object, settings, database, main window.

On a SQLite database at the current schema the window shows the first page of events at once
(read without SQLAlchemy, ``ui.first_page``) and the database is opened right after that first
paint; otherwise the database is opened (and upgraded, if needed) first.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

log = logging.getLogger(__name__)


def chosen_location(db_location: str | None, settings: Any) -> tuple[str | None, bool]:
    """Which database to open: ``--db``, else ``CONVENE_DB``, else the last used, else the
    default; and whether it was named explicitly (then there is no falling back)."""
    if db_location:
        return db_location, True
    if os.environ.get("CONVENE_DB", "").strip():
        return os.environ["CONVENE_DB"], True
    return settings.get("database/last") or None, False


def _open_first_database(location: str | None, explicit: bool):  # type: ignore[no-untyped-def]
    """Open ``location``; if it was only the last one used and fails, the default instead."""
    from app.database import prepare_database
    from db.secrets import asks_for_password, redact

    candidates = [location] if explicit else [location, None]
    problem = None
    for candidate in dict.fromkeys(candidates):
        try:
            return prepare_database(candidate), problem
        except Exception as exc:
            log.exception("could not open %s", redact(str(candidate)))
            problem = (candidate, exc)
            if asks_for_password(exc):  # the user is asked, not sent elsewhere
                break
    return None, problem


def _quick_first_page(location: str | None):  # type: ignore[no-untyped-def]
    from db import default_sqlite_path, sqlite_path_of
    from ui.first_page import read_first_page

    path = sqlite_path_of(location) if location else default_sqlite_path()
    return read_first_page(path) if path is not None else None


def use_shipped_font(app: QApplication) -> None:
    """Register the fonts shipped for printing and PDF (``app.reports.fonts``) and show the
    windows' text in them too, at the platform's own size: the same letters and widths on
    every machine (what fits a laptop's screen here fits there), with every letter of the
    region's languages."""
    from app.reports.fonts import FAMILY, register_report_fonts

    if register_report_fonts():
        font = QFont(app.font())
        font.setFamilies([FAMILY])  # a letter it lacks is taken from the machine's fonts
        app.setFont(font)


def run_gui(db_location: str | None = None) -> int:
    """Show the main window (see the module docstring) until it closes."""
    from ui.errors import install_excepthook
    from ui.main_window import MainWindow
    from ui.settings import Settings

    if QApplication.instance() is None:
        from ui.platform_check import NO_DISPLAY, explain, missing_for_window, no_display

        if no_display():  # Qt would abort: "could not connect to display"
            print(f"error: {NO_DISPLAY}", file=sys.stderr)
            return 2
        missing = missing_for_window()
        if missing:  # Qt would print a paragraph and abort the process
            print(f"error: {explain(missing)}", file=sys.stderr)
            log.error("window libraries missing: %s", ", ".join(missing))
            return 2
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Convene")
    app.setOrganizationName("Convene")
    use_shipped_font(app)
    install_excepthook()
    _quit_on_termination(app)
    settings = Settings()
    location, explicit = chosen_location(db_location, settings)
    first_page = _quick_first_page(location)
    window = MainWindow(None, settings, first_page=first_page)
    window.show()
    failed: list[int] = []

    def open_database() -> None:
        if not finish_opening(window, location, explicit):
            failed.append(2)
            app.quit()

    if first_page is not None:
        QTimer.singleShot(0, open_database)  # after the first paint
    elif not finish_opening(window, location, explicit):
        return 2
    try:
        code = app.exec()
    finally:
        if window.database is not None:
            window.database.dispose()
    return failed[0] if failed else code


def _quit_on_termination(app: QApplication) -> None:
    """On SIGTERM or SIGHUP close the application the normal way (databases disposed, the
    private temporary folder removed at exit), and remove the temporary files at once."""
    import signal
    import threading

    from db import tempfiles

    if threading.current_thread() is not threading.main_thread():
        return

    def terminate(_number: int, _frame: Any) -> None:
        tempfiles.remove_own_folder()
        app.quit()  # the main loop, when it runs; a dialog open before or in it is closed:
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        # Whatever still holds the process (a job deep in a query) ends it in 10 s at most.
        deadline = threading.Timer(10.0, os._exit, (128 + _number,))
        deadline.daemon = True
        deadline.start()

    for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if number is not None:
            signal.signal(number, terminate)
    # Python runs a signal handler only when it gets control; Qt's loop gives it none while idle.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def finish_opening(window: Any, location: str | None, explicit: bool) -> bool:
    """Open the database and hand it to ``window``; False (after saying why) if none opens."""
    from db.secrets import asks_for_password, redact, without_password
    from ui.jobs import user_message
    from ui.server_password import prepare_asking_password

    opened, problem = _open_first_database(location, explicit)
    if opened is None and problem[0] and asks_for_password(problem[1]):
        try:
            opened = prepare_asking_password(window, problem[0], problem[1])
        except Exception as exc:
            log.exception("could not open %s", redact(location))
            problem = (location, exc)
        else:
            if opened is None:  # the user cancelled the password
                return False
            problem = None
    if opened is None:
        where, exc = problem
        QMessageBox.critical(
            window,
            "Convene",
            f"The database {without_password(where or '')} cannot be opened. {user_message(exc)}",
        )
        return False
    database, upgrade = opened
    if problem is not None:
        where, exc = problem
        QMessageBox.warning(
            window, "Convene",
            f"The last database ({without_password(where or '')}) cannot be opened: {user_message(exc)}\n"
            f"Opening {database.describe()} instead.",
        )  # fmt: skip
    window.settings.remember_database(database.describe() if database.path else (location or ""))
    window.attach_database(database)
    if upgrade.backup_path is not None:
        QMessageBox.information(
            window, "Convene",
            f"The database was upgraded. A copy of it as it was is kept in\n{upgrade.backup_path}",
        )  # fmt: skip
    window.start_daily_backup()
    return True
