"""Run every benchmark and print one table: ``uv run python -m tests.perf [--quick] [NAME …]``.

Exits 1 when any target is missed."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from pathlib import Path

from tests.perf.common import Measurement, table


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the runner")
    parser.add_argument("names", nargs="*", help="benchmark modules to run (default: all)")
    args = parser.parse_args()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen: paint off-screen
    folder = Path(__file__).parent
    names = args.names or sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )
    results: list[Measurement] = []
    for name in names:
        module = importlib.import_module(f"tests.perf.{name.removesuffix('.py')}")
        print(f"== {name}", file=sys.stderr, flush=True)
        results.extend(module.run(quick=args.quick))
    print(table(results))
    return 0 if all(m.passed for m in results) else 1


if __name__ == "__main__":
    sys.exit(main())
