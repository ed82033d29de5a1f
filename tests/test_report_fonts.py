"""Reports look the same on every machine: they are set in the fonts shipped in
``resources/fonts/``, which have every letter of the region's languages, whatever fonts the
machine has (``pdffonts`` lists what a PDF embeds); and a summary is laid out word for word
alike with the machine's fonts, with the shipped fonts only, and with a different "Liberation
Sans" installed (fontconfig pointed at each, in a process of its own)."""

from __future__ import annotations

import datetime as dt
import struct
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QRawFont

from app.reports.certificate_content import certificate_contents
from app.reports.certificates import write_certificates_pdf
from app.reports.event_summary import event_summary
from app.reports.fonts import FAMILY, FILES, FONTS_DIR, renamed_font
from app.reports.period_figures import PeriodFilter
from app.reports.period_report import period_report
from app.reports.render import write_pdf
from app.reports.signin_sheet import load_signin, signin_document
from app.services import certificates
from app.services.events import find_event
from tests.cli_runner import convene

pytestmark = pytest.mark.usefixtures("qapp")

CABMI = "2022-001"
SHIPPED = {"ConveneReports", "ConveneReports-Bold"}  # the PostScript names FILES are given
LETTERS = {
    "Russian": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Kazakh": "ӘәҒғҚқҢңӨөҰұҮүҺһІі",
    "Kyrgyz": "ҢңӨөҮү",
    "Tajik": "ҒғӢӣҚқӮӯҲҳҶҷ",
    "Turkmen": "ÄäÇçŇňÖöŞşÜüÝýŽž",
    "Uzbek": "OʻoʻGʻgʻʼЎўҚқҒғҲҳ",
    "Azerbaijani": "ƏəĞğIıİiÇçŞşÖöÜü",
    "the reports' signs": "«»„“”‘’–—…№·×°¹²³⁴",
}


def test_the_shipped_fonts_have_every_letter_of_the_regions_languages() -> None:
    for name in FILES:
        published = QRawFont(str(FONTS_DIR / name), 12)
        font = QRawFont(QByteArray(renamed_font((FONTS_DIR / name).read_bytes())), 12)
        assert published.familyName() == "Liberation Sans"
        assert font.isValid() and font.familyName() == FAMILY
        for table in ("cmap", "glyf", "hmtx", "kern", "GPOS", "OS/2"):  # only renamed
            assert font.fontTable(table) == published.fontTable(table), table
        missing = {
            language: "".join(c for c in letters if not font.supportsCharacter(ord(c)))
            for language, letters in LETTERS.items()
        }
        assert {language: m for language, m in missing.items() if m} == {}, name
    assert (FONTS_DIR / "LICENSE").read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1


def embedded_fonts(pdf: Path) -> set[str]:
    """The fonts ``pdf`` uses, as ``pdffonts`` lists them; each must be embedded."""
    listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in listed.stdout.splitlines()[2:]]
    assert all(row[-5] == "yes" for row in rows), listed.stdout  # the "emb" column
    return {row[0].split("+")[-1] for row in rows}  # (a subset is named "ABCDEF+Name")


