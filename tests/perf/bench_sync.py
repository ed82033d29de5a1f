"""A sync package of 50,000 changes, applied, beside the import of the same list.

Office TM imports a 25,000-row attendee list (all new people: 25,000 people and 25,000
participations, an import batch and the organisations — about 50,000 changes) into an event
office KZ already holds, and writes a package for KZ. The time of KZ applying the package (read,
decrypt, one transaction) is printed beside the time of importing the same list into the same
database KZ was before it (``import_list``), measured in the same run; target: applying takes
at most 1.5 times the import. Exporting (stamping the change log, sealing) is shown too.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from app.importing.importer import import_list, open_list
from app.services import events
from app.sync.applying import apply_package
from app.sync.exporting import export_package
from app.sync.package import read_package
from tests.perf.bench_import import _COUNTRIES, _NEW, HEADER, _names
from tests.perf.common import Measurement
from tests.sync_offices import make_office

PASSPHRASE = "benchmark passphrase"


def _write_list(path: Path, rows: int, rng: random.Random) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append(HEADER)
    for number, (family, given) in enumerate(_names(_NEW, rows, rng), start=1):
        sheet.append([number, family, given, rng.choice("MF"), rng.choice(_COUNTRIES),
                      f"Agency {number % 40}", "Inspector", f"{family.lower()}{number}@mail.kz"])  # fmt: skip
    book.save(path)


def _fresh_copy(template: Path, copy: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, copy)
    return copy


def run(quick: bool) -> list[Measurement]:
    rows = 2_000 if quick else 25_000
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        tm = make_office(folder / "tm.sqlite", "TM")
        with tm.session_scope() as session:
            event = events.create_event(
                session, title="Regional training course", type="training_course",
                start_date=dt.date(2025, 3, 4), end_date=dt.date(2025, 3, 6),
            )  # fmt: skip
            reference = event.reference
            export_package(session, folder / "base.pkg", PASSPHRASE, "KZ")
        kz = make_office(folder / "kz.sqlite", "KZ")
        with kz.session_scope() as session:
            apply_package(session, read_package(folder / "base.pkg", PASSPHRASE))
        with kz.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        kz.dispose()
        listing = folder / "list.xlsx"
        _write_list(listing, rows, random.Random(7))
        import_list(tm, open_list(tm, listing), reference)
        started = time.perf_counter()
        with tm.session_scope() as session:
            exported = export_package(session, folder / "list.pkg", PASSPHRASE, "KZ")
        export_seconds = time.perf_counter() - started
        tm.dispose()
        print(f"  package: {exported.changes} changes, {(folder / 'list.pkg').stat().st_size:,}"
              f" bytes, exported in {export_seconds:.2f} s", file=sys.stderr)  # fmt: skip
        imports, applies = [], []
        for _ in range(3):
            copy = _fresh_copy(folder / "kz.sqlite", folder / "work.sqlite")
            database = make_office(copy, "KZ")
            try:
                t0 = time.perf_counter()
                import_list(database, open_list(database, listing), reference)
                imports.append(time.perf_counter() - t0)
            finally:
                database.dispose()
            copy = _fresh_copy(folder / "kz.sqlite", folder / "work.sqlite")
            database = make_office(copy, "KZ")
            try:
                t0 = time.perf_counter()
                document = read_package(folder / "list.pkg", PASSPHRASE)
                with database.session_scope() as session:
                    result = apply_package(session, document)
                applies.append(time.perf_counter() - t0)
            finally:
                database.dispose()
            assert result.applied + result.already_seen == exported.changes, result
        print(f"  import {min(imports):.2f} s, apply {min(applies):.2f} s", file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        Measurement(
            scenario=f"sync apply: a package of {exported.changes:,} changes",
            seconds=min(applies),
            floor_seconds=min(imports),
            floor=f"importing the same {rows:,}-row list",
            max_ratio=1.5,
        ),
        Measurement(
            scenario="  sync export of it (stamping the log, sealing; no target)",
            seconds=export_seconds,
        ),
    ]
