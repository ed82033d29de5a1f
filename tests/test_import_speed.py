"""What the import's speed-ups must not change, and the start-up work the command line no longer
does. (The times themselves are measured by ``tests/perf/bench_import.py``, not here.)"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from app.importing.bulk import created_changes, new_ids
from app.services import events
from app.services.records import json_ready
from db.engine import open_database

ROOT = Path(__file__).resolve().parent.parent


def test_new_ids_are_distinct_random_version_4_uuids() -> None:
    ids = new_ids(20_000)
    assert len(set(ids)) == len(ids)
    assert {i.version for i in ids} == {4} and {i.variant for i in ids} == {uuid.RFC_4122}
    assert all(uuid.UUID(str(i)) == i and isinstance(i, uuid.UUID) for i in ids[:100])
    # every other bit varies: no bit is stuck at 0 or 1 across the ids
    ored, anded = 0, (1 << 128) - 1
    for i in ids:
        ored, anded = ored | i.int, anded & i.int
    fixed = (0xF000 << 64) | (0xC000 << 48)
    assert ored | fixed == (1 << 128) - 1 and anded & ~fixed == 0


def test_created_changes_are_json_dumps_of_the_values_given() -> None:
    """Columns that hold nothing at all are passed over whole; the text is still exactly
    ``json.dumps`` of every field that has a value, as [null, value]."""
    day = dt.date(2025, 3, 4)
    columns = {
        "family_name": ["Атаев", "O'Brien", None],
        "patronymic": [None, None, None],  # a column the list does not have
        "days_attended": [0, None, 3],
        "certificate_issued": [False, True, None],
        "start_date": [day, day, None],
        "notes": ["", None, 'say "hi"'],
        "event_id": [uuid.UUID(int=7)] * 3,
    }
    rendered = created_changes(columns)
    for index, text in enumerate(rendered):
        expected = {
            field: [None, json_ready(values[index])]
            for field, values in columns.items()
            if values[index] is not None and values[index] != ""
        }
        assert text == json.dumps(expected)
    assert created_changes({"a": [None, None]}) == ["{}", "{}"]


def test_an_import_without_errors_workbook_does_not_load_openpyxl(
    sqlite_template: Path, tmp_path: Path
) -> None:
    """openpyxl took a fifth of a second of every ``import``'s start; it is loaded only to
    write the ``--errors`` workbook."""
    database = tmp_path / "convene.sqlite"
    shutil.copyfile(sqlite_template, database)
    opened = open_database(database)
    with opened.session_scope() as session:
        reference = events.create_event(
            session, title="Seminar", type="seminar", start_date=dt.date(2025, 3, 4)
        ).reference
    opened.dispose()
    listing = tmp_path / "list.csv"
    listing.write_text("Surname;Given name;Sex\nAtaev;Sergey;M\n", encoding="utf-8")
    probe = (
        "import sys, main; code = main.main(sys.argv[1:]); print('openpyxl' in sys.modules, code)"
    )
    for extra, loaded in (([], "False"), (["--errors", str(tmp_path / "fix.xlsx")], "True")):
        command = [sys.executable, "-c", probe, "--db", str(database), "import",
                   str(listing), "--event", reference, "--dry-run", *extra]  # fmt: skip
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        assert done.stdout.splitlines()[-1] == f"{loaded} 0", done
