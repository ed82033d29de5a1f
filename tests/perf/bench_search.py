"""People search at 200,000 people and 1,000,000 participations: the first page (50 live people
in family-name order) for a three-letter fragment in Latin and in Cyrillic, through
``app.search.search_people`` in its own read-only session, as the GUI runs it.

Floor: the same query on an FTS5 trigram table built directly in this run (a standalone table of
the live people's names and searchable words, queried with plain sqlite3). Also reported: a very
common fragment, a one-letter start of a word (no target) and the generator's own time.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from app.search import fts_query, search_people, search_terms
from db.engine import open_database
from tests.perf.common import Measurement, best_of
from tests.perf.dataset import benchmark_database

TARGET_SECONDS = 0.050
GENERATOR_TARGET_SECONDS = 120.0  # "in a minute or two", at the full size
_NAMES = ("family_name", "given_name", "patronymic", "family_name_local", "given_name_local",
          "patronymic_local")  # fmt: skip
# (what is typed, what it shows, target): typical starts of names, a fragment in a third of all
# names (every "-ова"/"-овна"), and a single letter (start of a word).
SCENARIOS = (
    ("ata", "Latin, 3 letters", TARGET_SECONDS),
    ("ата", "Cyrillic, 3 letters", TARGET_SECONDS),
    ("ова", "Cyrillic, 3 letters in a third of all names", TARGET_SECONDS),
    ("a", "1 letter, start of a word", None),
)


def _words(parts: list[str | None], email: str | None) -> str:
    fold = [(p or "").replace("ё", "е").replace("Ё", "Е") for p in parts]
    return "".join("\n\n" + p.replace(" ", "\n\n") for p in fold) + " " + (email or "")


def build_floor(source: Path, folder: Path) -> sqlite3.Connection:
    """A plain FTS5 trigram table of the live people: id, names, e-mail and searchable words."""
    connection = sqlite3.connect(folder / "floor.sqlite")
    columns = ", ".join(f"{name} UNINDEXED" for name in ("person_id", *_NAMES, "email"))
    connection.execute(
        f"CREATE VIRTUAL TABLE floor USING fts5({columns}, words, tokenize='trigram')"
    )
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    rows = reader.execute(
        f"SELECT id, {', '.join(_NAMES)}, email FROM person WHERE deleted_at IS NULL"
    )
    while chunk := rows.fetchmany(20_000):
        connection.executemany(
            f"INSERT INTO floor VALUES ({', '.join(['?'] * 9)})",
            [(*row, _words(list(row[1:7]), row[7])) for row in chunk],
        )
    reader.close()
    connection.commit()
    return connection


def floor_page(connection: sqlite3.Connection, text: str) -> list[str]:
    return [row[0] for row in connection.execute(
        f"SELECT person_id, {', '.join(_NAMES)}, email FROM floor WHERE floor MATCH ?"
        " ORDER BY coalesce(family_name, family_name_local, ''),"
        " coalesce(given_name, given_name_local, ''), person_id LIMIT 50",
        (fts_query(search_terms(text)),),
    )]  # fmt: skip


def _count(n: int) -> str:
    return f"{n / 1_000_000:g}M" if n >= 1_000_000 else f"{n // 1000}k"


def run(quick: bool) -> list[Measurement]:
    dataset = benchmark_database(quick)
    size = f"{_count(dataset.people)} people, {_count(dataset.participations)} participations"
    when = "" if dataset.built_now else f" (cached; timed {dataset.built_on})"
    results = [
        Measurement(
            f"generate {size}{when}",
            dataset.build_seconds,
            max_seconds=GENERATOR_TARGET_SECONDS * dataset.participations / 1_000_000,
        )
    ]
    database = open_database(dataset.path)
    with tempfile.TemporaryDirectory(prefix="convene-bench-") as work:
        floor = build_floor(dataset.path, Path(work))
        try:
            for text, what, target in SCENARIOS:

                def search(text: str = text) -> list[str]:
                    with database.session_scope(readonly=True) as session:
                        return [p.id.hex for p in search_people(session, text)]

                if search() != floor_page(floor, text):  # the same page, or the figures lie
                    raise AssertionError(f"search for {text!r} differs from the floor's page")
                results.append(Measurement(
                    f"people search '{text}' ({what}), first 50",
                    best_of(search, repeat=7),
                    floor_seconds=best_of(lambda text=text: floor_page(floor, text), repeat=7),
                    floor="FTS5 trigram table, plain sqlite3",
                    max_seconds=target,
                    unit="ms",
                ))  # fmt: skip
        finally:
            floor.close()
            database.dispose()
    return results
