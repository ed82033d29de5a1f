"""Loading the sample data set (``demo``) from ``resources/sample_data.json``: real events from
public OSCE and BOMCA reporting, with their organisers, partners, projects and donors, plus
invented participants so that every screen and report has something to show.

Every fact of an event (its titles in English and Russian, dates, place, format, organisers,
partners and their roles, project, donors, head-counts) is taken from the press release its
``source`` names (kept in the project's ``seeds/``); what a source leaves open stays empty or is
said in the event's notes. The invented people say so in their notes, and so do the events they
are listed for.

Every sample record has a fixed key (a UUID derived from its slug), so loading twice changes
nothing, and records a user has since edited or deleted are left as they are. Everything goes
through the services, so the sample data is validated and audited like any other input.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.services import events, organizations, participations, partners, people, projects
from app.services.participations import existing_participation
from db.models import Event, EventPartner, Organization, Person, Project

SAMPLE_FILE = Path(__file__).resolve().parent.parent / "resources" / "sample_data.json"
_NAMESPACE = uuid.UUID("5b0e3c52-8d0f-4d8e-9a55-6f1f3c1e2a10")


def sample_database_path() -> Path:
    """Where the GUI keeps the sample data: a file of its own beside the default database,
    never mixed into an office's records."""
    from db import default_sqlite_path

    return default_sqlite_path().with_name("sample-data.sqlite")


def sample_id(slug: str) -> uuid.UUID:
    """The fixed key of the sample record named ``slug``."""
    return uuid.uuid5(_NAMESPACE, slug)


@functools.cache
def sample_data() -> dict[str, Any]:
    return json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))


@dataclasses.dataclass
class DemoResult:
    """What ``load_demo`` added (all zero when the sample data was already there)."""

    organizations: int = 0
    projects: int = 0
    events: int = 0
    partners: int = 0
    people: int = 0
    participations: int = 0

    @property
    def total(self) -> int:
        return sum(dataclasses.astuple(self))


def _fields(row: dict[str, Any], *skip: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "slug" and k not in skip}


def _missing(session: Session, model: type, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in rows if session.get(model, sample_id(row["slug"])) is None]


def load_demo(session: Session) -> DemoResult:
    """Add whatever part of the sample data set is missing (see the module docstring)."""
    data = sample_data()
    added = DemoResult()
    for row in _missing(session, Organization, data["organizations"]):
        parent = row.get("parent")
        organizations.create_organization(
            session,
            id=sample_id(row["slug"]),
            parent_id=sample_id(parent) if parent else None,
            **_fields(row, "parent"),
        )
        added.organizations += 1
    for row in _missing(session, Project, data["projects"]):
        projects.create_project(
            session,
            id=sample_id(row["slug"]),
            donors=[sample_id(d) for d in row["donors"]],
            **_fields(row, "donors"),
        )
        added.projects += 1
    for row in _missing(session, Person, data["people"]):
        people.create_person(
            session,
            id=sample_id(row["slug"]),
            organization_id=sample_id(row["organization"]),
            **_fields(row, "organization"),
        )
        added.people += 1
    for row in data["events"]:
        event_id = sample_id(row["slug"])
        if session.get(Event, event_id) is None:
            project = row.get("project")
            events.create_event(
                session,
                id=event_id,
                project_id=sample_id(project) if project else None,
                **_fields(row, "source", "project", "partners", "participants"),
            )
            added.events += 1
        event = session.get(Event, event_id)
        if event is not None and event.deleted_at is None:
            added.partners += _add_partners(session, event_id, row["partners"])
            added.participations += _add_participants(session, event_id, row["participants"])
    return added


def _add_partners(session: Session, event_id: uuid.UUID, rows: list[list[str]]) -> int:
    count = 0
    for organization, role in rows:
        found = session.scalar(
            sa.select(EventPartner.id).where(
                EventPartner.event_id == event_id,
                EventPartner.organization_id == sample_id(organization),
                EventPartner.role == role,
            )
        )
        if found is None:
            partners.add_partner(session, event_id, sample_id(organization), role)
            count += 1
    return count


def _add_participants(session: Session, event_id: uuid.UUID, rows: list[dict[str, str]]) -> int:
    count = 0
    for row in rows:
        person_id = sample_id(row["person"])
        if existing_participation(session, event_id, person_id) is not None:
            continue
        participations.add_participation(session, event_id, person_id, **_fields(row, "person"))
        count += 1
    return count
