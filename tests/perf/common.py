"""What every benchmark reports, and how it is timed and printed."""

from __future__ import annotations

import dataclasses
import gc
import statistics
import time
from collections.abc import Callable, Iterable


@dataclasses.dataclass(frozen=True)
class Measurement:
    """One scenario: its time, the floor measured in the same run, and the target.

    ``max_ratio`` targets compare with the floor; ``max_seconds`` targets are absolute.
    """

    scenario: str
    seconds: float
    floor_seconds: float | None = None
    floor: str = ""
    max_ratio: float | None = None
    max_seconds: float | None = None
    unit: str = "s"  # how to show the time: "s", "ms" or "MB" (then 'seconds' holds megabytes)

    @property
    def ratio(self) -> float | None:
        if self.floor_seconds in (None, 0):
            return None
        return self.seconds / self.floor_seconds

    @property
    def passed(self) -> bool:
        ok = True
        if self.max_ratio is not None:
            ok = ok and self.ratio is not None and self.ratio <= self.max_ratio
        if self.max_seconds is not None:
            ok = ok and self.seconds <= self.max_seconds
        return ok

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"ratio ≤ {self.max_ratio:g}")
        if self.max_seconds is not None:
            parts.append(f"≤ {_show(self.max_seconds, self.unit)}")
        return ", ".join(parts)


def _show(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.3f} s"


def best_of(function: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs, in seconds (garbage collection off while timing)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            function()
            times.append(time.perf_counter() - started)
        finally:
            gc.enable()
    return min(times)


def median_of(function: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def table(measurements: Iterable[Measurement]) -> str:
    rows = [("scenario", "time", "floor", "ratio", "target", "result")]
    for m in measurements:
        floor = _show(m.floor_seconds, m.unit) if m.floor_seconds is not None else "—"
        if m.floor:
            floor = f"{floor} ({m.floor})"
        ratio = f"{m.ratio:.2f}" if m.ratio is not None else "—"
        rows.append(
            (
                m.scenario,
                _show(m.seconds, m.unit),
                floor,
                ratio,
                m.target,
                ("pass" if m.passed else "FAIL") if m.target else "—",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
