"""Deleting (to the recycle bin) and restoring records from the lists, with confirmation."""

from __future__ import annotations

import logging
import uuid

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ConveneError
from app.services import events, organizations, people, projects
from db.engine import Database
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
        show_error(parent, f"Nothing was changed. {user_message(exc)}")
        return False
    return True


def delete_records(parent: QWidget, database: Database, section: str, ids: list[uuid.UUID]) -> bool:
    """Move the chosen records to the recycle bin (all or none) after asking."""
    if not ids or section not in _DELETE:
        return False
    delete, one, many = _DELETE[section]
    noun = one if len(ids) == 1 else f"{len(ids)} {many}"
    answer = QMessageBox.question(
        parent,
        "Move to the recycle bin",
        f"Move the {noun} to the recycle bin? You can restore from there.",
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
