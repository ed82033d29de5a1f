"""Create, change, delete and restore people, keeping each person's match key up to date."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.errors import FieldProblem
from app.i18n import N_, tr
from app.matching import match_key
from app.services import records as r
from db.enums import Sex
from db.models import Organization, Person

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
    rules=(
        r.FieldRule("family_name", N_("Family name"), r.text(200)),
        r.FieldRule("given_name", N_("Given name"), r.text(200)),
        r.FieldRule("patronymic", N_("Patronymic"), r.text(200)),
        r.FieldRule("family_name_local", N_("Family name (local script)"), r.text(200)),
        r.FieldRule("given_name_local", N_("Given name (local script)"), r.text(200)),
        r.FieldRule("patronymic_local", N_("Patronymic (local script)"), r.text(200)),
        r.FieldRule("sex", N_("Sex"), r.choice(Sex), required=True),
        r.FieldRule("nationality", N_("Nationality"), r.country_code),
        r.FieldRule(
            "organization_id", N_("Organisation"), r.reference_to(Organization, "organisation")
        ),
        r.FieldRule("position", N_("Position"), r.text(300)),
        r.FieldRule("rank", N_("Rank"), r.text(100)),
        r.FieldRule("email", N_("E-mail"), r.email),
        r.FieldRule("phone", N_("Phone"), r.text(50)),
        r.FieldRule("notes", N_("Notes"), r.long_text),
    ),
    check=_check,
)


def person_match_key(person: Person) -> str:
    return match_key(
        person.family_name, person.given_name, person.family_name_local, person.given_name_local
    )


def create_person(session: Session, **values: Any) -> Person:
    values.setdefault("sex", Sex.UNSPECIFIED)
    if values["sex"] in (None, ""):
        values["sex"] = Sex.UNSPECIFIED

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
