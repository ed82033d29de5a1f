"""Hostile and broken attendee lists: every one ends in a plan or one clear sentence, within
bounded time and memory, with nothing written to the database, no crash and no traceback.

Each file is imported in a forked process with a memory limit and a deadline
(``tests/import_probe.py``) that measures its time and peak memory. The named cases are in
``tests/hostile_files.py``; the fuzzed ones come from ``tests/list_mutations.py``. The fuzz run
is derandomised (the same examples every run); ``CONVENE_FUZZ_EXAMPLES=N`` runs N fresh random
examples instead, for a longer hunt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from app.importing.calamine_child import MEMORY_LIMIT_BYTES
from app.services import events
from db.engine import open_database
from tests.hostile_files import CASES
from tests.import_probe import ImportProbe
from tests.list_mutations import FIXTURES, broken_lists

pytestmark = pytest.mark.slow

CASE_SECONDS = 20  # measured: the slowest case (10,000 columns) takes about 5 s
IMPORTER_PEAK_MB = 400  # measured: at most about 150 MB, 45 MB of it shared with the probe
READER_PEAK_MB = MEMORY_LIMIT_BYTES / 2**20 + 64  # the limit, plus what the kernel counts late
FUZZ_EXAMPLES = int(os.environ.get("CONVENE_FUZZ_EXAMPLES", "0"))
USER_ERRORS = ("UnreadableFile", "MappingError")


@pytest.fixture(scope="module")
def target(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, str]]:
    """A database with one event to import into."""
    path = tmp_path_factory.mktemp("hostile") / "convene.sqlite"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path)
    with database.session_scope() as session:
        event = events.create_event(
            session, title="Workshop on document security", type="workshop",
            start_date=dt.date(2025, 3, 4), city="Almaty", country="KZ",
        )  # fmt: skip
        reference = event.reference
    database.dispose()
    yield path, reference


@pytest.fixture(scope="module")
def probe() -> Iterator[ImportProbe]:
    running = ImportProbe()
    yield running
    running.close()


def fingerprint(path: Path) -> str:
    """Every row of every table (search index included): equal means nothing was written."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


def assert_clean_ending(result: dict[str, Any], name: str) -> None:
    """A plan, or one sentence a user can read; in bounded time and memory; no traceback."""
    where = f"{name}: {result}"
    assert result["outcome"] in ("plan", "refused", "imported"), result.get("traceback", where)
    if result["outcome"] == "refused":
        message = result["message"]
        assert result["type"] in USER_ERRORS, where
        assert "\n" not in message and message.endswith(".") and len(message) < 400, where
        assert "Traceback" not in message and "Error:" not in message, where
    assert "Traceback" not in result["stderr"], where
    assert result["seconds"] < CASE_SECONDS, where
    assert result["importer_peak_mb"] < IMPORTER_PEAK_MB, where
    assert result["reader_peak_mb"] < READER_PEAK_MB, where


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_ends_in_a_plan_or_one_clear_sentence(name, target, probe, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, event = target
    build, expected = CASES[name]
    path = build(tmp_path)
    before = fingerprint(database)
    result = probe.run(path, database, event)
    assert_clean_ending(result, name)
    if expected != "either":
        assert result["outcome"] == expected, result
    assert fingerprint(database) == before
    if result["outcome"] == "plan":  # ...and the plan can be written, in a copy
        copy = tmp_path / "copy.sqlite"
        shutil.copyfile(database, copy)
        imported = probe.run(path, copy, event, commit=True)
        assert_clean_ending(imported, name)
        assert imported["outcome"] == "imported", imported
    print(f"\n{name}: {result['outcome']} in {result['seconds']:.2f} s, importer"
          f" {result['importer_peak_mb']:.0f} MB, reader {result['reader_peak_mb']:.0f} MB")  # fmt: skip


def test_an_external_entity_never_reads_the_named_file(target, probe, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.hostile_files import external_entity_xlsx

    database, event = target
    result = probe.run(external_entity_xlsx(tmp_path), database, event)
    assert result["outcome"] == "refused" and "root:" not in str(result)


_fuzz_outcomes: dict[str, int] = {}


@settings(
    max_examples=FUZZ_EXAMPLES or 200,
    derandomize=not FUZZ_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)  # fmt: skip
@given(case=broken_lists)
def test_fuzzed_lists_end_in_a_plan_or_one_clear_sentence(case, target, probe, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, event = target
    name, data = case
    path = tmp_path / name
    path.write_bytes(data)
    before = fingerprint(database)
    result = probe.run(path, database, event)
    assert_clean_ending(result, f"mutated {name}")
    assert fingerprint(database) == before
    _fuzz_outcomes[result["outcome"]] = _fuzz_outcomes.get(result["outcome"], 0) + 1


def test_fuzz_report() -> None:
    """Prints what the fuzz run above met (run with -s to see it); fails if it met nothing."""
    if not _fuzz_outcomes:
        pytest.skip("the fuzz test did not run in this session")
    total = sum(_fuzz_outcomes.values())
    print(f"\nfuzzed lists: {total} ({_fuzz_outcomes})")
    assert _fuzz_outcomes.get("refused", 0) > 0 and _fuzz_outcomes.get("plan", 0) > 0


def test_a_reader_that_overruns_its_time_is_stopped(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.importing import isolated_reading, reading

    monkeypatch.setattr(isolated_reading, "TIME_LIMIT_SECONDS", 0.001)
    monkeypatch.setattr(reading, "TIME_LIMIT_SECONDS", 0.001)
    with pytest.raises(reading.UnreadableFile, match=r"took longer than 0.001 seconds to read"):
        reading.read_workbook(FIXTURES / "ru_conference.xlsx")


def test_the_reader_s_answer_is_unpickled_as_cell_values_only(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Were the reading child ever subverted by a file, its answer still could not run code."""
    import pickle
    import sys

    from app.importing import isolated_reading

    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (marker.write_text, ("code ran",))

    answer = pickle.dumps(("sheet", "Sheet1", [], False)) + pickle.dumps(("rows", [[Payload()]]))
    speak = f"import sys; sys.stdout.buffer.write({answer!r})"
    monkeypatch.setattr(isolated_reading, "child_command", lambda *a: [sys.executable, "-c", speak])
    with pytest.raises(isolated_reading.SpreadsheetRefused) as refused:
        isolated_reading.read_sheets(FIXTURES / "ru_conference.xlsx", "xlsx")
    assert refused.value.reason == "damaged" and not marker.exists()
