"""Issue 17, class 8: lists of things that are not people. A sheet whose "names" are mostly
organisations or numbers (hospitals, companies, ministries) is refused with one sentence and
exit code 2; in a list of people, each row naming an organisation is skipped with its reason,
and a person whose agency is a ministry stays a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importing import values as v
from app.importing.mapping import MappingError
from app.importing.reading import read_workbook
from app.importing.understanding import understand
from tests.cli_runner import assert_one_clean_line, convene

VALUES = Path(__file__).parent / "fixtures" / "import" / "values"


@pytest.mark.parametrize("name", ["hospitals.xlsx", "hospitals.ods", "agencies_cp1251.csv"])
def test_a_list_of_organisations_is_refused_with_one_sentence(demo_copy: Path, name: str) -> None:
    before = convene("events", "show", "2022-001", "--json", db=demo_copy).json()
    refused = convene("import", str(VALUES / name), "--event", "2022-001", db=demo_copy)
    assert refused.code == 2
    assert_one_clean_line(refused)
    assert "lists organisations or numbers, not people" in refused.err
    assert "nothing to import" in refused.err
    after = convene("events", "show", "2022-001", "--json", db=demo_copy).json()
    assert after["participants"] == before["participants"]


@pytest.mark.parametrize("name", ["mixed.xlsx", "mixed.xls"])
def test_rows_naming_an_organisation_are_skipped_each_with_its_reason(
    demo_copy: Path, name: str
) -> None:
    outcome = convene("import", str(VALUES / name), "--event", "2022-001", "--dry-run",
                      "--json", db=demo_copy)  # fmt: skip
    assert outcome.code == 0, outcome.err
    result = outcome.json()
    assert [s["row"] for s in result["skipped"]] == [4, 6, 9]
    assert all(s["reason"].startswith("not a person: '") for s in result["skipped"])
    assert "'Border Guard Service of Tajikistan' names an organisation" in str(result["skipped"])
    # the people of the list, a ministry or committee as their agency, and Mr Robert Service
    assert result["people_created"] + result["people_matched"] == 7


@pytest.mark.parametrize(
    "text",
    [
        "Ministry of Health", "Barts Health NHS Trust", "Mercy Health Services LLC",
        "Helios Kliniken GmbH", "Acme Inc", "Border Guard Service of Tajikistan",
        "State Customs Committee", "Министерство внутренних дел", "ООО «Ромашка»",
        "АО Казахтелеком", "Служба государственной охраны", "Комитет национальной безопасности",
        "Ministerio del Interior", "Université de Genève", "Tashkent Medical Academy",
    ],
)  # fmt: skip
def test_organisations_are_told_from_people(text: str) -> None:
    assert v.is_organisation_name(text)


@pytest.mark.parametrize(
    "text",
    ["Robert Service", "Bank Anna", "Trust Maria", "Atabekov Nurlan", "Иванов Иван Иванович",
     "Centre Jean", "Ataev Sergey Petrovich", "María José García de la Fuente",
     "ст. лейтенант полиции Омуров Талант", "майор таможенной службы Иванов Иван"],
)  # fmt: skip
def test_people_named_like_organisations_stay_people(text: str) -> None:
    assert not v.is_organisation_name(text)


def test_a_list_mostly_of_people_is_not_refused(tmp_path: Path) -> None:
    understood = understand(read_workbook(VALUES / "mixed.xlsx"))
    kinds = {r.row: r.kind for r in understood.rows}
    assert [row for row, kind in kinds.items() if kind == "unusable"] == [4, 6, 9]


def test_numbers_under_a_name_header_count_as_not_people() -> None:
    with pytest.raises(MappingError, match=r"8 of 8 rows"):
        understand(read_workbook(VALUES / "hospitals.xlsx"))


def test_the_wizard_says_why_a_list_of_organisations_is_refused(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.import_wizard import ImportWizard

    wizard = ImportWizard(demo_db, None)
    qtbot.addWidget(wizard)
    wizard.resize(1000, 600)
    wizard.show()
    wizard.file_page.open_file(str(VALUES / "hospitals.ods"))
    qtbot.waitUntil(lambda: wizard.file_page.reading is None, timeout=20_000)
    wizard.next()
    message = wizard.preview_page.message.text()
    assert "lists organisations or numbers, not people" in message and "8 of 8 rows" in message
    assert not wizard.preview_page.isComplete()
    wizard.grab().save(str(tmp_path / "refused.png"))
    assert (tmp_path / "refused.png").stat().st_size > 5_000
