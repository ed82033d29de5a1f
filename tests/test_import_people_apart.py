"""Importing lists: people who share a name or an address are not taken for one another,
spellings of one person in Uzbek Latin or with Ё written "yo" are still found, and a corrected
list completes the listings it finds.

The lists are written by openpyxl and imported into SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from app.importing import candidates
from app.importing.importer import import_list, open_list, plan_import
from app.importing.planning import AMBIGUOUS, DUPLICATE, MATCHED, NEW
from app.services import events, organizations, participations, people
from db.enums import AuditAction
from db.models import AuditEntry, Organization, Participation, Person
from tests.conftest import table_count

HEADER = ["№", "Фамилия", "Имя", "Отчество", "Страна", "E-mail"]


@pytest.fixture
def seminar(any_db):  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event = events.create_event(
            s, title="Risk analysis seminar", type="seminar", start_date=dt.date(2025, 5, 12),
            end_date=dt.date(2025, 5, 13), city="Bishkek", country="KG",
        )  # fmt: skip
        return any_db, event.reference


def _list(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Участники"
    sheet.append(HEADER)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    book.save(path)
    return path


def _plan(database, path: Path, ref: str):  # type: ignore[no-untyped-def]
    return plan_import(database, open_list(database, path), ref)


def _outcomes(plan) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(r.outcome, r.why) for r in plan.rows if r.listed.kind == "person"]


def test_father_and_son_of_one_name_stay_two_people(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    both = _list(tmp_path / "both.xlsx", [
        ["Атаев", "Сергей", "Петрович", "Кыргызстан", "s.ataev@gps.kg"],
        ["Атаев", "Сергей", "Сергеевич", "Кыргызстан", "ataev.jr@gps.kg"],
    ])  # fmt: skip
    outcome = import_list(database, open_list(database, both), ref).summary()
    assert (outcome["people_created"], outcome["added_to_event"]) == (2, 2)
    assert table_count(database, "participation") == 2

    # The son alone, without his address, in another list: not taken for his father.
    with database.session_scope(readonly=True) as s:
        kept = s.scalars(sa.select(Person.patronymic_local).order_by(Person.patronymic_local))
        assert list(kept) == ["Петрович", "Сергеевич"]
        son_id = s.scalars(sa.select(Person.id).where(Person.patronymic_local == "Сергеевич")).one()
    son = _list(tmp_path / "son.xlsx", [["Атаев", "Сергей", "С.", "Кыргызстан", None]])
    [(kind, why)] = _outcomes(_plan(database, son, ref))
    assert kind == MATCHED  # the initial fits the son only
    only_father = _list(tmp_path / "other.xlsx", [["Атаев", "Сергей", "Алексеевич", "KG", None]])
    [(kind, why)] = _outcomes(_plan(database, only_father, ref))
    assert (kind, why) == (NEW, "a namesake with another patronymic is in the database")
    # Without patronymic or address: a choice between the two, told apart in the plan.
    bare = _list(tmp_path / "bare.xlsx", [["Атаев", "Сергей", None, "KG", None]])
    [(kind, why)] = _outcomes(_plan(database, bare, ref))
    assert kind == AMBIGUOUS
    assert "Атаев Сергей Петрович (Kyrgyzstan, s.ataev@gps.kg)" in why
    assert "Атаев Сергей Сергеевич (Kyrgyzstan, ataev.jr@gps.kg)" in why
    # The son with his father's address: found by his name, not taken for his father.
    mixed = _list(
        tmp_path / "mixed.xlsx",
        [
            ["Атаев", "Сергей", "Сергеевич", "KG", "s.ataev@gps.kg"],
            ["Атаева", "Гульнара", None, "KG", "s.ataev@gps.kg"],  # married: asked about
        ],
    )
    plan = _plan(database, mixed, ref)
    [(kind, why), (other, asked)] = _outcomes(plan)
    assert kind == MATCHED and why.startswith("same name")
    assert "; the e-mail address is also on someone else's record" in why
    assert plan.rows[0].person_id == son_id
    assert other == AMBIGUOUS
    assert asked.startswith("the e-mail address belongs to someone with another name")


def test_an_office_address_shared_by_two_people_keeps_both(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    path = _list(tmp_path / "office.xlsx", [
        ["Бекова", "Алия", None, "KG", "info@customs.kg"],
        ["Сыдыков", "Марат", None, "KG", "info@customs.kg"],
        ["Бекова", "Алия", None, "KG", "info@customs.kg"],  # listed twice: one participation
    ])  # fmt: skip
    plan = _plan(database, path, ref)
    [(first, _), (second, why), (third, again)] = _outcomes(plan)
    assert (first, second, third) == (NEW, NEW, DUPLICATE)
    assert "not the person of row 2 (another name, the same e-mail address)" in why
    assert again == "the same person as row 2"
    import_list(database, open_list(database, path), ref)
    assert (table_count(database, "person"), table_count(database, "participation")) == (2, 2)
    again_summary = import_list(database, open_list(database, path), ref).summary()
    assert (again_summary["people_matched"], again_summary["people_created"]) == (2, 0)
    assert table_count(database, "participation") == 2


def test_one_name_with_two_addresses_is_one_person_unless_the_agencies_differ(
    seminar, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        people.create_person(
            s, family_name_local="Осмонов", given_name_local="Бакыт", nationality="KG",
            email="osmonov@mail.kg",
        )  # fmt: skip
    path = tmp_path / "two.xlsx"
    book = Workbook()
    book.active.append([*HEADER, "Ведомство"])
    for row in (
        [1, "Осмонов", "Бакыт", None, "KG", "osmonov@mail.kg", "ГТС"],
        [2, "Осмонов", "Бакыт", None, "KG", "b.osmonov@customs.kg", "ГТС"],  # his work address
        [3, "Осмонов", "Бакыт", None, "KG", "osmonov.b@gps.kg", "ГПС"],  # a namesake elsewhere
    ):
        book.active.append(row)
    book.save(path)
    plan = _plan(database, path, ref)
    [(first, _), (second, repeat), (third, why)] = _outcomes(plan)
    assert (first, second, third) == (MATCHED, DUPLICATE, AMBIGUOUS)
    assert repeat == "the same person as row 2"
    assert "row 2" in why and "another e-mail address and agency" in why
    assert plan.counts()["ambiguous"] == 1
    # The same two rows as two lists: the work address finds him by his name as well.
    second_list = _list(
        tmp_path / "again.xlsx", [["Осмонов", "Бакыт", None, "KG", "b.osmonov@customs.kg"]]
    )
    [(kind, _why)] = _outcomes(_plan(database, second_list, ref))
    assert kind == MATCHED


def test_uzbek_latin_and_yo_spellings_find_the_stored_person(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        for family, given in (("Хасанов", "Шерзод"), ("Ёлкин", "Пётр"), ("Кодиров", "Бахтиёр")):
            people.create_person(
                s, family_name_local=family, given_name_local=given, nationality="UZ"
            )
    path = tmp_path / "latin.xlsx"
    book = Workbook()
    book.active.append(["Surname", "Given name", "Country"])
    for row in (["Xasanov", "Sherzod", "UZ"], ["Yolkin", "Pyotr", "UZ"],
                ["Qodirov", "Baxtiyor", "UZ"]):  # fmt: skip
        book.active.append(row)
    book.save(path)
    outcomes = _outcomes(_plan(database, path, ref))
    assert [kind for kind, _why in outcomes] == [MATCHED] * 3, outcomes
    assert all(why.startswith("same name") for _kind, why in outcomes)


def test_a_corrected_list_completes_the_listings_it_finds(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    rows = [
        ["Бекова", "Алия", None, "KG", "bekova@customs.kg"],
        ["Осмонов", "Бакыт", None, "KG", "osmonov@customs.kg"],
    ]
    first = _list(tmp_path / "first.xlsx", rows)
    with_positions = tmp_path / "fixed.xlsx"
    book = Workbook()
    book.active.append([*HEADER, "Должность", "Ведомство"])
    book.active.append([1, *rows[0], "Инспектор", "Таможенная служба"])
    book.active.append([2, *rows[1], "Старший инспектор", None])
    book.save(with_positions)
    import_list(database, open_list(database, first), ref)
    with database.session_scope() as s:  # someone gave Осмонов his position at the event
        osmonov = s.scalars(sa.select(Participation).join(Person).where(
            Person.family_name_local == "Осмонов")).one()  # fmt: skip
        participations.update_participation(s, osmonov.id, 1, position="Эксперт")
    summary = import_list(database, open_list(database, with_positions), ref).summary()
    assert (summary["already_in_event"], summary["added_to_event"]) == (2, 0)
    with database.session_scope(readonly=True) as s:
        listed = {
            p.family_name_local: (x.position, x.organization_id is not None, x.version)
            for x, p in s.execute(sa.select(Participation, Person).join(Person))
        }
        assert listed["Бекова"] == ("Инспектор", True, 2)  # filled in
        assert listed["Осмонов"] == ("Эксперт", False, 2)  # kept: not overwritten
        audited = s.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "participation", AuditEntry.action == AuditAction.UPDATE,
            AuditEntry.summary == "from an imported list")).all()  # fmt: skip
        assert len(audited) == 1 and audited[0].changes["position"] == [None, "Инспектор"]


def test_a_new_row_named_like_someone_in_the_recycle_bin_says_so(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        binned = people.create_person(s, family_name_local="Исмаилов", given_name_local="Рустам")
        people.delete_person(s, binned.id)
    path = _list(tmp_path / "binned.xlsx", [
        ["Исмаилов", "Рустам", None, "TJ", None],
        ["Юлдашева", "Зарина", None, "UZ", None],
    ])  # fmt: skip
    [(first, why), (second, other)] = _outcomes(_plan(database, path, ref))
    assert (first, second) == (NEW, NEW)
    assert why.endswith("someone of this name is in the recycle bin (restore them first to use "
                        "that record)")  # fmt: skip
    assert "recycle bin" not in other


def test_a_matched_row_that_disagrees_with_the_record_says_so(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        people.create_person(
            s, family_name_local="Нурланова", given_name_local="Айгерим", sex="male",
            nationality="KZ", email="nurlanova@mail.kz",
        )  # fmt: skip
        people.create_person(  # (a slip in the record: the list does not say otherwise)
            s, family_name_local="Осмонов", given_name_local="Бакыт", sex="female",
            nationality="KG",
        )  # fmt: skip
    path = tmp_path / "disagrees.xlsx"
    book = Workbook()
    book.active.append(["ФИО", "Пол", "Страна", "E-mail"])
    book.active.append(["Нурланова Айгерим", "ж", "Кыргызстан", "nurlanova@mail.kz"])
    book.active.append(["Осмонов Бакыт", None, "Кыргызстан", None])  # sex guessed: male
    book.save(path)
    [(kind, why), (other, guessed)] = _outcomes(_plan(database, path, ref))
    assert (kind, other) == (MATCHED, MATCHED) and "the list says" not in guessed
    assert why.endswith("; the list says Kyrgyzstan, the record Kazakhstan and the list says "
                        "female, the record male (the record is kept)")  # fmt: skip
    with database.session_scope() as s:
        record = s.scalars(sa.select(Person).where(Person.email.is_not(None))).one()
        people.update_person(s, record.id, record.version, sex="unspecified", nationality=None)
    [(kind, why), _other] = _outcomes(_plan(database, path, ref))
    assert kind == MATCHED and "the list says" not in why


def test_one_agency_name_in_several_countries_is_each_countrys_own(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        for country in ("KG", "KZ"):
            organizations.create_organization(s, name="Border Service", country=country)
        organizations.create_organization(s, name="Ministry of Health")  # of no country
    path = tmp_path / "agencies.xlsx"
    book = Workbook()
    book.active.append(["Фамилия", "Имя", "Страна", "Ведомство"])
    for row in (
        ["Осмонов", "Бакыт", "KG", "Border Service"],
        ["Нурланов", "Ерлан", "KZ", "Border Service"],
        ["Каримов", "Бахтиёр", "UZ", "Border Service"],  # Uzbekistan's is new
        ["Юлдашева", "Зарина", "UZ", "Ministry of Health"],  # not the one of no country
        ["Ли", "Ен", None, "Ministry of Health"],  # the one of no country
        ["Жумабекова", "Айгуль", "KZ", "Пограничная служба (ПС)"],  # new, and found again
        ["Хайдаров", "Рустам", "TJ", "Customs Service"],  # new: one for each country,
        ["Чарыев", "Мерген", "TM", "Customs Service"],
        ["Рахимова", "Нигора", None, "Customs Service"],  # and one of no country
        ["Асанов", "Нурбек", None, "State Customs Service"],  # new, with its one country
        ["Асанова", "Айгуль", "KG", "State Customs Service"],
        ["Рахимов", "Фаррух", "TJ", "OSCE Programme Office"],  # international: one, no country
        ["Smith", "John", "GB", "OSCE Programme Office"],
    ):
        book.active.append(row)
    book.save(path)
    outcome = import_list(database, open_list(database, path), ref)
    assert outcome.result is not None and outcome.result.organizations_created == 8
    with database.session_scope(readonly=True) as s:
        agency = {
            p.family_name_local or p.family_name: (o.name, o.country, o.kind)
            for p, o in s.execute(sa.select(Person, Organization).join(Organization))
        }
    assert agency == {
        "Осмонов": ("Border Service", "KG", "other"),
        "Нурланов": ("Border Service", "KZ", "other"),
        "Каримов": ("Border Service", "UZ", "other"),
        "Юлдашева": ("Ministry of Health", "UZ", "other"),
        "Ли": ("Ministry of Health", None, "other"),
        "Жумабекова": ("Пограничная служба", "KZ", "other"),
        "Хайдаров": ("Customs Service", "TJ", "other"),
        "Чарыев": ("Customs Service", "TM", "other"),
        "Рахимова": ("Customs Service", None, "other"),
        "Асанов": ("State Customs Service", "KG", "other"),
        "Асанова": ("State Customs Service", "KG", "other"),
        "Рахимов": ("OSCE Programme Office", None, "international_organization"),
        "Smith": ("OSCE Programme Office", None, "international_organization"),
    }
    # Another list: each row finds its country's agency, or the international one; the same
    # list again creates nothing.
    again = tmp_path / "again.xlsx"
    book = Workbook()
    book.active.append(["Фамилия", "Имя", "Страна", "Ведомство"])
    book.active.append(["Müller", "Hans", "DE", "OSCE Programme Office"])
    book.active.append(["Чарыев", "Мерген", "TM", "Customs Service"])
    book.save(again)
    for listed in (again, path):
        outcome = import_list(database, open_list(database, listed), ref)
        assert outcome.result is not None and outcome.result.organizations_created == 0
    for text in ("Programme Office in Dushanbe (OSCE)", "ОБСЕ, Программный офис", "OSCE/ODIHR"):
        assert candidates.is_international(text), text
    assert not candidates.is_international("Border Service (PS)")


@pytest.mark.parametrize(
    "rows",
    [
        [  # Сыдыков shares the office address with Бекова, then comes again
            ["Бекова", "Алия", None, "KG", "info@customs.kg"],
            ["Сыдыков", "Марат", None, "KG", "info@customs.kg"],
            ["Сыдыков", "Марат", None, "KG", "info@customs.kg"],
        ],
        [  # the son comes twice after his father
            ["Атаев", "Сергей", "Петрович", "KG", None],
            ["Атаев", "Сергей", "Сергеевич", "KG", None],
            ["Атаев", "Сергей", "Сергеевич", "KG", None],
        ],
        [  # a Kazakh namesake twice after a Russian one
            ["Иванов", "Иван", None, "RU", None],
            ["Иванов", "Иван", None, "KZ", None],
            ["Иванов", "Иван", None, "KZ", None],
        ],
    ],
    ids=["shared address", "father and son", "namesakes"],
)
def test_a_repeat_is_found_behind_someone_else_of_that_name_or_address(
    seminar, tmp_path, rows
) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    path = _list(tmp_path / "repeats.xlsx", rows)
    plan = _plan(database, path, ref)
    assert [kind for kind, _why in _outcomes(plan)] == [NEW, NEW, DUPLICATE]
    assert plan.rows[-1].why == "the same person as row 3"
    import_list(database, open_list(database, path), ref)
    assert (table_count(database, "person"), table_count(database, "participation")) == (2, 2)


def test_the_attendance_list_after_the_registration_list_updates_the_listings(
    seminar, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    registration = tmp_path / "registration.xlsx"
    book = Workbook()
    book.active.append(["Фамилия", "Имя", "E-mail", "Статус", "Должность"])
    book.active.append(["Бекова", "Алия", "bekova@customs.kg", "зарегистрирована", "Инспектор"])
    book.active.append(["Осмонов", "Бакыт", "osmonov@customs.kg", "зарегистрирован", None])
    book.save(registration)
    import_list(database, open_list(database, registration), ref)
    attendance = tmp_path / "attendance.xlsx"
    book = Workbook()
    book.active.append(["Surname", "Given name", "E-mail", "Status", "Role", "Format"])
    book.active.append(["Bekova", "Aliya", "bekova@customs.kg", "участвовала", "спикер", "онлайн"])
    book.active.append(["Osmonov", "Bakyt", "osmonov@customs.kg", "не явился", None, None])
    book.save(attendance)
    [(kind, why), (_, other)] = _outcomes(_plan(database, attendance, ref))
    assert kind == MATCHED
    assert why.endswith(
        "already listed for this event (the list changes participant → speaker,"
        " registered → attended, in person → online)"
    )
    assert other.endswith("(the list changes registered → no-show)")
    import_list(database, open_list(database, attendance), ref)
    with database.session_scope(readonly=True) as s:
        listings = {
            p.family_name_local: (x.role, x.status, x.mode, x.position, x.version)
            for x, p in s.execute(sa.select(Participation, Person).join(Person))
        }
        assert listings == {
            "Бекова": ("speaker", "attended", "online", "Инспектор", 2),
            "Осмонов": ("participant", "no_show", "in_person", None, 2),
        }
        audited = s.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "participation", AuditEntry.action == AuditAction.UPDATE,
        )).all()  # fmt: skip
        assert sorted(a.changes["status"][1] for a in audited) == ["attended", "no_show"]
    # Imported again, the same list changes nothing.
    again = import_list(database, open_list(database, attendance), ref)
    assert "changes" not in " ".join(r.why for r in again.plan.rows)


def test_one_fathers_name_in_any_patronymic_form_is_one_person(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        people.create_person(
            s, family_name_local="Каримова", given_name_local="Нигора",
            patronymic_local="Бахтиёр кизи", nationality="UZ",
        )  # fmt: skip
        people.create_person(
            s, family_name_local="Хасанов", given_name_local="Алишер",
            patronymic_local="Бахтиёрович", nationality="UZ",
        )  # fmt: skip
    path = _list(tmp_path / "forms.xlsx", [
        ["Karimova", "Nigora", "Baxtiyor qizi", "UZ", None],
        ["Каримова", "Нигора", "Бахтиёровна", "UZ", None],
        ["Xasanov", "Alisher", "Baxtiyorovich", "UZ", None],
        ["Хасанов", "Алишер", "Рашидович", "UZ", None],  # another father: another person
    ])  # fmt: skip
    outcomes = _outcomes(_plan(database, path, ref))
    assert [kind for kind, _why in outcomes] == [MATCHED, DUPLICATE, MATCHED, NEW], outcomes


def test_a_name_in_another_script_and_a_long_shared_address_are_planned(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    rows = [["Սարգսյան", "Սերժ", None, "AM", None]]  # Armenian: no key to match by
    names = [
        "Абдыкадыров",
        "Бекмуратов",
        "Жээнбеков",
        "Турсунов",
        "Исаков",
        "Маматов",
        "Осмонов",
        "Бейшеналиев",
        "Суеркулов",
        "Эргешов",
        "Нурланов",
        "Чолпонбаев",
        "Дуйшеев",
        "Аскаров",
        "Бообеков",
        "Зулпуев",
        "Рысбеков",
        "Темиров",
        "Качкынов",
        "Алымкулов",
        "Усенов",
        "Шамшиев",
        "Мырзаев",
        "Токтогулов",
        "Жапаров",
        "Садыров",
        "Урманбетов",
        "Камчыбеков",
        "Ибраимов",
        "Лайлиев",
    ]
    rows += [[name, "Иван", None, "KG", "office@mvd.kg"] for name in names]
    rows += [["Абдыкадыров", "Иван", None, "KG", "office@mvd.kg"]]  # row 3 again, 30 rows on
    plan = _plan(database, _list(tmp_path / "long.xlsx", rows), ref)
    outcomes = [kind for kind, _why in _outcomes(plan)]
    assert outcomes == [NEW] * 31 + [DUPLICATE]
    assert plan.rows[-1].why == "the same person as row 3"


def test_two_rows_are_never_settled_as_one_listed_person(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        event_id = events.find_event(s, ref).id
        listed = people.create_person(s, family_name="Ataev", given_name="Sergey")
        people.create_person(s, family_name="Ataev", given_name="Sergey")
        s.flush()
        participations.add_participation(s, event_id=event_id, person_id=listed.id)
    path = tmp_path / "two.xlsx"
    book = Workbook()
    book.active.append(["Family name", "Given name", "E-mail", "Organisation"])
    book.active.append(["Ataev", "Sergey", "a@border.kg", "Border Service"])
    book.active.append(["Ataev", "Sergey", "b@customs.kg", "Customs Service"])
    book.save(path)
    outcome = import_list(database, open_list(database, path), ref)  # (was: a false conflict)
    kinds = [r.outcome for r in outcome.plan.rows]
    assert kinds == [MATCHED, AMBIGUOUS] and outcome.plan.rows[0].person_id == listed.id


def test_another_spelling_goes_into_the_record_in_its_order(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    with database.session_scope() as s:
        people.create_person(
            s, family_name_local="Бердыев", given_name_local="Мерген", nationality="TM"
        )
    path = tmp_path / "order.xlsx"
    book = Workbook()
    book.active.append(["Full name", "Country"])
    book.active.append(["Azamat TOKTOGULOV", "KG"])  # the column reads "Given FAMILY"...
    book.active.append(["Berdiyew Mergen", "TM"])  # ...so this is read given-first
    book.save(path)
    outcome = import_list(database, open_list(database, path), ref)
    assert [r.outcome for r in outcome.plan.rows] == [NEW, MATCHED]
    with database.session_scope(readonly=True) as s:
        record = s.scalars(sa.select(Person).where(Person.family_name_local == "Бердыев")).one()
        assert (record.family_name, record.given_name) == ("Berdiyew", "Mergen")


def test_an_uzbek_latin_row_repeats_the_cyrillic_row_of_one_list(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    path = _list(tmp_path / "both.xlsx", [
        ["Хасанов", "Бахтиёр", None, "UZ", None],
        ["Xasanov", "Baxtiyor", None, "UZ", None],
    ])  # fmt: skip
    assert [kind for kind, _why in _outcomes(_plan(database, path, ref))] == [NEW, DUPLICATE]


def test_an_attendance_grid_moves_only_statuses_from_before_the_event(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = seminar
    registration = _list(tmp_path / "registration.xlsx", [
        ["Бекова", "Алия", None, "KG", "bekova@customs.kg"],
        ["Осмонов", "Бакыт", None, "KG", "osmonov@customs.kg"],
    ])  # fmt: skip
    import_list(database, open_list(database, registration), ref)
    with database.session_scope() as s:
        for listing in s.scalars(sa.select(Participation)):
            status = "registered" if listing.person.family_name_local == "Бекова" else "cancelled"
            participations.update_participation(s, listing.id, listing.version, status=status)
    grid = tmp_path / "grid.xlsx"
    book = Workbook()
    book.active.append(["Фамилия", "Имя", "E-mail", dt.date(2025, 5, 12), dt.date(2025, 5, 13)])
    book.active.append(["Бекова", "Алия", "bekova@customs.kg", "+", "+"])
    book.active.append(["Осмонов", "Бакыт", "osmonov@customs.kg", None, None])  # (he cancelled)
    book.save(grid)
    import_list(database, open_list(database, grid), ref)
    with database.session_scope(readonly=True) as s:
        statuses = {
            p.family_name_local: (x.status, x.days_attended)
            for x, p in s.execute(sa.select(Participation, Person).join(Person))
        }
    assert statuses == {"Бекова": ("attended", 2), "Осмонов": ("cancelled", 0)}


def test_an_import_describes_its_rows_as_the_dry_run_did(seminar, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A real import puts its rows' words in while the database writes (the people matched or
    offered, as stored; a namesake in the recycle bin; what the list says otherwise): the plan
    it returns says word for word what the dry run said, candidates included."""
    database, ref = seminar
    with database.session_scope() as s:
        binned = people.create_person(s, family_name_local="Исмаилов", given_name_local="Рустам")
        people.delete_person(s, binned.id)
        people.create_person(
            s, family_name_local="Нурланова", given_name_local="Айгерим", sex="male",
            nationality="KZ", email="nurlanova@mail.kz",
        )  # fmt: skip
        for position in ("Инспектор", "Эксперт"):  # namesakes: asked about
            people.create_person(s, family_name_local="Осмонов", given_name_local="Бакыт",
                                 nationality="KG", position=position)  # fmt: skip
    path = _list(tmp_path / "mixed.xlsx", [
        ["Исмаилов", "Рустам", None, "TJ", None],
        ["Нурланова", "Айгерим", None, "Кыргызстан", "nurlanova@mail.kz"],
        ["Осмонов", "Бакыт", None, "KG", None],
        ["Юлдашева", "Зарина", None, "UZ", None],
    ])  # fmt: skip

    def said(plan) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        return [
            (r.outcome, r.why, [(x.name, x.nationality, x.organization, x.detail, x.why)
                                for x in r.candidates])
            for r in plan.rows
        ]  # fmt: skip

    dry = said(_plan(database, path, ref))
    assert [outcome for outcome, _why, _candidates in dry] == [NEW, MATCHED, AMBIGUOUS, NEW]
    assert "recycle bin" in dry[0][1] and "the record Kazakhstan" in dry[1][1]
    assert dry[1][2][0][0] == "Нурланова Айгерим" and len(dry[2][2]) == 2
    imported = import_list(database, open_list(database, path), ref)
    assert said(imported.plan) == dry
