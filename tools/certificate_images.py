"""Render a certificate of attendance (English and Russian pages) from the sample data, for the
README: ``docs/certificate-en.png`` and ``docs/certificate-ru.png``.

    QT_QPA_PLATFORM=offscreen uv run python -m tools.certificate_images [OUTPUT_FOLDER]

Uses a fresh SQLite database in a temporary folder (the sample data loaded, a sample logo and
signatory set), never yours; needs ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVENT = "2025-001"  # the regional seminar in Ashgabat, March 2025
PERSON = "92fa8325-b85e-521e-b1d2-cc89a1d09768"  # Aýnabat Ataýewa / Атаева Айнабат Мухаммедовна
RESOLUTION = "70"  # dots per inch of the PNG files


def sample_logo() -> bytes:
    """A made-up office logo: a ring and the words "Programme Office"."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    from app.reports.fonts import report_typeface

    image = QImage(640, 200, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#17365d"), 10))
    painter.drawEllipse(QRectF(15, 15, 170, 170))
    painter.setBrush(QColor("#a8842c"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(65, 65, 70, 70))
    font = report_typeface()  # (registered by ensure_gui_application)
    font.setPixelSize(64)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#17365d"))
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QRectF(210, 20, 430, 90), left, "BORDER")
    font.setPixelSize(40)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(QRectF(210, 105, 430, 70), left, "Programme Office")
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    import uuid

    from app.database import prepare_database
    from app.reports.certificate_content import certificate_contents
    from app.reports.certificates import write_certificates_pdf
    from app.reports.render import ensure_gui_application
    from app.sample_data import load_demo
    from app.services import certificates, office_settings
    from app.services.events import find_event, update_event

    ensure_gui_application()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="convene-certificates-"))
    try:
        database, _ = prepare_database(work / "sample.sqlite")
        with database.session_scope() as session:
            load_demo(session)
            event = find_event(session, EVENT)
            update_event(session, event.id, None, signatory_name="Anna Keller",
                         signatory_title="Programme Manager, OSCE Centre in Ashgabat")  # fmt: skip
            office_settings.set_logo(session, sample_logo())
            issued = certificates.issue_certificates(session, event, uuid.UUID(PERSON))
            contents = certificate_contents(
                session, event, [c.participation for c in issued],
                {c.participation_id: c for c in issued},
            )  # fmt: skip
            logo = office_settings.logo_png(session)
        database.dispose()
        for lang in ("en", "ru"):
            pdf = work / f"certificate-{lang}.pdf"
            write_certificates_pdf(contents, lang, pdf, logo)
            subprocess.run(
                ["pdftoppm", "-r", RESOLUTION, "-png", "-singlefile", str(pdf),
                 str(out / f"certificate-{lang}")],
                check=True,
            )  # fmt: skip
            print(out / f"certificate-{lang}.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
