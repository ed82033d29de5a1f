"""Typing a person in by hand (the event form's *New person…*, the person form): is this someone
already recorded? Checked exactly as an import checks a row of a list — by e-mail, by the
spelling-independent key and its readings in other schemes, then by names only alike, with
nationality and organisation to break ties (``app.importing.planning``) — so a person typed
in is found wherever the same person in a list would be. And the organisation typed with them
is found, or made, by the import's rule: an agency is one per country, an international
organisation one of no country."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.importing import candidates as c
from app.importing import planning
from app.importing.committing import new_organization_values
from app.importing.understanding import ListedRow

PERSON_KEYS = (
    "family_name", "given_name", "patronymic", "family_name_local", "given_name_local",
    "patronymic_local", "sex", "nationality", "email", "position",
)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Alike:
    """Someone already recorded whom the typed person may be."""

    person_id: uuid.UUID
    shown: str  # name in both scripts with patronymic, nationality, organisation, e-mail or post
    why: str
    sure: bool  # the import would take the row as this person without asking


def people_alike(
    session: Session, values: dict[str, Any], organization_id: uuid.UUID | None = None
) -> list[Alike]:
    """The recorded people the typed ``values`` may be, most likely first; empty when the
    import would create a new person."""
    person = {key: values.get(key) for key in PERSON_KEYS}
    if not any(person.get(k) for k in ("family_name", "given_name", "family_name_local",
                                        "given_name_local", "email")):  # fmt: skip
        return []
    listed = ListedRow(row=0, kind="person", cells=[], person=person)
    keys = c.row_keys(person)
    variants = c.spelling_variants(person, keys)
    email = person.get("email")
    known = c.KnownPeople(session, {email} if email else set(), {*keys, *variants})
    planned = planning._decide(listed, keys, known, organization_id, variants)
    if planned.outcome == planning.MATCHED and planned.person_id is not None:
        found = [(planned.person_id, planned.why, True)]
    elif planned.outcome == planning.AMBIGUOUS:
        found = [(candidate.person_id, candidate.why, False) for candidate in planned.candidates]
    else:
        return []
    shown = c.describe_people(session, [person_id for person_id, _why, _sure in found])
    return [
        Alike(person_id, _describe(shown.get(person_id)), why, sure)
        for person_id, why, sure in found
    ]


def _describe(person: c.PersonShown | None) -> str:
    if person is None:
        return "—"
    from app import reference

    parts = [person.name]
    if person.nationality:
        parts.append(reference.country_name(person.nationality))
    if person.organization:
        parts.append(person.organization)
    if person.detail:
        parts.append(person.detail)
    return " · ".join(parts)


def organisation_for(
    session: Session, name: str | None, nationality: str | None
) -> tuple[uuid.UUID | None, dict[str, Any] | None]:
    """The organisation a person typed in with ``name`` works for: (the existing one's id,
    None), or (None, the values of the one to create) — an agency of the person's country,
    never another country's; an international organisation, of no country. (None, None)
    without a name."""
    text = " ".join((name or "").split())
    if not text:
        return None, None
    options = c.organization_index(session).get(c.organization_key(text)) or []
    found = planning.organization_among(options, nationality)
    if found is not None:
        return found, None
    international = c.is_international(text)
    return None, new_organization_values(
        text, None if international else nationality, international
    )
