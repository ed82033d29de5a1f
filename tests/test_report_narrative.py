"""The opening sentences of event summaries, written from the figures, in English and Russian."""

from __future__ import annotations

import datetime as dt
import uuid

from app.reports.event_data import load_event_report
from app.reports.event_facts import Body, EventFacts
from app.reports.figures import EventFigures, Group, SexSplit
from app.reports.narrative import event_title_in_text, opening_sentences
from app.services.events import find_event
from db.enums import (
    AgencySector,
    AttendanceMode,
    EventFormat,
    EventStatus,
    EventType,
    OrganizationKind,
    ParticipationRole,
    Sex,
)

AGENCY = {code: uuid.uuid4() for code in ("KZ", "KG", "TJ", "TM", "UZ")}
UN = uuid.uuid4()


def official(
    sex: Sex, country: str, sector: AgencySector, n: int = 1, online: bool = False
) -> Group:
    mode = AttendanceMode.ONLINE if online else AttendanceMode.IN_PERSON
    return Group(sex, country, AGENCY[country], sector, OrganizationKind.NATIONAL_AGENCY,
                 ParticipationRole.PARTICIPANT, mode, n)  # fmt: skip


def expert(sex: Sex, n: int = 1) -> Group:
    return Group(sex, "DE", UN, None, OrganizationKind.INTERNATIONAL_ORGANIZATION,
                 ParticipationRole.SPEAKER, AttendanceMode.IN_PERSON, n)  # fmt: skip


def facts(groups: list[Group], **changes: object) -> EventFacts:
    by_sex = sum((SexSplit.of(g.sex, g.count) for g in groups), SexSplit())
    values: dict[str, object] = {
        "title": "Regional workshop on border checks",
        "type": EventType.WORKSHOP,
        "status": EventStatus.HELD,
        "start_date": dt.date(2019, 2, 19),
        "end_date": dt.date(2019, 2, 21),
        "format": EventFormat.IN_PERSON,
        "venue": None,
        "city": "Ashgabat",
        "country": "TM",
        "figures": EventFigures("participants", by_sex, tuple(groups), {}),
        "bodies": {UN: Body("United Nations Office on Drugs and Crime", None, "UNODC")},
    }
    values.update(changes)
    return EventFacts(**values)  # type: ignore[arg-type]


def test_officials_of_all_five_states_with_women_and_experts() -> None:
    groups = [
        official(Sex.FEMALE, "KZ", AgencySector.BORDER, 3),
        official(Sex.MALE, "KG", AgencySector.CUSTOMS, 9),
        official(Sex.FEMALE, "TJ", AgencySector.MIGRATION, 6),
        official(Sex.MALE, "TM", AgencySector.BORDER, 4),
        official(Sex.MALE, "UZ", AgencySector.BORDER, 4),
        expert(Sex.MALE, 2),
    ]
    text = opening_sentences(facts(groups), "en")
    assert text.startswith(
        "Twenty-six officials — nine of them women — from border, customs and migration agencies"
        " of the five Central Asian States took part in the regional workshop on border checks,"
        " held in Ashgabat, Turkmenistan, on 19–21 February 2019, together with two"
        " representatives of UNODC."
    )
    russian = opening_sentences(facts(groups), "ru")
    assert russian.startswith(
        "В семинаре-практикуме «Regional workshop on border checks» (Ашхабад, Туркменистан,"
        " 19–21 февраля 2019\u00a0года) приняли участие 26 должностных лиц, в том числе девять"
        " женщин, из пограничных, таможенных и миграционных ведомств пяти государств"
        " Центральной Азии, а также два представителя партнёрских организаций (УНП ООН)."
    )


def test_russian_agreement_with_one_and_twenty_one() -> None:
    one = opening_sentences(facts([official(Sex.MALE, "UZ", AgencySector.CUSTOMS)]), "ru")
    assert "приняло участие одно должностное лицо из таможенного ведомства Узбекистана." in one
    twenty_one = [
        official(Sex.FEMALE, "UZ", AgencySector.CUSTOMS, 1),
        official(Sex.MALE, "KZ", AgencySector.CUSTOMS, 20),
    ]
    text = opening_sentences(facts(twenty_one), "ru")
    assert "приняло участие 21 должностное лицо, в том числе одна женщина," in text
    assert "двух государств Центральной Азии" not in text  # two countries are named instead
    assert "Казахстана и Узбекистана" in text
    english = opening_sentences(facts(twenty_one), "en")
    assert english.startswith(
        "Twenty-one officials — one of them a woman — from customs agencies of Kazakhstan and Uzbekistan"
    )


