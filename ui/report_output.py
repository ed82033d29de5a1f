"""Where a finished report goes: the print preview, a printer, a PDF file, an Excel workbook —
and the save dialog that asks where. Used by the report dialogs, the report and export actions
and the certificate dialog alike; it imports none of them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ConveneError
from app.reports.period_figures import PeriodFigures
from app.reports.render import ReportDocument, paint_report, write_pdf

PDF_FILTER = "PDF document (*.pdf)"
EXCEL_FILTER = "Excel workbook (*.xlsx)"


def tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


class BusyCursor:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """A file name chosen in the save dialog, with the extension of the chosen filter."""
    from PySide6.QtWidgets import QFileDialog

    name, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:  # some platforms' dialogs do not add the extension of the filter
        path = path.with_suffix(".xlsx" if "xlsx" in chosen else ".pdf")
    return path


def warn(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, "Convene", message)


def _printer(report: ReportDocument) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(report.page_layout())
    printer.setDocName(report.title)
    return printer


def preview_report(
    parent: QWidget | None, report: ReportDocument, *, modal: bool = True
) -> QPrintPreviewDialog:
    """Show the print preview of ``report`` (printing from it uses the same painting)."""
    printer = _printer(report)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(report.title)
    dialog.paintRequested.connect(lambda device: paint_report(report, device))
    dialog._printer = printer  # type: ignore[attr-defined] # keep it alive with the dialog
    if modal:
        dialog.exec()
    else:
        dialog.open()
    return dialog


def print_report(parent: QWidget | None, report: ReportDocument) -> bool:
    """Ask for a printer and print ``report``; whether it was printed."""
    printer = _printer(report)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    with BusyCursor():
        paint_report(report, printer)
    return True


def save_report_pdf(
    parent: QWidget | None, report: ReportDocument, path: Path | None = None, suggested: str = ""
) -> Path | None:
    """Save ``report`` as PDF (asking where unless ``path`` is given); the file, or None."""
    from app.output_files import check_output_path

    if path is None:
        path = ask_save_path(parent, tr("Save as PDF"), suggested or "report.pdf", PDF_FILTER)
        if path is None:
            return None
    try:
        with BusyCursor():
            write_pdf(report, check_output_path(path, (".pdf",)))
    except ConveneError as exc:
        warn(parent, str(exc))
        return None
    return path


def save_period_report_xlsx(
    parent: QWidget | None, figures: PeriodFigures, lang: str = "en", path: Path | None = None
) -> Path | None:
    """Save the period report's figures as an Excel workbook (asking where unless ``path``)."""
    from app.output_files import check_output_path
    from app.reports.period_workbook import write_period_xlsx

    period = figures.filter
    if path is None:
        suggested = f"period report {period.date_from}–{period.date_to}.xlsx"
        path = ask_save_path(parent, tr("Save as Excel"), suggested, EXCEL_FILTER)
        if path is None:
            return None
    try:
        target = check_output_path(path, (".xlsx",))
        with BusyCursor():
            write_period_xlsx(figures, target, lang)
    except ConveneError as exc:
        warn(parent, str(exc))
        return None
    return target
