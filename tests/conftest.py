"""Shared test set-up: offscreen Qt, private user folders, and fresh databases per test.

SQLite: one migrated template file per session, copied for each test (fast, and a real file).
PostgreSQL: a throwaway cluster started for the session (as the ``postgres`` user when running as
root), one migrated template database, and ``CREATE DATABASE … TEMPLATE`` per test. Without the
server binaries the PostgreSQL tests skip — unless ``CONVENE_REQUIRE_POSTGRES=1`` (set by
``.ci/run``), in which case they fail.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.dont_write_bytecode = False  # as main.py does: cached bytecode for the subprocesses too
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="convene-tests-"))
# Temporary files of this session (and of the programs it starts) go to a folder of its own: the
# tests that look for files left behind then see only theirs, also when pytest-xdist runs two
# sessions at once; it goes with the session home at the end.
(_SESSION_HOME / "tmp").mkdir(mode=0o700)
os.environ["TMPDIR"] = str(_SESSION_HOME / "tmp")
tempfile.tempdir = None
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_DATA_HOME"] = str(_SESSION_HOME / "data")
os.environ["XDG_STATE_HOME"] = str(_SESSION_HOME / "state")
os.environ["XDG_CONFIG_HOME"] = str(_SESSION_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(_SESSION_HOME / "cache")
os.environ["CONVENE_USER"] = "tester"
os.environ.pop("CONVENE_DB", None)

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from tests.pg_cluster import PostgresCluster, PostgresUnavailable  # noqa: E402

REQUIRE_POSTGRES = os.environ.get("CONVENE_REQUIRE_POSTGRES") == "1"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.database import prepare_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    database, _ = prepare_database(path)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def sqlite_path(tmp_path: Path, sqlite_template: Path) -> Path:
    """A migrated SQLite file of this test's own."""
    path = tmp_path / "convene.sqlite"
    shutil.copyfile(sqlite_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def sqlite_db(sqlite_path: Path) -> Iterator:
    from db.engine import open_database

    database = open_database(sqlite_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    try:
        cluster = PostgresCluster.start()
    except PostgresUnavailable as exc:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required here but could not start: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        from app.database import prepare_database

        cluster.create_database("convene_template")
        database, _ = prepare_database(cluster.url("convene_template"))
        database.dispose()
        yield cluster
    finally:
        cluster.stop()


_pg_names = itertools.count(1)


@pytest.fixture
def pg_url(pg_cluster: PostgresCluster) -> Iterator[str]:
    """A migrated PostgreSQL database of this test's own."""
    name = f"t{os.getpid()}_{next(_pg_names)}"
    pg_cluster.create_database(name, template="convene_template")
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator:
    from db.engine import open_database

    database = open_database(pg_url)
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Iterator:
    """The same test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_db")
    else:
        yield request.getfixturevalue("pg_db")


@pytest.fixture
def demo_db(sqlite_db):  # type: ignore[no-untyped-def]
    """A SQLite database holding the sample data."""
    from app.sample_data import load_demo

    with sqlite_db.session_scope() as session:
        load_demo(session)
    return sqlite_db


def table_count(database, table: str) -> int:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        return connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The GUI's settings, in a file of this test's own."""
    from PySide6.QtCore import QSettings

    from ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, demo_db, settings):  # type: ignore[no-untyped-def]
    """The main window on the sample data, shown."""
    from ui.main_window import MainWindow

    main = MainWindow(demo_db, settings)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def demo_copy(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A database file with the sample data, made by the command line once per session and
    copied for each test."""
    from tests.cli_runner import convene

    template = tmp_path_factory.getbasetemp() / "cli-demo.sqlite"
    if not template.exists():
        assert convene("demo", db=template).code == 0
        convene("init", db=template)
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(template, path)
    return path


@pytest.fixture(scope="session", autouse=True)
def _one_qt_application(qapp):  # type: ignore[no-untyped-def]
    """One QApplication for the whole session, made before any test runs: a test that renders
    a report first would otherwise make a bare QGuiApplication (``ensure_gui_application``),
    and the next test that opens a window would abort the process."""
    return qapp


class _ModalWatchdog:
    """A dialog nobody answers would hold its test — and the whole run — for ever (a modal
    ``exec()`` waits for a person). Every second of any event loop this looks at the modal
    widget; one left open for ``LIMIT`` seconds is closed and its test fails, naming it."""

    LIMIT = 30.0

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.open: tuple[object, float] | None = None
        self.stuck: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        import time

        from PySide6.QtWidgets import QApplication

        widget = QApplication.activeModalWidget()
        now = time.monotonic()
        if widget is None or self.open is None or self.open[0] is not widget:
            self.open = None if widget is None else (widget, now)
            return
        if now - self.open[1] >= self.LIMIT:
            text = getattr(widget, "text", lambda: "")()
            self.stuck.append(f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}")
            self.open = None
            widget.close()


@pytest.fixture(scope="session")
def _modal_watchdog(_one_qt_application) -> _ModalWatchdog:  # type: ignore[no-untyped-def]
    return _ModalWatchdog()


@pytest.fixture(autouse=True)
def _no_dialog_left_waiting(_modal_watchdog: _ModalWatchdog) -> Iterator[None]:
    _modal_watchdog.stuck.clear()
    yield
    if _modal_watchdog.stuck:
        pytest.fail(f"a dialog waited for an answer nobody gave: {_modal_watchdog.stuck}")
