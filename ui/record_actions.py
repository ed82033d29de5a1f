"""Deleting (to the recycle bin) and restoring records from the lists, with confirmation."""

from __future__ import annotations

import logging
import uuid

import sqlalchemy as sa
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ConveneError
from app.i18n import tr
from app.services import events, organizations, people, projects
from db.engine import Database
from db.models import Event, Organization, Person, Project
from ui.errors import show_error
from ui.jobs import user_message

log = logging.getLogger(__name__)

_DELETE = {
    "events": (events.delete_event, "event", "events"),
    "people": (people.delete_person, "person", "people"),
    "organizations": (organizations.delete_organization, "organisation", "organisations"),
    "projects": (projects.delete_project, "project", "projects"),
}
_RESTORE = {
    "event": events.restore_event,
    "person": people.restore_person,
    "organization": organizations.restore_organization,
    "project": projects.restore_project,
}


def _run(parent: QWidget, database: Database, work) -> bool:  # type: ignore[no-untyped-def]
    try:
        with database.session_scope() as session:
            work(session)
    except ConveneError as exc:
        show_error(parent, str(exc))
        return False
    except Exception as exc:
        log.exception("record action failed")
        show_error(parent, tr("Nothing was changed. {problem}").format(problem=user_message(exc)))
        return False
    return True


_NAMES_SHOWN = 8
_MODELS = {"events": Event, "people": Person, "organizations": Organization, "projects": Project}


def _names(database: Database, section: str, ids: list[uuid.UUID]) -> list[str]:
    """How the records to delete are named in the question: "2022-001 «17th CABMI Conference»",
    a person's names in both scripts, an organisation with its acronym, a project's title."""
    model = _MODELS[section]
    with database.session_scope(readonly=True) as session:
        records = {r.id: r for r in session.scalars(sa.select(model).where(model.id.in_(ids)))}
    names = []
    for record_id in ids:
        record = records.get(record_id)
        if record is None:
            names.append(tr("(no longer recorded)"))
        elif isinstance(record, Event):
            names.append(f"{record.reference} «{record.title}»")
        elif isinstance(record, Project):
            names.append(f"«{record.title}»")
        else:
            names.append(record.display_name())
    return names


def delete_records(parent: QWidget, database: Database, section: str, ids: list[uuid.UUID]) -> bool:
    """Move the chosen records to the recycle bin (all or none) after asking."""
    if not ids or section not in _DELETE:
        return False
    delete, one, many = _DELETE[section]
    names = _names(database, section, ids)
    if len(ids) == 1:
        question = tr("Move the {one} {value} to the recycle bin?").format(one=one, value=names[0])
    else:
        listed = "\n".join(f"• {name}" for name in names[:_NAMES_SHOWN])
        more = (
            tr("\n… and {n} more").format(n=len(ids) - _NAMES_SHOWN)
            if len(ids) > _NAMES_SHOWN
            else ""
        )
        question = tr("Move these {n_ids} {many} to the recycle bin?\n\n{listed}{more}\n").format(
            n_ids=len(ids), many=many, listed=listed, more=more
        )
    answer = QMessageBox.question(
        parent,
        tr("Move to the recycle bin"),
        tr("{question}\nYou can restore from there.").format(question=question),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return _run(parent, database, lambda s: [delete(s, record_id) for record_id in ids])


def restore_records(
    parent: QWidget, database: Database, items: list[tuple[str, uuid.UUID]]
) -> bool:
    """Bring records back from the recycle bin (all or none)."""
    if not items:
        return False
    return _run(parent, database, lambda s: [_RESTORE[kind](s, rid) for kind, rid in items])
