"""Writing a sync package: the manifest and the changes the receiving office has not yet seen.

What an office has seen is what it said in the manifest of its last package applied here (every
manifest carries the highest sequence number its office holds of every office). A package for
an office not heard from carries every change held here.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.sync import log, offices, package
from db.base import utcnow
from db.migrate import current_revision
from db.sync_schema import sync_change, sync_epoch, sync_office


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: Path
    source: str
    to: str | None
    changes: int
    by_office: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "source": self.source,
            "to": self.to,
            "changes": self.changes,
            "by_office": self.by_office,
        }


def their_view(connection: sa.Connection, code: str | None) -> dict[str, int]:
    """What office ``code`` has told us it has seen ({} when unknown)."""
    if code is None:
        return {}
    seen = connection.execute(
        sa.select(sync_office.c.seen).where(sync_office.c.code == code)
    ).scalar()
    return {str(k): int(v) for k, v in (seen or {}).items()}


def build_package(session: Session, to: str | None = None) -> dict[str, Any]:
    """The package document for office ``to`` (None: every change); stamps the log first."""
    connection = session.connection()
    log.stamp(connection)
    me = offices.this_office(connection)
    if to is not None:
        to = offices.clean_code(to)
    seen_there = their_view(connection, to)
    held = log.seen_vector(connection)
    c = sync_change.c
    wanted = sa.or_(
        *(
            sa.and_(c.office == office, c.seq > seen_there.get(office, 0))
            for office in held
            if held[office] > seen_there.get(office, 0)
        ),
        sa.false(),
    )
    rows = connection.execute(
        sa.select(c.office, c.seq, c.hlc, c.tbl, c.row_key, c.op, c.data, c.actor)
        .where(wanted)
        .order_by(c.hlc, c.office, c.seq)
    ).all()
    changes = [
        [office, seq, hlc, tbl, key, op, data, who]
        for office, seq, hlc, tbl, key, op, data, who in rows
    ]
    by_office: dict[str, int] = {}
    for change in changes:
        by_office[change[0]] = by_office.get(change[0], 0) + 1
    epochs = [
        [office, from_seq, seen]
        for office, from_seq, seen in connection.execute(
            sa.select(sync_epoch.c.office, sync_epoch.c.from_seq, sync_epoch.c.seen).where(
                sync_epoch.c.office.in_(list(by_office))
            )
        )
    ]
    return {
        "format": package.FORMAT,
        "schema": current_revision(connection),
        "source": me.code,
        "source_name": me.name,
        "to": to,
        "written_at": utcnow().isoformat(),
        "seen": held,
        "offices": offices.known_offices(connection),
        "counts": {"changes": len(changes), "by_office": by_office},
        "epochs": epochs,
        "changes": changes,
    }


def export_package(
    session: Session, path: Path, passphrase: str, to: str | None = None
) -> ExportResult:
    """Write the package for ``to`` to ``path``; the office's code is fixed from now on."""
    document = build_package(session, to)
    package.write_package(Path(path), document, passphrase)
    connection = session.connection()
    connection.execute(
        sa.update(sync_office).where(sync_office.c.is_self.is_(True)).values(exported_at=utcnow())
    )
    counts = document["counts"]
    return ExportResult(Path(path), document["source"], to, counts["changes"], counts["by_office"])
