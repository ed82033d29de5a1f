"""File → Synchronise: write a package for another office, apply one (progress, Cancel writes
nothing, a summary), settle the conflicts side by side, and merge possible duplicates."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.fields import field_title
from app.i18n import N_, tr
from app.sync import offices, package, status
from app.sync.applying import apply_package
from app.sync.exporting import export_package
from db.engine import Database
from ui.errors import show_error, show_info
from ui.formatting import show_datetime
from ui.jobs import run_job, user_message
from ui.simple_table import rows_table

_CONFLICT_COLUMNS = (
    ("record", N_("Record"), "text"),
    ("field_text", N_("Field"), "text"),
    ("kept_text", N_("Value kept"), "text"),
    ("lost_text", N_("Other office's value"), "text"),
)
_DUPLICATE_COLUMNS = (
    ("person", N_("Person"), "text"),
    ("other", N_("Looks like"), "text"),
    ("found", N_("Found"), "text"),
)


def _when(iso: str | None) -> str:
    """A moment the sync status gives (ISO 8601) as the window shows moments."""
    return show_datetime(dt.datetime.fromisoformat(iso)) if iso else ""


def _side(side: dict[str, Any]) -> str:
    value = side["value"] if side["value"] is not None else tr("(empty)")
    return f"{value} — {side['office']}, {side['who'] or '?'}, {_when(side['when'])}"


class SyncDialog(QDialog):
    """See the module docstring."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.job: Any = None
        self.changed = False
        self.setWindowTitle(self.tr("Synchronise with other offices"))
        self.resize(860, 520)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._exchange_tab(), self.tr("Packages"))
        conflicts = QWidget()
        self.conflicts_table, self.conflicts = rows_table(
            _CONFLICT_COLUMNS, (230, 80, 270), stretch=3
        )
        self.conflicts_table.setWordWrap(True)
        keep = QPushButton(self.tr("Confirm the value kept"))
        keep.clicked.connect(lambda: self._settle("kept"))
        other = QPushButton(self.tr("Use the other office's value"))
        other.clicked.connect(lambda: self._settle("lost"))
        layout = QVBoxLayout(conflicts)
        layout.addWidget(QLabel(self.tr(
            "Both offices changed these fields before either had seen the other's change. Every"
            " office keeps the same value; choose the one that is right (the choice travels in"
            " the next package).")))  # fmt: skip
        layout.itemAt(0).widget().setWordWrap(True)
        layout.addWidget(self.conflicts_table)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(keep)
        buttons.addWidget(other)
        layout.addLayout(buttons)
        self.tabs.addTab(conflicts, self.tr("Conflicts"))
        duplicates = QWidget()
        self.duplicates_table, self.duplicates = rows_table(_DUPLICATE_COLUMNS, (300, 300))
        merge = QPushButton(self.tr("Merge…"))
        merge.clicked.connect(self._merge)
        apart = QPushButton(self.tr("Not the same person"))
        apart.clicked.connect(self._not_same)
        layout = QVBoxLayout(duplicates)
        layout.addWidget(QLabel(self.tr(
            "People entered by two offices who may be one person. Nothing is merged until you"
            " merge them.")))  # fmt: skip
        layout.addWidget(self.duplicates_table)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(apart)
        buttons.addWidget(merge)
        layout.addLayout(buttons)
        self.tabs.addTab(duplicates, self.tr("Possible duplicates"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        outer.addWidget(close)
        self.reload()

    def _exchange_tab(self) -> QWidget:
        tab = QWidget()
        self.office = QLabel()
        self.office.setObjectName("office")
        self.rename = QPushButton(self.tr("Name this office…"))
        self.rename.clicked.connect(self._name_office)
        office_line = QHBoxLayout()
        office_line.addWidget(self.office, 1)
        office_line.addWidget(self.rename)
        self.target = QComboBox()
        write = QPushButton(self.tr("Write package…"))
        write.clicked.connect(self._export)
        export_box = QGroupBox(self.tr("Send this office's changes"))
        form = QFormLayout(export_box)
        form.addRow(self.tr("For office:"), self.target)
        form.addRow("", write)
        read = QPushButton(self.tr("Apply package…"))
        read.clicked.connect(self._apply)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(lambda: self.job and self.job.context.cancel())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        apply_box = QGroupBox(self.tr("Receive another office's changes"))
        rows = QVBoxLayout(apply_box)
        line = QHBoxLayout()
        line.addWidget(read)
        line.addWidget(self.progress, 1)
        line.addWidget(self.cancel)
        rows.addLayout(line)
        rows.addWidget(self.summary)
        self.received = QLabel()
        self.received.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(office_line)
        layout.addWidget(export_box)
        layout.addWidget(apply_box)
        layout.addWidget(self.received)
        layout.addStretch()
        return tab

    # --- Showing ----------------------------------------------------------------------------

    def reload(self) -> None:
        with self.database.session_scope() as session:
            state = status.sync_status(session)
            conflicts = status.open_conflicts(session)
            duplicates = status.possible_duplicates(session)
        me = state["office"]
        self.office.setText(self.tr("This office: <b>{0}</b> ({1}); {2} changes made here.").format(
            me["name"] or me["code"], me["code"], me["changes"]))  # fmt: skip
        self.rename.setToolTip(
            self.tr("The code can change until the office's first package; the name at any time.")
        )
        current = self.target.currentData()
        self.target.clear()
        self.target.addItem(self.tr("A new office (every change)"), None)
        for other in state["offices"]:
            label = f"{other['name']} ({other['code']})" if other["name"] else other["code"]
            self.target.addItem(label, other["code"])
        if current is not None and (index := self.target.findData(current)) >= 0:
            self.target.setCurrentIndex(index)
        lines = [
            self.tr("{0}: {1} of its changes here, last package {2}; {3} changes it has not yet"
                    " received.").format(o["name"] or o["code"], o["received"],
                                         _when(o["received_at"]) or self.tr("never"),
                                         o["not_yet_received"])
            for o in state["offices"]
        ]  # fmt: skip
        self.received.setText("\n".join(lines) or self.tr("No package from another office yet."))
        for row in conflicts:
            row["kept_text"], row["lost_text"] = _side(row["kept"]), _side(row["lost"])
            row["field_text"] = field_title(row["table"], row["field"])
        self.conflicts.set_rows(conflicts)
        self.conflicts_table.resizeRowsToContents()
        for row in duplicates:
            row["found"] = _when(row["found_at"])
        self.duplicates.set_rows(duplicates)
        self.tabs.setTabText(1, self.tr("Conflicts ({0})").format(len(conflicts)))
        self.tabs.setTabText(2, self.tr("Possible duplicates ({0})").format(len(duplicates)))

    def _name_office(self) -> None:
        from ui.office_dialog import OfficeDialog

        if OfficeDialog(self.database, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    # --- Packages ---------------------------------------------------------------------------

    def _passphrase(self) -> str | None:
        known = os.environ.get(package.PASSPHRASE_VARIABLE, "")
        if known:
            return known
        text, ok = QInputDialog.getText(
            self, self.tr("Sync passphrase"),
            self.tr("The passphrase the offices share (at least 8 characters):"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        return text if ok and text else None

    def _export(self) -> None:
        to = self.target.currentData()
        with self.database.session_scope(readonly=True) as session:
            me = offices.this_office(session.connection()).code
        suggested = f"{me}-to-{to or 'all'}.convene-sync"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write package"), suggested, self.tr("Sync packages (*.convene-sync)")
        )
        passphrase = self._passphrase() if path else None
        if not path or passphrase is None:
            return
        try:
            with self.database.session_scope() as session:
                result = export_package(session, Path(path), passphrase, to)
        except Exception as exc:  # shown as one sentence; details in the log
            show_error(self, user_message(exc))
            return
        show_info(
            self, self.tr("Package written to {0}: {1} changes.").format(path, result.changes)
        )
        self.reload()

    def _apply(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Apply package"),
            "",
            self.tr("Sync packages (*.convene-sync);;All files (*)"),
        )
        passphrase = self._passphrase() if path else None
        if not path or passphrase is None:
            return
        self.apply_file(Path(path), passphrase)

    def apply_file(self, path: Path, passphrase: str) -> None:
        """Apply the package at ``path`` on the job thread, with progress and Cancel."""
        database = self.database

        def work(context: Any) -> Any:
            document = package.read_package(path, passphrase)
            with database.session_scope() as session:
                return apply_package(session, document, str(path),
                                     progress=lambda d, t: context.progress(d, t, ""))  # fmt: skip

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel.setVisible(True)
        self.summary.setText(self.tr("Applying {0}…").format(path.name))
        self.job = run_job(work, on_success=self._applied, on_failure=self._failed,
                           on_progress=self._progressed)  # fmt: skip

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel.setVisible(False)

    def _applied(self, result: Any) -> None:
        self._finished()
        self.changed = True
        self.summary.setText(self.tr(
            "Applied the package from {0}: {1} changes applied, {2} already here, {3} conflicts,"
            " {4} possible duplicates.").format(result.source, result.applied, result.already_seen,
                                                result.conflicts, result.possible_duplicates))  # fmt: skip
        self.reload()

    def _failed(self, message: str, cancelled: bool) -> None:
        self._finished()
        if cancelled:
            self.summary.setText(self.tr("Cancelled: nothing was written."))
        else:
            self.summary.setText(message)
            show_error(self, message)

    # --- Conflicts and duplicates -----------------------------------------------------------

    def _chosen(self, table: Any, model: Any) -> dict[str, Any] | None:
        rows = table.selectionModel().selectedRows()
        return model.rows[rows[0].row()] if rows else None

    def _settle(self, keep: str) -> None:
        row = self._chosen(self.conflicts_table, self.conflicts)
        if row is None:
            show_info(self, self.tr("Select a conflict first."))
            return
        try:
            with self.database.session_scope() as session:
                status.settle_conflict(session, row["id"], keep)
        except Exception as exc:  # shown as one sentence; details in the log
            show_error(self, user_message(exc))
        self.changed = True
        self.reload()

    def _merge(self) -> None:
        from ui.merge_dialog import MergeDialog

        row = self._chosen(self.duplicates_table, self.duplicates)
        if row is None:
            show_info(self, self.tr("Select a pair first."))
            return
        pair = uuid.UUID(row["person_id"]), uuid.UUID(row["other_id"])
        dialog = MergeDialog(self.database, "people", pair[0], pair[1], self)
        if dialog.exec():
            with self.database.session_scope() as session:
                status.settle_duplicate(session, row["person_id"], row["other_id"])
            self.changed = True
        self.reload()

    def _not_same(self) -> None:
        row = self._chosen(self.duplicates_table, self.duplicates)
        if row is not None:
            with self.database.session_scope() as session:
                status.settle_duplicate(session, row["person_id"], row["other_id"])
            self.reload()
