"""A small office's records made through the services, with every case the figures must handle:
statuses that count and that do not, a participation and a person in the recycle bin, someone
who changed agency since the event, an event known only by reported head-counts, a cancelled
event, an event outside the period, people who came back, partners with several roles, and text
that a spreadsheet would take for a formula."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from app.services import events, organizations, participations, partners, people, projects

ATTACKS = ('=HYPERLINK("http://x","click")', "+1+2", "-3+4", "@SUM(A1)", "#N/A")


@dataclasses.dataclass
class Scenario:
    ids: dict[str, uuid.UUID]

    def __getitem__(self, key: str) -> uuid.UUID:
        return self.ids[key]


def build_scenario(session: Any) -> Scenario:
    ids: dict[str, uuid.UUID] = {}

    def org(key: str, **values: Any) -> None:
        ids[key] = organizations.create_organization(session, **values).id

    org(
        "kz-border",
        name="Border Service of Kazakhstan",
        kind="national_agency",
        sector="border",
        country="KZ",
    )
    org(
        "kz-customs",
        name="State Revenue Committee",
        kind="national_agency",
        sector="customs",
        country="KZ",
    )
    org(
        "uz-customs",
        name="State Customs Committee of Uzbekistan",
        name_local="Государственный таможенный комитет",
        kind="national_agency",
        sector="customs",
        country="UZ",
    )
    org("osce", name="OSCE Secretariat", acronym="OSCE", kind="international_organization")
    org("eu", name="European Union", acronym="EU", kind="international_organization")
    ids["project"] = projects.create_project(
        session, code="P-1", title="Border project", donors=[ids["eu"]]
    ).id

    def person(
        key: str,
        family: str,
        given: str,
        sex: str,
        nationality: str | None,
        org_key: str | None,
        **more: Any,
    ) -> None:
        ids[key] = people.create_person(
            session, family_name=family, given_name=given, sex=sex, nationality=nationality,
            organization_id=ids[org_key] if org_key else None, **more,
        ).id  # fmt: skip

    person(
        "aida",
        "Abenova",
        "Aida",
        "female",
        "KZ",
        "kz-border",
        family_name_local="Абенова",
        given_name_local="Аида",
        phone="+7 701 000 00 00",
    )
    person(
        "bolat",
        "Bekov",
        "Bolat",
        "male",
        "KZ",
        "kz-customs",
        family_name_local="Беков",
        given_name_local="Болат",
    )
    person(
        "dilnoza",
        "Karimova",
        "Dilnoza",
        "female",
        "UZ",
        "uz-customs",
        email="d.karimova@example.uz",
    )
    person("erkin", "Nurov", "Erkin", "male", "UZ", "uz-customs")
    person("anna", "Schmidt", "Anna", "female", "DE", "osce")
    person("x", "Unknown", "X", "unspecified", None, None)
    person("gone", "Deleted", "Person", "male", "KZ", "kz-border")
    person("noshow", "Absent", "Sam", "male", "UZ", "uz-customs")
    person(
        "evil",
        ATTACKS[0],
        ATTACKS[1],
        "female",
        "KZ",
        "kz-border",
        position=ATTACKS[2],
        notes=ATTACKS[3],
        rank=ATTACKS[4],
    )

    def event(key: str, **values: Any) -> None:
        ids[key] = events.create_event(session, **values).id

    event(
        "a",
        title="Regional workshop on risk management",
        type="workshop",
        start_date="2024-03-05",
        end_date="2024-03-07",
        city="Almaty",
        country="KZ",
        status="held",
        project_id=ids["project"],
    )
    event(
        "b",
        title="National training course on border checks",
        type="training_course",
        start_date="2024-05-14",
        end_date="2024-05-15",
        city="Tashkent",
        country="UZ",
        status="held",
        reported_total=15,
        reported_female=5,
        reported_male=10,
    )
    event(
        "c",
        title="Round table on transit",
        type="round_table",
        start_date="2024-06-01",
        end_date="2024-06-01",
        city="Almaty",
        country="KZ",
        status="held",
    )
    event(
        "cancelled",
        title="Seminar that did not happen",
        type="seminar",
        start_date="2024-07-01",
        end_date="2024-07-02",
        country="KZ",
        status="cancelled",
    )
    event("outside", title="Meeting of 2023", type="meeting", start_date="2023-11-01",
          end_date="2023-11-01", country="KZ", status="held")  # fmt: skip
    partners.add_partner(session, ids["a"], ids["osce"], "organizer")
    partners.add_partner(session, ids["a"], ids["eu"], "donor")
    partners.add_partner(session, ids["c"], ids["osce"], "co_organizer")
    partners.add_partner(session, ids["c"], ids["osce"], "host")

    def took_part(event_key: str, person_key: str, **values: Any) -> uuid.UUID:
        return participations.add_participation(
            session, ids[event_key], ids[person_key], **values
        ).id

    took_part("a", "aida", status="attended")
    took_part("a", "bolat", status="partially_attended", mode="online")
    took_part("a", "dilnoza", status="attended", role="speaker")
    took_part("a", "anna", status="attended", role="trainer")
    took_part("a", "x", status="attended")
    took_part("a", "noshow", status="no_show")
    took_part("a", "erkin", status="registered")
    took_part("a", "gone", status="attended")
    took_part("a", "evil", status="attended")
    removed = took_part("c", "erkin", status="attended")
    participations.remove_participation(session, removed)
    took_part("c", "aida", status="attended")
    took_part("c", "dilnoza", status="attended")
    took_part("outside", "bolat", status="attended")
    people.delete_person(session, ids["gone"])
    # Aida has since moved to customs: her participations still count under border.
    people.update_person(session, ids["aida"], None, organization_id=ids["kz-customs"])
    return Scenario(ids)
