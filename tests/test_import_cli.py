"""The ``import`` command as DESIGN.md specifies it: JSON shape, exit codes, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import assert_one_clean_line, convene

FIXTURES = Path(__file__).parent / "fixtures" / "import"
KEYS = ["file", "sheet", "header_row", "mapping", "rows_read", "people_created", "people_matched",
        "added_to_event", "already_in_event", "ignored", "skipped", "problems", "dry_run"]  # fmt: skip


def test_import_json_follows_the_design_and_reimport_adds_nothing(demo_copy: Path) -> None:
    first = convene("import", str(FIXTURES / "ru_conference.xls"), "--event", "2022-001",
                    "--json", db=demo_copy)  # fmt: skip
    assert first.code == 0, first.err
    result = first.json()
    assert list(result) == KEYS
    assert result["sheet"] == "Участники" and result["header_row"] == 4
    assert result["mapping"]["Ф.И.О."] == "full_name"
    assert (result["rows_read"], result["people_created"], result["added_to_event"]) == (13, 9, 9)
    assert result["ignored"] == 4 and result["skipped"] == [] and result["dry_run"] is False
    english = convene("import", str(FIXTURES / "en_conference.xlsx"), "--event", "2022-001",
                      "--json", db=demo_copy).json()  # fmt: skip
    assert english["people_matched"] == 9 and english["people_created"] == 1
    shown = convene("events", "show", "2022-001", "--json", db=demo_copy).json()
    assert sum(1 for p in shown["participants"] if p["family_name_local"] == "Атаев") == 1


def test_the_summary_tells_repeats_from_rows_left_out(demo_copy: Path) -> None:
    english = convene("import", str(FIXTURES / "en_conference.xlsx"), "--event", "2022-001",
                      db=demo_copy)  # fmt: skip
    assert english.code == 0, english.err
    assert "row 14    repeat" in english.out and "the same person as row 4" in english.out
    assert "1 repeat of an earlier row, 0 skipped." in english.out


def test_dry_run_prints_the_plan_and_writes_nothing(demo_copy: Path) -> None:
    before = convene("events", "show", "2025-001", "--json", db=demo_copy).json()
    dry = convene("import", str(FIXTURES / "ru_conference.xlsx"), "--event", "2025-001",
                  "--dry-run", db=demo_copy)  # fmt: skip
    assert dry.code == 0, dry.err
    assert "row 9" in dry.out and "'haidarov@mail' is not an e-mail address" in dry.out
    assert (
        "Would import into 2025-001" in dry.out
        and "Dry run: the database was not changed." in dry.out
    )
    after = convene("events", "show", "2025-001", "--json", db=demo_copy).json()
    assert after["participants"] == before["participants"]


def test_strict_refuses_with_exit_1_and_writes_nothing(demo_copy: Path, tmp_path: Path) -> None:
    errors = tmp_path / "fix.xlsx"
    refused = convene("import", str(FIXTURES / "ru_conference.xlsx"), "--event", "2025-001",
                      "--strict", "--errors", str(errors), db=demo_copy)  # fmt: skip
    assert refused.code == 1
    assert_one_clean_line(refused)
    assert "row 9: column G (E-mail)" in refused.err and "nothing was imported" in refused.err
    assert errors.exists()  # the rows to fix, all the same
    errors.unlink()
    shown = convene("events", "show", "2025-001", "--json", db=demo_copy).json()
    assert not any(p["family_name_local"] == "Атаев" for p in shown["participants"])
    fine = convene("import", str(FIXTURES / "ru_conference.xlsx"), "--event", "2025-001",
                   "--errors", str(errors), db=demo_copy)  # fmt: skip
    assert fine.code == 0 and f"1 row to fix written to {errors}" in fine.out
    assert errors.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tests/fixtures/import/truncated.xlsx", "--event", "2022-001"], "damaged or incomplete"),
        (["tests/fixtures/import/password_protected.xlsx", "--event", "2022-001"], "password"),
        (["tests/fixtures/import/no_names.xlsx", "--event", "2022-001"], "No header row"),
        (["tests/fixtures/import/ru_conference.xlsx", "--event", "1999-999"], "1999-999"),
        (
            ["tests/fixtures/import/ru_conference.xlsx", "--event", "2022-001", "--map", "Пол=age"],
            "'age' is not a field",
        ),
        (
            ["tests/fixtures/import/ru_conference.xlsx", "--event", "2022-001", "--sheet", "Нет"],
            "no sheet called 'Нет'",
        ),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    demo_copy: Path, args: list[str], message: str
) -> None:
    outcome = convene("import", *args, db=demo_copy)
    assert outcome.code == 2
    assert_one_clean_line(outcome)
    assert message in outcome.err


def test_header_row_and_map_options(demo_copy: Path) -> None:
    outcome = convene("import", str(FIXTURES / "en_conference.xlsx"), "--event", "2025-001",
                      "--header-row", "3", "--map", "Position=ignore", "--map", "H=notes",
                      "--dry-run", "--json", db=demo_copy)  # fmt: skip
    assert outcome.code == 0, outcome.err
    mapping = outcome.json()["mapping"]
    assert "Position" not in mapping and mapping["E-mail"] == "notes"
