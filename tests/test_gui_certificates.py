"""Event → Certificates and the person's History, driven with qtbot on real widgets, a real
SQLite file with the sample data and real PDF files."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QToolButton

from app.services import people
from app.services.events import find_event
from db.models import Certificate
from tests.gui_helpers import cell
from ui import certificate_dialog
from ui.certificate_dialog import CertificatesDialog

KARIMOVA = "3784adea-722d-506b-b7d2-d599e0f35229"


def _event_id(database, ref: str):  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as session:
        return find_event(session, ref).id


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _issued(database) -> list[str]:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as s:
        return list(s.scalars(sa.select(Certificate.number).order_by(Certificate.number)))


def test_dialog_lists_who_may_have_one_previews_without_issuing_and_saves(
    qtbot, demo_db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(
        certificate_dialog, "warn", lambda parent, message: warnings.append(message)
    )
    dialog = CertificatesDialog(demo_db, _event_id(demo_db, "2022-001"))
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    eligible = [r for r in model.rows if r.reason is None]
    assert len(eligible) == 20 and len(model.ticked) == 20
    refused = [r for r in model.rows if r.reason is not None]
    assert refused and all(
        cell(dialog.table, model.rows.index(r), 4).startswith("No: ") for r in refused
    )
    assert dialog.summary.text().startswith("20 of 21 listed may have a certificate; 0 issued")

    # Untick all but two people; the preview paints their pages and issues nothing.
    for number, row in enumerate(model.rows):
        if row.reason is None and number > 1:
            model.setData(
                model.index(number, 0),
                Qt.CheckState.Unchecked.value,
                Qt.ItemDataRole.CheckStateRole,
            )
    assert len(dialog.chosen()) == 2
    dialog.language.setCurrentIndex(dialog.language.findData("both"))
    preview = dialog.preview(modal=False)
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == 4)
    preview.close()
    assert _issued(demo_db) == []

    target = tmp_path / "two.pdf"
    assert dialog.save_pdf(target) == target
    assert _issued(demo_db) == ["2022-0001", "2022-0002"]
    text = _pdf_text(target)
    assert "CERTIFICATE OF ATTENDANCE" in text and "СЕРТИФИКАТ ОБ УЧАСТИИ" in text
    assert "Certificate No. 2022-0001" in text and "Сертификат № 2022-0002" in text
    assert cell(dialog.table, 0, 3) == "2022-0001"  # the table shows what was issued
    assert "2 issued so far" in dialog.summary.text()

    # Nothing ticked: one plain sentence, nothing written.
    model = dialog.model  # reloaded after saving
    for number in range(len(model.rows)):
        model.setData(
            model.index(number, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert dialog.save_pdf(tmp_path / "none.pdf") is None
    assert warnings == ["Tick at least one person who may have a certificate."]
    # An unwritable file: the warning, and the certificates are not issued.
    dialog.reload()
    assert dialog.save_pdf(tmp_path / "missing" / "all.pdf") is None
    assert "does not exist" in warnings[-1]
    assert _issued(demo_db) == ["2022-0001", "2022-0002"]


def test_logo_button_stores_the_image_and_refuses_other_files(
    qtbot, demo_db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    from app.services.office_settings import logo_png

    warnings: list[str] = []
    monkeypatch.setattr(
        certificate_dialog, "warn", lambda parent, message: warnings.append(message)
    )
    dialog = CertificatesDialog(demo_db, _event_id(demo_db, "2019-003"))
    qtbot.addWidget(dialog)
    text_file = tmp_path / "notes.png"
    text_file.write_text("hello", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(text_file), ""))
    dialog.logo_button.click()
    assert warnings == ["The file is not an image that can be read (use PNG or JPEG)."]
    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#a8842c"))
    png = tmp_path / "logo.png"
    image.save(str(png))
    assert dialog.choose_logo(png)
    with demo_db.session_scope(readonly=True) as s:
        stored = logo_png(s)
    assert stored is not None and QImage.fromData(stored).size() == image.size()


def test_event_form_offers_certificates_and_person_history_lists_them(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    database = window.database
    event_id = _event_id(database, "2019-003")
    form = window.show_record("events", event_id)
    menu = form.findChild(QToolButton, "print_menu").menu()
    assert "Certificates of attendance…" in [a.text() for a in menu.actions()]
    form.field("certificate_min_days").set_value(2)
    form.field("signatory_name").set_value("Anna Keller")
    form.field("signatory_title").set_value("Programme Manager")
    assert form.save()
    opened: list[CertificatesDialog] = []
    monkeypatch.setattr(
        certificate_dialog,
        "open_certificates",
        lambda parent, db, eid: opened.append(CertificatesDialog(db, eid, parent)),
    )
    form.run_report("certificates")
    (dialog,) = opened
    assert "A partial attendee needs 2 days" in dialog.summary.text()
    target = tmp_path / "customs.pdf"
    assert dialog.save_pdf(target) == target
    assert "Anna Keller" in _pdf_text(target) and "Programme Manager" in _pdf_text(target)
    dialog.close()
    form.close()

    with database.session_scope() as s:  # a misspelt name corrected, then reprinted
        people.update_person(s, KARIMOVA, None, given_name="Dilnoza")
        people.update_person(s, KARIMOVA, None, family_name="Karimowa")
    again = CertificatesDialog(database, event_id)
    qtbot.addWidget(again)
    assert again.save_pdf(tmp_path / "again.pdf") is not None

    person = window.show_record("people", uuid.UUID(KARIMOVA))
    rows = person.certificates.rows
    assert [(r["reference"], r["state"]) for r in rows] == [
        ("2019-003", "current"),
        ("2019-003", f"superseded by {rows[0]['number']}"),
    ]
    person.close()


def test_print_issues_and_paints_every_page_on_the_chosen_printer(
    qtbot, demo_db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    printed = tmp_path / "printer.pdf"

    class ChosenPrinter:  # the print dialog, answered "Print" with a PDF printer chosen
        def __init__(self, printer: QPrinter, parent) -> None:  # type: ignore[no-untyped-def]
            self.printer = printer

        def exec(self) -> int:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            return certificate_dialog.QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(certificate_dialog, "QPrintDialog", ChosenPrinter)
    dialog = CertificatesDialog(demo_db, _event_id(demo_db, "2019-003"))
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.print_certificates()
    issued = _issued(demo_db)
    assert issued == [f"2019-{n:04d}" for n in range(1, len(issued) + 1)] and issued
    text = _pdf_text(printed)
    assert text.count("СЕРТИФИКАТ ОБ УЧАСТИИ") == len(issued)
