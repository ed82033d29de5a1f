"""Event → Certificates: who in the event may have a certificate of attendance (and why the
others may not), in which language, with a print preview, printing and saving as PDF.

The preview writes nothing: it shows the current certificates with their numbers and, for people
not issued one yet, a page without a number. Printing and saving issue the certificates (or
reissue those whose person was corrected) in one transaction with writing the file or sending
the pages to the printer; if that fails, nothing is issued.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.errors import ConveneError
from app.i18n import N_, tr
from app.reports.certificate_content import CertificateContent, certificate_contents
from app.reports.certificates import (
    page_layout,
    paint_certificates,
    suggested_file_name,
    write_certificates_pdf,
)
from app.services import certificates, office_settings
from app.services.certificates import Candidate
from app.services.events import find_event
from db.engine import Database
from db.models import Participation
from ui.export_actions import ask_save_path, warn
from ui.formatting import show_value

LANGUAGES = (("en", N_("English")), ("ru", N_("Russian")), ("both", N_("English and Russian")))
PDF_FILTER = N_("PDF document (*.pdf)")
IMAGE_FILTER = N_("Images (*.png *.jpg *.jpeg *.bmp *.gif)")

TEXT = {
    "title": N_("Certificates of attendance — {reference}"),
    "summary": N_(
        "{eligible} of {listed} listed may have a certificate; {issued} issued so far."
        " Tick who to print."
    ),
    "days_needed": N_(" A partial attendee needs {days} days (set on the event's Details tab)."),
    "no_days": N_(" Partial attendees need the days required set on the event's Details tab."),
    "none_ticked": N_("Tick at least one person who may have a certificate."),
    "saved": N_("Saved {count} certificates to {path}."),
    "logo_set": N_("The logo is kept in the database and printed on every certificate."),
    "eligible": N_("Yes"),
    "no_number": N_("not issued yet"),
}
_COLUMNS = (N_("Name", "person"), N_("Status"), N_("Days"), N_("Certificate"), N_("May have one"))


class CandidatesModel(QAbstractTableModel):
    """The people listed in the event, eligible ones tickable (all ticked at first)."""

    def __init__(self, rows: list[Candidate]) -> None:
        super().__init__()
        self.rows = rows
        self.ticked = {r.person_id for r in rows if r.reason is None}

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(_COLUMNS[section], "person" if section == 0 else "")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsSelectable
        if self.rows[index.row()].reason is None:
            flags |= Qt.ItemFlag.ItemIsEnabled
            if index.column() == 0:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0 and row.reason is None:
            ticked = row.person_id in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            row.name,
            show_value(row.status, "enum"),
            "" if row.days_attended is None else str(row.days_attended),
            row.current_number or ("" if row.reason else tr(TEXT["no_number"])),
            tr(TEXT["eligible"])
            if row.reason is None
            else tr("No: {reason}").format(reason=row.reason),
        )
        return values[column]

    def setData(self, index: QModelIndex, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        row = self.rows[index.row()]
        if row.reason is not None:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:  # type: ignore[call-overload]
            self.ticked.add(row.person_id)
        else:
            self.ticked.discard(row.person_id)
        self.dataChanged.emit(index, index)
        return True


class CertificatesDialog(QDialog):
    """Who may have a certificate; language; preview, print, save as PDF; the office's logo."""

    def __init__(
        self, database: Database, event_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificates_dialog")
        self.database = database
        self.event_id = event_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("certificate_candidates")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.language = QComboBox()
        self.language.setObjectName("certificate_language")
        for code, name in LANGUAGES:
            self.language.addItem(tr(name), code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.preview_button = self._button(self.tr("Preview…"), "preview", self.preview)
        self.print_button = self._button(self.tr("Print…"), "print", self.print_certificates)
        self.save_button = self._button(
            self.tr("Save as PDF…"), "save_pdf", lambda: self.save_pdf()
        )
        self.logo_button = self._button(self.tr("Logo…"), "logo", lambda: self.choose_logo())
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Language")))
        options.addWidget(self.language)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(options)
        layout.addWidget(self.buttons)
        self.resize(820, 520)
        self.reload()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def reload(self) -> None:
        with self.database.session_scope(readonly=True) as session:
            event = find_event(session, str(self.event_id))
            rows = certificates.candidates(session, event)
            self.reference, needed = event.reference, event.certificate_min_days
        self.model = CandidatesModel(rows)
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 300)
        for column, width in ((1, 110), (2, 45), (3, 110)):
            self.table.setColumnWidth(column, width)
        self.setWindowTitle(tr(TEXT["title"]).format(reference=self.reference))
        eligible = sum(1 for r in rows if r.reason is None)
        issued = sum(1 for r in rows if r.current_number)
        text = tr(TEXT["summary"]).format(eligible=eligible, listed=len(rows), issued=issued)
        text += tr(TEXT["days_needed"]).format(days=needed) if needed else tr(TEXT["no_days"])
        self.summary.setText(text)
        enabled = eligible > 0
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(enabled)

    def lang(self) -> str:
        return str(self.language.currentData())

    def chosen(self) -> set[uuid.UUID]:
        return set(self.model.ticked)

    # --- Building the pages ----------------------------------------------------------------

    def _contents(self, session: Session, *, issue: bool) -> list[CertificateContent]:
        event = find_event(session, str(self.event_id))
        if issue:
            issued = certificates.issue_certificates(session, event, only=self.chosen())
            by_participation = {c.participation_id: c for c in issued}
            return certificate_contents(
                session, event, [c.participation for c in issued], by_participation
            )
        chosen = self.chosen()
        listed: list[Participation] = [
            p for p in certificates.eligible_participations(session, event) if p.person_id in chosen
        ]
        current = {
            c.participation_id: c for c in certificates.current_certificates(session, event.id)
        }
        return certificate_contents(session, event, listed, current)

    def _check_ticked(self) -> bool:
        if not self.chosen():
            warn(self, tr(TEXT["none_ticked"]))
            return False
        return True

    def preview(self, *, modal: bool = True) -> QPrintPreviewDialog | None:
        """The pages as they will print; nothing is issued."""
        if not self._check_ticked():
            return None
        with self.database.session_scope(readonly=True) as session:
            contents = self._contents(session, issue=False)
            logo = office_settings.logo_png(session)
        lang = self.lang()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(tr(TEXT["title"]).format(reference=self.reference))
        dialog.paintRequested.connect(
            lambda device: paint_certificates(contents, lang, device, logo)
        )
        dialog._printer = printer  # type: ignore[attr-defined] # kept alive with the dialog
        self.preview_dialog = dialog
        if modal:
            dialog.exec()
        else:
            dialog.open()
        return dialog

    def print_certificates(self) -> bool:
        """Ask for a printer, then issue and print in one transaction."""
        if not self._check_ticked():
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            with self.database.session_scope() as session:
                contents = self._contents(session, issue=True)
                paint_certificates(
                    contents, self.lang(), printer, office_settings.logo_png(session)
                )
        except ConveneError as exc:
            warn(self, str(exc))
            return False
        self.reload()
        return True

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Issue the ticked people's certificates and save them in one PDF (asking where unless
        ``path`` is given); the file, or None."""
        from app.output_files import check_output_path

        if not self._check_ticked():
            return None
        if path is None:
            suggested = suggested_file_name(self.reference, self.lang())
            path = ask_save_path(
                self, self.tr("Save certificates as PDF"), suggested, tr(PDF_FILTER)
            )
            if path is None:
                return None
        try:
            target = check_output_path(path, (".pdf",))
            with self.database.session_scope() as session:
                contents = self._contents(session, issue=True)
                logo = office_settings.logo_png(session)
                write_certificates_pdf(contents, self.lang(), target, logo)
        except ConveneError as exc:
            warn(self, str(exc))
            return None
        self.reload()
        return target

    def choose_logo(self, path: Path | None = None) -> bool:
        """Set the office's logo from an image file (kept in the database)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Certificate logo"), "", tr(IMAGE_FILTER)
            )
            if not name:
                return False
            path = Path(name)
        try:
            data = path.read_bytes()
            with self.database.session_scope() as session:
                office_settings.set_logo(session, data)
        except OSError as exc:
            warn(
                self,
                self.tr("Cannot read {path}: {value}.").format(
                    path=path, value=exc.strerror or exc
                ),
            )
            return False
        except ConveneError as exc:
            warn(self, str(exc))
            return False
        self.logo_button.setToolTip(tr(TEXT["logo_set"]))
        return True


def open_certificates(
    parent: QWidget | None, database: Database, event_id: uuid.UUID, *, modal: bool = True
) -> CertificatesDialog:
    dialog = CertificatesDialog(database, event_id, parent)
    if modal:
        dialog.exec()
    else:
        dialog.show()
    return dialog
