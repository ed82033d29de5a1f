"""Choosing a database: a SQLite file (new or existing) or a saved PostgreSQL connection."""

from __future__ import annotations

from PySide6.QtWidgets import (
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

from ui.settings import Settings

SQLITE_FILTER = "Convene databases (*.sqlite *.db);;All files (*)"


def choose_new_file(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "New database", "records.sqlite", SQLITE_FILTER)
    return path or None


def choose_existing_file(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open database", "", SQLITE_FILTER)
    return path or None


class ConnectionDialog(QDialog):
    """Connect to a shared PostgreSQL database; connections are remembered without passwords."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open shared database")
        self.settings = settings
        self.saved = QComboBox()
        self.saved.addItem("New connection", None)
        for name, url in sorted(settings.get("database/connections").items()):
            self.saved.addItem(name, url)
        self.saved.currentIndexChanged.connect(self._fill)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Regional office server")
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://user@server:5432/convene")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("not stored; leave empty to use ~/.pgpass")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        form.addRow("Saved connections", self.saved)
        form.addRow("Name", self.name)
        form.addRow("Address", self.url)
        form.addRow("Password", self.password)
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
            self.error.setText("That is not a database address (postgresql://user@server/name).")
            return
        if url.get_backend_name() != "postgresql":
            self.error.setText(
                "Shared databases are PostgreSQL: the address starts with postgresql://"
            )
            return
        if self.name.text().strip():
            connections = dict(self.settings.get("database/connections"))
            connections[self.name.text().strip()] = url.set(password=None).render_as_string(
                hide_password=False
            )
            self.settings.set("database/connections", connections)
        if self.password.text():
            url = url.set(password=self.password.text())
        self.location = url.render_as_string(hide_password=False)
        self.accept()
