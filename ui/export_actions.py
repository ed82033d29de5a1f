"""Excel exports from the GUI: the user picks a file, the export runs on the job thread
(``ui.jobs.run_job``) with a progress dialog whose Cancel stops it and leaves no file behind."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import ConveneError
from db.engine import Database
from ui.jobs import Job, JobContext, run_job
from ui.report_output import EXCEL_FILTER, ask_save_path, tr, warn


class ExportRun(QObject):
    """An export running on the job thread, with its progress dialog (Cancel stops it and
    leaves no file). ``finished`` carries the message shown to the user."""

    finished = Signal(bool, str)  # succeeded, message

    def __init__(self, parent: QWidget | None, database: Database, request, path: Path) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        from app.exports.tables import export_records

        self.path = path
        self.progress = QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 0, parent)
        self.progress.setWindowTitle(tr("Export to Excel"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)

        def work(context: JobContext) -> int:
            with database.session_scope(readonly=True) as session:
                return export_records(session, request, path, context.progress)

        self.job: Job = run_job(
            work, on_success=self._succeeded, on_failure=self._failed, on_progress=self._progressed
        )
        self.progress.canceled.connect(self.job.context.cancel)

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(
            tr("Exporting {what}: {done:,} of {total:,}").format(
                what=message.lower(), done=done, total=total
            )
        )

    def _succeeded(self, rows: int) -> None:
        self.progress.reset()
        self.finished.emit(
            True, tr("Exported {rows:,} rows to {path}.").format(rows=rows, path=self.path)
        )

    def _failed(self, message: str, cancelled: bool) -> None:
        self.progress.reset()
        self.finished.emit(
            False, tr("Export cancelled; no file was written.") if cancelled else message
        )


def export_to_excel(
    parent: QWidget | None,
    database: Database,
    kind: str,
    *,
    event_id: uuid.UUID | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    path: Path | None = None,
    on_finished: Callable[[bool, str], None] | None = None,
) -> ExportRun | None:
    """Export ``kind`` (events, people, organizations, participants) to an xlsx file chosen by
    the user (or ``path``), off the GUI thread with progress; ``on_finished(ok, message)`` runs
    when it is done (by default the message is shown in a box)."""
    from app.exports.tables import ExportRequest
    from app.output_files import check_output_path

    if path is None:
        path = ask_save_path(parent, tr("Export to Excel"), f"{kind}.xlsx", EXCEL_FILTER)
        if path is None:
            return None
    try:
        target = check_output_path(path, (".xlsx",))
    except ConveneError as exc:
        warn(parent, str(exc))
        return None
    run = ExportRun(parent, database, ExportRequest(kind, event_id, date_from, date_to), target)

    def tell(ok: bool, message: str) -> None:
        if ok:
            QMessageBox.information(parent, tr("Export to Excel"), message)
        else:
            warn(parent, message)

    run.finished.connect(on_finished or tell)
    return run
