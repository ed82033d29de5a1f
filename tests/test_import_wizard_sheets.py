"""The wizard's choice of sheet: sheet names written with spaces around them, and a failure while
the sheets are offered, which is said in one sentence instead of leaving the page waiting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.importing.reading import read_workbook
from ui import jobs
from ui.import_wizard import ChooseFilePage, ImportWizard


def _list_with_spaced_sheet_name(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Справочник"
    workbook.active.append(["x"])
    sheet = workbook.create_sheet("Участники ")
    sheet.append(["ФИО", "Организация"])
    sheet.append(["Атаев Сергей", "Пограничная служба"])
    workbook.save(path)
    return path


@pytest.fixture
def jobs_at_once(monkeypatch):  # type: ignore[no-untyped-def]
    """Background jobs run on the spot, on the calling thread, with the same callbacks."""

    def run_now(work, *, on_success, on_failure, on_progress=None):  # type: ignore[no-untyped-def]
        try:
            result: Any = work(None)
        except Exception as exc:
            on_failure(jobs.user_message(exc), False)
        else:
            on_success(result)

    monkeypatch.setattr(jobs, "run_job", run_now)


def _wizard(qtbot, database) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(database, None)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_a_sheet_is_found_by_its_exact_name_or_without_the_spaces_around_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    book = read_workbook(_list_with_spaced_sheet_name(tmp_path / "list.xlsx"))
    assert [s.name for s in book.sheets] == ["Справочник", "Участники "]
    assert book.sheet("Участники ").name == "Участники "
    assert book.sheet("участники").name == "Участники "
    assert book.default_sheet.name == "Участники "


def test_a_sheet_named_with_a_trailing_space_is_offered_and_read(
    qtbot, demo_db, tmp_path, jobs_at_once
) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, demo_db)
    page = wizard.file_page
    page.open_file(str(_list_with_spaced_sheet_name(tmp_path / "list.xlsx")))
    assert page.reading is None
    assert [page.sheet_box.itemData(i) for i in range(page.sheet_box.count())] == [
        "Справочник",
        "Участники ",
    ]
    assert page.sheet_box.currentData() == "Участники " and "2 sheets" in page.message.text()
    page.event_box.setCurrentIndex(1)
    assert page.isComplete()
    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentPage() is preview and preview.message.text() == ""
    assert preview.header_spin.value() == 1 and preview.combos[0].currentData() == "full_name"


def test_a_failure_while_the_sheets_are_offered_is_said_and_leaves_the_page_usable(
    qtbot, demo_db, tmp_path, jobs_at_once, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def broken(self, workbook):  # type: ignore[no-untyped-def]
        raise RuntimeError("the sheet list broke")

    monkeypatch.setattr(ChooseFilePage, "_offer_sheets", broken)
    wizard = _wizard(qtbot, demo_db)
    page = wizard.file_page
    page.open_file(str(_list_with_spaced_sheet_name(tmp_path / "list.xlsx")))
    assert page.reading is None and not page.isComplete()
    assert page.message.text() == "Unexpected problem: RuntimeError: the sheet list broke."
    assert page.sheet_box.count() == 0 and wizard.workbook is None
