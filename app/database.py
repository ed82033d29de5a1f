"""Opening the database the way the app and the CLI both need it: connected, at the current
schema (with a safety copy first when it had to be upgraded), reference tags in place."""

from __future__ import annotations

import os
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from app.services import records
from db import server_roles
from db.engine import Database, open_database
from db.enums import AuditAction
from db.migrate import UpgradeResult, upgrade_database
from db.models import FieldOfWork
from db.rights import FULL_RIGHTS, AccountRights

_FIELDS_OF_WORK = uuid.UUID("6f1d7c1e-2b0e-4c55-9a59-0a0b3c7e5f11")


def field_of_work_id(code: str) -> uuid.UUID:
    """The same id for a field of work in every database (offices exchange packages)."""
    return uuid.uuid5(_FIELDS_OF_WORK, code)


def sync_fields_of_work(session: Session) -> int:
    """Add (or rename) the OSCE fields of work in the database; returns how many changed."""
    present = {f.code: f for f in session.scalars(sa.select(FieldOfWork))}
    changed = 0
    for ref in reference.FIELDS_OF_WORK:
        row = present.get(ref.code)
        if row is None:
            row = FieldOfWork(
                id=field_of_work_id(ref.code),
                code=ref.code,
                name_en=ref.name_en,
                name_ru=ref.name_ru,
            )
            session.add(row)
            session.flush()
            records.record_audit(
                session,
                AuditAction.CREATE,
                row,
                {"code": (None, ref.code), "name_en": (None, ref.name_en)},
                "reference data",
            )
            changed += 1
        elif (row.name_en, row.name_ru) != (ref.name_en, ref.name_ru):
            records.record_audit(
                session,
                AuditAction.UPDATE,
                row,
                {"name_en": (row.name_en, ref.name_en), "name_ru": (row.name_ru, ref.name_ru)},
                "reference data",
            )
            row.name_en, row.name_ru = ref.name_en, ref.name_ru
            changed += 1
    return changed


def prepare_database(
    location: str | os.PathLike[str] | None = None, *, create: bool = True
) -> tuple[Database, UpgradeResult]:
    """Connect, upgrade the schema if needed, and put the reference tags in place. With
    ``create=False`` a missing SQLite file is refused (NoDatabaseError), not made."""
    database = open_database(location, create=create)
    try:
        result = upgrade_database(database)
        with database.session_scope() as session:
            sync_fields_of_work(session)
    except BaseException:
        database.dispose()
        raise
    return database, result


def account_rights(database: Database) -> AccountRights:
    """What the connected account may do (on a shared server, as its roles allow): asked once
    when the database is opened, so that the window can disable what would be refused."""
    if not database.is_postgresql:
        return FULL_RIGHTS
    with database.engine.connect() as connection:
        return server_roles.account_rights(connection)
