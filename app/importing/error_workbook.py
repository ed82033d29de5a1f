"""The rows a coordinator has to fix, as a workbook: each skipped or problem row with its cells
as they were, the row it came from, and a column saying what is wrong. The list's own columns
keep their places, so the fixed rows can be imported again as they are. Every text is written as
text, never as a formula or an error value (``=HYPERLINK(…)`` in a list stays those characters),
so fixing a row and importing it again gives back what the list said.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.exports.workbook import put_cell
from app.importing.planning import ImportPlan
from app.output_files import atomic_output

_PROBLEM_FILL = PatternFill("solid", start_color="FDE7E7")
_HEADER_FONT = Font(bold=True)


def _cell(value: Any) -> Any:
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value


def write_error_workbook(plan: ImportPlan, path: str | Path) -> int:
    """Write the skipped and problem rows of ``plan`` to ``path`` (xlsx); returns how many."""
    understood = plan.understood
    headers = [c.header or c.letter for c in understood.columns]
    book = Workbook()
    sheet = book.active
    sheet.title = "To fix"
    for column, header in enumerate([*headers, "Row in the list", "What is wrong"], start=1):
        put_cell(sheet, 1, column, header).font = _HEADER_FONT
    problem_column = len(headers) + 2
    rows = plan.problem_rows()
    for row, planned in enumerate(rows, start=2):
        cells = list(planned.listed.cells) + [None] * (len(headers) - len(planned.listed.cells))
        values = [*(_cell(v) for v in cells[: len(headers)]), planned.row, planned.problem_text()]
        for column, value in enumerate(values, start=1):
            put_cell(sheet, row, column, value)
        problem = sheet.cell(row=row, column=problem_column)
        problem.fill = _PROBLEM_FILL
        problem.alignment = Alignment(wrap_text=True, vertical="top")
    for index, header in enumerate(headers, start=1):
        longest = max(
            [len(str(header))]
            + [len(str(planned.listed.cells[index - 1] or "")) for planned in rows
               if index - 1 < len(planned.listed.cells)]
        )  # fmt: skip
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 6), 40)
    sheet.column_dimensions[get_column_letter(problem_column - 1)].width = 10
    sheet.column_dimensions[get_column_letter(problem_column)].width = 70
    sheet.freeze_panes = "A2"
    book.properties.title = f"Rows to fix from {understood.workbook.path.name}"
    with atomic_output(Path(path)) as temporary:
        book.save(str(temporary))
    return len(rows)
