"""The automatic daily backup the window starts: once a day, keeping the newest ``backup/keep``."""

from __future__ import annotations


def test_the_window_backs_up_once_a_day_keeping_the_setting_s_number(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from db.backup import backup_dir_for, inspect_backup

    folder = backup_dir_for(window.database)
    folder.mkdir(mode=0o700)
    for day in (1, 2, 3):  # three older automatic backups
        (folder / f"convene-2026010{day}-080000-auto.sqlite").write_bytes(b"")
    window.settings.set("backup/keep", 2)
    window.start_daily_backup()
    qtbot.waitUntil(
        lambda: "automatic backup" in window.statusBar().currentMessage(), timeout=10_000
    )
    autos = sorted(folder.glob("*-auto.sqlite"), reverse=True)
    assert len(autos) == 2 and autos[1].name == "convene-20260103-080000-auto.sqlite"
    assert inspect_backup(autos[0]).counts["event"] == 12  # today's, with the sample data
    assert str(autos[0]) in window.statusBar().currentMessage()
    window.start_daily_backup()  # a second start the same day writes (and prunes) nothing
    qtbot.wait(500)
    assert sorted(folder.glob("*-auto.sqlite"), reverse=True) == autos
