"""The Russian catalogue: every message of the code translated, counts in the right forms, and
the catalogue read without Qt."""

from __future__ import annotations

import subprocess
import sys

from app import i18n
from tools import translations


def test_every_message_in_the_code_has_a_russian_translation() -> None:
    assert translations.missing() == []


def test_no_translation_call_is_given_an_f_string() -> None:
    assert translations.unreadable_calls() == []


def test_the_catalogue_holds_exactly_the_messages_of_the_code() -> None:
    in_code = set(translations.messages_in_code())
    in_catalogue = set(translations.existing_translations())
    assert in_code - in_catalogue == set(), "run: uv run python -m tools.translations"
    assert in_catalogue - in_code == set(), "run: uv run python -m tools.translations"


def test_russian_counts_take_the_right_form() -> None:
    words = {n: i18n.tr_n("%n event(s)", n, lang="ru") for n in (1, 2, 5, 11, 21, 22, 112, 1204)}
    assert words == {
        1: "1 мероприятие",
        2: "2 мероприятия",
        5: "5 мероприятий",
        11: "11 мероприятий",
        21: "21 мероприятие",
        22: "22 мероприятия",
        112: "112 мероприятий",
        1204: "1 204 мероприятия",
    }
    assert i18n.tr_n("%n event(s)", 1, lang="en") == "1 event"
    assert i18n.tr_n("%n event(s)", 3, lang="en") == "3 events"
    assert i18n.tr_n("%n [person|people]", 1, lang="en") == "1 person"
    assert i18n.tr_n("%n [person|people]", 21, lang="en") == "21 people"
    assert i18n.tr_n("%n [person|people]", 21, lang="ru") == "21 человек"


def test_the_catalogue_is_read_without_qt() -> None:
    code = (
        "import sys; from app import i18n, reference; from db.enums import EventType\n"
        "print(reference.label(EventType.SEMINAR, 'ru'), i18n.tr('Seminar', lang='ru'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["Семинар Семинар", "[]"]


def test_the_current_language_decides_when_none_is_given() -> None:
    from app import reference
    from db.enums import EventFormat

    try:
        i18n.set_language("ru")
        assert reference.label(EventFormat.ONLINE) == "Онлайн"
    finally:
        i18n.set_language("en")
    assert reference.label(EventFormat.ONLINE) == "Online"


def test_refreshing_keeps_translations_and_names_a_string_left_without_one(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "convene_ru.ts"
    copy.write_bytes(i18n.CATALOGUE.read_bytes())
    monkeypatch.setattr(i18n, "CATALOGUE", copy)
    i18n.reload()
    try:
        known = translations.existing_translations()
        del known[("Merge duplicates…", "")]  # as if the string had just been added to the code
        translations.write_catalogue(translations.messages_in_code(), known)
        assert translations.missing() == ["Merge duplicates…"]
        assert 'type="unfinished"' in copy.read_text("utf-8")
        assert i18n.tr("Merge duplicates…", lang="ru") == "Merge duplicates…"  # English meanwhile
        assert i18n.tr("Retention review…", lang="ru") == "Проверка сроков хранения…"  # kept
    finally:
        monkeypatch.undo()
        i18n.reload()


def test_the_database_layers_sentences_are_translated_where_they_are_shown() -> None:
    from app.database_messages import database_message
    from db.rights import READ_ONLY_MESSAGE

    try:
        i18n.set_language("ru")
        assert database_message(READ_ONLY_MESSAGE).startswith("Ваша учётная запись может читать")
        said = database_message("cannot reach the database server: timeout expired")
        assert said == "сервер базы данных недоступен: timeout expired"
        assert database_message("something else entirely") == "something else entirely"
    finally:
        i18n.set_language("en")
    assert database_message(READ_ONLY_MESSAGE) == READ_ONLY_MESSAGE


def test_the_import_plans_worded_phrases_are_put_in_russian_keeping_the_files_values() -> None:
    from ui.import_models import said

    try:
        i18n.set_language("ru")
        assert said("heading row ('Делегация Кыргызской Республики')") == (
            "строка-заголовок («Делегация Кыргызской Республики»)"
        )
        assert said("sex taken from the name (мужской)") == "пол определён по имени (мужской)"
        assert said("column G (E-mail): 'haidarov@mail' — не адрес e-mail; same name") == (
            "столбец G (E-mail): 'haidarov@mail' — не адрес e-mail; то же имя"
        )
        assert said("family name spelled alike") == "фамилия пишется похоже"
        problem = "column F (Страна): 'Atlantis' not read: the country / nationality is taken from column C"
        assert said(problem) == (
            "столбец F (Страна): 'Atlantis' не прочитано: поле «страна / гражданство» взято из"
            " столбца C"
        )
        assert said("same name, same nationality; already listed for this event") == (
            "то же имя, то же гражданство; уже в списке мероприятия"
        )
        assert said("not the person of row 4 (another nationality)") == (
            "не человек из строки 4 (другое гражданство)"
        )
        disagreeing = (
            "the list says Казахстан, the record Туркменистан and the list says женский,"
            " the record мужской (the record is kept)"
        )
        assert said(disagreeing) == (
            "в списке — Казахстан, в базе — Туркменистан и в списке — женский, в базе — мужской"
            " (запись в базе сохраняется)"
        )
        assert said("column H (E-mail): several addresses; kept the first, not b@x.kz") == (
            "столбец H (E-mail): несколько адресов; оставлен первый, не b@x.kz"
        )
        assert said("Paris, France") == "Paris, France"  # (a value with a comma stays)
    finally:
        i18n.set_language("en")
    assert said("heading row ('Delegation')") == "heading row ('Delegation')"


def test_fields_and_records_named_in_changes_and_conflicts_follow_the_language(demo_db) -> None:  # type: ignore[no-untyped-def]
    from app.fields import field_title
    from app.queries import person_history
    from app.sample_data import sample_id
    from app.sync.status import record_label

    cabmi = str(sample_id("cabmi-17"))
    with demo_db.session_scope(readonly=True) as session:
        english = record_label(session, "event", cabmi)
        try:
            i18n.set_language("ru")
            russian = record_label(session, "event", cabmi)
            field = field_title("event", "fields_of_work")
            history = person_history(session, sample_id("kz-1"))
        finally:
            i18n.set_language("en")
    assert english.startswith("event 2022-001 “17th Central Asia")
    assert russian.startswith("мероприятие 2022-001 «17-я Конференция")
    assert field != "Fields of work" and not field.isascii()
    assert history and all(not row["title"].isascii() for row in history)
