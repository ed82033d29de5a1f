"""Turning what a user typed for a period report's filters (a country, a project, a partner)
into a ``PeriodFilter``: by code, name, acronym or id; one clear message when nothing or more
than one thing matches."""

from __future__ import annotations

import datetime as dt
import uuid

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


def find_project(session: Session, text: str) -> tuple[uuid.UUID, str]:
    """A live project by id, code or title (exactly, ignoring case), else by part of its title."""
    wanted = text.strip()
    columns = (Project.id, Project.code, Project.title)
    live = Project.deleted_at.is_(None)
    key = _by_id(wanted)
    if key is not None:
        rows = session.execute(sa.select(*columns).where(live, Project.id == key)).all()
    else:
        folded = wanted.casefold()
        rows = session.execute(
            sa.select(*columns).where(
                live,
                sa.or_(
                    sa.func.lower(Project.code) == folded, sa.func.lower(Project.title) == folded
                ),
            )
        ).all()
        if not rows:
            rows = session.execute(
                sa.select(*columns).where(
                    live, Project.title.ilike(f"%{_escape(wanted)}%", escape="\\")
                )
            ).all()
    return _one("project", wanted, [(i, " — ".join(p for p in (c, t) if p)) for i, c, t in rows])


def find_partner(session: Session, text: str) -> tuple[uuid.UUID, str]:
    """A live organisation by id, acronym or name (English or local), else by part of a name."""
    wanted = text.strip()
    columns = (Organization.id, Organization.name)
    live = Organization.deleted_at.is_(None)
    key = _by_id(wanted)
    if key is not None:
        rows = session.execute(sa.select(*columns).where(live, Organization.id == key)).all()
    else:
        folded = wanted.casefold()
        rows = session.execute(
            sa.select(*columns).where(
                live,
                sa.or_(
                    sa.func.lower(Organization.acronym) == folded,
                    sa.func.lower(Organization.name) == folded,
                    sa.func.lower(Organization.name_local) == folded,
                ),
            )
        ).all()
        if not rows:
            pattern = f"%{_escape(wanted)}%"
            rows = session.execute(
                sa.select(*columns).where(
                    live,
                    sa.or_(
                        Organization.name.ilike(pattern, escape="\\"),
                        Organization.name_local.ilike(pattern, escape="\\"),
                    ),
                )
            ).all()
    return _one("organisation", wanted, [(i, n) for i, n in rows])


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
