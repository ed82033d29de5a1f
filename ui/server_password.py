"""Opening a shared database whose server asks for a password that neither the address, libpq's
own files (``~/.pgpass``, a service file, ``PGPASSWORD``) nor the keyring gave."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.database import prepare_database
from db.engine import resolve_url
from db.secrets import asks_for_password, store_password
from ui.database_dialogs import PasswordDialog


def prepare_asking_password(
    parent: QWidget | None, location: str, problem: BaseException
) -> tuple[Any, Any] | None:
    """Ask for the password and open ``location`` with it, again after a wrong one; returns
    what ``prepare_database`` returns, or None when the user cancels. A failure that is not
    about the password is raised as it is. The password is kept in the keyring only when the
    user ticks "Remember"."""
    url = resolve_url(location)
    wrong = bool(url.password)
    while asks_for_password(problem):
        dialog = PasswordDialog(location, wrong, parent)
        if not dialog.exec():
            return None
        password = dialog.password.text()
        try:
            opened = prepare_database(url.set(password=password).render_as_string(False))
        except Exception as exc:
            problem, wrong = exc, True
            continue
        if dialog.remember.isChecked():
            store_password(url, password)
        return opened
    raise problem
