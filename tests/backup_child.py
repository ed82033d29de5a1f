"""Backup work in a process of its own, for the tests that kill it or write beside it.

``python -m tests.backup_child daily DB`` opens the database, prints ``ready``, waits for a line
on stdin, writes the daily automatic backup, and prints ``done`` (the kill tests end it at
chosen moments after the line).

``python -m tests.backup_child write DB SECONDS`` creates events, one transaction each, for
SECONDS, and prints each one's title once it is committed (flushed at once): the titles printed
are the writes that must never be lost.
"""

from __future__ import annotations

import sys
import time


def _daily(location: str) -> None:
    from db.backup import daily_backup
    from db.engine import open_database

    database = open_database(location, create=False)
    print("ready", flush=True)
    sys.stdin.readline()
    daily_backup(database)
    database.dispose()
    print("done", flush=True)


def _write(location: str, seconds: float) -> None:
    from app.services import events
    from db.engine import open_database

    database = open_database(location, create=False)
    print("ready", flush=True)
    end, number = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        number += 1
        title = f"Written during a restore {number}"
        try:
            with database.session_scope() as session:
                events.create_event(session, title=title, type="meeting", start_date="2026-05-05")
        except Exception as exc:  # a refused write is not a lost one: say so and go on
            print(f"refused {title}: {type(exc).__name__}", flush=True)
            continue
        print(f"committed {title}", flush=True)
    database.dispose()


if __name__ == "__main__":
    if sys.argv[1] == "daily":
        _daily(sys.argv[2])
    else:
        _write(sys.argv[2], float(sys.argv[3]))
