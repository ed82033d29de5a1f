"""The import as the command line and the wizard use it: open a list (remembering how lists of
the same layout were mapped before), plan it against an event, and commit it in one transaction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.errors import ConveneError
from app.importing.committing import ImportResult, commit_plan
from app.importing.mapping import MappingError
from app.importing.planning import ImportPlan, make_plan
from app.importing.reading import read_workbook
from app.importing.understanding import UnderstoodList, understand
from app.progress import Progress, no_progress
from app.services.events import find_event
from db.engine import Database
from db.models import Event, ImportBatch

REMEMBERED_BATCHES = 500


class ImportRefused(ConveneError):
    """A strict import found problems; nothing was written. ``plan`` shows them."""

    def __init__(self, message: str, plan: ImportPlan) -> None:
        super().__init__(message)
        self.plan = plan


@dataclasses.dataclass
class ImportOutcome:
    """The plan that was carried out (or only shown, for a dry run) and what it wrote."""

    plan: ImportPlan
    result: ImportResult | None  # None for a dry run

    def summary(self, *, streamed: bool = False) -> dict[str, Any]:
        """The ``import --json`` document of DESIGN.md (``streamed``: its problems one after
        the other, for ``print_json``)."""
        understood = self.plan.understood
        counts = self.plan.counts()
        return {
            "file": str(understood.workbook.path),
            "sheet": understood.sheet.name,
            "header_row": understood.header_row,
            "mapping": understood.mapping,
            "rows_read": counts["rows_read"],
            "people_created": counts["people_created"],
            "people_matched": counts["people_matched"],
            "added_to_event": counts["added_to_event"],
            "already_in_event": counts["already_in_event"],
            "ignored": counts["ignored"],
            "skipped": self.plan.skipped(),
            "problems": self.plan.problems(streamed=streamed),
            "dry_run": self.result is None,
        }


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector paused while a list is read, planned or written: those steps
    make hundreds of thousands of small objects (cells, rows, parameters) that live until
    the step ends, and the collector kept walking them all (measured: 10-20 % of reading and
    understanding a 50,000-row list, more while writing it). Memory is still freed by
    reference counting; the collector runs again as soon as the step ends.

    What the step made and still holds (the rows, the plan, a million objects for a long
    list) is then put in the collector's oldest generation at once (``gc.freeze`` and
    ``gc.unfreeze``): otherwise the young generations' passes that follow walk it all, twice
    (measured: 0.25 s of a 50,000-row import). Cycles the step left behind (SQLAlchemy's
    statements, about 10 MB after importing 50,000 rows) are freed by the next full
    collection instead of the next young one."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def remembered_layouts(session: Session) -> dict[str, dict[str, str | None]]:
    """Header layout signature → the columns' fields, from the latest import of each layout."""
    layouts: dict[str, dict[str, str | None]] = {}
    rows = session.scalars(
        sa.select(ImportBatch.mapping)
        .where(ImportBatch.deleted_at.is_(None))
        .order_by(ImportBatch.created_at.desc())
        .limit(REMEMBERED_BATCHES)
    )
    for mapping in rows:
        if isinstance(mapping, dict) and mapping.get("signature"):
            layouts.setdefault(mapping["signature"], dict(mapping.get("fields_by_letter") or {}))
    return layouts


def open_list(
    database: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    overrides: Mapping[str, str | None] | None = None,
) -> UnderstoodList:
    """Read and understand a list; raises UnreadableFile or MappingError with one sentence."""
    with database.session_scope(readonly=True) as session:
        remembered = remembered_layouts(session)
    with cycle_collection_paused():
        workbook = read_workbook(path)
        understood = understand(
            workbook, sheet, header_row=header_row, overrides=overrides, remembered=remembered
        )
    if not any(row.kind in ("person", "unusable") for row in understood.rows):
        raise MappingError(
            f"Nobody is listed below the headers in row {understood.header_row} of sheet"
            f" '{understood.sheet.name}'; there is nothing to import."
        )
    return understood


def plan_import(
    database: Database,
    understood: UnderstoodList,
    event_ref: str | uuid.UUID,
    resolutions: dict[int, uuid.UUID | str] | None = None,
) -> ImportPlan:
    """What importing would do, read in a read-only transaction."""
    with cycle_collection_paused(), database.session_scope(readonly=True) as session:
        return make_plan(session, understood, _event(session, event_ref), resolutions)


def import_list(
    database: Database,
    understood: UnderstoodList,
    event_ref: str | uuid.UUID,
    *,
    resolutions: dict[int, uuid.UUID | str] | None = None,
    strict: bool = False,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportOutcome:
    """Plan and (unless ``dry_run``) write the import in one transaction. The plan is made
    again inside the write transaction, so it reflects the database as it is at that moment."""
    if dry_run:
        plan = plan_import(database, understood, event_ref, resolutions)
        if strict:
            refuse_if_problems(plan)
        return ImportOutcome(plan, None)
    with cycle_collection_paused(), database.session_scope() as session:
        event = _event(session, event_ref)
        plan = make_plan(session, understood, event, resolutions, describe_later=not strict)
        if strict:
            refuse_if_problems(plan)
        result = commit_plan(session, plan, progress)  # (it describes the plan meanwhile)
    plan.describe()
    return ImportOutcome(plan, result)


def refuse_if_problems(plan: ImportPlan) -> None:
    problems = plan.problem_rows()
    if not problems:
        return
    first = "; ".join(f"row {r.row}: {r.problem_text()}" for r in problems[:3])
    more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
    raise ImportRefused(
        f"{len(problems)} rows have problems ({first}{more}); nothing was imported"
        " because of --strict.",
        plan,
    )


def _event(session: Session, event_ref: str | uuid.UUID) -> Event:
    if isinstance(event_ref, uuid.UUID):
        event_ref = str(event_ref)
    return find_event(session, event_ref)
