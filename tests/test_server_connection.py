"""Connecting to a shared server: libpq's service names and SSL settings pass through the
address; a connection dropped by a server restart is one sentence, the open form keeps what was
typed, and saving again once the server is back reconnects and saves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.database import prepare_database
from app.sample_data import load_demo, sample_data, sample_id
from tests.cli_runner import assert_one_clean_line, convene
from tests.gui_helpers import answer_next_dialog
from tests.pg_cluster import PostgresCluster, PostgresUnavailable

pytestmark = pytest.mark.postgres


def test_a_service_name_and_sslmode_pass_through_the_address(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlalchemy as sa

    url = sa.make_url(pg_url)
    service = tmp_path / "pg_service.conf"
    service.write_text(
        f"[convene18]\nhost={url.query['host']}\ndbname={url.database}\nuser=postgres\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    assert convene("demo", db=pg_url).code == 0
    listed = convene("events", "list", "--json", db="postgresql:///?service=convene18")
    assert listed.code == 0, listed.err
    assert len(listed.json()) == len(sample_data()["events"])
    plain = convene("events", "list", db=f"{pg_url}&sslmode=disable")
    assert plain.code == 0, plain.err
    # libpq itself reads the setting (over a Unix socket it has no SSL to ask for, so a value
    # it does not know shows that the setting reaches it): one line, not ignored.
    refused = convene("events", "list", db=f"{pg_url}&sslmode=always")
    assert refused.code == 2
    assert_one_clean_line(refused)
    assert "sslmode" in refused.err.lower()


@pytest.fixture
def own_server() -> Iterator[PostgresCluster]:
    """A server of this test's own, which it restarts."""
    try:
        cluster = PostgresCluster.start()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


def test_a_dropped_connection_keeps_the_form_and_reconnects_when_saved_again(
    own_server: PostgresCluster, qtbot, settings
) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    own_server.create_database("office")
    database, _ = prepare_database(own_server.url("office"))
    with database.session_scope() as s:
        load_demo(s)
    window = MainWindow(database, settings)
    qtbot.addWidget(window)
    window.show()
    form = window.show_record("events", sample_id("cabmi-17"))
    try:
        form.field("venue").set_value("International Hotel Tashkent")
        own_server.stop_server()
        own_server.start_server()  # a restart: the next use reconnects by itself
        assert form.save()
        form.field("venue").set_value("Hyatt Regency Tashkent")
        own_server.stop_server()  # the server is away: the save is refused, the form kept
        seen: list[str] = []
        answer_next_dialog("OK", seen)
        assert not form.save()
        assert len(seen) == 1 and "cannot reach the database server" in seen[0].lower()
        assert form.is_dirty() and form.field("venue").value() == "Hyatt Regency Tashkent"
        window.refresh()  # the list says so in the status bar, once, and shows no rows
        assert "database server" in window.counts.text()
        assert window.page.model.rowCount() == 0
        own_server.start_server()
        assert form.save()  # asked again once it is back: a new connection, and saved
        with database.session_scope(readonly=True) as s:
            from db.models import Event

            assert s.get(Event, sample_id("cabmi-17")).venue == "Hyatt Regency Tashkent"
        window.refresh()  # the lists read again through a new connection too
        qtbot.waitUntil(lambda: window.page.model.rowCount() == len(sample_data()["events"]))
    finally:
        if not (own_server.socket_dir / ".s.PGSQL.5432").exists():
            own_server.start_server()
        if form.is_dirty():  # a failed check above: close without the "unsaved" question
            form.load()
        form.close()
        database.dispose()
