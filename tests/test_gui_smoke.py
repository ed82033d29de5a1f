"""The application window opens on the sample data."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_main_window_lists_the_sample_events(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    model = window.events.model()
    assert model.rowCount() == 11
    titles = {model.index(r, 4).data() for r in range(model.rowCount())}
    assert "Regional workshop on border checks" in titles
