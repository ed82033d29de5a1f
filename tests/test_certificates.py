"""Certificates of attendance: who may have one, numbers unique and gapless per office and year
(two offices, reissues, two issuers at once, on SQLite and PostgreSQL), the register and the
participation's flag kept together, audited, and a correction reissuing."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa

from app.errors import NotFoundError, ValidationError
from app.services import certificates, events, office_settings, participations, people
from app.services.records import audit_history
from db.engine import open_database
from db.enums import EventStatus, ParticipationStatus
from db.models import Certificate, Participation

STATUSES = [
    ("Attended", ParticipationStatus.ATTENDED, None),
    ("Attended Counted", ParticipationStatus.ATTENDED, 1),  # days do not matter when attended
    ("Partial One", ParticipationStatus.PARTIALLY_ATTENDED, 1),
    ("Partial Two", ParticipationStatus.PARTIALLY_ATTENDED, 2),
    ("Partial Three", ParticipationStatus.PARTIALLY_ATTENDED, 3),
    ("Partial Unknown", ParticipationStatus.PARTIALLY_ATTENDED, None),
    ("Noshow", ParticipationStatus.NO_SHOW, None),
    ("Cancelled", ParticipationStatus.CANCELLED, None),
    ("Invited", ParticipationStatus.INVITED, None),
    ("Registered", ParticipationStatus.REGISTERED, None),
]


def _event(session, start: dt.date, days: int = 3, **values):  # type: ignore[no-untyped-def]
    return events.create_event(
        session,
        **{
            "title": f"Training course of {start.isoformat()}",
            "type": "training_course",
            "start_date": start,
            "end_date": start + dt.timedelta(days=days - 1),
            "city": "Dushanbe",
            "country": "TJ",
            "status": "held",
            **values,
        },
    )


def _person(session, family: str, given: str = "Test", **values):  # type: ignore[no-untyped-def]
    return people.create_person(session, family_name=family, given_name=given, **values)


def _listed(session, event, rows) -> dict[str, Participation]:  # type: ignore[no-untyped-def]
    listed = {}
    for family, status, days in rows:
        person = _person(session, family.split()[0], family.split()[-1])
        listed[family] = participations.add_participation(
            session, event.id, person.id, status=status, days_attended=days
        )
    return listed


def _eligible_names(session, event) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        f"{p.person.family_name} {p.person.given_name}"
        for p in certificates.eligible_participations(session, event)
    }


def test_eligibility_attended_always_partial_by_the_days_the_event_asks_never_others(
    sqlite_db,
) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _event(s, dt.date(2019, 3, 12))
        listed = _listed(s, event, STATUSES)
        # Without a number of days, a partial attendee has none.
        assert _eligible_names(s, event) == {"Attended Attended", "Attended Counted"}
        events.update_event(s, event.id, None, certificate_min_days=2)
        assert _eligible_names(s, event) == {
            "Attended Attended",
            "Attended Counted",
            "Partial Two",
            "Partial Three",
        }
        # Binned listings and binned people are not eligible either.
        participations.remove_participation(s, listed["Partial Two"].id)
        people.delete_person(s, listed["Partial Three"].person_id)
        assert _eligible_names(s, event) == {"Attended Attended", "Attended Counted"}
        reasons = {c.name: c.reason for c in certificates.candidates(s, event)}
        assert reasons["Noshow Noshow"] == "their status is 'no show'"
        assert reasons["Partial One"] == "they attended 1 of the 2 days a certificate needs"
        assert reasons["Attended Attended"] is None


def test_event_form_rule_days_needed_within_the_length_of_the_event(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _event(s, dt.date(2019, 3, 12), days=3)
        with pytest.raises(ValidationError) as refused:
            events.update_event(s, event.id, None, certificate_min_days=4)
        assert refused.value.for_field("certificate_min_days")
        with pytest.raises(ValidationError):
            events.update_event(s, event.id, None, certificate_min_days=0)


def test_no_show_or_cancelled_listing_or_cancelled_event_is_refused_and_nothing_written(
    sqlite_db,
) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _event(s, dt.date(2019, 3, 12))
        listed = _listed(s, event, STATUSES)
        event_id = event.id
        refused_people = [listed[n].person_id for n in ("Noshow", "Cancelled", "Partial Two")]
    for person_id in refused_people:
        with pytest.raises(ValidationError), sqlite_db.session_scope() as s:
            certificates.issue_certificates(s, s.get(type(event), event_id), person_id)
    with sqlite_db.session_scope() as s:
        event = s.get(type(event), event_id)
        events.update_event(s, event.id, None, status=EventStatus.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled"), sqlite_db.session_scope() as s:
        certificates.issue_certificates(s, s.get(type(event), event_id))
    with sqlite_db.session_scope(readonly=True) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Certificate)) == 0
        flags = s.scalars(sa.select(Participation.certificate_issued)).all()
        assert not any(flags)


def _serials(session) -> dict[tuple[str, int], list[int]]:  # type: ignore[no-untyped-def]
    found: dict[tuple[str, int], list[int]] = {}
    for office, year, serial in session.execute(
        sa.select(Certificate.office, Certificate.year, Certificate.serial).order_by(
            Certificate.serial
        )
    ):
        found.setdefault((office, year), []).append(serial)
    return found


def test_numbers_run_without_gaps_per_office_and_year_across_two_offices_and_a_reissue(
    any_db,
) -> None:  # type: ignore[no-untyped-def]
    rows = [(f"Person{i} Given{i}", ParticipationStatus.ATTENDED, None) for i in range(3)]
    with any_db.session_scope() as s:
        first_2019 = _event(s, dt.date(2019, 12, 30))  # the year it starts counts
        second_2019 = _event(s, dt.date(2019, 4, 1))
        one_2020 = _event(s, dt.date(2020, 2, 1))
        for event in (first_2019, second_2019, one_2020):
            _listed(s, event, rows)
        no_office = certificates.issue_certificates(s, first_2019)
        assert certificates.numbers(no_office) == ["2019-0001", "2019-0002", "2019-0003"]
        office_settings.set_office_code(s, "tjk")
        tajik = certificates.issue_certificates(s, second_2019)
        assert certificates.numbers(tajik) == ["TJK-2019-0001", "TJK-2019-0002", "TJK-2019-0003"]
        office_settings.set_office_code(s, "KGZ")
        kyrgyz = certificates.issue_certificates(s, one_2020)
        assert certificates.numbers(kyrgyz) == ["KGZ-2020-0001", "KGZ-2020-0002", "KGZ-2020-0003"]
        office_settings.set_office_code(s, "TJK")
        renewed = certificates.reissue_certificate(s, tajik[1].id)
        assert renewed.number == "TJK-2019-0004"
        assert tajik[1].superseded_by_id == renewed.id
        with pytest.raises(ValidationError, match="already superseded"):
            certificates.reissue_certificate(s, tajik[1].id)
        # Printing again gives the current certificates, numbers unchanged.
        again = certificates.issue_certificates(s, second_2019)
        assert certificates.numbers(again) == ["TJK-2019-0001", "TJK-2019-0004", "TJK-2019-0003"]
        assert _serials(s) == {
            ("", 2019): [1, 2, 3],
            ("TJK", 2019): [1, 2, 3, 4],
            ("KGZ", 2020): [1, 2, 3],
        }
        codes = s.scalars(sa.select(Certificate.code)).all()
        assert len(set(codes)) == len(codes) == 10
        assert all(len(c) == 11 and c[5] == "-" for c in codes)
        assert all(set(c.replace("-", "")) <= set(certificates.CODE_ALPHABET) for c in codes)
        # The participation's flag comes with the register, and every write is audited.
        issued = s.scalars(sa.select(Participation).where(Participation.certificate_issued)).all()
        assert len(issued) == 9
        assert [e.action.value for e in audit_history(s, "certificate", tajik[1].id)] == [
            "create",
            "update",
        ]


def test_a_corrected_name_reissues_that_certificate_only(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    rows = [("Karimov Aziz", ParticipationStatus.ATTENDED, None)] + [
        (f"Other{i} Name", ParticipationStatus.ATTENDED, None) for i in range(2)
    ]
    with sqlite_db.session_scope() as s:
        event = _event(s, dt.date(2023, 6, 5))
        listed = _listed(s, event, rows)
        before = {c.participation_id: c.number for c in certificates.issue_certificates(s, event)}
        people.update_person(s, listed["Karimov Aziz"].person_id, None, family_name="Karimow")
        after = certificates.issue_certificates(s, event)
        changed = {c.participation_id: c.number for c in after}
        corrected = listed["Karimov Aziz"].id
        assert changed[corrected] == "2023-0004"
        assert {k: v for k, v in changed.items() if k != corrected} == {
            k: v for k, v in before.items() if k != corrected
        }
        old = certificates.find_by_code(
            s,
            s.scalar(sa.select(Certificate.code).where(Certificate.number == before[corrected])),
        )
        assert not old.is_current
        assert certificates.superseding_number(s, old) == "2023-0004"
        assert [c.number for c in certificates.event_register(s, event.id)] == [
            "2023-0001",
            "2023-0002",
            "2023-0003",
            "2023-0004",
        ]


def test_codes_are_found_as_typed_and_unknown_ones_are_not(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _event(s, dt.date(2023, 6, 5))
        _listed(s, event, [("Only One", ParticipationStatus.ATTENDED, None)])
        (issued,) = certificates.issue_certificates(s, event)
        typed = f"  {issued.code.replace('-', ' ').lower()} "
        assert certificates.find_by_code(s, typed).id == issued.id
        with pytest.raises(NotFoundError):
            certificates.find_by_code(s, "22222-22222")


def _issue_many(url: str, event_ids: list, failures: list) -> None:  # type: ignore[type-arg]
    database = open_database(url)
    try:
        for event_id in event_ids:
            with database.session_scope(actor="issuer") as s:
                certificates.issue_certificates(s, s.get(events.Event, event_id))
    except Exception as exc:  # reported to the test, which fails on it
        failures.append(repr(exc))
    finally:
        database.dispose()


def test_two_issuers_at_once_take_unique_gapless_numbers(any_db) -> None:  # type: ignore[no-untyped-def]
    """Two issuers (own connections, threads) number the same year's events at the same time,
    each event asked for by both: no number twice, no gap, one current certificate each."""
    rows = [(f"Issued{i} Person{i}", ParticipationStatus.ATTENDED, None) for i in range(3)]
    with any_db.session_scope() as s:
        event_ids = []
        for day in range(12):
            event = _event(s, dt.date(2024, 1, 1) + dt.timedelta(days=7 * day))
            _listed(s, event, rows)
            event_ids.append(event.id)
    url = any_db.engine.url.render_as_string(hide_password=False)
    failures: list[str] = []
    workers = [
        threading.Thread(target=_issue_many, args=(url, order, failures))
        for order in (event_ids, list(reversed(event_ids)))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert failures == []
    with any_db.session_scope(readonly=True) as s:
        assert _serials(s) == {("", 2024): list(range(1, 37))}
        current = s.execute(
            sa.select(Certificate.participation_id, sa.func.count())
            .where(Certificate.superseded_by_id.is_(None))
            .group_by(Certificate.participation_id)
        ).all()
        assert len(current) == 36 and {n for _, n in current} == {1}


def test_merging_two_people_takes_their_certificates_along_one_current_each(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from app.services.merging import merge_people

    with sqlite_db.session_scope() as s:
        both = _event(s, dt.date(2021, 5, 3))
        only_dropped = _event(s, dt.date(2021, 9, 6))
        keep = _person(s, "Saidov", "Jamshed")
        drop = _person(s, "Saidow", "Jamshed")
        for person, event in ((keep, both), (drop, both), (drop, only_dropped)):
            participations.add_participation(s, event.id, person.id, status="attended")
        kept = {c.person_id: c for c in certificates.issue_certificates(s, both)}
        (moved,) = certificates.issue_certificates(s, only_dropped)
        merge_people(s, keep.id, drop.id)
        assert [c.person_id for c in certificates.person_certificates(s, drop.id)] == []
        mine = certificates.person_certificates(s, keep.id)
        assert sorted(c.number for c in mine) == ["2021-0001", "2021-0002", "2021-0003"]
        assert kept[drop.id].superseded_by_id == kept[keep.id].id
        assert moved.is_current and moved.person_id == keep.id
        assert [c.number for c in certificates.issue_certificates(s, both)] == [
            kept[keep.id].number
        ]  # printing again issues nothing new
        assert [e.action.value for e in audit_history(s, "certificate", moved.id)] == [
            "create",
            "merge",
        ]


def test_anonymising_a_person_erases_the_hash_of_the_names_on_their_certificates(
    sqlite_db,
) -> None:  # type: ignore[no-untyped-def]
    from app.services import privacy

    with sqlite_db.session_scope() as s:
        event = _event(s, dt.date(2018, 10, 1))
        listed = _listed(s, event, [("Rahimov Farrukh", ParticipationStatus.ATTENDED, None)])
        (issued,) = certificates.issue_certificates(s, event)
        assert len(issued.content_digest) == 64
        privacy.anonymise_person(s, listed["Rahimov Farrukh"].person_id)
        assert issued.content_digest == privacy.ERASED
        assert issued.number == "2018-0001" and issued.is_current  # still verifiable


def test_the_certificate_flag_is_set_by_the_register_only(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _event(s, dt.date(2020, 10, 5))
        listed = _listed(s, event, [("Toktosunov Azamat", ParticipationStatus.ATTENDED, None)])
        listing = listed["Toktosunov Azamat"]
        with pytest.raises(ValidationError, match="follows the register"):
            participations.update_participation(s, listing.id, None, certificate_issued=True)
        other = _person(s, "Usenova", "Cholpon")
        with pytest.raises(ValidationError, match="follows the register"):
            participations.add_participation(s, event.id, other.id, certificate_issued="yes")
        certificates.issue_certificates(s, event)
        assert listing.certificate_issued
        with pytest.raises(ValidationError, match="follows the register"):
            participations.update_participation(s, listing.id, None, certificate_issued=False)
        # Other edits of a listing with a certificate go through.
        participations.update_participation(s, listing.id, None, notes="Group B")
