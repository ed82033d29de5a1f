"""This database's office: its short code and its name. Asked once when a new database is made
(File → New database), and open from File → Synchronise at any time. The code goes into new
event references (``TM-2026-007``) and into sync packages, so it can change only until the
office's first package has travelled; the name can change at any time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConveneError
from app.sync import offices
from db.engine import Database
from ui.jobs import user_message


class OfficeDialog(QDialog):
    """The office's code and name; OK saves them (one transaction), a refusal is shown in the
    dialog and nothing is saved."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, first_time: bool = False
    ) -> None:
        super().__init__(parent)
        self.database = database
        with database.session_scope(readonly=True) as session:
            office = offices.this_office(session.connection())
        self.setWindowTitle(self.tr("This office"))
        if first_time:
            about = self.tr(
                "Every database belongs to one office. Its code goes into the references of new"
                " events (TM-2026-007), so that no two offices make the same one, and into the"
                " packages offices exchange. The code can change until the office's first"
                " package; the name at any time (File → Synchronise)."
            )
        else:
            about = self.tr(
                "The code can change until the office's first package; the name at any time."
            )
        explanation = QLabel(about)
        explanation.setWordWrap(True)
        self.code = QLineEdit(office.code if office.chosen or office.exchanged else "")
        self.code.setPlaceholderText(self.tr("e.g. TM"))
        self.code.setMaxLength(8)
        self.code.setReadOnly(office.exchanged)
        self.name = QLineEdit(office.name)
        self.name.setPlaceholderText(self.tr("e.g. Ashgabat"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Office code (2–8 letters or digits, e.g. TM):"), self.code)
        form.addRow(self.tr("Office name:"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        if first_time:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def accept(self) -> None:
        try:  # an empty code is refused like a wrong one: the dialog is for choosing it
            with self.database.session_scope() as session:
                offices.set_this_office(
                    session.connection(), self.code.text(), self.name.text().strip()
                )
        except ConveneError as exc:  # e.g. a code of one letter: said here, nothing saved
            self.problem.setText(user_message(exc))
            self.problem.show()
            return
        super().accept()


def ask_office_once(database: Database, parent: QWidget | None = None) -> bool:
    """On a database whose office has no chosen code yet, ask for it (once: "Later" leaves the
    generated code, which File → Synchronise can still change). Whether it was saved."""
    with database.session_scope(readonly=True) as session:
        office = offices.this_office(session.connection())
    if office.chosen or office.exchanged:
        return False
    return OfficeDialog(database, parent, first_time=True).exec() == QDialog.DialogCode.Accepted
