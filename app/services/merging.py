"""Merging duplicate people or organisations: the survivor takes the chosen value of each field,
everything that pointed at the duplicate moves to the survivor, the duplicate goes to the
recycle bin, and every record touched gets a ``merge`` audit entry — in one transaction.

When both people took part in the same event, the survivor's participation is kept (given the
duplicate's role and status if it had none of its own that counted) and the duplicate's goes to
the recycle bin, so no event ever lists one person twice. Then every participation of the people
merged into the survivor is put in its place by the rule offices share
(``app.sync.placement``): a row in the recycle bin lists the person it was made for.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import tr
from app.services import certificates
from app.services import records as r
from app.services.organizations import ORGANIZATION
from app.services.people import PERSON, person_match_key
from app.sync import placement
from db.base import utcnow
from db.enums import ATTENDED_STATUSES, AuditAction
from db.models import (
    EventPartner,
    Organization,
    Participation,
    Person,
    RecordMerge,
    project_donor,
)
from db.sync_schema import capture_paused


@dataclasses.dataclass(frozen=True)
class MergeResult:
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    moved: int  # participations (people) or references (organisations) moved
    binned: int  # duplicates of the survivor's own links, put in the recycle bin


def _pair(
    session: Session,
    model: Any,
    keep_id: Any,
    drop_id: Any,
    versions: tuple[int | None, int | None],
    noun: str,
):  # type: ignore[no-untyped-def]
    keep = r.get_record(session, model, keep_id)
    drop = r.get_record(session, model, drop_id)
    if keep.id == drop.id:
        raise ValidationError.single(
            "id", tr("Choose two different {noun} records to merge.").format(noun=noun)
        )
    r.check_version(keep, versions[0], noun)
    r.check_version(drop, versions[1], noun)
    return keep, drop


def _take_values(
    session: Session, spec: r.RecordSpec, keep: Any, values: dict[str, Any]
) -> dict[str, tuple[Any, Any]]:
    clean = spec.validate(session, values, current=keep)
    changes = {n: (getattr(keep, n), v) for n, v in clean.items() if getattr(keep, n) != v}
    for name, (_old, new) in changes.items():
        setattr(keep, name, new)
    return changes


def _bin(session: Session, record: Any, into: uuid.UUID, field: str) -> None:
    now = utcnow()
    record.deleted_at = now
    r.record_audit(
        session, AuditAction.MERGE, record, {"deleted_at": (None, now), field: (None, into)}
    )


def _finish(
    session: Session,
    keep: Any,
    drop: Any,
    changes: dict[str, Any],
    noun: str,
    drop_name: str,
    keep_name: str,
) -> None:
    """The end of every merge: ``keep`` saved with its changes and an audit entry naming the
    record merged into it, then ``drop`` binned with one pointing at ``keep``."""
    keep.updated_at = utcnow()
    r.flush(session, noun)
    r.record_audit(
        session, AuditAction.MERGE, keep, {**changes, "merged_from": (None, drop.id)},
        summary=f"merged {drop_name} into {keep_name}",
    )  # fmt: skip
    _bin(session, drop, keep.id, "merged_into")
    # (made at the moment the merge binned ``drop``: sync tells that binning from one by hand)
    merged = RecordMerge(entity=drop.__tablename__, from_id=drop.id, into_id=keep.id)
    merged.created_at = drop.deleted_at
    session.add(merged)
    r.flush(session, noun)


def merge_people(
    session: Session,
    keep_id: Any,
    drop_id: Any,
    values: dict[str, Any] | None = None,
    versions: tuple[int | None, int | None] = (None, None),
) -> MergeResult:
    """Merge person ``drop_id`` into ``keep_id`` (see the module docstring)."""
    keep, drop = _pair(session, Person, keep_id, drop_id, versions, "person")
    with session.no_autoflush:
        changes = _take_values(session, PERSON, keep, values or {})
        new_key = person_match_key(keep)
        if new_key != keep.match_key:
            changes["match_key"] = (keep.match_key, new_key)
            keep.match_key = new_key
    moved = binned = 0
    theirs = session.scalars(
        sa.select(Participation).where(
            Participation.person_id == drop.id, Participation.deleted_at.is_(None)
        )
    ).all()
    for participation in theirs:
        mine = session.scalar(
            sa.select(Participation).where(
                Participation.person_id == keep.id, Participation.event_id == participation.event_id
            )
        )
        if mine is None:
            certificates.follow_participation(session, participation, participation, keep.id)
            participation.person_id = keep.id
            r.record_audit(
                session, AuditAction.MERGE, participation, {"person_id": (drop.id, keep.id)}
            )
            moved += 1
            continue
        revived: dict[str, tuple[Any, Any]] = {}
        if mine.deleted_at is not None:
            revived["deleted_at"] = (mine.deleted_at, None)
            mine.deleted_at = None
        if mine.status not in ATTENDED_STATUSES and participation.status in ATTENDED_STATUSES:
            for name in ("status", "role", "mode", "days_attended"):
                if getattr(mine, name) != getattr(participation, name):
                    revived[name] = (getattr(mine, name), getattr(participation, name))
                    setattr(mine, name, getattr(participation, name))
        if revived:
            r.record_audit(session, AuditAction.MERGE, mine, revived)
        certificates.follow_participation(session, participation, mine, keep.id)
        _bin(session, participation, mine.id, "merged_into")
        binned += 1
    _finish(session, keep, drop, changes, "person", drop.display_name(), keep.display_name())
    connection = session.connection()
    with capture_paused(connection):
        placement.place_participations(connection, utcnow(), [str(keep.id)])
    session.expire_all()
    return MergeResult(keep.id, drop.id, moved, binned)


def merge_organizations(
    session: Session,
    keep_id: Any,
    drop_id: Any,
    values: dict[str, Any] | None = None,
    versions: tuple[int | None, int | None] = (None, None),
) -> MergeResult:
    """Merge organisation ``drop_id`` into ``keep_id``: its people, participations (as the
    organisation held at the time), partner roles, donations and child units move over."""
    keep, drop = _pair(session, Organization, keep_id, drop_id, versions, "organisation")
    with session.no_autoflush:
        values = dict(values or {})
        if values.get("parent_id") == drop.id:
            values["parent_id"] = None
        changes = _take_values(session, ORGANIZATION, keep, values)
    moved = binned = 0
    for model, column in ((Person, Person.organization_id),
                          (Participation, Participation.organization_id),
                          (Organization, Organization.parent_id)):  # fmt: skip
        for record in session.scalars(sa.select(model).where(column == drop.id)):
            name = column.key
            setattr(record, name, keep.id)
            r.record_audit(session, AuditAction.MERGE, record, {name: (drop.id, keep.id)})
            moved += 1
    for partner in session.scalars(
        sa.select(EventPartner).where(EventPartner.organization_id == drop.id)
    ):
        twin = session.scalar(
            sa.select(EventPartner).where(
                EventPartner.event_id == partner.event_id,
                EventPartner.organization_id == keep.id,
                EventPartner.role == partner.role,
            )
        )
        if twin is None:
            partner.organization_id = keep.id
            r.record_audit(
                session, AuditAction.MERGE, partner, {"organization_id": (drop.id, keep.id)}
            )
            moved += 1
        elif partner.deleted_at is None:
            _bin(session, partner, twin.id, "merged_into")
            binned += 1
    donated = session.scalars(
        sa.select(project_donor.c.project_id).where(project_donor.c.organization_id == drop.id)
    ).all()
    for project_id in donated:
        session.execute(
            project_donor.delete().where(
                project_donor.c.project_id == project_id, project_donor.c.organization_id == drop.id
            )
        )
        already = session.scalar(
            sa.select(sa.func.count())
            .select_from(project_donor)
            .where(
                project_donor.c.project_id == project_id, project_donor.c.organization_id == keep.id
            )
        )
        if not already:
            session.execute(
                project_donor.insert().values(project_id=project_id, organization_id=keep.id)
            )
        moved += 1
    _finish(session, keep, drop, changes, "organisation", drop.name, keep.name)
    return MergeResult(keep.id, drop.id, moved, binned)
