"""The one-folder bundle for laptops without Python (``tools.bundle``, PyInstaller): built here,
then run from a folder outside the repository with no Python environment on the path, as a
field office would run it: init, demo, an import (which runs the isolated spreadsheet reader as
a child of the bundled program), an event summary as PDF, and the window for five seconds."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import openpyxl
import pytest

from tools.bundle import NAME, build, folder_size

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    """The bundled program, in a temporary folder removed afterwards (it is ~300 MB)."""
    folder = Path(tempfile.mkdtemp(prefix="convene-bundle-"))
    try:
        started = time.monotonic()
        program = build(folder / "dist", folder / "work")
        shutil.rmtree(folder / "work")
        print(
            f"\nbundle: {folder_size(program.parent) / 1e6:.0f} MB,"
            f" built in {time.monotonic() - started:.0f} s"
        )
        yield program
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(program: Path, where: Path, *args: str, timeout: float = 180, **extra: str):  # type: ignore[no-untyped-def]
    home = where / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}
    return subprocess.run(
        [str(program), *args], cwd=where, env=env, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip


def test_the_bundle_runs_without_the_project_or_its_environment(bundle, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert not (bundle.parent / "_internal" / "pytest").exists()
    assert not (bundle.parent / "_internal" / "PyInstaller").exists()
    db = "office.sqlite"
    init = _run(bundle, tmp_path, "--db", db, "init")
    assert init.returncode == 0, init.stderr
    demo = _run(bundle, tmp_path, "--db", db, "demo")
    assert demo.returncode == 0 and "11 events" in demo.stdout, demo.stderr

    book = openpyxl.Workbook()
    book.active.append(["ФИО", "Пол", "Гражданство", "Должность"])
    book.active.append(["Атаев Сергей Петрович", "м", "Туркменистан", "инспектор"])
    book.active.append(["Нурланова Алия", "ж", "Казахстан", "эксперт"])
    book.save(tmp_path / "list.xlsx")
    imported = _run(bundle, tmp_path, "--db", db, "import", "list.xlsx", "--event", "2025-001")
    assert imported.returncode == 0, imported.stderr
    assert "2 new" in imported.stdout or "2 added" in imported.stdout, imported.stdout

    report = _run(bundle, tmp_path, "--db", db, "report", "event", "2022-001", "-o", "s.pdf")
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    fonts = subprocess.run(["pdffonts", "s.pdf"], cwd=tmp_path, capture_output=True, text=True)
    used = {line.split()[0] for line in fonts.stdout.splitlines()[2:]}
    assert used == {"ConveneReports", "ConveneReports-Bold"}, fonts.stdout  # resources/fonts

    window = subprocess.Popen(
        [str(bundle), "--db", db], cwd=tmp_path,
        env={"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
             "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        time.sleep(5)
        assert window.poll() is None, window.communicate()
    finally:
        window.terminate()
        _out, err = window.communicate(timeout=30)
    assert "Traceback" not in err
    assert NAME in bundle.name
