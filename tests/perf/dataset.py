"""The benchmark databases: generated once per size by ``tests.perf.generate`` and kept in the
user cache folder (``~/.cache/Convene/perf`` on Linux, or ``CONVENE_PERF_CACHE``), so every
benchmark of a run, and the next run, reads the same file.

A cached file is used only while the generator, the migrations and the sizes are the ones it was
built with (their digest is in its name). ``CONVENE_PERF_REBUILD=1`` builds it again anyway.
Benchmarks must only read it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import platformdirs

from tests.perf import generate

FULL = (200_000, 1_000_000)  # people, participations: the sizes issue 6 names
QUICK = (20_000, 100_000)


def _sources() -> list[Path]:
    """The files whose contents decide what a generated database holds."""
    here = Path(generate.__file__)
    migrations = Path(__file__).resolve().parents[2] / "migrations" / "versions"
    return [*sorted(here.parent.glob("synthetic_*.py")), here, *sorted(migrations.glob("*.py"))]


@dataclasses.dataclass(frozen=True)
class Dataset:
    """A generated benchmark database and how long generating it took."""

    path: Path
    people: int
    participations: int
    build_seconds: float
    built_on: str  # the date it was generated
    built_now: bool  # generated in this run (else taken from the cache)


def cache_folder() -> Path:
    configured = os.environ.get("CONVENE_PERF_CACHE")
    if configured:
        return Path(configured)
    return platformdirs.user_cache_path("Convene", appauthor=False) / "perf"


def _digest() -> str:
    digest = hashlib.sha256()
    for path in _sources():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def benchmark_database(quick: bool) -> Dataset:
    """The database of the benchmark size (``quick``: a tenth of it), generating it if needed."""
    people, participations = QUICK if quick else FULL
    folder = cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"convene-{people}-{participations}-{_digest()}.sqlite"
    notes = path.with_suffix(".json")
    if path.exists() and notes.exists() and os.environ.get("CONVENE_PERF_REBUILD") != "1":
        saved = json.loads(notes.read_text())
        return Dataset(path, people, participations, saved["seconds"], saved["built_on"], False)
    partial = path.with_suffix(".partial")
    for leftover in (path, notes, *folder.glob(f"{partial.name}*")):
        leftover.unlink(missing_ok=True)
    counts = generate.generate(partial, people=people, participations=participations)
    partial.rename(path)
    for leftover in folder.glob(f"{partial.name}-*"):  # an emptied -wal or -shm
        leftover.unlink()
    built_on = dt.date.today().isoformat()
    notes.write_text(json.dumps({"seconds": counts.seconds, "built_on": built_on}))
    return Dataset(path, people, participations, counts.seconds, built_on, True)