def test_three_central_asian_states_and_online_participants() -> None:
    groups = [
        official(Sex.FEMALE, "KZ", AgencySector.BORDER, 2, online=True),
        official(Sex.FEMALE, "KG", AgencySector.BORDER, 2),
        official(Sex.MALE, "TJ", AgencySector.BORDER, 1),
    ]
    text = opening_sentences(facts(groups, format=EventFormat.HYBRID), "en")
    assert (
        "Five officials — four of them women — from border agencies of three Central Asian States"
        in text
    )
    assert "Two participants joined online." in text
    russian = opening_sentences(facts(groups, format=EventFormat.HYBRID), "ru")
    assert "трёх государств Центральной Азии" in russian
    assert "Два участника подключились онлайн." in russian


def test_reported_planned_cancelled_and_empty_events() -> None:
    reported = facts([], figures=EventFigures("reported", SexSplit(5, 10, 0), (), {}))
    assert opening_sentences(reported, "en").startswith(
        "According to the event report, 15 participants — five of them women — took part in the"
        " regional workshop on border checks"
    )
    assert "приняли участие 15 человек, в том числе пять женщин." in opening_sentences(
        reported, "ru"
    )
    planned = facts([], status=EventStatus.PLANNED, registered=22,
                    figures=EventFigures("participants", SexSplit(), (), {}))  # fmt: skip
    assert opening_sentences(planned, "en").startswith(
        "Twenty-two people are registered for the regional workshop on border checks, to be held in Ashgabat"
    )
    assert "Зарегистрированы 22 человека." in opening_sentences(planned, "ru")
    cancelled = facts([], status=EventStatus.CANCELLED)
    assert opening_sentences(cancelled, "en").endswith("was cancelled.")
    assert opening_sentences(cancelled, "ru").endswith("отменено.")
    empty = facts([], figures=EventFigures("none", SexSplit(), (), {}))
    assert opening_sentences(empty, "en").startswith("No participants are recorded for")


def test_partners_sentence() -> None:
    organiser = Body("OSCE Centre in Ashgabat", "Центр ОБСЕ в Ашхабаде", "OSCE")
    donor = Body("Government of Germany", "Правительство Германии", "Government of Germany")
    text = facts(
        [official(Sex.MALE, "TM", AgencySector.BORDER, 3)], organisers=(organiser,), donors=(donor,)
    )
    assert opening_sentences(text, "en").endswith(
        "It was organised by the OSCE Centre in Ashgabat and funded by the Government of Germany."
    )
    assert opening_sentences(text, "ru").endswith(
        "Организатор — Центр ОБСЕ в Ашхабаде; донор — Правительство Германии."
    )


def test_titles_read_as_running_text() -> None:
    assert (
        event_title_in_text("Regional workshop on border checks")
        == "the regional workshop on border checks"
    )
    assert event_title_in_text("17th CABMI Conference") == "the 17th CABMI Conference"
    assert event_title_in_text("OSCE needs-assessment visit") == "the OSCE needs-assessment visit"


def test_the_cabmi_conference_from_the_sample_data(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope(readonly=True) as session:
        data = load_event_report(session, find_event(session, "2022-001"))
    text = opening_sentences(data.facts, "en")
    # 15 officials of the five States, 4 women among them; 5 from partner organisations
    assert text.startswith("Fifteen officials — four of them women — from border, customs,")
    assert (
        "of the five Central Asian States took part in the 17th Central Asia Border Management"
        in text
    )
    assert "together with five representatives of the OSCE, BOMCA, UNOCT and UNODC." in text
    assert "Four participants joined online." in text
    russian = opening_sentences(data.facts, "ru")
    assert "приняли участие 15 должностных лиц, в том числе четыре женщины," in russian
    assert "(ОБСЕ, БОМКА, КТУ ООН, УНП ООН)" in russian
