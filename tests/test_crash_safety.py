"""Crash safety: an import, or a bulk edit, killed with SIGKILL at any moment leaves the database
sound and holding either everything it held before plus the whole change, or exactly what it
held before — never part of it.

The work runs in a child process (``tests/crash_child.py``) on a copy of a database holding the
sample data. Two runs that are not killed first measure how long the work takes from its start
to its commit, and what the database holds afterwards (the same both times). Then each trial kills the work at a moment
spread over that duration (stratified: trial i falls in the i-th twentieth of 1.3 times the
duration, at a point a seeded random generator picks, so the last few land around the commit), reopens the database as the app would,
and compares it, table by table (rows and a checksum of their contents, audit entries and the
search index included), with the two allowed states.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.sample_data import load_demo
from app.services import events
from db.engine import open_database
from tests.crash_child import CrashServer
from tests.database_state import content, differences, integrity

pytestmark = pytest.mark.slow

TRIALS = 20
LIST_ROWS = 5_000
EDITED_ROWS = 2_000
SEED = 20251122
SPREAD = 1.3
_SYLLABLES = ["ka", "ma", "na", "ta", "sa", "ra", "la", "ba", "da", "ga"]


def _write_list(path: Path, rows: int) -> None:
    """An attendee list of ``rows`` people, none of them in the sample data."""
    rng = random.Random(SEED)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append(["№", "Surname", "Given name", "Sex", "Country", "Organisation", "Position",
                  "E-mail"])  # fmt: skip
    for n in range(rows):
        family = "".join(_SYLLABLES[int(d)] for d in f"{n:05d}").capitalize() + "ov"
        sheet.append([
            n + 1, family, rng.choice(["Sergey", "Aigul", "Timur", "Dilnoza"]),
            rng.choice(["m", "f"]), rng.choice(["KZ", "KG", "TJ", "TM", "UZ"]),
            rng.choice(["State Border Service", "State Customs Committee", "Migration Service"]),
            "Officer", f"officer{n}@mail.example",
        ])  # fmt: skip
    book.save(path)


@pytest.fixture(scope="module")
def setting(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """The database before the import (sample data and an empty event), the list, and a
    running crash server."""
    folder = tmp_path_factory.mktemp("crash")
    base = folder / "before.sqlite"
    shutil.copyfile(sqlite_template, base)
    database = open_database(base)
    with database.session_scope() as session:
        load_demo(session)
        event = events.create_event(
            session, title="Regional seminar on border crossing points", type="seminar",
            start_date=dt.date(2025, 3, 4), end_date=dt.date(2025, 3, 6), city="Ashgabat",
            country="TM",
        )  # fmt: skip
        reference = event.reference
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    _write_list(folder / "list.xlsx", LIST_ROWS)
    server = CrashServer()
    yield {"folder": folder, "base": base, "list": folder / "list.xlsx", "event": reference,
           "server": server}  # fmt: skip
    server.close()


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def _kill_trials(
    server: CrashServer, base: Path, folder: Path, request: dict[str, Any]
) -> dict[str, Any]:
    """Two uninterrupted runs, then TRIALS killed ones; returns what they showed."""
    durations, states = [], []
    for run in range(2):  # the quicker of two runs (the first warms the caches)
        reference = _copy(base, folder, f"reference-{run}.sqlite")
        seconds, status = server.trial({**request, "database": str(reference)}, kill_after=None)
        assert status == 0 and seconds is not None
        durations.append(seconds)
        states.append(content(reference))
    before, after = content(base), states[0]
    assert states[1] == after != before  # the same work gives the same contents, ids aside
    seconds = min(durations)
    rng = random.Random(SEED)
    outcomes: collections.Counter[str] = collections.Counter()
    for trial in range(TRIALS):
        kill_after = (trial + rng.random()) / TRIALS * SPREAD * seconds
        database = _copy(base, folder, "trial.sqlite")
        committed, _status = server.trial({**request, "database": str(database)}, kill_after)
        assert integrity(database) == "ok", f"trial {trial}: killed at {kill_after:.2f} s"
        found = content(database)
        if found == after:
            outcomes["whole change"] += 1
        else:
            assert found == before, (
                f"trial {trial}, killed {kill_after:.2f} s in: part of the change was kept"
                f" ({differences(found, before)})"
            )
            assert committed is None, f"trial {trial}: committed, yet nothing was kept"
            outcomes["nothing"] += 1
        _still_writable(database)
    return {"seconds": seconds, "outcomes": outcomes, "after": after}


def _still_writable(path: Path) -> None:
    """The app can open the database again and write to it at once (no lock left behind)."""
    database = open_database(path)
    try:
        with database.session_scope() as session:
            events.create_event(session, title="Written after the crash", type="meeting",
                                start_date=dt.date(2025, 5, 5))  # fmt: skip
    finally:
        database.dispose()


def test_a_killed_import_keeps_all_of_it_or_none(setting) -> None:  # type: ignore[no-untyped-def]
    request = {"mode": "import", "list": str(setting["list"]), "event": setting["event"]}
    seen = _kill_trials(setting["server"], setting["base"], setting["folder"], request)
    outcomes = seen["outcomes"]
    assert outcomes["nothing"] + outcomes["whole change"] == TRIALS
    assert outcomes["nothing"] >= TRIALS // 4  # kills landed while the import was running
    participations = (
        seen["after"]["participation"][0] - content(setting["base"])["participation"][0]
    )
    assert participations == LIST_ROWS
    print(f"\nimport of {LIST_ROWS} rows ({seen['seconds']:.2f} s): {TRIALS} kills survived,"
          f" {dict(outcomes)}")  # fmt: skip


def test_a_killed_bulk_edit_keeps_all_of_it_or_none(setting) -> None:  # type: ignore[no-untyped-def]
    imported = _copy(setting["base"], setting["folder"], "imported.sqlite")
    request = {"mode": "import", "list": str(setting["list"]), "event": setting["event"],
               "database": str(imported)}  # fmt: skip
    assert setting["server"].trial(request, kill_after=None)[1] == 0
    request = {"mode": "edit", "event": setting["event"], "count": EDITED_ROWS}
    seen = _kill_trials(setting["server"], imported, setting["folder"], request)
    outcomes = seen["outcomes"]
    assert outcomes["nothing"] >= TRIALS // 4
    audit_added = seen["after"]["audit_entry"][0] - content(imported)["audit_entry"][0]
    assert audit_added == EDITED_ROWS  # one audit entry per participation changed
    print(f"\nbulk edit of {EDITED_ROWS} participations ({seen['seconds']:.2f} s): {TRIALS} kills"
          f" survived, {dict(outcomes)}")  # fmt: skip
