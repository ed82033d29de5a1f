"""The core (db/, app/) never depends on the interface: no ui/ imports, no QtWidgets."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_core_modules_import_no_ui_and_no_widgets() -> None:
    offenders = {}
    for package in ("app", "db"):
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = {
                name
                for name in _imports(path)
                if name == "ui" or name.startswith("ui.") or "QtWidgets" in name
            }
            if package == "db":
                bad |= {n for n in _imports(path) if n == "app" or n.startswith("app.")}
            if bad:
                offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_importing_every_core_module_loads_no_widgets() -> None:
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for package in ("app", "db")
        for p in sorted((ROOT / package).rglob("*.py"))
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m == 'ui' or m.startswith('ui.') or 'QtWidgets' in m))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
