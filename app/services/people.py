"""Create, change, delete and restore people, keeping each person's match key up to date."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import fields
from app.errors import FieldProblem
from app.i18n import tr
from app.matching import match_key
from app.services import records as r
from db.models import Person

NAME_FIELDS = (
    "family_name",
    "given_name",
    "patronymic",
    "family_name_local",
    "given_name_local",
    "patronymic_local",
)


def _check(session: Session, merged: dict[str, Any], current: Person | None) -> list[FieldProblem]:
    if not (merged.get("family_name") or merged.get("family_name_local")):
        return [
            FieldProblem(
                "family_name", tr("A family name is required (in Latin or in the local script).")
            )
        ]
    return []


PERSON = r.RecordSpec(
    model=Person,
    noun="person",
    catalogue=fields.PERSON,
    check=_check,
)


def person_match_key(person: Person) -> str:
    return match_key(
        person.family_name, person.given_name, person.family_name_local, person.given_name_local
    )


def create_person(session: Session, **values: Any) -> Person:
    if values.get("sex") in (None, ""):
        values["sex"] = fields.PERSON["sex"].default

    def prepare(person: Person) -> None:
        person.match_key = person_match_key(person)
        return None

    person = r.create_record(session, PERSON, values, prepare=prepare)
    return person


def update_person(
    session: Session, person_id: Any, expected_version: int | None, **values: Any
) -> Person:
    def prepare(person: Person, changes: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        if not set(changes) & set(NAME_FIELDS):
            return {}
        new_key = person_match_key(person)
        old_key, person.match_key = person.match_key, new_key
        return {"match_key": (old_key, new_key)} if old_key != new_key else {}

    return r.update_record(session, PERSON, person_id, expected_version, values, prepare=prepare)


def delete_person(session: Session, person_id: Any, expected_version: int | None = None) -> Person:
    return r.soft_delete(session, Person, person_id, expected_version)


def restore_person(session: Session, person_id: Any) -> Person:
    return r.restore(session, Person, person_id)
