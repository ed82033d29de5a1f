"""Work for the concurrency tests, in a process of its own: a minute of mixed writes, or one
user's edit session driven line by line.

``python -m tests.concurrent_child busy DB SECONDS SEED`` imports lists, creates events with
participants, edits people, changes participation statuses, bins and restores participations
and makes version-checked edits — each one transaction through the services — until SECONDS
have passed, then prints one JSON line: operations completed (by kind), conflicts detected
(a version-checked edit refused because the other process changed the record first), refusals
(validation) and failures (anything else, with the message; "database is locked" would be one).

``python -m tests.concurrent_child editor DB EVENT_ID TITLE`` edits one event as a user would,
taking commands on stdin: ``load`` (prints the version it read), ``save V`` (saves "TITLE N",
N counting its saves, as an edit of version V; prints ``saved`` or ``conflict``), ``save-and-hold V`` (makes the change in
an open transaction, prints ``holding``, waits for ``commit``, then prints ``saved``).
"""

from __future__ import annotations

import collections
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.errors import ConflictError, NotFoundError, ValidationError
from app.importing.importer import import_list, open_list
from app.services import events, participations, people
from db.engine import Database, open_database
from db.models import Event, Participation, Person

FIXTURES = Path(__file__).parent / "fixtures" / "import"
LISTS = ["ru_conference.xlsx", "en_conference.xlsx", "ru_cp1251_semicolon.csv",
         "full_name_latin.xlsx", "sign_in_days.xlsx", "ru_conference.ods"]  # fmt: skip


def _some(database: Database, model: type, rng: random.Random, **where: Any) -> Any:
    with database.session_scope(readonly=True) as session:
        statement = sa.select(model.id).where(model.deleted_at.is_(None)).order_by(model.id)
        for name, value in where.items():
            statement = statement.where(getattr(model, name) == value)
        ids = session.scalars(statement).all()
    return rng.choice(ids) if ids else None


def _import(database: Database, rng: random.Random, label: str) -> None:
    understood = open_list(database, FIXTURES / rng.choice(LISTS))
    event_id = _some(database, Event, rng)
    import_list(database, understood, event_id)


def _new_event(database: Database, rng: random.Random, label: str) -> None:
    person_ids = [_some(database, Person, rng) for _ in range(5)]
    with database.session_scope() as session:
        event = events.create_event(
            session, title=f"Workshop {label}", type="workshop",
            start_date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )  # fmt: skip
        for person_id in dict.fromkeys(person_ids):
            participations.add_participation(session, event.id, person_id)


def _edit_person(database: Database, rng: random.Random, label: str) -> None:
    person_id = _some(database, Person, rng)
    with database.session_scope() as session:
        people.update_person(session, person_id, None, position=f"Officer ({label})")


def _statuses(database: Database, rng: random.Random, label: str) -> None:
    event_id = _some(database, Event, rng)
    with database.session_scope(readonly=True) as session:
        ids = session.scalars(
            sa.select(Participation.id).where(Participation.event_id == event_id).limit(50)
        ).all()
    with database.session_scope() as session:
        participations.set_participation_status(session, ids, rng.choice(["attended", "no_show"]))


def _bin_and_restore(database: Database, rng: random.Random, label: str) -> None:
    participation_id = _some(database, Participation, rng)
    with database.session_scope() as session:
        participations.remove_participation(session, participation_id)
    with database.session_scope() as session:
        participations.restore_participation(session, participation_id)


def _versioned_edit(database: Database, rng: random.Random, label: str) -> None:
    """A user opens a person's form, thinks for a moment, saves: refused if changed meanwhile."""
    with database.session_scope(readonly=True) as session:
        person = session.scalars(sa.select(Person).order_by(Person.id).limit(3)).all()
        chosen = rng.choice(person)
        person_id, version = chosen.id, chosen.version
    time.sleep(rng.uniform(0, 0.05))
    with database.session_scope() as session:
        people.update_person(session, person_id, version, rank=f"Rank {label}"[:60])


OPERATIONS = {
    "import": _import, "new event": _new_event, "edit person": _edit_person,
    "statuses": _statuses, "bin and restore": _bin_and_restore, "versioned edit": _versioned_edit,
}  # fmt: skip


def busy(location: str, seconds: float, seed: int) -> dict[str, Any]:
    database = open_database(location)
    rng = random.Random(seed)
    done: collections.Counter[str] = collections.Counter()
    refused: collections.Counter[str] = collections.Counter()
    conflicts, failures = 0, []
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline:
        kind = rng.choice(list(OPERATIONS))
        number += 1
        try:
            OPERATIONS[kind](database, rng, f"{seed}-{number}")
            done[kind] += 1
        except ConflictError:
            conflicts += 1
        except (ValidationError, NotFoundError) as exc:  # e.g. the other process binned it first
            refused[str(exc)[:80]] += 1
        except Exception as exc:
            failures.append(f"{kind}: {type(exc).__name__}: {exc}"[:300])
    database.dispose()
    return {"completed": sum(done.values()), "by_kind": dict(done), "conflicts": conflicts,
            "refused": dict(refused), "failures": failures}  # fmt: skip


def editor(location: str, event_id: str, title: str) -> None:
    database = open_database(location)
    saves = 0
    for line in sys.stdin:
        command, *argument = line.split()
        if command == "load":
            with database.session_scope(readonly=True) as session:
                print(events.find_event(session, event_id).version, flush=True)
            continue
        saves += 1
        try:
            with database.session_scope() as session:
                events.update_event(session, event_id, int(argument[0]), title=f"{title} {saves}")
                if command == "save-and-hold":
                    print("holding", flush=True)
                    assert sys.stdin.readline().strip() == "commit"
            print("saved", flush=True)
        except ConflictError:
            print("conflict", flush=True)
    database.dispose()


if __name__ == "__main__":
    if sys.argv[1] == "busy":
        print(json.dumps(busy(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]))), flush=True)
    else:
        editor(*sys.argv[2:5])