def test_every_report_embeds_the_shipped_fonts_only(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With this machine's fonts installed too: none of them is used, in either language."""
    written = []
    with demo_db.session_scope() as session:
        event = find_event(session, CABMI)
        for lang in ("en", "ru"):
            written.append(tmp_path / f"summary-{lang}.pdf")
            write_pdf(event_summary(session, event, lang=lang), written[-1])
            year = PeriodFilter(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
            written.append(tmp_path / f"period-{lang}.pdf")
            write_pdf(period_report(session, year, lang=lang), written[-1])
        written.append(tmp_path / "signin.pdf")
        write_pdf(signin_document(load_signin(session, event), "both"), written[-1])
        issued = certificates.issue_certificates(session, event, None)[:3]
        contents = certificate_contents(
            session,
            event,
            [c.participation for c in issued],
            {c.participation_id: c for c in issued},
        )
        written.append(tmp_path / "certificates.pdf")
        write_certificates_pdf(contents, "both", written[-1])
    assert {pdf.name: embedded_fonts(pdf) for pdf in written} == {
        pdf.name: SHIPPED for pdf in written
    }


def test_printing_from_the_window_uses_the_shipped_fonts(
    demo_db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from ui import report_output

    printed = tmp_path / "printer.pdf"

    class ChosenPrinter:  # the print dialog, answered "Print" with a PDF printer chosen
        DialogCode = QDialog.DialogCode

        def __init__(self, printer: QPrinter, parent) -> None:  # type: ignore[no-untyped-def]
            self.printer = printer

        def exec(self) -> int:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(report_output, "QPrintDialog", ChosenPrinter)
    with demo_db.session_scope(readonly=True) as session:
        report = event_summary(session, find_event(session, CABMI), lang="ru")
    assert report_output.print_report(None, report)
    assert embedded_fonts(printed) == SHIPPED
    assert sum(line.startswith("<page") for line in words_on_pages(printed)) == 3


def wider_copy(source: Path, target: Path, factor: float = 1.25) -> None:
    """A copy of the TrueType font ``source`` whose every letter is ``factor`` times as wide
    (its advance widths, in the ``hmtx`` table): the same family and style, other metrics —
    as another version of a font installed on some machine could have."""
    data = bytearray(source.read_bytes())
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for index in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        tables[tag] = offset
    (metrics,) = struct.unpack_from(">H", data, tables[b"hhea"] + 34)  # numberOfHMetrics
    for index in range(metrics):
        at = tables[b"hmtx"] + 4 * index
        (width,) = struct.unpack_from(">H", data, at)
        struct.pack_into(">H", data, at, min(0xFFFF, round(width * factor)))
    target.write_bytes(data)


def fontconfig_with(folder: Path, *font_dirs: Path) -> dict[str, str | None]:
    """The environment of a process that sees only the fonts of ``font_dirs``."""
    folder.mkdir()
    config = folder / "fonts.conf"
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs)
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(config)}


def words_on_pages(pdf: Path) -> list[str]:
    """Every page and every word of ``pdf`` with its position (``pdftotext -bbox``)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return [
        line.strip() for line in boxes.stdout.splitlines() if "<page" in line or "<word" in line
    ]


def summary_in_a_process(db: Path, lang: str, pdf: Path, env: dict[str, str | None]) -> list[str]:
    done = convene("report", "event", CABMI, "-o", str(pdf), "--lang", lang, db=db, env=env)
    assert done.code == 0, done.err
    return words_on_pages(pdf)


def test_a_summary_is_laid_out_alike_whatever_fonts_the_machine_has(
    demo_db, sqlite_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    other = tmp_path / "other-liberation"
    other.mkdir()
    for name in FILES:
        wider_copy(FONTS_DIR / name, other / name)
    machines = {
        "this machine's fonts": {"FONTCONFIG_FILE": None},
        "the shipped fonts only": fontconfig_with(tmp_path / "shipped", FONTS_DIR),
        "a wider Liberation Sans": fontconfig_with(tmp_path / "wider", other),
    }
    for lang in ("en", "ru"):
        laid_out = {
            machine: summary_in_a_process(sqlite_path, lang, tmp_path / f"{lang}-{n}.pdf", env)
            for n, (machine, env) in enumerate(machines.items())
        }
        first = laid_out["this machine's fonts"]
        assert sum(line.startswith("<page") for line in first) == 3
        assert next(line for line in first if "<word" in line).endswith(
            ">СПРАВКА</word>" if lang == "ru" else ">EVENT</word>"
        )
        assert {machine: words == first for machine, words in laid_out.items()} == dict.fromkeys(
            machines, True
        )
        assert embedded_fonts(tmp_path / f"{lang}-2.pdf") == SHIPPED


def test_the_windows_show_their_text_in_the_shipped_family(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLabel

    from ui.application import use_shipped_font

    before = qapp.font()
    try:
        use_shipped_font(qapp)
        label = QLabel("Қазақстан · Türkmenistan · Oʻzbekiston")
        assert label.fontInfo().family() == FAMILY
        assert label.font().pointSizeF() == before.pointSizeF()  # the platform's own size
        metrics = QFontMetrics(label.font())
        assert all(metrics.inFontUcs4(ord(c)) for c in "".join(LETTERS.values()))
    finally:
        qapp.setFont(before)
