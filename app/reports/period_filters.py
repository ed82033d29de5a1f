"""Turning what a user typed for a period report's filters (a country, a project, a partner)
into a ``PeriodFilter``: by code, name, acronym or id; one clear message when nothing or more
than one thing matches."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from app.errors import ConveneError, NotFoundError
from app.reports.period_figures import PeriodFilter
from db.models import Organization, Project


def _by_id(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _one(kind: str, text: str, found: list[tuple[uuid.UUID, str]]) -> tuple[uuid.UUID, str]:
    if not found:
        raise NotFoundError(f"No {kind} matches '{text}'.")
    if len(found) > 1:
        names = "; ".join(name for _, name in found[:3])
        more = " …" if len(found) > 3 else ""
        raise ConveneError(f"'{text}' matches several {kind}s ({names}{more}); be more precise.")
    return found[0]


def _search(
    session: Session, model: type, text: str, exact: tuple[Any, ...], partial: tuple[Any, ...]
) -> list[sa.Row[Any]]:
    """Live records of ``model`` (id first, then what names them) whose id is ``text``, else
    whose ``exact`` columns equal it ignoring case, else whose ``partial`` columns contain it."""
    columns = (model.id, *dict.fromkeys((*exact, *partial)))
    live = model.deleted_at.is_(None)
    key = _by_id(text)
    if key is not None:
        return session.execute(sa.select(*columns).where(live, model.id == key)).all()
    folded = text.casefold()
    rows = session.execute(
        sa.select(*columns).where(live, sa.or_(*(sa.func.lower(c) == folded for c in exact)))
    ).all()
    if rows:
        return rows
    pattern = f"%{_escape(text)}%"
    return session.execute(
        sa.select(*columns).where(live, sa.or_(*(c.ilike(pattern, escape="\\") for c in partial)))
    ).all()


def find_project(session: Session, text: str) -> tuple[uuid.UUID, str]:
    """A live project by id, code or title (exactly, ignoring case), else by part of its title."""
    wanted = text.strip()
    rows = _search(session, Project, wanted, (Project.code, Project.title), (Project.title,))
    return _one("project", wanted, [(i, " — ".join(p for p in (c, t) if p)) for i, c, t in rows])


def find_partner(session: Session, text: str) -> tuple[uuid.UUID, str]:
    """A live organisation by id, acronym or name (English or local), else by part of a name."""
    wanted = text.strip()
    exact = (Organization.name, Organization.acronym, Organization.name_local)
    partial = (Organization.name, Organization.name_local)
    rows = _search(session, Organization, wanted, exact, partial)
    return _one("organisation", wanted, [(row[0], row[1]) for row in rows])


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def period_filter(
    session: Session,
    date_from: dt.date,
    date_to: dt.date,
    *,
    country: str | None = None,
    project: str | None = None,
    partner: str | None = None,
) -> PeriodFilter:
    """The filter of a period report from user input; NotFoundError/ConveneError when unusable."""
    if date_to < date_from:
        raise ConveneError(
            f"The period ends ({date_to.isoformat()}) before it starts ({date_from.isoformat()})."
        )
    country_code = None
    if country:
        country_code = reference.find_country(country)
        if country_code is None:
            raise NotFoundError(f"'{country}' is not a known country (use an ISO code such as KZ).")
    project_id = project_label = partner_id = partner_label = None
    if project:
        project_id, project_label = find_project(session, project)
    if partner:
        partner_id, partner_label = find_partner(session, partner)
    return PeriodFilter(
        date_from, date_to, country_code, project_id, partner_id, project_label, partner_label
    )
