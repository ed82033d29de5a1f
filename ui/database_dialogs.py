"""Choosing a database: a SQLite file (new or existing) or a saved PostgreSQL connection."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from app.i18n import N_, tr
from db.secrets import store_password, without_password
from ui.settings import Settings

SQLITE_FILTER = N_("Convene databases (*.sqlite *.db);;All files (*)")


def choose_new_file(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("New database"), "records.sqlite", tr(SQLITE_FILTER)
    )
    return path or None


def choose_existing_file(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open database"), "", tr(SQLITE_FILTER))
    return path or None


class ConnectionDialog(QDialog):
    """Connect to a shared PostgreSQL database; connections are remembered without passwords."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open shared database"))
        self.settings = settings
        self.saved = QComboBox()
        self.saved.addItem(self.tr("New connection"), None)
        for name, url in sorted(settings.get("database/connections").items()):
            self.saved.addItem(name, url)
        self.saved.currentIndexChanged.connect(self._fill)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Regional office server"))
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("postgresql://user@server:5432/convene"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leave empty to use ~/.pgpass or the keyring"))
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keyring"))
        self.remember.setToolTip(
            self.tr(
                "Kept by the system's secret store (never in Convene's settings); otherwise it is"
                " asked again next time."
            )
        )
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        form.addRow(self.tr("Saved connections"), self.saved)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _fill(self) -> None:
        url = self.saved.currentData()
        self.name.setText(self.saved.currentText() if url else "")
        self.url.setText(url or "")

    def _accept(self) -> None:
        text = self.url.text().strip()
        try:
            url = make_url(text)
        except Exception:
            self.error.setText(
                self.tr("That is not a database address (postgresql://user@server/name).")
            )
            return
        if url.get_backend_name() != "postgresql":
            self.error.setText(
                self.tr("Shared databases are PostgreSQL: the address starts with postgresql://")
            )
            return
        if self.name.text().strip():
            connections = dict(self.settings.get("database/connections"))
            connections[self.name.text().strip()] = without_password(text)
            self.settings.set("database/connections", connections)
        if self.password.text():
            url = url.set(password=self.password.text())
            if self.remember.isChecked() and not store_password(url, self.password.text()):
                self.error.setText(
                    self.tr(
                        "This computer has no keyring to keep the password in: untick"
                        ' "Remember", or use ~/.pgpass.'
                    )
                )
                return
        self.location = url.render_as_string(hide_password=False)
        self.accept()


class PasswordDialog(QDialog):
    """The server asked for a password that neither the address, libpq's files nor the keyring
    gave: ask for it (and keep it in the keyring only if the user says so)."""

    def __init__(self, where: str, wrong: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the shared database"))
        question = QLabel(
            (self.tr("The password was not accepted. ") if wrong else "")
            + self.tr("Enter the password for\n{where}").format(where=without_password(where))
        )
        question.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember it in this computer's keyring"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())
