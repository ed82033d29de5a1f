"""The sample data set loaded by ``demo``: real events from public OSCE and BOMCA reporting, with
their organisers, partners, projects and donors, plus invented participants so that every screen
and report has something to show.

Every sample record has a fixed key (a UUID derived from its slug), so loading twice changes
nothing, and records a user has since edited or deleted are left as they are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.services import events, organizations, participations, partners, people, projects
from app.services.participations import existing_participation
from db.enums import (
    AgencySector as Sector,
)
from db.enums import (
    AttendanceMode,
    EventFormat,
    EventScope,
    EventStatus,
    EventType,
    OrganizationKind,
    ParticipationRole,
    ParticipationStatus,
    PartnerRole,
    Sex,
)
from db.models import Event, EventPartner, Organization, Person, Project

_NAMESPACE = uuid.UUID("5b0e3c52-8d0f-4d8e-9a55-6f1f3c1e2a10")

KIND_IO = OrganizationKind.INTERNATIONAL_ORGANIZATION
KIND_AGENCY = OrganizationKind.NATIONAL_AGENCY


def sample_id(slug: str) -> uuid.UUID:
    """The fixed key of the sample record named ``slug``."""
    return uuid.uuid5(_NAMESPACE, slug)


# slug: (name, local name, acronym, kind, sector, country, parent slug)
ORGANIZATIONS: dict[str, tuple[Any, ...]] = {
    "osce-secretariat": (
        "OSCE Secretariat",
        "Секретариат ОБСЕ",
        "OSCE",
        KIND_IO,
        None,
        None,
        None,
    ),
    "osce-bsmu": (
        "OSCE Secretariat, Border Security and Management Unit",
        "Секретариат ОБСЕ, Группа по вопросам безопасности и управления границами",
        "BSMU",
        KIND_IO,
        None,
        None,
        "osce-secretariat",
    ),
    "osce-ashgabat": (
        "OSCE Centre in Ashgabat",
        "Центр ОБСЕ в Ашхабаде",
        None,
        KIND_IO,
        None,
        None,
        "osce-secretariat",
    ),
    "osce-pcuz": (
        "OSCE Project Co-ordinator in Uzbekistan",
        "Координатор проектов ОБСЕ в Узбекистане",
        None,
        KIND_IO,
        None,
        None,
        "osce-secretariat",
    ),
    "osce-dushanbe": (
        "OSCE Office in Tajikistan",
        "Офис ОБСЕ в Таджикистане",
        None,
        KIND_IO,
        None,
        None,
        "osce-secretariat",
    ),
    "osce-bmsc": (
        "OSCE Border Management Staff College",
        "Колледж ОБСЕ по вопросам управления границами",
        "BMSC",
        KIND_IO,
        None,
        None,
        "osce-secretariat",
    ),
    "unodc": (
        "United Nations Office on Drugs and Crime",
        "Управление ООН по наркотикам и преступности",
        "UNODC",
        KIND_IO,
        None,
        None,
        None,
    ),
    "unoct": (
        "United Nations Office of Counter-Terrorism",
        "Контртеррористическое управление ООН",
        "UNOCT",
        KIND_IO,
        None,
        None,
        None,
    ),
    "unhcr": (
        "Office of the United Nations High Commissioner for Refugees",
        "Управление Верховного комиссара ООН по делам беженцев",
        "UNHCR",
        KIND_IO,
        None,
        None,
        None,
    ),
    "iom": (
        "International Organization for Migration",
        "Международная организация по миграции",
        "IOM",
        KIND_IO,
        None,
        None,
        None,
    ),
    "frontex": (
        "European Border and Coast Guard Agency",
        "Европейское агентство пограничной и береговой охраны",
        "Frontex",
        KIND_IO,
        None,
        None,
        None,
    ),
    "eu": ("European Union", "Европейский союз", "EU", KIND_IO, None, None, None),
    "bomca": (
        "Border Management Programme in Central Asia",
        "Программа содействия управлению границами в Центральной Азии",
        "BOMCA",
        KIND_IO,
        None,
        None,
        "eu",
    ),
    "caricc": (
        "Central Asian Regional Information and Coordination Centre",
        "Центрально-Азиатский региональный информационный координационный центр",
        "CARICC",
        KIND_IO,
        Sector.DRUG_CONTROL,
        "KZ",
        None,
    ),
    "giz": (
        "Deutsche Gesellschaft für Internationale Zusammenarbeit",
        "Германское общество по международному сотрудничеству",
        "GIZ",
        OrganizationKind.DONOR_GOVERNMENT,
        None,
        "DE",
        None,
    ),
    "germany": (
        "Government of Germany",
        "Правительство Германии",
        None,
        OrganizationKind.DONOR_GOVERNMENT,
        None,
        "DE",
        None,
    ),
    "de-embassy-tm": (
        "Embassy of Germany in Turkmenistan",
        "Посольство Германии в Туркменистане",
        None,
        OrganizationKind.EMBASSY,
        None,
        "DE",
        "germany",
    ),
    "uk": (
        "Government of the United Kingdom",
        "Правительство Соединённого Королевства",
        None,
        OrganizationKind.DONOR_GOVERNMENT,
        None,
        "GB",
        None,
    ),
    "lv-border": (
        "State Border Guard of Latvia",
        "Государственная пограничная охрана Латвии",
        None,
        KIND_AGENCY,
        Sector.BORDER,
        "LV",
        None,
    ),
    "lv-revenue": (
        "State Revenue Service of Latvia",
        "Служба государственных доходов Латвии",
        None,
        KIND_AGENCY,
        Sector.CUSTOMS,
        "LV",
        None,
    ),
    "tm-border": (
        "State Border Service of Turkmenistan",
        "Türkmenistanyň Döwlet serhet gullugy",
        None,
        KIND_AGENCY,
        Sector.BORDER,
        "TM",
        None,
    ),
    "tm-customs": (
        "State Customs Service of Turkmenistan",
        "Türkmenistanyň Döwlet gümrük gullugy",
        None,
        KIND_AGENCY,
        Sector.CUSTOMS,
        "TM",
        None,
    ),
    "tm-migration": (
        "State Migration Service of Turkmenistan",
        "Türkmenistanyň Döwlet migrasiýa gullugy",
        None,
        KIND_AGENCY,
        Sector.MIGRATION,
        "TM",
        None,
    ),
    "tm-veterinary": (
        "State Veterinary Service of Turkmenistan",
        "Türkmenistanyň Döwlet weterinariýa gullugy",
        None,
        KIND_AGENCY,
        Sector.VETERINARY,
        "TM",
        None,
    ),
    "kz-border": (
        "Border Service of the National Security Committee of Kazakhstan",
        "Пограничная служба Комитета национальной безопасности Республики Казахстан",
        "ПС КНБ",
        KIND_AGENCY,
        Sector.BORDER,
        "KZ",
        None,
    ),
    "kz-revenue": (
        "State Revenue Committee of Kazakhstan",
        "Комитет государственных доходов Министерства финансов Республики Казахстан",
        "КГД",
        KIND_AGENCY,
        Sector.CUSTOMS,
        "KZ",
        None,
    ),
    "kz-emergency": (
        "Committee for Emergency Situations of Kazakhstan",
        "Комитет по чрезвычайным ситуациям Республики Казахстан",
        None,
        KIND_AGENCY,
        Sector.LAW_ENFORCEMENT,
        "KZ",
        None,
    ),
    "kg-border": (
        "Border Service of the State Committee for National Security of Kyrgyzstan",
        "Пограничная служба ГКНБ Кыргызской Республики",
        None,
        KIND_AGENCY,
        Sector.BORDER,
        "KG",
        None,
    ),
    "kg-customs": (
        "State Customs Service of Kyrgyzstan",
        "Государственная таможенная служба Кыргызской Республики",
        "ГТС",
        KIND_AGENCY,
        Sector.CUSTOMS,
        "KG",
        None,
    ),
    "kg-migration": (
        "Ministry of Labour and Migration of Kyrgyzstan",
        "Министерство труда, социального обеспечения и миграции Кыргызской Республики",
        None,
        KIND_AGENCY,
        Sector.MIGRATION,
        "KG",
        None,
    ),
    "tj-border": (
        "Border Troops of the State Committee for National Security of Tajikistan",
        "Пограничные войска ГКНБ Республики Таджикистан",
        None,
        KIND_AGENCY,
        Sector.BORDER,
        "TJ",
        None,
    ),
    "tj-customs": (
        "Customs Service under the Government of Tajikistan",
        "Таможенная служба при Правительстве Республики Таджикистан",
        None,
        KIND_AGENCY,
        Sector.CUSTOMS,
        "TJ",
        None,
    ),
    "tj-drug": (
        "Drug Control Agency of Tajikistan",
        "Агентство по контролю за наркотиками при Президенте Республики Таджикистан",
        "АКН",
        KIND_AGENCY,
        Sector.DRUG_CONTROL,
        "TJ",
        None,
    ),
    "uz-border": (
        "Border Troops of the State Security Service of Uzbekistan",
        "Пограничные войска СГБ Республики Узбекистан",
        None,
        KIND_AGENCY,
        Sector.BORDER,
        "UZ",
        None,
    ),
    "uz-customs": (
        "State Customs Committee of Uzbekistan",
        "Государственный таможенный комитет Республики Узбекистан",
        "ГТК",
        KIND_AGENCY,
        Sector.CUSTOMS,
        "UZ",
        None,
    ),
    "uz-phyto": (
        "Plant Quarantine and Protection Agency of Uzbekistan",
        "Агентство по карантину и защите растений Республики Узбекистан",
        None,
        KIND_AGENCY,
        Sector.PHYTOSANITARY,
        "UZ",
        None,
    ),
    "uz-mfa": (
        "Ministry of Foreign Affairs of Uzbekistan",
        "Министерство иностранных дел Республики Узбекистан",
        "МИД",
        KIND_AGENCY,
        Sector.FOREIGN_AFFAIRS,
        "UZ",
        None,
    ),
}

PROJECTS: dict[str, dict[str, Any]] = {
    "tm-border-project": {
        "code": "TM-SBS",
        "title": "Strengthening the Capacities of the State Border Service of Turkmenistan",
        "notes": "Extra-budgetary multi-donor project of the OSCE Centre in Ashgabat.",
        "donors": ["germany"],
    },
    "bomca-9": {
        "code": "BOMCA 9",
        "title": "Border Management Programme in Central Asia, phase 9",
        "start_date": dt.date(2015, 7, 1),
        "end_date": dt.date(2020, 12, 31),
        "notes": "EU-funded; implemented by a consortium led by the State Border Guard of Latvia.",
        "donors": ["eu"],
    },
}


@dataclasses.dataclass(frozen=True)
class SampleEvent:
    slug: str
    values: dict[str, Any]
    partners: tuple[tuple[str, PartnerRole], ...]
    project: str | None = None


BORDER, MIGRATION = "border_management", "migration"

EVENTS: tuple[SampleEvent, ...] = (
    SampleEvent(
        "needs-assessment-2006",
        {
            "title": "OSCE needs-assessment visit on border management to Tajikistan and Kyrgyzstan",
            "type": EventType.ASSESSMENT_VISIT,
            "start_date": dt.date(2006, 7, 1),
            "end_date": dt.date(2006, 8, 31),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.REGIONAL,
            "city": "Dushanbe",
            "country": "TJ",
            "organising_unit": "OSCE Secretariat",
            "status": EventStatus.HELD,
            "summary": "Needs assessment of border security and management in Tajikistan and "
            "Kyrgyzstan after the withdrawal of the Russian Border Service in 2005.",
            "outcomes": "Led to the three extra-budgetary border projects the OSCE Office in "
            "Tajikistan launched in 2008 and to the Border Management Staff College.",
            "notes": "Public reporting gives the visit as July–August 2006; exact days not stated.",
            "fields_of_work": [BORDER],
        },
        (("osce-secretariat", PartnerRole.ORGANIZER), ("osce-dushanbe", PartnerRole.HOST)),
    ),
    SampleEvent(
        "bomca-border-checks-2019",
        {
            "title": "Regional workshop on border checks",
            "type": EventType.WORKSHOP,
            "start_date": dt.date(2019, 2, 19),
            "end_date": dt.date(2019, 2, 21),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.REGIONAL,
            "city": "Ashgabat",
            "country": "TM",
            "organising_unit": "BOMCA",
            "status": EventStatus.HELD,
            "summary": "Modern techniques and international standards in border checks and the "
            "management of mixed migration flows; a visit to Ashgabat airport, where the State "
            "Migration Service of Turkmenistan demonstrated its border-control IT systems.",
            "outcomes": "15 border guards and customs officers from Kazakhstan, Kyrgyzstan, "
            "Turkmenistan and Uzbekistan trained.",
            "reported_total": 15,
            "fields_of_work": [BORDER, MIGRATION],
        },
        (
            ("bomca", PartnerRole.ORGANIZER),
            ("unhcr", PartnerRole.CO_ORGANIZER),
            ("frontex", PartnerRole.EXPERT_PROVIDER),
            ("eu", PartnerRole.DONOR),
        ),
        "bomca-9",
    ),
    SampleEvent(
        "bomca-contingency-2019",
        {
            "title": "Workshop on contingency planning at border checkpoints",
            "type": EventType.WORKSHOP,
            "start_date": dt.date(2019, 3, 12),
            "end_date": dt.date(2019, 3, 14),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.NATIONAL,
            "city": "Almaty",
            "country": "KZ",
            "organising_unit": "BOMCA",
            "status": EventStatus.HELD,
            "summary": "Contingency planning at border checkpoints for the Border Service, the "
            "State Revenue Committee (customs), the Committee for Emergency Situations, the "
            "Border Guards Academy and the Ministry of Agriculture of Kazakhstan.",
            "fields_of_work": [BORDER],
        },
        (("bomca", PartnerRole.ORGANIZER), ("eu", PartnerRole.DONOR)),
        "bomca-9",
    ),
    SampleEvent(
        "bomca-customs-control-2019",
        {
            "title": "Seminar on customs procedures and the efficiency of customs control",
            "type": EventType.SEMINAR,
            "start_date": dt.date(2019, 3, 27),
            "end_date": dt.date(2019, 3, 29),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.REGIONAL,
            "city": "Tashkent",
            "country": "UZ",
            "organising_unit": "BOMCA",
            "status": EventStatus.HELD,
            "summary": "The State Revenue Committee of Kazakhstan shared its experience of "
            "introducing a risk-management system with the State Customs Committee and the "
            "teaching staff of the Customs Institute of Uzbekistan.",
            "fields_of_work": [BORDER, "economic_activities"],
        },
        (
            ("bomca", PartnerRole.ORGANIZER),
            ("kz-revenue", PartnerRole.EXPERT_PROVIDER),
            ("eu", PartnerRole.DONOR),
        ),
        "bomca-9",
    ),
    SampleEvent(
        "bomca-elearning-caricc-2019",
        {
            "title": "Workshop on e-learning for law-enforcement training institutions",
            "type": EventType.WORKSHOP,
            "start_date": dt.date(2019, 4, 2),
            "end_date": dt.date(2019, 4, 3),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.REGIONAL,
            "venue": "CARICC",
            "city": "Almaty",
            "country": "KZ",
            "organising_unit": "BOMCA",
            "status": EventStatus.HELD,
            "notes": "Listed among BOMCA's regional workshops of February–April 2019; the days "
            "are approximate.",
            "fields_of_work": [BORDER, "education"],
        },
        (
            ("bomca", PartnerRole.ORGANIZER),
            ("caricc", PartnerRole.HOST),
            ("eu", PartnerRole.DONOR),
        ),
        "bomca-9",
    ),
    SampleEvent(
        "bomca-online-education-2019",
        {
            "title": "Workshop on online education for border guard and customs training "
            "institutions of Tajikistan",
            "type": EventType.WORKSHOP,
            "start_date": dt.date(2019, 4, 9),
            "end_date": dt.date(2019, 4, 11),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.NATIONAL,
            "venue": "OSCE Border Management Staff College",
            "city": "Dushanbe",
            "country": "TJ",
            "organising_unit": "BOMCA",
            "status": EventStatus.HELD,
            "summary": "E-learning methodology and the MOODLE platform for the institutions that "
            "train and retrain Tajik border guards and customs officers.",
            "outcomes": "Recommendations on electronic education programmes for border guards "
            "and customs officers of Tajikistan.",
            "fields_of_work": [BORDER, "education"],
        },
        (
            ("bomca", PartnerRole.ORGANIZER),
            ("osce-bmsc", PartnerRole.HOST),
            ("lv-border", PartnerRole.EXPERT_PROVIDER),
            ("lv-revenue", PartnerRole.EXPERT_PROVIDER),
            ("eu", PartnerRole.DONOR),
        ),
        "bomca-9",
    ),
    SampleEvent(
        "bomca-return-migrants-2019",
        {
            "title": "Regional workshop on EU standards on identification, detention and return "
            "of irregular migrants",
            "type": EventType.WORKSHOP,
            "start_date": dt.date(2019, 4, 16),
            "end_date": dt.date(2019, 4, 18),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.REGIONAL,
            "city": "Tashkent",
            "country": "UZ",
            "organising_unit": "BOMCA",
            "status": EventStatus.HELD,
            "summary": "A workshop and round-table discussions between international experts "
            "and Central Asian national experts on identifying, detaining and returning "
            "irregular migrants.",
            "fields_of_work": [MIGRATION, "human_rights"],
        },
        (
            ("bomca", PartnerRole.ORGANIZER),
            ("iom", PartnerRole.CO_ORGANIZER),
            ("eu", PartnerRole.DONOR),
        ),
        "bomca-9",
    ),
    SampleEvent(
        "bomca-joint-bcp-2019",
        {
            "title": "Regional workshop on the development of joint border crossing points",
            "type": EventType.WORKSHOP,
            "start_date": dt.date(2019, 4, 23),
            "end_date": dt.date(2019, 4, 24),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.REGIONAL,
            "city": "Tashkent",
            "country": "UZ",
            "organising_unit": "BOMCA",
            "status": EventStatus.HELD,
            "summary": "Joint border crossing points, organised with GIZ's programme "
            "“Promoting Regional Trade in Central Asia”.",
            "fields_of_work": [BORDER, "economic_activities"],
        },
        (
            ("bomca", PartnerRole.ORGANIZER),
            ("giz", PartnerRole.CO_ORGANIZER),
            ("eu", PartnerRole.DONOR),
        ),
        "bomca-9",
    ),
    SampleEvent(
        "cabmi-17",
        {
            "title": "17th Central Asia Border Management Initiative (CABMI) Conference",
            "type": EventType.CONFERENCE,
            "series": "Central Asia Border Management Initiative Conference",
            "series_number": 17,
            "start_date": dt.date(2022, 12, 13),
            "end_date": dt.date(2022, 12, 15),
            "format": EventFormat.HYBRID,
            "scope": EventScope.INTERNATIONAL,
            "city": "Tashkent",
            "country": "UZ",
            "organising_unit": "OSCE Secretariat, Border Security and Management Unit",
            "status": EventStatus.HELD,
            "summary": "Border security challenges in Central Asia, with emphasis on the "
            "developments in Afghanistan and the resulting transnational threats affecting "
            "neighbouring States.",
            "outcomes": "Ways to address cross-border risks: illicit proliferation of small arms "
            "and light weapons, ammunition and explosives, terrorism and organised crime; needs "
            "for cross-border co-ordination and co-operation.",
            "notes": "Over 70 officials took part in person and online. Convened in close "
            "co-operation with the Government of Uzbekistan.",
            "fields_of_work": [BORDER, "countering_terrorism", "arms_control"],
        },
        (
            ("osce-secretariat", PartnerRole.CO_ORGANIZER),
            ("osce-pcuz", PartnerRole.CO_ORGANIZER),
            ("unodc", PartnerRole.CO_ORGANIZER),
            ("uz-mfa", PartnerRole.HOST),
            ("bomca", PartnerRole.EXPERT_PROVIDER),
            ("iom", PartnerRole.EXPERT_PROVIDER),
            ("unoct", PartnerRole.EXPERT_PROVIDER),
            ("germany", PartnerRole.DELEGATION),
        ),
    ),
    SampleEvent(
        "bcp-transit-corridors-2025",
        {
            "title": "Regional seminar on border crossing point management along Central Asian "
            "transit corridors",
            "type": EventType.SEMINAR,
            "start_date": dt.date(2025, 3, 4),
            "end_date": dt.date(2025, 3, 6),
            "format": EventFormat.HYBRID,
            "scope": EventScope.REGIONAL,
            "city": "Ashgabat",
            "country": "TM",
            "organising_unit": "OSCE Centre in Ashgabat",
            "status": EventStatus.HELD,
            "summary": "Management of border crossing points along transit corridors, "
            "integrated and co-ordinated border management and data sharing, for border, "
            "customs, migration, law-enforcement, veterinary, phytosanitary and "
            "sanitary-epidemiological agencies of the five Central Asian States.",
            "outcomes": "Examples from the region and beyond on improving the efficiency of "
            "border crossing points; the UNOCT CT Travel Programme presented API and PNR support.",
            "fields_of_work": [BORDER, "economic_activities", "countering_terrorism"],
        },
        (
            ("osce-ashgabat", PartnerRole.ORGANIZER),
            ("germany", PartnerRole.DONOR),
            ("tm-border", PartnerRole.HOST),
            ("uk", PartnerRole.EXPERT_PROVIDER),
            ("osce-bsmu", PartnerRole.EXPERT_PROVIDER),
            ("unoct", PartnerRole.EXPERT_PROVIDER),
            ("bomca", PartnerRole.EXPERT_PROVIDER),
        ),
        "tm-border-project",
    ),
    SampleEvent(
        "transit-corridors-ibm-2025",
        {
            "title": "National training course on the facilitation of transport and transit "
            "corridors through the Integrated Border Management Strategy and Action Plan",
            "type": EventType.TRAINING_COURSE,
            "start_date": dt.date(2025, 11, 25),
            "end_date": dt.date(2025, 11, 27),
            "format": EventFormat.IN_PERSON,
            "scope": EventScope.NATIONAL,
            "city": "Ashgabat",
            "country": "TM",
            "organising_unit": "OSCE Centre in Ashgabat",
            "status": EventStatus.HELD,
            "summary": "Facilitation of transport and transit corridors through the development "
            "of the IBM Strategy and Action Plan, with a focus on border crossing points, for "
            "Turkmenistan's border, customs, migration, law-enforcement, veterinary, "
            "phytosanitary and sanitary-epidemiological agencies.",
            "fields_of_work": [BORDER, "economic_activities"],
        },
        (
            ("osce-ashgabat", PartnerRole.ORGANIZER),
            ("germany", PartnerRole.DONOR),
            ("tm-border", PartnerRole.HOST),
        ),
        "tm-border-project",
    ),
)

# Invented people. slug: (family, given, family local, given local, patronymic local, sex,
#                         nationality, organisation slug, position, email)
F, M = Sex.FEMALE, Sex.MALE
# fmt: off
PEOPLE: dict[str, tuple[Any, ...]] = {
    "tm-1": ("Öwezow", "Meýlis", "Овезов", "Мейлис", "Бердиевич", M, "TM", "tm-border",
             "Deputy head of checkpoint", "m.owezow@example.tm"),
    "tm-2": ("Ataýewa", "Aýnabat", "Атаева", "Айнабат", "Мухаммедовна", F, "TM", "tm-customs",
             "Senior customs inspector", None),
    "tm-3": ("Ýazmuhammedow", "Merdan", "Язмухаммедов", "Мердан", "Какаевич", M, "TM",
             "tm-migration", "Migration officer", None),
    "tm-4": ("Nurmuhammedowa", "Jeren", "Нурмухаммедова", "Джерен", "Аннаевна", F, "TM",
             "tm-veterinary", "Veterinary inspector", None),
    "tm-5": ("Baýramow", "Döwletgeldi", "Байрамов", "Довлетгелди", "Ширмаммедович", M, "TM",
             "tm-border", "Head of training unit", None),
    "tm-6": ("Meredowa", "Ogulbägül", "Мередова", "Огулбегуль", "Оразовна", F, "TM",
             "tm-customs", "Customs officer", None),
    "tm-7": ("Hojaýew", "Şatlyk", "Ходжаев", "Шатлык", "Аманович", M, "TM", "tm-border",
             "Border guard officer", None),
    "tm-8": ("Annaýewa", "Žanna", "Аннаева", "Жанна", "Овезовна", F, "TM", "tm-migration",
             "Senior specialist", None),
    "tm-9": ("Gurbanowa", "Meňli", "Гурбанова", "Менли", None, F, "TM", "tm-border",
             "Checkpoint shift leader", None),
    "kz-1": ("Abdikalikov", "Nurlan", "Абдикаликов", "Нурлан", "Серикович", M, "KZ",
             "kz-border", "Head of border control department", "n.abdikalikov@example.kz"),
    "kz-2": ("Zhaksybekova", "Aigerim", "Жаксыбекова", "Айгерим", "Болатовна", F, "KZ",
             "kz-revenue", "Chief customs expert", None),
    "kz-3": ("Omarov", "Yerlan", "Омаров", "Ерлан", "Маратович", M, "KZ", "kz-emergency",
             "Emergency planning officer", None),
    "kz-4": ("Sergeyeva", "Natalya", "Сергеева", "Наталья", "Викторовна", F, "KZ",
             "kz-border", "Instructor, Border Guards Academy", None),
    "kz-5": ("Tulegenov", "Askar", "Тулегенов", "Аскар", "Ермекович", M, "KZ", "kz-revenue",
             "Risk management analyst", None),
    "kg-1": ("Asanov", "Bakyt", "Асанов", "Бакыт", "Токтогулович", M, "KG", "kg-border",
             "Deputy head of border detachment", None),
    "kg-2": ("Mamatova", "Gulnara", "Маматова", "Гульнара", "Алымбековна", F, "KG",
             "kg-customs", "Customs post head", "g.mamatova@example.kg"),
    "kg-3": ("Toktosunov", "Azamat", "Токтосунов", "Азамат", "Кубанычбекович", M, "KG",
             "kg-migration", "Chief specialist, migration", None),
    "kg-4": ("Usenova", "Cholpon", "Усенова", "Чолпон", "Эсенкуловна", F, "KG", "kg-border",
             "Training officer", None),
    "tj-1": ("Rahimov", "Farrukh", "Рахимов", "Фаррух", "Саидович", M, "TJ", "tj-border",
             "Head of operations section", None),
    "tj-2": ("Nazarova", "Madina", "Назарова", "Мадина", "Джураевна", F, "TJ", "tj-customs",
             "Lecturer, customs training centre", None),
    "tj-3": ("Sharipov", "Dilshod", "Шарипов", "Дилшод", "Хайруллоевич", M, "TJ", "tj-drug",
             "Senior inspector", None),
    "tj-4": ("Kurbonova", "Zarina", "Курбонова", "Зарина", "Рустамовна", F, "TJ", "tj-border",
             "Instructor, border troops training centre", None),
    "tj-5": ("Saidov", "Jamshed", "Саидов", "Джамшед", "Абдуллоевич", M, "TJ", "tj-customs",
             "Head of IT unit", None),
    "uz-1": ("Yusupov", "Sherzod", "Юсупов", "Шерзод", "Бахтиёрович", M, "UZ", "uz-border",
             "Deputy commander, border control", "sh.yusupov@example.uz"),
    "uz-2": ("Karimova", "Dilnoza", "Каримова", "Дилноза", "Ильхомовна", F, "UZ", "uz-customs",
             "Head of risk management division", None),
    "uz-3": ("Tashkentov", "Bobur", "Ташкентов", "Бобур", "Рахматович", M, "UZ", "uz-phyto",
             "Phytosanitary inspector", None),
    "uz-4": ("Ergasheva", "Nodira", "Эргашева", "Нодира", "Камолиддиновна", F, "UZ", "uz-mfa",
             "Second secretary", None),
    "uz-5": ("Khodjaev", "Ulugbek", "Ходжаев", "Улугбек", "Тимурович", M, "UZ", "uz-customs",
             "Teacher, Customs Institute", None),
    "uz-6": ("Alimov", "Rustam", "Алимов", "Рустам", "Шухратович", M, "UZ", "uz-border",
             "Migration control officer", None),
    "ex-1": ("Berzina", "Ilze", None, None, None, F, "LV", "lv-border",
             "Expert, State Border Guard College", "ilze.berzina@example.lv"),
    "ex-2": ("Ozols", "Janis", None, None, None, M, "LV", "lv-revenue", "Customs expert", None),
    "ex-3": ("Hartmann", "Katrin", None, None, None, F, "DE", "osce-bsmu",
             "Border security adviser", None),
    "ex-4": ("Walsh", "Daniel", None, None, None, M, "GB", "uk", "Border management expert",
             None),
    "ex-5": ("Iskandarova", "Lola", "Искандарова", "Лола", None, F, "UZ", "unodc",
             "Programme officer", None),
    "ex-6": ("Novak", "Petra", None, None, None, F, "CZ", "unoct", "CT Travel programme officer",
             None),
    "ex-7": ("Kalnins", "Edgars", None, None, None, M, "LV", "bomca", "Component leader", None),
    "st-1": ("Charyyeva", "Maysa", "Чарыева", "Майса", None, F, "TM", "osce-ashgabat",
             "National programme assistant", None),
    "st-2": ("Rasulov", "Timur", "Расулов", "Тимур", None, M, "UZ", "osce-pcuz",
             "National project officer", None),
}

# fmt: on
P, S, T, MO, ORG = (
    ParticipationRole.PARTICIPANT,
    ParticipationRole.SPEAKER,
    ParticipationRole.TRAINER,
    ParticipationRole.MODERATOR,
    ParticipationRole.ORGANIZER,
)
ONLINE = AttendanceMode.ONLINE

# event slug: (person slug, role, online?, status or None for the default)
# fmt: off
ATTENDANCE: dict[str, list[tuple[str, ParticipationRole, bool, ParticipationStatus | None]]] = {
    "cabmi-17": [
        ("kz-1", P, False, None), ("kz-2", P, True, None), ("kz-5", P, False, None),
        ("kg-1", P, False, None), ("kg-2", P, False, None), ("kg-3", P, True, None),
        ("tj-1", P, False, None), ("tj-3", P, False, None), ("tj-5", P, True, None),
        ("tm-1", P, False, None), ("tm-5", P, False, None),
        ("uz-1", S, False, None), ("uz-2", P, False, None), ("uz-4", P, False, None),
        ("uz-6", P, False, None), ("ex-3", MO, False, None), ("ex-5", S, False, None),
        ("ex-6", S, True, None), ("ex-7", S, False, None), ("st-2", ORG, False, None),
        ("uz-5", P, False, ParticipationStatus.NO_SHOW),
    ],
    "bcp-transit-corridors-2025": [
        ("tm-1", P, False, None), ("tm-2", P, False, None), ("tm-3", P, False, None),
        ("tm-4", P, False, None), ("tm-6", P, False, None), ("tm-7", P, False, None),
        ("kz-1", P, True, None), ("kz-4", P, True, None), ("kg-2", P, True, None),
        ("kg-4", P, True, None), ("tj-2", P, True, None), ("tj-4", P, True, None),
        ("uz-2", P, True, None), ("uz-3", P, True, None),
        ("ex-3", T, False, None), ("ex-4", T, False, None), ("ex-6", S, True, None),
        ("ex-7", S, False, None), ("st-1", ORG, False, None),
        ("kz-3", P, True, ParticipationStatus.PARTIALLY_ATTENDED),
    ],
    "transit-corridors-ibm-2025": [
        ("tm-1", P, False, None), ("tm-2", P, False, None), ("tm-3", P, False, None),
        ("tm-4", P, False, None), ("tm-5", P, False, None), ("tm-6", P, False, None),
        ("tm-7", P, False, None), ("tm-8", P, False, None), ("tm-9", P, False, None),
        ("ex-3", T, False, None), ("st-1", ORG, False, None),
    ],
    "bomca-online-education-2019": [
        ("tj-2", P, False, None), ("tj-4", P, False, None), ("tj-5", P, False, None),
        ("ex-1", T, False, None), ("ex-2", T, False, None),
    ],
    "bomca-contingency-2019": [
        ("kz-1", P, False, None), ("kz-3", P, False, None), ("kz-4", P, False, None),
        ("kz-5", P, False, None), ("ex-1", T, False, None),
    ],
    "bomca-customs-control-2019": [
        ("uz-2", P, False, None), ("uz-5", P, False, None), ("kz-2", T, False, None),
        ("kz-5", T, False, None),
    ],
    "bomca-return-migrants-2019": [
        ("kg-3", P, False, None), ("tj-1", P, False, None), ("uz-6", P, False, None),
        ("tm-3", P, False, None), ("kz-4", P, False, None),
    ],
}

# fmt: on


@dataclasses.dataclass
class DemoResult:
    """What ``load_demo`` added (all zero when the sample data was already there)."""

    organizations: int = 0
    projects: int = 0
    events: int = 0
    partners: int = 0
    people: int = 0
    participations: int = 0

    @property
    def total(self) -> int:
        return sum(dataclasses.astuple(self))


def _exists(session: Session, model: type, slug: str) -> bool:
    return session.get(model, sample_id(slug)) is not None


def load_demo(session: Session) -> DemoResult:
    """Add whatever part of the sample data set is missing (see the module docstring)."""
    added = DemoResult()
    for slug, (name, local, acronym, kind, sector, country, parent) in ORGANIZATIONS.items():
        if _exists(session, Organization, slug):
            continue
        organizations.create_organization(
            session,
            id=sample_id(slug),
            name=name,
            name_local=local,
            acronym=acronym,
            kind=kind,
            sector=sector,
            country=country,
            parent_id=sample_id(parent) if parent else None,
        )
        added.organizations += 1
    for slug, values in PROJECTS.items():
        if _exists(session, Project, slug):
            continue
        donors = [sample_id(d) for d in values["donors"]]
        projects.create_project(
            session,
            id=sample_id(slug),
            **{k: v for k, v in values.items() if k != "donors"},
            donors=donors,
        )
        added.projects += 1
    for slug, row in PEOPLE.items():
        if _exists(session, Person, slug):
            continue
        family, given, family_local, given_local, patronymic_local = row[:5]
        sex, nationality, organization, position, email = row[5:]
        people.create_person(
            session,
            id=sample_id(slug),
            family_name=family,
            given_name=given,
            family_name_local=family_local,
            given_name_local=given_local,
            patronymic_local=patronymic_local,
            sex=sex,
            nationality=nationality,
            organization_id=sample_id(organization),
            position=position,
            email=email,
        )
        added.people += 1
    for sample in EVENTS:
        if not _exists(session, Event, sample.slug):
            project_id = sample_id(sample.project) if sample.project else None
            events.create_event(
                session, id=sample_id(sample.slug), project_id=project_id, **sample.values
            )
            added.events += 1
        added.partners += _add_partners(session, sample)
        added.participations += _add_attendance(session, sample.slug)
    return added


def _add_partners(session: Session, sample: SampleEvent) -> int:
    event_id = sample_id(sample.slug)
    event = session.get(Event, event_id)
    if event is None or event.deleted_at is not None:
        return 0
    count = 0
    for organization, role in sample.partners:
        found = session.scalar(
            sa.select(EventPartner.id).where(
                EventPartner.event_id == event_id,
                EventPartner.organization_id == sample_id(organization),
                EventPartner.role == role,
            )
        )
        if found is None:
            partners.add_partner(session, event_id, sample_id(organization), role)
            count += 1
    return count


def _add_attendance(session: Session, event_slug: str) -> int:
    event_id = sample_id(event_slug)
    event = session.get(Event, event_id)
    if event is None or event.deleted_at is not None:
        return 0
    count = 0
    for person_slug, role, online, status in ATTENDANCE.get(event_slug, []):
        person_id = sample_id(person_slug)
        if existing_participation(session, event_id, person_id) is not None:
            continue
        values: dict[str, Any] = {"role": role}
        if online:
            values["mode"] = ONLINE
        if status is not None:
            values["status"] = status
        participations.add_participation(session, event_id, person_id, **values)
        count += 1
    return count
