"""File-menu actions on whole databases: new, open (file or shared server), back up, restore."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app.database import prepare_database
from app.i18n import tr
from app.sync.restoring import restore_office
from db.backup import backup_database, default_backup_path, inspect_backup
from db.engine import Database
from db.secrets import asks_for_password, redact
from ui.database_dialogs import ConnectionDialog, choose_existing_file, choose_new_file
from ui.errors import show_error, show_info
from ui.jobs import run_job, user_message
from ui.server_password import prepare_asking_password
from ui.settings import Settings


class MainWindow(Protocol):
    """What these actions need of the main window (a QWidget, the parent of their dialogs).
    The window imports this module; this module does not import the window."""

    settings: Settings
    database: Database | None

    def close_forms(self) -> bool: ...

    def switch_database(self, database: Database) -> None: ...

    def refresh(self) -> None: ...

    def refresh_title(self) -> None: ...


log = logging.getLogger(__name__)


def switch(window: MainWindow, location: str) -> bool:
    """Open ``location`` (upgrading it if needed) and show it in ``window``."""
    if not window.close_forms():
        return False
    try:
        try:
            opened = prepare_database(location)
        except Exception as exc:
            if not asks_for_password(exc):
                raise
            opened = prepare_asking_password(window, location, exc)
            if opened is None:  # the user cancelled the password
                return False
    except Exception as exc:
        log.exception("could not open %s", redact(location))
        show_error(
            window, tr("The database cannot be opened. {problem}").format(problem=user_message(exc))
        )
        return False
    database, upgrade = opened
    window.switch_database(database)
    window.settings.remember_database(database.describe() if database.path else location)
    if upgrade.backup_path is not None:
        show_info(
            window,
            tr(
                "The database was upgraded. A copy of it as it was is kept in\n{backup_path}"
            ).format(backup_path=upgrade.backup_path),
        )
    return True


def open_sample_data(window: MainWindow) -> None:
    """Open the sample data in its own file (``sample-data.sqlite`` beside the default database),
    loading it there first; the records in use are never touched."""
    from app.sample_data import load_demo, sample_database_path

    path = sample_database_path()
    if not path.exists():
        try:
            database, _ = prepare_database(path)
            try:
                with database.session_scope() as session:
                    load_demo(session)
            finally:
                database.dispose()
        except Exception as exc:
            log.exception("could not make the sample database")
            path.unlink(missing_ok=True)
            show_error(
                window,
                tr("The sample data could not be opened. {problem}").format(
                    problem=user_message(exc)
                ),
            )
            return
    switch(window, str(path))


def new_database(window: MainWindow) -> None:
    path = choose_new_file(window)
    if path is None:
        return
    if Path(path).exists():
        show_error(
            window, tr("{path} already exists. Choose Open database to use it.").format(path=path)
        )
        return
    if switch(window, path) and window.database is not None:
        from ui.office_dialog import ask_office_once

        if ask_office_once(window.database, window):  # type: ignore[arg-type] # a QWidget
            window.refresh_title()


def open_file(window: MainWindow) -> None:
    path = choose_existing_file(window)
    if path is not None:
        switch(window, path)


def open_shared(window: MainWindow) -> None:
    dialog = ConnectionDialog(window.settings, window)
    if dialog.exec():
        switch(window, dialog.location)


def _busy(window: MainWindow, text: str) -> QProgressDialog:
    progress = QProgressDialog(text, "", 0, 0, window)
    progress.setCancelButton(None)
    progress.setWindowTitle(tr("Convene"))
    progress.setMinimumDuration(300)
    return progress


def backup(window: MainWindow) -> None:
    database = window.database
    suggested = str(default_backup_path(database))
    path, _ = QFileDialog.getSaveFileName(
        window, tr("Back up the database"), suggested, tr("Backups (*.sqlite)")
    )
    if not path:
        return
    progress = _busy(window, tr("Writing the backup…"))

    def done(written: Path) -> None:
        progress.close()
        show_info(window, tr("Backup written to\n{written}").format(written=written))

    def failed(message: str, _cancelled: bool) -> None:
        progress.close()
        show_error(window, tr("No backup was written. {message}").format(message=message))

    run_job(
        lambda context: backup_database(database, Path(path)), on_success=done, on_failure=failed
    )


def restore(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, tr("Restore from a backup"), "", tr("Backups (*.sqlite);;All files (*)")
    )
    if not path:
        return
    try:
        info = inspect_backup(Path(path))
    except Exception as exc:
        show_error(window, user_message(exc))
        return
    counts = ", ".join(f"{n} {table}s" for table, n in info.counts.items())
    answer = QMessageBox.question(
        window,
        tr("Restore from a backup"),
        tr(
            "Replace everything in {describe} with the backup\n{path}\n({counts})?\n\nThe database as it is now is kept as a backup file first."
        ).format(describe=window.database.describe(), path=path, counts=counts),
    )
    if answer != QMessageBox.StandardButton.Yes or not window.close_forms():
        return
    database = window.database
    progress = _busy(window, tr("Restoring…"))

    def done(result) -> None:  # type: ignore[no-untyped-def]
        progress.close()
        window.refresh()
        text = tr("Restored. The replaced database is kept as\n{replaced_copy}").format(
            replaced_copy=result.result.replaced_copy
        )
        if result.kept_changes:
            text += "\n\n" + result.kept_sentence()
        show_info(window, text)

    def failed(message: str, _cancelled: bool) -> None:
        progress.close()
        show_error(window, tr("Nothing was restored. {message}").format(message=message))

    run_job(
        lambda context: restore_office(database, Path(path)), on_success=done, on_failure=failed
    )
