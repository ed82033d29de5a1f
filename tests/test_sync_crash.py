"""SIGKILL during ``sync apply`` (10 trials at moments spread over its duration): the office
holds the whole package or none of it, and the database is sound (see test_crash_safety.py for
how the trials are spread and compared)."""

from __future__ import annotations

import collections
import datetime as dt
import random
import shutil
from pathlib import Path

import pytest

from app.importing.importer import import_list, open_list
from app.sample_data import load_demo
from app.services import events
from app.sync import log
from app.sync.exporting import export_package
from tests.crash_child import CrashServer
from tests.database_state import content, differences, integrity
from tests.sync_offices import make_office
from tests.test_crash_safety import _copy, _still_writable, _write_list

pytestmark = pytest.mark.slow

TRIALS = 10
SEED = 20261202
PASSPHRASE = "a shared passphrase for the test"


def test_a_killed_apply_keeps_all_of_the_package_or_none(tmp_path: Path) -> None:
    source = make_office(tmp_path / "tm.sqlite", "TM")
    with source.session_scope() as session:
        load_demo(session)
        event = events.create_event(
            session, title="Regional seminar", type="seminar", start_date=dt.date(2025, 3, 4),
            end_date=dt.date(2025, 3, 6), city="Ashgabat", country="TM",
        )  # fmt: skip
        reference = event.reference
    _write_list(tmp_path / "list.xlsx", 1_500)
    import_list(source, open_list(source, tmp_path / "list.xlsx"), reference)
    with source.session_scope() as session:
        export_package(session, tmp_path / "tm.pkg", PASSPHRASE, "KZ")
    source.dispose()
    receiver = make_office(tmp_path / "base.sqlite", "KZ")
    with receiver.engine.begin() as connection:
        log.stamp(connection)  # its own changes stamped before: the trials' work is the apply
    with receiver.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    receiver.dispose()
    base = tmp_path / "base.sqlite"
    request = {"mode": "sync", "package": str(tmp_path / "tm.pkg"), "passphrase": PASSPHRASE}
    server = CrashServer()
    try:
        durations, states = [], []
        for run in range(2):
            copy = _copy(base, tmp_path, f"reference-{run}.sqlite")
            seconds, status = server.trial({**request, "database": str(copy)}, kill_after=None)
            assert status == 0 and seconds is not None
            durations.append(seconds)
            states.append(content(copy))
        before, after = content(base), states[0]
        assert states[1] == after != before
        rng = random.Random(SEED)
        outcomes: collections.Counter[str] = collections.Counter()
        for trial in range(TRIALS):
            kill_after = (trial + rng.random()) / TRIALS * 1.3 * min(durations)
            database = _copy(base, tmp_path, "trial.sqlite")
            committed, _ = server.trial({**request, "database": str(database)}, kill_after)
            assert integrity(database) == "ok", f"trial {trial}: killed at {kill_after:.2f} s"
            found = content(database)
            if found == after:
                outcomes["whole package"] += 1
            else:
                assert found == before, (
                    f"trial {trial}, killed {kill_after:.2f} s in: part of the package was kept"
                    f" ({differences(found, before)})"
                )
                assert committed is None
                outcomes["nothing"] += 1
            _still_writable(database)
        assert outcomes["nothing"] >= TRIALS // 2, outcomes  # most kills land inside the apply
    finally:
        server.close()
        shutil.rmtree(tmp_path, ignore_errors=True)
