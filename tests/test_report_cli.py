"""The report, signin-sheet and export commands, run as a user runs them: files written, exit
codes, and one clean line on stderr when something is wrong."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from python_calamine import CalamineWorkbook

from tests.cli_runner import assert_one_clean_line, convene


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def test_report_event_in_russian_without_names(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cabmi.pdf"
    result = convene(
        "report", "event", "2022-001", "-o", str(out), "--no-names", "--lang", "ru", db=demo_db.path
    )
    assert result.code == 0, result.err
    assert result.out.startswith("Wrote the summary of 2022-001 (2 pages)")
    text = text_of(out)
    assert (
        "СПРАВКА О МЕРОПРИЯТИИ" in text and "Список участников в этот экземпляр не включён." in text
    )
    assert "Абдикаликов" not in text and "ABDIKALIKOV" not in text


def test_report_period_as_pdf_and_workbook(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf, xlsx = tmp_path / "2019.pdf", tmp_path / "2019.xlsx"
    args = ("report", "period", "--from", "2019-01-01", "--to", "2019-12-31", "--country", "UZ")
    result = convene(*args, "-o", str(pdf), db=demo_db.path)
    assert result.code == 0, result.err
    assert "Filters: events in Uzbekistan" in text_of(pdf)
    result = convene(*args, "-o", str(xlsx), db=demo_db.path)
    assert result.code == 0, result.err
    summary = dict(
        CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Summary").to_python()[1:]
    )
    assert summary["Events held"] == 4  # the four Tashkent workshops and seminar of 2019


def test_signin_sheet_and_export(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "signin.xlsx"
    result = convene("signin-sheet", "2025-001", "-o", str(sheet), db=demo_db.path)
    assert result.code == 0, result.err
    assert "Wrote the sign-in sheet of 2025-001 (20 names" in result.out
    export = tmp_path / "participants.xlsx"
    result = convene(
        "export", "participants", "--event", "2022-001", "-o", str(export), db=demo_db.path
    )
    assert (result.code, result.out.strip()) == (0, f"Exported 21 rows of participants to {export}")
    rows = CalamineWorkbook.from_path(str(export)).get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["Family name", "Given name"] and len(rows) == 22


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "event", "2031-404", "-o", "{tmp}/x.pdf"), "error: No event with the reference or id '2031-404'."),
        (("report", "event", "2022-001", "-o", "{tmp}/x.docx"), "use .pdf"),
        (("report", "event", "2022-001", "-o", "{tmp}/missing/x.pdf"), "does not exist"),
        (("signin-sheet", "2022-001", "-o", "{tmp}"), "cannot write"),
        (("report", "period", "--from", "2019-12-31", "--to", "2019-01-01", "-o", "{tmp}/p.pdf"), "ends (2019-01-01) before it starts"),
        (("report", "period", "--from", "31.12.2019", "--to", "2020-01-01", "-o", "{tmp}/p.pdf"), "is not a date"),
        (("report", "period", "--from", "2019-01-01", "--to", "2019-12-31", "--partner", "Nobody", "-o", "{tmp}/p.pdf"), "No organisation matches 'Nobody'"),
        (("export", "people", "--event", "2022-001", "-o", "{tmp}/x.xlsx"), "--event goes with 'export participants' only"),
        (("export", "events", "-o", "{tmp}/x.csv"), "use .xlsx"),
    ],
)  # fmt: skip
def test_unusable_requests_exit_2_with_one_line(
    demo_db, tmp_path: Path, args: tuple, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = convene(*(a.replace("{tmp}", str(tmp_path)) for a in args), db=demo_db.path)
    assert result.code == 2
    assert_one_clean_line(result)
    assert message in result.err
    assert [
        p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx", ".docx", ".csv")
    ] == []
