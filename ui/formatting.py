"""How values are shown in the interface: dates, enumeration labels, countries."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from app import reference
from app.i18n import N_, tr
from app.reference import DATE_FORMAT, REPORTED_SUFFIX, show_date

QT_DATE_FORMAT = "dd.MM.yyyy"

_KIND_LABELS = {
    "event": N_("Event"),
    "person": N_("Person"),
    "organization": N_("Organisation"),
    "project": N_("Project"),
}


def show_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone().strftime(f"{DATE_FORMAT} %H:%M")


def show_value(value: Any, kind: str = "text") -> str:
    """A stored value as the user reads it (labels instead of codes, local date format)."""
    if value is None:
        return ""
    if kind == "country":
        return reference.country_name(value)
    if kind == "kind":
        return tr(_KIND_LABELS[value]) if value in _KIND_LABELS else str(value)
    if isinstance(value, enum.Enum):
        return reference.label(value)
    if isinstance(value, dt.datetime):
        return show_datetime(value)
    if isinstance(value, dt.date):
        return show_date(value)
    if isinstance(value, str) and value.endswith(REPORTED_SUFFIX):
        return value[: -len(REPORTED_SUFFIX)] + tr(REPORTED_SUFFIX)
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    return str(value)


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    if not start:
        return ""
    if not end or end == start:
        return show_date(start)
    return f"{show_date(start)} – {show_date(end)}"
