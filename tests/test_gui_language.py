"""The GUI's language: chosen from the system locale at first start, switched by the Language
menu (at once, remembered), set by --lang; and the defaults a new participant gets in the event
form are the service's (an online event's participant is online)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app import i18n
from db.enums import AttendanceMode, EventFormat
from db.models import Participation, Person
from tests.gui_helpers import type_text
from ui.application import chosen_language
from ui.translation import install_language


def test_the_language_menu_switches_the_main_window_at_once_and_is_remembered(window) -> None:  # type: ignore[no-untyped-def]
    try:
        menu = window.menuBar().findChild(
            type(window.menuBar().actions()[0].menu()), "language_menu"
        )
        russian = next(a for a in menu.actions() if a.objectName() == "language_ru")
        russian.trigger()
        assert i18n.language() == "ru"
        assert window.settings.get("language") == "ru"
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:2] == ["&Файл", "&Записи"]
        assert window.navigation.item(0).text() == "Мероприятия"
        assert window.counts.text() == "12 мероприятий"
        header = window.page.model.headerData(0, sa_horizontal())
        assert header == "Номер"
        english = next(
            a
            for a in window.menuBar().findChild(type(menu), "language_menu").actions()
            if a.objectName() == "language_en"
        )
        english.trigger()
        assert window.navigation.item(0).text() == "Events"
        assert window.counts.text() == "12 events"
        assert window.settings.get("language") == "en"
    finally:
        install_language("en")


def sa_horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_first_start_follows_the_system_locale_and_lang_wins(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ru_RU")))
    assert chosen_language(None, settings) == "ru"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("kk_KZ")))
    assert chosen_language(None, settings) == "en"
    settings.set("language", "ru")  # chosen in the Language menu earlier
    assert chosen_language(None, settings) == "ru"
    assert chosen_language("en", settings) == "en"  # --lang en


def test_qt_dialog_buttons_and_dates_follow_the_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    try:
        install_language("ru")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.buttons()[0].text() == "Отмена"  # qtbase_ru, shipped in PySide6-Essentials
        assert QLocale().toString(QDate(2025, 3, 4), "d MMMM yyyy") == "4 марта 2025"
        assert QLocale().toString(1234567) == "1\u00a0234\u00a0567"
    finally:
        install_language("en")
    assert QLocale().toString(QDate(2025, 3, 4), "d MMMM yyyy") == "4 March 2025"


def test_a_participant_added_in_an_online_events_form_is_online(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.new_record()
    qtbot.keyClicks(form.field("title"), "Online workshop on risk analysis")
    form.field("type").set_value("workshop")
    form.field("start_date").set_value(dt.date(2024, 10, 1))
    form.field("end_date").set_value(dt.date(2024, 10, 2))
    form.field("format").set_value(EventFormat.ONLINE)
    tab = form.participants
    tab.new_person_button.click()
    quick = tab.quick.fields
    type_text(quick["family_name_local"], "Онлайнова")
    type_text(quick["given_name_local"], "Айгуль")
    tab.quick.add_button.click()
    type_text(tab.search, "Asan")
    tab.search.setText("Asan")
    assert tab.search.run_search()
    tab.search.choose(0)
    assert [r.mode for r in tab.model.rows] == [AttendanceMode.ONLINE, AttendanceMode.ONLINE]
    assert form.save()
    with window.database.session_scope(readonly=True) as session:
        modes = session.scalars(
            sa.select(Participation.mode)
            .join(Person)
            .where(Participation.event_id == form.record_id)
            .order_by(Person.family_name)
        ).all()
    assert modes == [AttendanceMode.ONLINE, AttendanceMode.ONLINE]
    form.close()


def test_the_quick_first_page_at_start_up_is_in_russian(qtbot, demo_db, settings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from ui.first_page import read_first_page
    from ui.main_window import MainWindow

    page = read_first_page(demo_db.path)
    assert page is not None
    try:
        install_language("ru")
        window = MainWindow(None, settings, first_page=page)
        qtbot.addWidget(window)
        window.show()
        preview = window.stack.currentWidget()
        model = preview.model()
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert headers[:4] == ["Номер", "Начало", "Конец", "Название"]
        assert model.index(0, 5).data() == "Учебный курс"  # after the title in Russian
        assert window.counts.text() == "12 мероприятий"
        assert window.location.text() == "Открытие базы данных…"
    finally:
        install_language("en")
