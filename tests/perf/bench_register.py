"""Importing an office's history: a 20-year register of 50,000 rows over 1,500 events into a
database of 100,000 people, beside the list import of the same rows in the same run.

The register (written with openpyxl's write-only mode) holds, on each row, the event's title,
dates (written the ways registers write them), city and host country, then the person: a fifth
of the rows people already in the database (half found by e-mail, half by name and
nationality), the rest people new to it, a third of whom come back for a second event (so a
fifth of the rows are people's second attendances).
Its time covers the whole import: reading, understanding, grouping the rows into events,
matching or creating the 1,500 events, matching the people and the one transaction that writes
events, people, participations, the ImportBatch rows and every audit entry. The floor is the
list import (``import_list``) of the very same rows (the people's columns) into one event of the
same database: the work of reading and matching 50,000 rows, without the events (and without
the second attendances, which in one list are repeats of a row above). Each is timed
into a fresh copy of the database, best of two. Target: the register at most 1.5 times the list.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from app.database import prepare_database
from app.importing.importer import import_list, open_list
from app.importing.register import import_register, open_register
from app.services import events
from tests.perf.bench_import import _COUNTRIES, _NEW, _names, _stored_people
from tests.perf.common import Measurement

PEOPLE_COLUMNS = ["Surname", "Given name", "Sex", "Country", "Organisation", "Position", "E-mail"]
EVENT_COLUMNS = ["Мероприятие", "Даты", "Город", "Страна проведения"]
_TOPICS = ["управлению рисками", "контролю на границе", "таможенным процедурам",
           "анализу рисков", "миграционной политике", "борьбе с наркотиками",
           "электронному обучению", "пунктам пропуска", "профилированию", "кинологии"]  # fmt: skip
_KINDS = ["Семинар по", "Тренинг по", "Учебный курс по", "Круглый стол по", "Конференция по"]
_PLACES = [("Ташкент", "Узбекистан"), ("Алматы", "Казахстан"), ("Бишкек", "Кыргызстан"),
           ("Душанбе", "Таджикистан"), ("Ашхабад", "Туркменистан")]  # fmt: skip
_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"]  # fmt: skip


def _dates_text(start: dt.date, end: dt.date, form: int) -> object:
    if form == 0:
        return f"{start.day}–{end.day}.{end.month:02d}.{end.year}" if start.month == end.month \
            else f"{start:%d.%m}–{end:%d.%m.%Y}"  # fmt: skip
    if form == 1:
        return f"{start:%d.%m.%Y} - {end:%d.%m.%Y}"
    if form == 2 and start.month == end.month:
        return f"{start.day}-{end.day} {_MONTHS[end.month - 1]} {end.year}"
    return start if start == end else f"{start:%d.%m.%Y} - {end:%d.%m.%Y}"


def _history(stored: list[dict], rows: int, event_count: int, rng: random.Random):  # type: ignore[no-untyped-def,type-arg]
    """The register's events (title, dates text, city, country) and its rows' people."""
    first = dt.date(2005, 1, 10)
    history = []
    for number in range(event_count):
        start = first + dt.timedelta(days=number * 20 * 365 // event_count + rng.randrange(5))
        end = start + dt.timedelta(days=rng.choice((0, 1, 2, 2, 3, 4)))
        title = f"{rng.choice(_KINDS)} {_TOPICS[number % len(_TOPICS)]} №{number + 1}"
        city, country = _PLACES[number % len(_PLACES)]
        history.append((title, _dates_text(start, end, number % 4), city, country))
    known = rng.sample(stored, rows // 5)
    new = _names(_NEW, (rows - len(known)) * 3 // 4, rng)
    people = []
    for index, person in enumerate(known):
        email = person["email"] if index % 2 == 0 else None
        people.append([person["family_name"], person["given_name"], "M",
                       person["nationality"], "Border Service", "Officer", email])  # fmt: skip
    newcomers = []
    for index, (family, given) in enumerate(new):
        newcomers.append([family, given, rng.choice("MF"), rng.choice(_COUNTRIES),
                          f"Agency {index % 40}", "Inspector", f"{family.lower()}{index}@mail.kz"])  # fmt: skip
    people.extend(newcomers)
    while len(people) < rows:  # a third of the newcomers come back for a second event
        people.append(newcomers[(len(people) * 3) % len(newcomers)])
    per_event = rows // event_count
    lines = []
    taken: set[tuple[int, str, str]] = set()
    rng.shuffle(people)
    for index, person in enumerate(people):
        event = min(index // per_event, event_count - 1)
        while (event, person[0], person[1]) in taken:  # a person once per event
            event = (event + 7) % event_count
        taken.add((event, person[0], person[1]))
        lines.append((history[event], person))
    lines.sort(key=lambda line: line[0][0])
    return lines


def _write(path: Path, lines, with_events: bool) -> None:  # type: ignore[no-untyped-def]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Реестр" if with_events else "Participants")
    sheet.append(["Реестр участников мероприятий 2005–2024"])
    sheet.append([])
    sheet.append([*EVENT_COLUMNS, *PEOPLE_COLUMNS] if with_events else PEOPLE_COLUMNS)
    for event, person in lines:
        sheet.append([*event, *person] if with_events else person)
    book.save(path)


def _timed(template: Path, folder: Path, work: Callable[..., dict]) -> tuple[float, dict]:  # type: ignore[type-arg]
    copy = folder / "work.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, copy)
    database, _ = prepare_database(copy)
    try:
        started = time.perf_counter()
        summary = work(database)
        return time.perf_counter() - started, summary
    finally:
        database.dispose()


def run(quick: bool) -> list[Measurement]:
    people, rows, event_count = (5_000, 2_000, 60) if quick else (100_000, 50_000, 1_500)
    rng = random.Random(21)
    folder = Path(tempfile.mkdtemp(prefix="bench-register-"))
    try:
        template = folder / "template.sqlite"
        database, _ = prepare_database(template)
        with database.session_scope() as session:
            reference = events.create_event(
                session, title="All participants", type="other",
                start_date=dt.date(2025, 3, 4), end_date=dt.date(2025, 3, 6),
            ).reference  # fmt: skip
        started = time.perf_counter()
        stored = _stored_people(database, people, rng)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()
        lines = _history(stored, rows, event_count, rng)
        register, listing = folder / "register.xlsx", folder / "list.xlsx"
        _write(register, lines, with_events=True)
        _write(listing, lines, with_events=False)
        print(f"  set-up: {people} people, a {len(lines)}-row register and list in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)  # fmt: skip

        def as_register(database) -> dict:  # type: ignore[no-untyped-def,type-arg]
            return import_register(database, open_register(database, register)).summary()

        def as_list(database) -> dict:  # type: ignore[no-untyped-def,type-arg]
            return import_list(database, open_list(database, listing), reference).summary()

        register_runs = [_timed(template, folder, as_register) for _ in range(2)]
        list_runs = [_timed(template, folder, as_list) for _ in range(2)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds, summary = min(register_runs, key=lambda r: r[0])
    floor, listed = min(list_runs, key=lambda r: r[0])
    assert not summary["skipped"], summary["skipped"][:3]
    assert summary["events_created"] == event_count, summary["events_created"]
    assert summary["added_to_event"] == len(lines), summary["added_to_event"]
    print(f"  register: {summary['events_created']} events, {summary['people_created']} new"
          f" people, {summary['people_matched']} matched, {summary['added_to_event']}"
          f" participations in {seconds:.1f} s; the list: {listed['people_created']} new,"
          f" {listed['people_matched']} matched, {listed['added_to_event']} added in"
          f" {floor:.1f} s", file=sys.stderr)  # fmt: skip
    return [
        Measurement(
            scenario=f"import a {len(lines):,}-row register of {event_count:,} events over 20"
            f" years, {people:,} people in the database",
            seconds=seconds,
            floor_seconds=floor,
            floor="the list import of the same rows",
            max_ratio=1.5,
        )
    ]
