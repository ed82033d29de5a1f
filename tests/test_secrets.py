"""Passwords of shared servers never reach settings, logs or messages; settings and logs are
owner-only; a password the server asks for comes from libpq's places, the keyring, or the user.

The application is started as a real process with a URL holding a password (GUI and CLI), and
its private home is searched byte by byte afterwards; a real PostgreSQL role with a password
(scram) checks the keyring and the password dialog."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backend
import pytest
from PySide6.QtWidgets import QMessageBox

from db.secrets import redact, without_password

ROOT = Path(__file__).resolve().parent.parent
SECRET = "Sup3rSecretPw"
UNREACHABLE = f"postgresql+psycopg://convene:{SECRET}@127.0.0.1:1/convene"


@pytest.mark.parametrize(
    "text",
    [
        f"could not open {UNREACHABLE}",
        f"postgresql://u:{SECRET}@db.example.org:5432/x?sslmode=require",
        f"host=db user=u password={SECRET} dbname=x",
        f"host=db password='{SECRET} with spaces' dbname=x",
        f"postgresql://u@db/x?sslmode=require&password={SECRET}",
        f"postgres://u:{SECRET}@[::1]/x",
    ],
)
def test_redact_hides_every_form_of_password(text: str) -> None:
    assert SECRET not in redact(text)
    assert SECRET not in without_password(text)


def test_without_password_keeps_the_rest_of_the_location() -> None:
    assert without_password(UNREACHABLE) == "postgresql+psycopg://convene@127.0.0.1:1/convene"
    assert (
        without_password("postgresql://u:p@h/db?password=q&sslmode=require")
        == "postgresql://u@h/db?sslmode=require"
    )
    assert without_password("/office/office#1.sqlite") == "/office/office#1.sqlite"


def _private_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONVENE_DB"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _assert_nothing_holds_the_password(home: Path) -> list[Path]:
    files = [p for p in home.rglob("*") if p.is_file()]
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), f"the password is in {path}"
    return files


def _assert_owner_only(files: list[Path]) -> None:
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, f"{path} is readable by others"


def test_gui_started_with_a_password_url_writes_it_nowhere(tmp_path: Path) -> None:
    """The GUI, given an unreachable server's URL with a password, fails to open it (a
    dialog, which waits) and is stopped; nothing it wrote holds the password."""
    home = tmp_path / "home"
    home.mkdir()
    process = subprocess.Popen(
        [sys.executable, "main.py", "--db", UNREACHABLE],
        cwd=ROOT,
        env=_private_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    log = home / ".local/state/Convene/log/convene.log"
    try:
        for _ in range(200):  # the failure is logged before the dialog shows
            if log.exists() and "could not open" in log.read_text(errors="replace"):
                break
            try:
                process.wait(0.1)
                break
            except subprocess.TimeoutExpired:
                pass
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert SECRET.encode() not in stderr
    assert "could not open postgresql+psycopg://convene:***@127.0.0.1:1/convene" in log.read_text()
    files = _assert_nothing_holds_the_password(home)
    _assert_owner_only(files)


def test_cli_with_a_password_url_says_one_line_without_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [sys.executable, "main.py", "--db", UNREACHABLE, "events", "list"],
        cwd=ROOT,
        env=_private_env(home),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert SECRET not in result.stderr + result.stdout
    files = _assert_nothing_holds_the_password(home)
    assert files, "the failure went to the log file"
    _assert_owner_only(files)


def test_settings_and_log_of_older_versions_are_made_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    config = home / ".config/Convene/Convene.conf"
    log = home / ".local/state/Convene/log/convene.log"
    for path in (config, log, log.with_name("convene.log.1")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("[database]\nlast=/x.sqlite\n")
        path.chmod(0o644)
    code = (
        "from app.logs import setup_logging; setup_logging();"
        "from PySide6.QtWidgets import QApplication; a = QApplication([]);"
        "a.setOrganizationName('Convene'); a.setApplicationName('Convene');"
        "from ui.settings import Settings; Settings()"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_private_env(home), check=True)
    _assert_owner_only([config, log, log.with_name("convene.log.1")])


def test_the_error_dialog_names_the_server_without_the_password(qtbot, settings, monkeypatch):
    from ui.application import finish_opening
    from ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    assert not finish_opening(window, UNREACHABLE, True)
    assert shown and "convene@127.0.0.1:1/convene" in shown[0]
    assert SECRET not in shown[0]
    settings.sync()
    written = Path(settings._store.fileName())
    assert not written.exists() or SECRET not in written.read_text()


class _MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring of this test's own (the machine may have no secret store)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    ring = _MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def password_server(pg_cluster):  # type: ignore[no-untyped-def]
    """A database on the test cluster that the role ``clerk`` reaches only with its password
    (scram-sha-256), as a real office server would ask."""
    hba = pg_cluster.data_dir / "pg_hba.conf"
    original = hba.read_text()
    pg_cluster._admin(f"CREATE ROLE clerk LOGIN PASSWORD '{SECRET}'")
    pg_cluster.create_database("clerkdb")
    pg_cluster._admin("ALTER DATABASE clerkdb OWNER TO clerk")
    hba.write_text("local all clerk scram-sha-256\n" + original)
    pg_cluster._run(pg_cluster.pg_ctl, "-D", str(pg_cluster.data_dir), "reload")
    url = f"postgresql+psycopg://clerk@/clerkdb?host={pg_cluster.socket_dir}"
    yield url
    hba.write_text(original)
    pg_cluster._run(pg_cluster.pg_ctl, "-D", str(pg_cluster.data_dir), "reload")
    pg_cluster.drop_database("clerkdb")
    pg_cluster._admin("DROP ROLE clerk")


@pytest.mark.postgres
def test_a_server_password_comes_from_the_keyring(password_server, memory_keyring, monkeypatch):
    import sqlalchemy as sa

    from app.database import prepare_database
    from db.engine import resolve_url
    from db.secrets import asks_for_password, keyring_key, store_password

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    with pytest.raises(sa.exc.OperationalError) as refused:
        prepare_database(password_server)
    assert asks_for_password(refused.value)
    assert store_password(resolve_url(password_server), SECRET)
    assert keyring_key(resolve_url(password_server)).startswith("clerk@")
    database, _ = prepare_database(password_server)
    try:
        assert SECRET not in database.describe()
    finally:
        database.dispose()


@pytest.mark.postgres
def test_the_gui_asks_for_a_missing_password_and_keeps_it_only_if_told(
    qtbot, settings, password_server, memory_keyring, monkeypatch
):
    from ui import database_dialogs
    from ui.database_actions import switch
    from ui.main_window import MainWindow

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    answers = iter(["wrong one", SECRET])
    asked: list[bool] = []

    def answer(dialog: database_dialogs.PasswordDialog) -> int:
        asked.append("not accepted" in dialog.findChild(database_dialogs.QLabel).text())
        dialog.password.setText(next(answers))
        dialog.remember.setChecked(True)
        return 1

    monkeypatch.setattr(database_dialogs.PasswordDialog, "exec", answer)
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: errors.append(text))
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    assert switch(window, password_server), errors
    assert asked == [False, True]  # the second time it says the first was not accepted
    assert list(memory_keyring.store.values()) == [SECRET]
    settings.sync()
    assert SECRET not in Path(settings._store.fileName()).read_text()
    assert settings.get("database/last") == without_password(password_server)
    window.database.dispose()
