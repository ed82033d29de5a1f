"""Importing lists into events: matching across scripts, no duplicates on re-import, the one
transaction, the audit trail, strict and dry runs, remembered layouts and the error workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from python_calamine import CalamineWorkbook

from app.errors import ConflictError
from app.importing import candidates, enriching
from app.importing.committing import commit_plan
from app.importing.error_workbook import write_error_workbook
from app.importing.importer import ImportRefused, import_list, open_list, plan_import
from app.importing.planning import AMBIGUOUS, CHOOSE_NEW, MATCHED, NEW, make_plan
from app.progress import Cancelled
from app.queries import event_details
from app.search import search_people
from app.services import events, participations, people
from db.enums import AuditAction
from db.models import AuditEntry, ImportBatch, Organization, Participation, Person
from tests.conftest import table_count

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.fixture
def conference(any_db):  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event = events.create_event(
            s, title="17th CABMI Conference", type="conference", start_date=dt.date(2022, 12, 13),
            end_date=dt.date(2022, 12, 15), city="Tashkent", country="UZ",
        )  # fmt: skip
        return any_db, event.reference


def _import(database, name: str, ref: str, **options):  # type: ignore[no-untyped-def]
    understood = open_list(database, FIXTURES / name, **options.pop("open", {}))
    return import_list(database, understood, ref, **options)


def _participants(database, ref: str) -> list[dict]:  # type: ignore[type-arg,no-untyped-def]
    with database.session_scope(readonly=True) as s:
        return event_details(s, events.find_event(s, ref))["participants"]


def test_russian_then_english_list_give_one_person_and_one_participation_each(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    first = _import(database, "ru_conference.xls", ref).summary()
    assert (first["people_created"], first["added_to_event"], first["ignored"]) == (9, 9, 4)
    second = _import(database, "en_conference.xlsx", ref).summary()
    assert second["people_matched"] == 9 and second["people_created"] == 1  # John Smith
    assert second["already_in_event"] == 9 and second["added_to_event"] == 1
    assert second["skipped"] == [{"row": 14, "reason": "the same person as row 4"}]
    assert table_count(database, "person") == 10
    listed = _participants(database, ref)
    assert len(listed) == 10
    names = sorted(p["family_name_local"] or p["family_name"] for p in listed)
    assert names == sorted(["Атаев", "Жумабекова", "Исмаилов", "Хайдаров", "Чарыев", "Юлдашева",
                            "Осмонов", "Алексеев", "Рахимов", "Smith"])  # fmt: skip
    sexes = {p["family_name_local"] or p["family_name"]: p["sex"] for p in listed}
    assert sexes["Юлдашева"] == "female" and sexes["Smith"] == "male"


def test_imported_people_are_found_by_search(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    _import(database, "ru_conference.xls", ref)
    _import(database, "en_conference.xlsx", ref)  # adds the Latin spellings and John Smith
    with database.session_scope(readonly=True) as s:
        assert [p.family_name_local for p in search_people(s, "атаев")] == ["Атаев"]
        assert [p.family_name_local for p in search_people(s, "ataev")] == ["Атаев"]
        assert [p.family_name for p in search_people(s, "smith")] == ["Smith"]
    if database.is_sqlite:  # one search row per person, under the person's own rowid
        with database.engine.connect() as connection:
            people_, indexed, paired = connection.exec_driver_sql(
                "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM person_search),"
                " (SELECT count(*) FROM person p JOIN person_search s"
                "  ON s.rowid = p.rowid AND s.person_id = p.id)"
            ).one()
        assert people_ == indexed == paired == 10


def test_reimporting_an_updated_list_adds_only_what_is_new(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    _import(database, "ru_cp1251_semicolon.csv", ref)
    again = _import(database, "ru_conference.xlsx", ref).summary()
    assert again["already_in_event"] == 5 and again["people_created"] == 4
    assert again["added_to_event"] == 4
    same = _import(database, "ru_conference.xlsx", ref).summary()
    assert (same["people_created"], same["added_to_event"], same["already_in_event"]) == (0, 0, 9)
    assert table_count(database, "participation") == 9
    assert table_count(database, "person") == 9


def test_a_binned_participation_is_restored_not_duplicated(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    _import(database, "ru_conference.xlsx", ref)
    with database.session_scope() as s:
        ataev = s.scalar(sa.select(Person).where(Person.family_name_local == "Атаев"))
        found = participations.existing_participation(s, events.find_event(s, ref).id, ataev.id)
        participations.remove_participation(s, found.id)
        binned_id = found.id
    assert len(_participants(database, ref)) == 8
    result = _import(database, "ru_conference.xlsx", ref)
    assert result.summary()["added_to_event"] == 1 and result.result.participations_restored == 1
    assert len(_participants(database, ref)) == 9
    with database.session_scope(readonly=True) as s:
        back = s.get(Participation, binned_id)
        assert back.deleted_at is None and back.version == 3
        actions = [e.action for e in s.scalars(
            sa.select(AuditEntry).where(AuditEntry.entity_id == binned_id)
            .order_by(AuditEntry.created_at)
        )]  # fmt: skip
        assert actions == [AuditAction.CREATE, AuditAction.DELETE, AuditAction.RESTORE]


def test_the_import_is_recorded_and_audited(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    outcome = _import(database, "ru_conference.xlsx", ref)
    with database.session_scope(readonly=True) as s:
        batch = s.get(ImportBatch, outcome.result.batch_id)
        assert batch.file_name == "ru_conference.xlsx" and len(batch.sha256) == 64
        assert batch.sheet == "Участники" and batch.header_row == 4
        assert batch.mapping["columns"]["Ф.И.О."] == "full_name"
        assert batch.counts["people_created"] == 9
        creates = s.execute(
            sa.select(AuditEntry.entity, sa.func.count())
            .where(AuditEntry.action == AuditAction.CREATE).group_by(AuditEntry.entity)
        ).all()  # fmt: skip
        # 9 people, 9 participations and the 8 agencies the list names, each audited once
        assert dict(creates)["person"] == 9 and dict(creates)["participation"] == 9
        assert dict(creates)["organization"] == s.scalar(sa.select(sa.func.count(Organization.id)))
        (entry,) = s.scalars(sa.select(AuditEntry).where(AuditEntry.action == AuditAction.IMPORT))
        assert entry.entity_id == batch.id and entry.actor == "tester"
        ataev = s.scalar(sa.select(Person).where(Person.family_name_local == "Атаев"))
        assert ataev.match_key == people.person_match_key(ataev) == "ataev|serge"
        assert ataev.organization.name == "Пограничная служба КНБ"
        joined = s.scalar(sa.select(Participation).where(Participation.person_id == ataev.id))
        assert joined.import_batch_id == batch.id and joined.position == "Начальник отдела"


def test_strict_refuses_the_whole_file_and_dry_run_writes_nothing(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    with pytest.raises(ImportRefused, match=r"1 rows have problems \(row 9: column G \(E-mail\)"):
        _import(database, "ru_conference.xlsx", ref, strict=True)
    dry = _import(database, "ru_conference.xlsx", ref, dry_run=True).summary()
    assert dry["dry_run"] is True and dry["people_created"] == 9
    for table in ("person", "participation", "import_batch", "organization"):
        assert table_count(database, table) == 0, table
    clean = _import(database, "en_utf8_comma.csv", ref, strict=True).summary()
    assert clean["people_created"] == 10 and clean["skipped"] == []


def test_a_cancelled_import_leaves_the_database_untouched(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference

    def cancel_midway(done: int, total: int, message: str) -> None:
        if message.startswith("Adding participations"):
            raise Cancelled()

    def cancel_while_adding_people(done: int, total: int, message: str) -> None:
        if message.startswith("Adding people"):  # (on SQLite: while they are staged)
            raise Cancelled()

    audited = table_count(database, "audit_entry")
    for cancel in (cancel_midway, cancel_while_adding_people):
        with pytest.raises(Cancelled):
            _import(database, "ru_conference.xlsx", ref, progress=cancel)
        assert table_count(database, "person") == 0 and table_count(database, "organization") == 0
        assert table_count(database, "audit_entry") == audited
    assert _import(database, "ru_conference.xlsx", ref).summary()["people_created"] == 9


def test_namesakes_are_ambiguous_until_the_user_chooses(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    with database.session_scope() as s:
        for org in ("Customs", "Border Service"):
            people.create_person(s, family_name="Ataev", given_name="Sergey", nationality="KZ",
                                 position=org)  # fmt: skip
    understood = open_list(database, FIXTURES / "en_utf8_comma.csv")
    plan = plan_import(database, understood, ref)
    row = next(r for r in plan.rows if r.row == 2)
    assert row.outcome == AMBIGUOUS and len(row.candidates) == 2
    assert "could be one of several people" in row.why and "Ataev Sergey" in row.why
    assert {"row": 2, "reason": row.why} in plan.skipped()
    chosen = row.candidates[1].person_id
    done = import_list(database, understood, ref, resolutions={2: chosen})
    ataev = next(r for r in done.plan.rows if r.row == 2)
    assert ataev.outcome == MATCHED and ataev.person_id == chosen
    again = plan_import(database, understood, ref)  # the one listed for the event is the one
    assert next(r for r in again.rows if r.row == 2).person_id == chosen
    other = plan_import(database, understood, ref, resolutions={2: CHOOSE_NEW})
    assert next(r for r in other.rows if r.row == 2).outcome == NEW


def test_a_corrected_mapping_is_remembered_for_the_same_layout(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    first = open_list(database, FIXTURES / "en_conference.xlsx", overrides={"Position": None})
    assert "Position" not in first.mapping and not first.remembered
    import_list(database, first, ref)
    later = open_list(database, FIXTURES / "en_conference.ods")
    assert later.remembered and "Position" not in later.mapping
    assert later.mapping["Family name"] == "family_name"


def test_the_error_workbook_lists_what_to_fix(conference, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    outcome = _import(database, "ru_conference.xlsx", ref, dry_run=True)
    path = tmp_path / "to-fix.xlsx"
    assert write_error_workbook(outcome.plan, path) == 1
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["№ п/п", "Ф.И.О."] and rows[0][-2:] == [
        "Row in the list",
        "What is wrong",
    ]
    assert rows[1][1] == "Хайдаров Фаррух" and rows[1][-2] == 9
    assert rows[1][-1] == "column G (E-mail): 'haidarov@mail' is not an e-mail address; left empty"


def test_new_people_are_new_and_foreign_namesakes_stay_apart(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    with database.session_scope() as s:
        people.create_person(s, family_name="Smith", given_name="John", nationality="US")
    plan = plan_import(database, open_list(database, FIXTURES / "en_conference.xlsx"), ref)
    smith = next(r for r in plan.rows if r.listed.person.get("family_name") == "Smith")
    assert smith.outcome == NEW and "another nationality" in smith.why


def test_matched_people_get_what_was_missing_and_nothing_is_overwritten(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    _import(database, "ru_conference.xlsx", ref)
    outcome = _import(database, "en_conference.xlsx", ref)
    assert outcome.result.people_updated == 9
    with database.session_scope(readonly=True) as s:
        ataev = s.scalar(sa.select(Person).where(Person.family_name_local == "Атаев"))
        assert (ataev.family_name, ataev.given_name) == ("Atayev", "Sergei")  # Latin added
        assert ataev.email == "ataev.s@kgp.kz"  # kept
        assert ataev.position == "Начальник отдела"  # not overwritten by "Head of Division"
        assert ataev.version == 2 and ataev.match_key == people.person_match_key(ataev)
        osmonov = s.scalar(sa.select(Person).where(Person.family_name_local == "Осмонов"))
        assert osmonov.family_name == "Osmonov"
        (update,) = s.scalars(
            sa.select(AuditEntry).where(
                AuditEntry.entity_id == ataev.id, AuditEntry.action == AuditAction.UPDATE
            )
        )
        assert update.changes["family_name"] == [None, "Atayev"]
        assert "position" not in update.changes


def test_day_columns_outside_the_event_are_noted_and_impossible_days_refused(conference) -> None:  # type: ignore[no-untyped-def]
    database, ref = conference
    plan = plan_import(database, open_list(database, FIXTURES / "sign_in_days.xlsx"), ref)
    assert plan.notes == [
        "column F (2022-12-16) is dated 16.12.2022, outside the event (13.12.2022–15.12.2022)"
    ]
    ataev, zhumabekova, _ismailov = (r for r in plan.rows if r.listed.kind == "person")
    assert "days_attended" not in ataev.listed.participation  # 4 days of a 3-day event
    assert [p.describe() for p in ataev.listed.problems] == [
        "column C (13.12.2022): Days attended (4) is more than the event lasted (3). Left empty."
    ]
    assert zhumabekova.listed.participation["days_attended"] == 2


def test_matching_is_the_same_whether_people_are_looked_up_or_all_read(
    conference, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A long list reads every stored person in one pass instead of looking them up by name
    and e-mail; both ways must decide every row alike, binned people left out."""
    database, ref = conference
    _import(database, "en_conference.xlsx", ref)
    with database.session_scope() as s:
        binned = people.create_person(  # with the address of row 7, Исмаилов
            s, family_name="Binnedova", given_name="Lola", email="ismailov@customs.uz"
        )
        people.delete_person(s, binned.id)
        people.create_person(s, family_name="Zhumabekova", given_name="Aigul", nationality="KG")
        alekseev = s.scalars(sa.select(Person).where(Person.family_name == "Alekseev")).one()
        people.delete_person(s, alekseev.id)  # so that row 14's name finds nobody
        for family, given in (("Otherova", "Dina"), ("Otherov", "Timur"), ("Otherbek", "Ali")):
            # row 14's address (Алексеев), shared by three people of other names
            people.create_person(
                s, family_name=family, given_name=given, email="alekseev@customs.ru"
            )
    understood = open_list(database, FIXTURES / "ru_conference.xlsx")

    def decisions(plan) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
        return [
            (r.row, r.outcome, r.person_id, r.why, [c.person_id for c in r.candidates])
            for r in plan.rows
        ]

    looked_up = decisions(plan_import(database, understood, ref))
    monkeypatch.setattr(candidates, "CHUNK", 1)  # every list is "very long": one pass
    read_all = decisions(plan_import(database, understood, ref))
    assert read_all == looked_up
    outcomes = [d[1] for d in read_all]
    assert outcomes.count(MATCHED) >= 7 and binned.id not in {d[2] for d in read_all}
    assert next(d for d in read_all if d[0] == 7)[1] == MATCHED
    assert len(next(d for d in read_all if d[0] == 14)[4]) >= 3
    assert any("same e-mail address" in d[3] for d in read_all)


def test_filling_in_refuses_people_changed_since_they_were_read(conference, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Matched people are filled in only if still as read (their version): a change in between
    refuses the whole import, and nothing is written."""
    database, ref = conference
    _import(database, "en_conference.xlsx", ref)
    understood = open_list(database, FIXTURES / "ru_conference.xlsx")
    before = table_count(database, "audit_entry")
    real = enriching.chunks

    with pytest.raises(ConflictError), database.session_scope() as session:

        def then_changed(items):  # type: ignore[no-untyped-def]
            yield from real(items)  # once the people are read, someone edits them all
            session.execute(sa.update(Person).values(version=Person.version + 1))

        monkeypatch.setattr(enriching, "chunks", then_changed)
        commit_plan(session, make_plan(session, understood, events.find_event(session, ref)))
    assert table_count(database, "audit_entry") == before
