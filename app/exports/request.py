"""What an export is asked for, and what every export shares: the date range of events and
streaming rows out of the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from db.enums import Sex
from db.models import Event

KINDS = ("events", "people", "organizations", "participants")
BATCH = 2000


@dataclasses.dataclass(frozen=True)
class ExportRequest:
    """What to export: a kind, optionally one event's participants, or events in a date range."""

    kind: str
    event_id: uuid.UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def sex_label(value: Sex | None) -> str | None:
    return None if value in (None, Sex.UNSPECIFIED) else reference.label(value)


def in_range(request: ExportRequest) -> list[Any]:
    """Conditions on Event for the request's date range (by start date, both ends included)."""
    conditions: list[Any] = [Event.deleted_at.is_(None)]
    if request.date_from:
        conditions.append(Event.start_date >= request.date_from)
    if request.date_to:
        conditions.append(Event.start_date <= request.date_to)
    return conditions


def stream(session: Session, statement: Any) -> Iterator[sa.Row[Any]]:
    yield from session.execute(statement.execution_options(yield_per=BATCH))
