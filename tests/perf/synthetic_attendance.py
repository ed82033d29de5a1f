"""Who took part in which event, for the synthetic-data generator: how many people each event
lists (adding up to the participations asked for), who they are (mostly the host country's
officers, the same regulars again and again), and the participation rows themselves.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

from db.enums import (
    AttendanceMode,
    EventFormat,
    EventScope,
    EventStatus,
    EventType,
    ParticipationRole,
    ParticipationStatus,
)
from tests.perf import synthetic_world as world
from tests.perf.synthetic_rows import People, Row, Stamp

_ROLES = list(ParticipationRole)
_ROLE_WEIGHTS = [88, 4, 4, 1.2, 1.3, 1, 0.5]
_DONE = [ParticipationStatus.ATTENDED, ParticipationStatus.PARTIALLY_ATTENDED,
         ParticipationStatus.NO_SHOW, ParticipationStatus.CANCELLED,
         ParticipationStatus.REGISTERED]  # fmt: skip
_DONE_WEIGHTS = [86, 5, 5, 2, 2]
_PLANNED = [ParticipationStatus.INVITED, ParticipationStatus.REGISTERED]


def plan_attendance(
    stamp: Stamp, event_rows: list[Row], people: People, total: int
) -> list[tuple[Row, list[int], int]]:
    """Who may come to each listed event and how many do, adding up to ``total``; about one
    held event in sixteen is known only by its reported head-counts (set on the event row)."""
    rng = stamp.rng
    listed: list[Row] = []
    for event in event_rows:
        if event["status"] is EventStatus.HELD and rng.random() < 0.06:
            count = max(5, int(rng.lognormvariate(3.0, 0.5)))
            female = sum(rng.random() < 0.3 for _ in range(count))
            event.update(reported_total=count, reported_female=female, reported_male=count - female)
        elif event["status"] in (EventStatus.HELD, EventStatus.PLANNED):
            listed.append(event)
    everyone = list(range(len(people.rows)))
    central = [i for c in (*world.CENTRAL_ASIA, "AF") for i in people.by_country.get(c, [])]
    pools = [_pool(event, people, central, everyone) for event in listed]
    weights = [rng.lognormvariate(0, 0.6) * (3 if e["type"] is EventType.CONFERENCE else 1)
               for e in listed]  # fmt: skip
    scale = total / sum(weights) if weights else 0
    caps = [len(pool) for pool in pools]
    sizes = [min(round(w * scale), cap) for w, cap in zip(weights, caps, strict=True)]
    order = list(range(len(sizes)))
    while (missing := total - sum(sizes)) != 0:
        rng.shuffle(order)
        step = 1 if missing > 0 else -1
        moved = 0
        for i in order:
            if sizes[i] + step < 0 or sizes[i] + step > caps[i]:
                continue
            sizes[i] += step
            moved += 1
            if moved == abs(missing):
                break
        if moved == 0:
            raise ValueError(
                f"{len(people.rows)} people across {len(event_rows)} events cannot make "
                f"{total} participations; ask for more people or events"
            )
    return list(zip(listed, pools, sizes, strict=True))


def _pool(event: Row, people: People, central: list[int], everyone: list[int]) -> list[int]:
    if event["scope"] is EventScope.NATIONAL:
        return people.by_country.get(event["country"]) or everyone
    return central if event["scope"] is EventScope.REGIONAL and central else everyone


def participations(
    stamp: Stamp, people: People, plan: list[tuple[Row, list[int], int]], chunk: int
) -> Iterator[list[Row]]:
    """The participation rows of every listed event, ``chunk`` rows at a time.

    Rows come in the order of the unique (event, person) index, and their random ids are handed
    out in ascending order, so SQLite appends to those indexes instead of inserting all over
    them (a sixth faster); the ids are as random as any.
    """
    rng = stamp.rng
    rows: list[Row] = []
    every = len(people.rows)
    ids = iter(sorted(rng.getrandbits(128) for _ in range(sum(size for _, _, size in plan))))
    for event, pool, size in sorted(plan, key=lambda planned: planned[0]["id"]):
        if not size:
            continue
        national = event["scope"] is EventScope.NATIONAL
        chosen: set[int] = set()
        attempts = 0
        while len(chosen) < size:
            attempts += 1
            if national and rng.random() < 0.12:
                chosen.add(rng.randrange(every))  # trainers and guests from anywhere
            elif attempts < 20 * size:
                chosen.add(pool[int(len(pool) * rng.random() ** 1.6)])  # regulars come often
            else:
                chosen.add(rng.choice(pool))
        days = (event["end_date"] - event["start_date"]).days + 1
        held = event["status"] is EventStatus.HELD
        statuses = (rng.choices(_DONE, weights=_DONE_WEIGHTS, k=size) if held
                    else rng.choices(_PLANNED, k=size))  # fmt: skip
        roles = rng.choices(_ROLES, weights=_ROLE_WEIGHTS, k=size)
        when = stamp.at(event["end_date"] + dt.timedelta(days=1))
        training = event["type"] is EventType.TRAINING_COURSE
        online_share = {EventFormat.ONLINE: 1.0, EventFormat.HYBRID: 0.3}.get(event["format"], 0)
        by_id = sorted(chosen, key=lambda index: people.rows[index]["id"])
        for index, status, role in zip(by_id, statuses, roles, strict=True):
            person = people.rows[index]
            online = online_share and rng.random() < online_share
            attended = status is ParticipationStatus.ATTENDED
            partly = status is ParticipationStatus.PARTIALLY_ATTENDED
            rows.append({
                "id": uuid.UUID(int=next(ids), version=4), "created_at": when, "updated_at": when, "version": 1,
                "deleted_at": None, "event_id": event["id"], "person_id": person["id"],
                "role": role, "status": status,
                "mode": AttendanceMode.ONLINE if online else AttendanceMode.IN_PERSON,
                "organization_id": person["organization_id"], "position": person["position"],
                "days_attended": days if attended else (max(1, days - 1) if partly else None),
                "certificate_issued": training and attended and rng.random() < 0.8,
                "notes": None, "import_batch_id": None,
            })  # fmt: skip
            if len(rows) >= chunk:
                yield rows
                rows = []
    if rows:
        yield rows
