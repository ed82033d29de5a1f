"""The shared server under load: ``uv run python -m tests.perf.bench_server [--size N]
[--minutes M] [--users U]`` (and the ``bench_server`` scenario of ``python -m tests.perf``).

A throwaway PostgreSQL server holding the generated records (``tests.perf.generate``; full size:
1,000,000 participations, 200,000 people) set up for shared use (``server setup``), and ``U``
simulated users (processes, each its own login and connection, all editors) for ``M`` minutes
doing what offices do: search people (Latin and Cyrillic fragments), open events, page the people
list, save edits (a third of them to the same ten events, so stale saves collide), import
200-row lists, and build event summaries. Printed: p50/p95/p99 per action and the errors.

Checked afterwards: no lost update (each event's version grew by exactly the number of saves
accepted for it; every accepted save has its audit entry naming the user; every refused stale
save is counted), the participations and people added by the imports are all there, and no
audit entry names anyone but the logins.
"""

from __future__ import annotations

import argparse
import collections
import csv
import multiprocessing
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

import sqlalchemy as sa

from tests.perf.common import Measurement, table

TARGETS = {"search": 0.150, "open event": 0.300, "save edit": 0.300}
ACTIONS = (  # (name, weight)
    ("search", 40), ("open event", 20), ("page list", 15), ("save edit", 15),
    ("print summary", 8), ("import 200 rows", 2),
)  # fmt: skip
FRAGMENTS = ("ata", "ова", "ber", "нур", "kar", "ман", "ali", "ева", "ov", "ль")
HOT_EVENTS = 10


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


_SYLLABLES = [c + v for c in "bdgklmnprstz" for v in "aeiou"]  # 60 syllables


def _letters(number: int) -> str:
    """A pronounceable word standing for ``number`` (names of new people, never repeated)."""
    word = ""
    while True:
        number, digit = divmod(number, len(_SYLLABLES))
        word += _SYLLABLES[digit]
        if not number:
            return word


