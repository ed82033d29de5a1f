"""Starting the desktop application: Qt application object, database, main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


def run_gui(db_location: str | None = None) -> int:
    """Open the database (upgrading it if needed) and show the main window until it closes."""
    from app.database import prepare_database
    from db.errors import describe_database_error
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Convene")
    app.setOrganizationName("Convene")
    try:
        database, _ = prepare_database(db_location)
    except Exception as exc:
        log.exception("could not open the database")
        QMessageBox.critical(
            None, "Convene", f"The database cannot be opened: {describe_database_error(exc)}"
        )
        return 2
    window = MainWindow(database)
    window.show()
    try:
        return app.exec()
    finally:
        database.dispose()
