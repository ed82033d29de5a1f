"""A restore in an office that exchanges packages: what has travelled stays.

A backup is older than the office's change log. Putting only the backup's rows back would
- take the office's sequence back: its next changes would get numbers that other offices already
  hold for other changes, and they would skip them as seen — lost there, without a word;
- give a backup made before offices existed a new generated code, so that the office's own
  changes would no longer be its own.

So a restore keeps from the database it replaces the office's code and name when the backup
never had an office of its own (a generated code, nothing numbered), and every change this office
had already numbered for others beyond what the backup holds: they go back into the change log and
are applied to the restored records, as a package of this office would be. What the office had
numbered may have travelled; a restore cannot call it back from other offices, and would be undone
by their next package anyway. Changes never numbered (no package written or applied since) never
left this database: the restore takes them back, as asked. What other offices sent after the
backup comes again with their next package, since this office now tells them it has not seen it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.i18n import tr_n
from app.sync.applying import ApplyResult, apply_changes
from app.sync.clocks import Change
from app.sync.offices import set_this_office
from db.backup import RestoreResult, restore_database
from db.engine import Database
from db.sync_schema import sync_change, sync_epoch, sync_office


@dataclasses.dataclass
class OfficeRestore:
    result: RestoreResult
    kept_changes: int = 0

    def kept_sentence(self) -> str:
        return tr_n(
            "%n change(s) this office had already numbered for other offices after the backup"
            " were kept: they may have travelled, and a restore cannot call them back.",
            self.kept_changes,
        )


def _self_row(connection: sa.Connection) -> Any:
    return connection.execute(sa.select(sync_office).where(sync_office.c.is_self.is_(True))).one()


def _own_changes_after(
    replaced: sa.Connection, code: str, held: int
) -> tuple[list[Change], list[list[Any]]]:
    c = sync_change.c
    rows = replaced.execute(
        sa.select(c.office, c.seq, c.hlc, c.tbl, c.row_key, c.op, c.data, c.actor)
        .where(c.office == code, c.seq > held)
        .order_by(c.seq)
    ).all()
    epochs = replaced.execute(
        sa.select(sync_epoch.c.office, sync_epoch.c.from_seq, sync_epoch.c.seen).where(
            sync_epoch.c.office == code
        )
    ).all()
    return [Change(*row) for row in rows], [list(e) for e in epochs]


def restore_office(database: Database, source: Path) -> OfficeRestore:
    """Restore ``database`` from the backup at ``source`` (``db.backup.restore_database``),
    keeping what this office has numbered for others (see the module docs); one transaction."""
    kept = OfficeRestore(result=None)  # type: ignore[arg-type] # set below

    def keep(
        replaced: sa.Connection, backup: sa.Connection
    ) -> Callable[[sa.Connection], None] | None:
        mine, theirs = _self_row(replaced), _self_row(backup)
        adopt = (
            theirs.code != mine.code
            and not theirs.chosen
            and theirs.next_seq == 1
            and theirs.exported_at is None
            and theirs.received_at is None
        )
        if theirs.code != mine.code and not adopt:
            return None  # a backup of another office is restored as that office
        held = backup.execute(
            sa.select(sa.func.max(sync_change.c.seq)).where(sync_change.c.office == mine.code)
        ).scalar()
        changes, epochs = _own_changes_after(replaced, mine.code, int(held or 0))

        def finish(sink: sa.Connection) -> None:
            if adopt:
                set_this_office(sink, mine.code, mine.name)
                sink.execute(
                    sa.update(sync_office)
                    .where(sync_office.c.code == mine.code)
                    .values(chosen=mine.chosen)
                )
            if changes:
                result = ApplyResult(source=mine.code)
                apply_changes(sink, changes, epochs, result, str(source))
                kept.kept_changes = result.applied
            restored = _self_row(sink)
            sink.execute(
                sa.update(sync_office)
                .where(sync_office.c.code == mine.code)
                .values(
                    next_seq=max(restored.next_seq, mine.next_seq),
                    hlc=max(restored.hlc, mine.hlc),
                    # packages have travelled with the code since: it stays fixed
                    exported_at=mine.exported_at or restored.exported_at,
                    received_at=mine.received_at or restored.received_at,
                )
            )

        return finish

    kept.result = restore_database(database, source, keep)
    return kept
