"""The application window opens on the sample data, newest events first."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_main_window_lists_the_sample_events(qtbot, demo_db, settings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    window.show()
    model = window.page.model
    assert model.rowCount() == 12
    assert model.index(0, 0).data() == "2025-002"
    titles = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert "Regional workshop on border checks" in titles
    assert window.counts.text() == "12 events"
    # The other lists are read only when first shown.
    assert not window.pages["people"].model.active
    window.navigation.setCurrentRow(1)
    assert window.pages["people"].model.rowCount() == 38
