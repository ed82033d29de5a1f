"""The schema revisions, read from the revision files without importing Alembic or SQLAlchemy,
so that starting on an up-to-date database costs neither (see ``db.migrate`` and the quick first
page of ``ui.first_page``)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

_REVISION_LINE = re.compile(r'^(down_revision|revision)\b[^=]*=\s*["\']([^"\']+)["\']', re.M)


@functools.cache
def newest_revision() -> str | None:
    """The head revision read straight from the revision files (one linear history), without
    importing Alembic; None if the files do not form a single line (then Alembic decides)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(path.read_text("utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
