"""The GUI's report and export actions, driven with qtbot on real widgets and real files."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdf
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget
from python_calamine import CalamineWorkbook

from app.services.events import find_event
from ui import report_actions
from ui.jobs import run_job
from ui.report_dialogs import EventReportOptions, EventReportOptionsDialog, PeriodReportDialog


def event_id(database, ref: str):  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as session:
        return find_event(session, ref).id


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def test_event_summary_options_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = EventReportOptionsDialog(None, EventReportOptions(include_names=True, lang="en"))
    qtbot.addWidget(dialog)
    assert dialog.options() == EventReportOptions(True, "en")
    dialog.leave_out_names.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.options() == EventReportOptions(include_names=False, lang="ru")


def test_save_event_summary_as_pdf(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "summary.pdf"
    saved = report_actions.save_event_summary_pdf(
        parent, demo_db, event_id(demo_db, "2022-001"), EventReportOptions(False, "ru"), path
    )
    assert saved == path
    text = pdf_text(path)
    assert "СПРАВКА О МЕРОПРИЯТИИ" in text and "Абдикаликов" not in text


def test_print_preview_paints_every_page(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = report_actions.preview_event_summary(
        parent, demo_db, event_id(demo_db, "2022-001"), EventReportOptions(), modal=False
    )
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 3)
    dialog.close()


def test_period_dialog_saves_a_filtered_report(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = PeriodReportDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_from.setDate(QDate(2019, 1, 1))
    dialog.date_to.setDate(QDate(2019, 12, 31))
    dialog.country.setCurrentIndex(dialog.country.findText("Uzbekistan"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    target = tmp_path / "period.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    dialog.pdf_button.click()  # the figures are counted on the job thread
    qtbot.waitUntil(lambda: target.exists() and dialog.job is None, timeout=20_000)
    text = pdf_text(target)
    assert "Filters: events in Uzbekistan" in text
    assert "four events were held" in text
    workbook = tmp_path / "period.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(workbook), "Excel"))
    counted = dialog._figures
    dialog.xlsx_button.click()  # same range and filters: the figures are not counted again
    assert dialog.job is None and dialog._figures is counted
    summary = dict(
        CalamineWorkbook.from_path(str(workbook)).get_sheet_by_name("Summary").to_python()[1:]
    )
    assert summary["Events held"] == 4


def test_period_dialog_stays_responsive_and_cancels(
    qtbot, demo_db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from app.reports import period_figures

    release = threading.Event()
    counted_on: list[threading.Thread] = []
    real = period_figures.period_figures

    def slow_figures(session, period):  # type: ignore[no-untyped-def]
        counted_on.append(threading.current_thread())
        release.wait(10)
        return real(session, period)

    monkeypatch.setattr(period_figures, "period_figures", slow_figures)
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    dialog = PeriodReportDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: bool(counted_on))
    # Counting runs on the job thread; meanwhile the dialog answers but its buttons wait.
    assert counted_on[0] is not threading.main_thread()
    assert dialog.job is not None and not dialog.pdf_button.isEnabled()
    dialog.findChild(QProgressDialog).findChild(QPushButton).click()  # its Cancel button
    release.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert asked == [] and dialog.pdf_button.isEnabled()  # cancelled: nothing asked, nothing saved


def test_period_dialog_refuses_a_backwards_range(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    dialog = PeriodReportDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_from.setDate(QDate(2020, 1, 1))
    dialog.date_to.setDate(QDate(2019, 1, 1))
    assert dialog.problem.text() == "The period ends before it starts."
    assert not dialog.pdf_button.isEnabled() and not dialog.preview_button.isEnabled()
    dialog.date_to.setDate(QDate(2020, 12, 31))
    assert dialog.pdf_button.isEnabled() and dialog.problem.text() == ""


def test_export_runs_off_the_gui_thread(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[tuple[bool, str]] = []
    path = tmp_path / "people.xlsx"
    run = report_actions.export_to_excel(
        parent, demo_db, "people", path=path, on_finished=lambda ok, m: outcome.append((ok, m))
    )
    qtbot.waitUntil(lambda: bool(outcome), timeout=20_000)
    assert outcome == [(True, f"Exported 38 rows to {path}.")]
    assert run is not None and run.job.done.is_set()
    assert len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()) == 39


def test_cancelled_export_writes_nothing(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    blocker = run_job(
        lambda context: release.wait(10), on_success=lambda r: None, on_failure=lambda m, c: None
    )
    outcome: list[tuple[bool, str]] = []
    path = tmp_path / "events.xlsx"
    run = report_actions.export_to_excel(
        parent, demo_db, "events", path=path, on_finished=lambda ok, m: outcome.append((ok, m))
    )
    assert run is not None
    run.progress.findChild(QPushButton).click()  # Cancel, while the export waits its turn
    release.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=20_000)
    assert outcome == [(False, "Export cancelled; no file was written.")]
    assert not path.exists()
    assert blocker.done.wait(5)
