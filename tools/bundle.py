"""Build Convene as a one-folder application for laptops without Python (PyInstaller).

    uv run python -m tools.bundle [--dist DIR] [--work DIR]

The folder ``DIR/Convene`` holds the program (``Convene``, ``Convene.exe`` on Windows) and
everything it needs: Python, Qt with its platform plugins and translations, the migrations and
the resources (column synonyms, sample data, …). No development tool goes in (pytest,
hypothesis, ruff, PyInstaller itself). Build on the system the bundle is for: a Windows bundle
is built on Windows (see the README), a Linux one on Linux.

The bundled program is also the interpreter that runs the spreadsheet reader in its isolated
child process: ``main.py`` runs ``Convene -m MODULE …`` as Python's ``-m`` would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "Convene"
# Packages the code imports lazily (inside functions), which PyInstaller's static analysis
# would miss: every module of the application's own packages goes in.
OWN_PACKAGES = ("app", "db", "ui")
DATA = ("resources", "migrations", "alembic.ini")
# Imported only by the migrations (data files run by Alembic) or by name at run time.
HIDDEN = ("logging.config", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql")
# Libraries that read files of their own (iuliia's schemes, pycountry's ISO tables and
# their translations), and Alembic's operation modules.
WITH_DATA = ("iuliia", "pycountry")
NOT_SHIPPED = ("pytest", "_pytest", "hypothesis", "pytestqt", "ruff", "PyInstaller", "pypdf",
               "tkinter", "IPython")  # fmt: skip


def pyinstaller_arguments(dist: Path, work: Path) -> list[str]:
    separator = os.pathsep  # PyInstaller's SOURCE:DEST (";" on Windows)
    arguments = [
        str(ROOT / "main.py"),
        "--name", NAME,
        "--onedir",
        "--noconfirm",
        "--clean",
        "--log-level", "WARN",
        "--distpath", str(dist),
        "--workpath", str(work),
        "--specpath", str(work),
        "--paths", str(ROOT),
    ]  # fmt: skip
    for package in OWN_PACKAGES:
        arguments += ["--collect-submodules", package]
    for module in HIDDEN:
        arguments += ["--hidden-import", module]
    for package in WITH_DATA:
        arguments += ["--collect-data", package]
    arguments += ["--collect-submodules", "alembic.ddl", "--collect-submodules", "psycopg"]
    for item in DATA:
        arguments += ["--add-data", f"{ROOT / item}{separator}{item}"]
    for module in NOT_SHIPPED:
        arguments += ["--exclude-module", module]
    return arguments


def build(dist: Path, work: Path) -> Path:
    """Build the bundle; return the path of its program."""
    import PyInstaller.__main__

    PyInstaller.__main__.run(pyinstaller_arguments(dist, work))
    program = dist / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    if not program.exists():
        raise SystemExit(f"PyInstaller wrote no {program}")
    return program


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args(argv)
    started = time.monotonic()
    program = build(args.dist.resolve(), args.work.resolve())
    shutil.rmtree(args.work, ignore_errors=True)
    size = folder_size(program.parent) / 1e6
    print(f"Built {program} ({size:.0f} MB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
