"""The sample data says only what its sources say (issue 16, point 6): every event names its
source and has a Russian title; each fact the sample once got wrong is checked against what the
source gives. Reads ``resources/sample_data.json`` alone: no database, no translation catalogue."""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.sample_data import sample_data

CYRILLIC = re.compile("[А-Яа-яЁё]")
# BOMCA's workshops and seminars of 2019 as their source dates and places them (start, end, city).
DATES_2019 = (
    ("2019-02-19", "2019-02-21", "Ashgabat"),
    ("2019-03-12", "2019-03-14", "Almaty"),
    ("2019-03-12", "2019-03-15", "Tashkent"),
    ("2019-03-18", "2019-03-20", "Almaty"),
    ("2019-03-27", "2019-03-29", "Tashkent"),
    ("2019-04-09", "2019-04-11", "Dushanbe"),
    ("2019-04-16", "2019-04-18", "Tashkent"),
    ("2019-04-23", "2019-04-24", "Tashkent"),
)


def _events() -> dict[str, dict[str, Any]]:
    return {e["slug"]: e for e in sample_data()["events"]}


def _partners(slug: str) -> set[tuple[str, str]]:
    return {(organisation, role) for organisation, role in _events()[slug]["partners"]}


def _organisations() -> dict[str, dict[str, Any]]:
    return {o["slug"]: o for o in sample_data()["organizations"]}


@pytest.mark.parametrize("slug", sorted(_events()))
def test_every_sample_event_has_a_russian_title_and_a_source(slug: str) -> None:
    event = _events()[slug]
    assert event.get("title_ru") and CYRILLIC.search(event["title_ru"]), slug
    assert event["title_ru"] != event["title"]
    assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", event.get("source", "")), slug


def test_the_2019_workshops_are_on_their_sources_dates() -> None:
    dated = {
        (e["start_date"], e["end_date"], e["city"])
        for e in _events().values()
        if e["start_date"].startswith("2019")
    }
    assert dated == set(DATES_2019)


def test_the_caricc_workshop_is_on_18_to_20_march_about_e_learning_methodology() -> None:
    event = _events()["bomca-elearning-caricc-2019"]
    assert (event["start_date"], event["end_date"]) == ("2019-03-18", "2019-03-20")
    assert "e-learning methodology" in event["title"]
    assert event["scope"] == "national"  # training institutions of Kazakhstan
    assert "approximate" not in event.get("notes", "")
    assert ("caricc", "host") in _partners("bomca-elearning-caricc-2019")


def test_the_modernisation_of_customs_procedures_is_an_event_of_its_own() -> None:
    event = _events()["bomca-customs-modernisation-2019"]
    assert (event["start_date"], event["end_date"], event["city"]) == (
        "2019-03-12", "2019-03-15", "Tashkent",
    )  # fmt: skip
    assert event["title"] == "Regional workshop on modernisation of customs procedures"
    assert event["scope"] == "regional" and "participants" in event and not event["participants"]
    seminar = _events()["bomca-customs-control-2019"]
    assert seminar["title"] == "Seminar on improving the efficiency of the customs control system"
    assert "procedures" not in seminar["title"]


def test_cabmi_has_its_sources_organisers_and_delegations_and_nothing_else() -> None:
    event = _events()["cabmi-17"]
    partners = _partners("cabmi-17")
    organisations = _organisations()
    assert "uz-mfa" not in {organisation for organisation, _ in partners}
    assert {o for o, role in partners if role == "co_organizer"} == {
        "osce-secretariat", "osce-pcuz", "unodc",
    }  # fmt: skip
    assert {o for o, role in partners if role == "host"} == {"uz-government"}
    delegations = {organisations[o].get("acronym") or organisations[o]["country"]
                   for o, role in partners if role == "delegation"}  # fmt: skip
    assert delegations == {
        "KZ", "KG", "TJ", "TM", "AIRPOL", "BOMCA", "EUROPOL", "INTERPOL", "IOM", "UNAMA",
        "UNOCT", "DE", "TR", "US",
    }  # fmt: skip
    assert "70" not in event["notes"] and "outcomes" not in event
    assert event["fields_of_work"] == ["border_management"]
    assert event["organising_unit"] == "OSCE Secretariat"  # the source names no unit
    assert event["title_ru"].startswith("17-я Конференция")


def test_no_partner_roles_the_sources_do_not_state() -> None:
    assert ("unhcr", "co_organizer") not in _partners("bomca-border-checks-2019")
    assert ("tm-border", "host") not in _partners("bcp-transit-corridors-2025")
    assert ("tm-border", "host") not in _partners("transit-corridors-ibm-2025")
    assert {("icmpd", "expert_provider"), ("bomca", "expert_provider"),
            ("iom", "expert_provider")} <= _partners("transit-corridors-ibm-2025")  # fmt: skip
    assert _partners("needs-assessment-2006") == {("osce-secretariat", "organizer")}


def test_the_2006_visit_lasts_its_twelve_days_ending_on_1_august() -> None:
    event = _events()["needs-assessment-2006"]
    assert (event["start_date"], event["end_date"]) == ("2006-07-21", "2006-08-01")
    assert "city" not in event  # the source names no city for the visit as a whole
    assert "Russian Border Service" not in event["summary"] and "2008" not in event["outcomes"]
    assert event["fields_of_work"] == ["border_management", "conflict_prevention"]


def test_no_summary_claims_what_its_source_does_not_say() -> None:
    events = _events()
    assert "MOODLE" not in events["bomca-online-education-2019"]["summary"]
    assert "outcomes" not in events["bomca-online-education-2019"]
    assert "human_rights" not in events["bomca-return-migrants-2019"]["fields_of_work"]
    assert "outcomes" not in events["bcp-transit-corridors-2025"]


def test_the_bomca_project_claims_no_phase_or_dates_the_sources_do_not_give() -> None:
    project = next(p for p in sample_data()["projects"] if p["code"] == "BOMCA")
    assert "start_date" not in project and "Latvia" not in project["notes"]
    assert project["donors"] == ["eu"]


def test_invented_participants_say_they_are_invented() -> None:
    for person in sample_data()["people"]:
        assert person["notes"].startswith("Invented"), person["slug"]
    for slug, event in _events().items():
        if event["participants"]:
            assert "invented" in event["notes"], slug