def _write_list(path: Path, rng: random.Random, tag: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Family name", "Given name", "Sex", "Nationality", "Position"])
        for number in range(200):
            family = ("Ka" + _letters(tag * 200 + number) + "ova").capitalize()
            writer.writerow([family, rng.choice(("Aida", "Timur", "Olga")),
                             rng.choice("MF"), rng.choice(("KZ", "UZ", "TJ")), "Officer"])  # fmt: skip


def _user(  # type: ignore[no-untyped-def]
    url: str, login: str, seconds: float, seed: int, hot: list, events: list, people: int, out
) -> None:
    """One simulated user: its own process, login and connection; sends its timings back."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from app import lists
    from app.database import prepare_database
    from app.errors import ConflictError
    from app.importing.importer import import_list, open_list
    from app.reports.event_summary import event_summary
    from app.search import search_people
    from app.services import events as event_service
    from db.models import Event, Participation

    _app = QGuiApplication.instance() or QGuiApplication([])  # the summary's chart is drawn
    rng = random.Random(seed)
    database, _ = prepare_database(url.replace("postgres@", f"{login}@"))
    timings: dict[str, list[float]] = collections.defaultdict(list)
    accepted: collections.Counter[str] = collections.Counter()
    refused = errors = imported = 0
    expected: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    names, weights = zip(*ACTIONS, strict=True)
    work = Path(tempfile.mkdtemp(prefix="convene-bench-"))
    deadline = time.perf_counter() + seconds
    try:
        while time.perf_counter() < deadline:
            action = rng.choices(names, weights)[0]
            started = time.perf_counter()
            try:
                if action == "search":
                    with database.session_scope(readonly=True) as s:
                        search_people(s, rng.choice(FRAGMENTS))
                elif action == "open event":
                    with database.session_scope(readonly=True) as s:
                        event = s.get(Event, rng.choice(events))
                        event_service.head_count(s, event)
                        s.scalars(
                            sa.select(Participation)
                            .where(Participation.event_id == event.id)
                            .limit(100)
                        ).all()
                elif action == "page list":
                    with database.session_scope(readonly=True) as s:
                        offset = rng.randrange(0, max(1, people // 200)) * 200
                        lists.fetch_rows(s, lists.PEOPLE, lists.ListQuery(), offset, 200)
                elif action == "save edit":
                    target = rng.choice(hot) if rng.random() < 1 / 3 else rng.choice(events)
                    with database.session_scope(readonly=True) as s:
                        version = s.get(Event, target).version
                    time.sleep(rng.random() * 0.05)  # the user types
                    try:
                        with database.session_scope() as s:
                            event_service.update_event(
                                s, target, version, venue=f"Hall {rng.randrange(10**6)}"
                            )
                        accepted[str(target)] += 1
                    except ConflictError:
                        refused += 1
                elif action == "print summary":
                    with database.session_scope(readonly=True) as s:
                        event_summary(s, s.get(Event, rng.choice(events)))
                else:
                    path = work / f"list{imported}.csv"
                    _write_list(path, rng, seed * 100_000 + imported)
                    outcome = import_list(
                        database, open_list(database, path), rng.choice(events)
                    ).summary()
                    imported += 1
                    expected["people"] += outcome["people_created"]
                    expected["participations"] += outcome["added_to_event"]
            except Exception:
                errors += 1
                problems.append(traceback.format_exc(limit=3)[-600:])
                continue
            timings[action].append(time.perf_counter() - started)
    finally:
        database.dispose()
        for path in work.iterdir():
            path.unlink()
        work.rmdir()
    out.put(
        (login, dict(timings), dict(accepted), refused, errors, imported, expected, problems[:3])
    )


def _prepare(url: str, people: int, participations: int, users: int) -> None:
    from db.engine import open_database
    from db.server_roles import grant_role, set_up_server
    from tests.perf.generate import generate

    started = time.perf_counter()
    generate(url, people=people, participations=participations)
    print(f"  generated {people} people, {participations} participations in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)  # fmt: skip
    database = open_database(url)
    try:
        with database.engine.begin() as connection:
            set_up_server(connection)
            for number in range(users):
                login = f"bench{number:02d}"
                connection.exec_driver_sql(
                    f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{login}')"
                    f" THEN CREATE ROLE {login} LOGIN; END IF; END $$"
                )
                grant_role(connection, login, "editor")
    finally:
        database.dispose()


def load_test(  # type: ignore[type-arg]
    url: str, *, people: int, participations: int, users: int, minutes: float, single: bool = True
) -> dict:
    """Fill the (empty) database at ``url``, time one user alone (``single``,
    ``tests.perf.server_single``), run the users, check the result; a report."""
    from db.engine import open_database
    from db.models import AuditEntry, Event, Participation, Person
    from tests.perf.server_single import single_user

    _prepare(url, people, participations, users)
    alone = single_user(url) if single else []
    database = open_database(url)
    try:
        with database.session_scope(readonly=True) as s:
            ids = list(s.scalars(sa.select(Event.id).order_by(Event.reference)))
            before = {
                "people": s.scalar(sa.select(sa.func.count()).select_from(Person)),
                "participations": s.scalar(sa.select(sa.func.count()).select_from(Participation)),
            }
        rng = random.Random(18)
        hot = rng.sample(ids, min(HOT_EVENTS, len(ids)))
        versions = {}
        with database.session_scope(readonly=True) as s:
            versions = dict(s.execute(sa.select(Event.id, Event.version)).all())
            since = s.scalar(sa.select(sa.func.now()))
        context = multiprocessing.get_context("spawn")
        out = context.Queue()
        workers = [
            context.Process(
                target=_user,
                args=(url, f"bench{n:02d}", minutes * 60, n, hot, ids, before["people"], out),
            )
            for n in range(users)
        ]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        results = [out.get(timeout=minutes * 60 + 600) for _ in workers]
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - started
        timings: dict[str, list[float]] = collections.defaultdict(list)
        accepted: collections.Counter[str] = collections.Counter()
        per_login: dict[str, int] = {}
        refused = errors = imported = 0
        problems: list[str] = []
        expected: collections.Counter[str] = collections.Counter()
        for login, times, saves, stale, failed, lists_imported, wrote, trouble in results:
            expected.update(wrote)
            for action, values in times.items():
                timings[action] += values
            accepted.update(saves)
            per_login[login] = sum(saves.values())
            refused += stale
            errors += failed
            imported += lists_imported
            problems += trouble
        with database.session_scope(readonly=True) as s:
            now = dict(s.execute(sa.select(Event.id, Event.version)).all())
            lost = sum(abs((now[i] - versions[i]) - accepted.get(str(i), 0)) for i in versions)
            audited = dict(
                s.execute(
                    sa.select(AuditEntry.actor, sa.func.count())
                    .where(AuditEntry.entity == "event", AuditEntry.action == "update")
                    .group_by(AuditEntry.actor)
                ).all()
            )
            unaudited = sum(abs(audited.get(login, 0) - n) for login, n in per_login.items())
            after = {
                "people": s.scalar(sa.select(sa.func.count()).select_from(Person)),
                "participations": s.scalar(sa.select(sa.func.count()).select_from(Participation)),
            }
            strangers = s.scalar(
                sa.select(sa.func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.actor.not_like("bench%"), AuditEntry.created_at >= since)
            )  # fmt: skip
        added = {key: after[key] - before[key] for key in after}
        # exactly what the imports said they added (a name may be matched to someone there)
        counts_ok = added == {key: expected.get(key, 0) for key in added}
    finally:
        database.dispose()
    return {
        "timings": timings, "errors": errors, "problems": problems, "refused": refused,
        "accepted": sum(accepted.values()), "lost": lost, "unaudited": unaudited,
        "imported": imported, "counts_ok": counts_ok, "strangers": strangers,
        "elapsed": elapsed, "users": users, "added": added, "single": alone,
    }  # fmt: skip


def report(result: dict) -> str:  # type: ignore[type-arg]
    lines = [f"{'action':<16}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}  target p95"]
    for name, _weight in ACTIONS:
        values = result["timings"].get(name, [])
        target = f"≤ {TARGETS[name] * 1000:.0f} ms" if name in TARGETS else ""
        lines.append(
            f"{name:<16}{len(values):>7}{_quantile(values, .5) * 1000:>9.0f}"
            f"{_quantile(values, .95) * 1000:>9.0f}{_quantile(values, .99) * 1000:>9.0f}  {target}"
        )  # fmt: skip
    lines.append(
        f"{result['users']} users, {result['elapsed']:.0f} s; errors {result['errors']}; saves "
        f"accepted {result['accepted']}, refused as stale {result['refused']}; lost updates "
        f"{result['lost']}; accepted saves without their audit entry {result['unaudited']}; "
        f"lists imported {result['imported']} (added {result['added']}: "
        f"{'as expected' if result['counts_ok'] else 'WRONG'}); "
        f"audit entries naming someone else {result['strangers']}"
    )  # fmt: skip
    lines.append(f"machine: {os.cpu_count()} cores, {_machine()}")
    if result["single"]:
        lines += ["", "One user alone, before the others started:", table(result["single"])]
    return "\n".join(lines + result["problems"][:3])


def _machine() -> str:
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = "unknown CPU"
    return f"{model}, load average {os.getloadavg()[0]:.1f} at the end"


def _with_server(work):  # type: ignore[no-untyped-def]
    from tests.pg_cluster import PostgresCluster

    cluster = PostgresCluster.start()
    try:
        cluster.create_database("convene_load")
        return work(cluster.url("convene_load"))
    finally:
        cluster.stop()


def measurements(result: dict) -> list[Measurement]:  # type: ignore[type-arg]
    found = [
        Measurement(f"server, {result['users']} users: {name} p95",
                    _quantile(result["timings"].get(name, []), .95), max_seconds=limit, unit="ms")
        for name, limit in TARGETS.items()
    ]  # fmt: skip
    wrong = result["errors"] + result["lost"] + result["unaudited"] + result["strangers"]
    wrong += 0 if result["counts_ok"] else 1
    found.append(Measurement("server: errors, lost or unaudited saves (count)", float(wrong),
                             max_seconds=0.0))  # fmt: skip
    return result["single"] + found


def run(quick: bool) -> list[Measurement]:
    """The scenario of ``python -m tests.perf`` (``--quick``: 20,000 participations, 4 users,
    20 seconds)."""
    size = (20_000, 4_000, 4, 1 / 3) if quick else (1_000_000, 200_000, 20, 3.0)
    result = _with_server(
        lambda url: load_test(url, participations=size[0], people=size[1], users=size[2],
                              minutes=size[3])
    )  # fmt: skip
    print(report(result), file=sys.stderr)
    return measurements(result)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.bench_server")
    parser.add_argument("--size", type=int, default=1_000_000, help="participations")
    parser.add_argument("--people", type=int, default=None, help="default: size / 5")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--no-single", action="store_true", help="skip the one-user benchmarks")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = _with_server(
        lambda url: load_test(url, participations=args.size, people=args.people or args.size // 5,
                              users=args.users, minutes=args.minutes, single=not args.no_single)
    )  # fmt: skip
    print(report(result))
    return 0 if all(m.passed for m in measurements(result)) else 1


if __name__ == "__main__":
    sys.exit(main())
