"""Starting the desktop application: Qt application object, settings, database, main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


def _open_first_database(location: str | None, settings):  # type: ignore[no-untyped-def]
    """The database named on the command line, else the last one used, else the default."""
    from app.database import prepare_database

    candidates = [location] if location else [settings.get("database/last") or None, None]
    problem = None
    for candidate in dict.fromkeys(candidates):
        try:
            return prepare_database(candidate), problem
        except Exception as exc:
            log.exception("could not open %s", candidate)
            problem = (candidate, exc)
            if location:
                break
    return None, problem


def run_gui(db_location: str | None = None) -> int:
    """Open the database (upgrading it if needed) and show the main window until it closes."""
    from ui.errors import install_excepthook
    from ui.jobs import user_message
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Convene")
    app.setOrganizationName("Convene")
    install_excepthook()
    settings = Settings()
    opened, problem = _open_first_database(db_location, settings)
    if opened is None:
        where, exc = problem
        QMessageBox.critical(
            None, "Convene", f"The database {where or ''} cannot be opened. {user_message(exc)}"
        )
        return 2
    (database, upgrade) = opened
    if problem is not None:
        where, exc = problem
        QMessageBox.warning(
            None, "Convene",
            f"The last database ({where}) cannot be opened: {user_message(exc)}\n"
            f"Opening {database.describe()} instead.",
        )  # fmt: skip
    settings.remember_database(database.describe() if database.path else (db_location or ""))
    window = MainWindow(database, settings)
    window.show()
    window.start_daily_backup()
    if upgrade.backup_path is not None:
        QMessageBox.information(
            window,
            "Convene",
            f"The database was upgraded. A copy of it as it was is kept in\n{upgrade.backup_path}",
        )
    try:
        return app.exec()
    finally:
        window.database.dispose()
