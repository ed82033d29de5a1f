"""Reading the tables of a Microsoft Access database (.mdb, .accdb) like a workbook's sheets.

``access-parser`` reads the Jet and ACE file formats in pure Python, on Windows and Linux alike
(chosen: it reads the real Access files of ``../shared/samples/access/`` here, Northwind's
``Employees`` with its accented and memo columns among them; the other pure-Python reader,
``access-parser-c``, is its older fork). It runs in the reading child process
(``calamine_child``, kind ``access``), with the spreadsheet reader's memory and time limits and
its size limits: each table it can read is sent as a sheet whose first row holds the column names, in the
table's own column order, dates as dates, pictures and other binary values left out. The
system tables (``MSys…``) are not offered. A file that is not a whole, readable database —
cut short, damaged, or encrypted with a database password (its pages are then unreadable
without it) — is refused as ``damaged``, and the message says all three.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
from collections.abc import Callable
from typing import Any

# "\x00\x01\x00\x00Standard Jet DB" (Access 97–2003) or "…Standard ACE DB" (2007 and later)
ACCESS_MAGICS = (b"\x00\x01\x00\x00Standard Jet DB", b"\x00\x01\x00\x00Standard ACE DB")
_SYSTEM_PREFIXES = ("MSys", "~", "f_")
_DATE_TYPE = 8  # access_parser.utils.TYPE_DATETIME


def is_access_file(head: bytes) -> bool:
    """Does a file starting with ``head`` (its first 20 bytes or more) hold an Access database?"""
    return head.startswith(ACCESS_MAGICS)


def _cell(value: Any, is_date: bool) -> Any:
    if isinstance(value, bytes | bytearray):
        return None  # a picture or an OLE object: nothing a list can hold
    if isinstance(value, str):
        if is_date and value:
            with contextlib.suppress(ValueError):
                moment = dt.datetime.fromisoformat(value)
                return moment.date() if moment.time() == dt.time() else moment
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def send_tables(
    path: str,
    send: Callable[[tuple[Any, ...]], None],
    max_cells: int,
    max_rows: int,
    chunk_rows: int,
) -> None:
    """Send every user table of the database as a sheet (see ``calamine_child``'s messages),
    or a refusal; the reader's complaints go to its log, never to stdout."""
    logging.getLogger("access_parser").setLevel(logging.CRITICAL)
    from access_parser import AccessParser

    with open(path, "rb") as handle:
        head = handle.read(0x300)
    page_size = 2048 if head[0x14] == 0 else 4096  # Jet 3 (Access 97) pages are smaller
    size = os.path.getsize(path)
    if not is_access_file(head) or size % page_size or size < 2 * page_size:
        send(("damaged",))  # a database is whole pages: this one was cut short
        return
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            database = AccessParser(path)
            names = [n for n in database.catalog if not n.startswith(_SYSTEM_PREFIXES)]
            tables = []
            for name in names:
                table = database.get_table(name)
                if table is None or not getattr(table, "columns", None):
                    raise ValueError(f"table {name} cannot be read")
                tables.append((name, table))
    except MemoryError:
        send(("memory",))
        return
    except Exception:  # a truncated or scrambled file fails anywhere inside the parser
        send(("damaged",))
        return
    sent = 0
    for name, table in tables:
        columns = [table.columns[i] for i in sorted(table.columns)]
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                parsed = table.parse()
        except MemoryError:
            send(("memory",))
            return
        except Exception:  # a value the reader cannot read (Northwind's "Umsätze" has one)
            continue  # the table is not offered; the others are
        sent += 1
        headers = [c.col_name_str for c in columns]
        dates = [c.type == _DATE_TYPE for c in columns]
        values = [parsed.get(h) or [] for h in headers]
        height = max((len(v) for v in values), default=0)
        if (height + 1) * len(headers) > max_cells or height + 1 > max_rows:
            send(("too_large", name, height + 1, len(headers)))
            return
        send(("sheet", name, [], False))
        chunk: list[list[Any]] = [list(headers)]
        for index in range(height):
            chunk.append(
                [
                    _cell(column[index] if index < len(column) else None, is_date)
                    for column, is_date in zip(values, dates, strict=True)
                ]
            )
            if len(chunk) == chunk_rows:
                send(("rows", chunk))
                chunk = []
        if chunk:
            send(("rows", chunk))
    send(("end",) if sent else ("damaged",))
