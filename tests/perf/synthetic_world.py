"""The world the synthetic-data generator draws from: the countries, their cities and agencies,
the international partners and donors, and the topics and titles of border-management events.

Agency names follow the public names of the Central Asian services where they are well known
(the State Border Service of Turkmenistan, the Border Troops of the State Committee for National
Security of Tajikistan…) and a common pattern elsewhere; every national agency has an English
name and a Russian one.
"""

from __future__ import annotations

from db.enums import AgencySector, EventType, OrganizationKind

# Country → (English "of …", Russian genitive, [(city, Russian city)]).
COUNTRIES: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "TM": ("Turkmenistan", "Туркменистана", (
        ("Ashgabat", "Ашхабад"), ("Turkmenbashy", "Туркменбаши"), ("Mary", "Мары"),
        ("Dashoguz", "Дашогуз"), ("Turkmenabat", "Туркменабад"), ("Balkanabat", "Балканабад"))),
    "KZ": ("the Republic of Kazakhstan", "Республики Казахстан", (
        ("Astana", "Астана"), ("Almaty", "Алматы"), ("Shymkent", "Шымкент"), ("Aktau", "Актау"),
        ("Oral", "Уральск"), ("Zharkent", "Жаркент"))),
    "KG": ("the Kyrgyz Republic", "Кыргызской Республики", (
        ("Bishkek", "Бишкек"), ("Osh", "Ош"), ("Karakol", "Каракол"),
        ("Cholpon-Ata", "Чолпон-Ата"), ("Batken", "Баткен"))),
    "TJ": ("the Republic of Tajikistan", "Республики Таджикистан", (
        ("Dushanbe", "Душанбе"), ("Khujand", "Худжанд"), ("Khorog", "Хорог"),
        ("Kulob", "Куляб"), ("Bokhtar", "Бохтар"))),
    "UZ": ("the Republic of Uzbekistan", "Республики Узбекистан", (
        ("Tashkent", "Ташкент"), ("Samarkand", "Самарканд"), ("Termez", "Термез"),
        ("Bukhara", "Бухара"), ("Nukus", "Нукус"), ("Andijan", "Андижан"))),
}  # fmt: skip
CENTRAL_ASIA = tuple(COUNTRIES)

# Places of international events and study visits outside Central Asia.
PARTNER_CITIES: tuple[tuple[str, str], ...] = (
    ("Vienna", "AT"), ("Helsinki", "FI"), ("Riga", "LV"), ("Vilnius", "LT"), ("Warsaw", "PL"),
    ("Berlin", "DE"), ("Ankara", "TR"), ("Istanbul", "TR"), ("Baku", "AZ"), ("Tbilisi", "GE"),
    ("Brussels", "BE"), ("Rome", "IT"),
)  # fmt: skip

# Sector → English and Russian pattern (``{en}``/``{ru}``: the country), per-country overrides.
_AGENCY_PATTERNS: dict[AgencySector, tuple[str, str]] = {
    AgencySector.BORDER: ("State Border Service of {en}", "Пограничная служба {ru}"),
    AgencySector.CUSTOMS: ("State Customs Service of {en}", "Государственная таможенная служба {ru}"),
    AgencySector.MIGRATION: ("State Migration Service of {en}", "Миграционная служба {ru}"),
    AgencySector.VETERINARY: ("State Veterinary Service of {en}", "Государственная ветеринарная служба {ru}"),
    AgencySector.PHYTOSANITARY: ("Plant Quarantine Inspectorate of {en}", "Инспекция по карантину растений {ru}"),
    AgencySector.SANITARY_EPIDEMIOLOGICAL: (
        "Sanitary and Epidemiological Service of {en}", "Санитарно-эпидемиологическая служба {ru}"),
    AgencySector.LAW_ENFORCEMENT: ("Ministry of Internal Affairs of {en}", "Министерство внутренних дел {ru}"),
    AgencySector.DRUG_CONTROL: ("Drug Control Agency of {en}", "Агентство по контролю за наркотиками {ru}"),
    AgencySector.FOREIGN_AFFAIRS: ("Ministry of Foreign Affairs of {en}", "Министерство иностранных дел {ru}"),
}  # fmt: skip
_AGENCY_OVERRIDES: dict[tuple[str, AgencySector], tuple[str, str, str]] = {
    ("TM", AgencySector.BORDER): ("State Border Service of Turkmenistan", "Государственная пограничная служба Туркменистана", "SBS"),
    ("KZ", AgencySector.BORDER): ("Border Service of the National Security Committee of the Republic of Kazakhstan",
                                  "Пограничная служба Комитета национальной безопасности Республики Казахстан", "BS NSC"),
    ("KG", AgencySector.BORDER): ("Border Service of the State Committee for National Security of the Kyrgyz Republic",
                                  "Пограничная служба ГКНБ Кыргызской Республики", "BS SCNS"),
    ("TJ", AgencySector.BORDER): ("Border Troops of the State Committee for National Security of the Republic of Tajikistan",
                                  "Пограничные войска ГКНБ Республики Таджикистан", "BT SCNS"),
    ("UZ", AgencySector.BORDER): ("Border Troops of the State Security Service of the Republic of Uzbekistan",
                                  "Пограничные войска СГБ Республики Узбекистан", "BT SSS"),
    ("KZ", AgencySector.CUSTOMS): ("State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan",
                                   "Комитет государственных доходов Министерства финансов Республики Казахстан", "SRC"),
    ("TJ", AgencySector.CUSTOMS): ("Customs Service under the Government of the Republic of Tajikistan",
                                   "Таможенная служба при Правительстве Республики Таджикистан", "CS"),
    ("UZ", AgencySector.CUSTOMS): ("Customs Committee of the Republic of Uzbekistan",
                                   "Таможенный комитет Республики Узбекистан", "CC"),
    ("TJ", AgencySector.DRUG_CONTROL): ("Drug Control Agency under the President of the Republic of Tajikistan",
                                        "Агентство по контролю за наркотиками при Президенте Республики Таджикистан", "DCA"),
}  # fmt: skip

# How many people work for each sector (weights) — border and customs officers come most.
SECTOR_WEIGHTS: dict[AgencySector, int] = {
    AgencySector.BORDER: 40, AgencySector.CUSTOMS: 25, AgencySector.MIGRATION: 8,
    AgencySector.VETERINARY: 4, AgencySector.PHYTOSANITARY: 3,
    AgencySector.SANITARY_EPIDEMIOLOGICAL: 3, AgencySector.LAW_ENFORCEMENT: 9,
    AgencySector.DRUG_CONTROL: 5, AgencySector.FOREIGN_AFFAIRS: 3,
}  # fmt: skip


def agency(country: str, sector: AgencySector) -> tuple[str, str, str | None]:
    """The English name, Russian name and acronym of a country's agency of ``sector``."""
    if (country, sector) in _AGENCY_OVERRIDES:
        return _AGENCY_OVERRIDES[(country, sector)]
    english, russian, _ = COUNTRIES[country]
    en_pattern, ru_pattern = _AGENCY_PATTERNS[sector]
    return en_pattern.format(en=english), ru_pattern.format(ru=russian), None


# International partners and foreign agencies: (name, acronym, kind, country or None).
INTERNATIONAL: tuple[tuple[str, str, OrganizationKind, str | None], ...] = (
    ("OSCE Centre in Ashgabat", "OSCE", OrganizationKind.INTERNATIONAL_ORGANIZATION, "TM"),
    ("OSCE Programme Office in Astana", "OSCE", OrganizationKind.INTERNATIONAL_ORGANIZATION, "KZ"),
    ("OSCE Programme Office in Bishkek", "OSCE", OrganizationKind.INTERNATIONAL_ORGANIZATION, "KG"),
    ("OSCE Programme Office in Dushanbe", "OSCE", OrganizationKind.INTERNATIONAL_ORGANIZATION, "TJ"),
    ("OSCE Project Co-ordinator in Uzbekistan", "OSCE", OrganizationKind.INTERNATIONAL_ORGANIZATION, "UZ"),
    ("OSCE Border Management Staff College", "BMSC", OrganizationKind.ACADEMIC, "TJ"),
    ("Organization for Security and Co-operation in Europe, Secretariat", "OSCE",
     OrganizationKind.INTERNATIONAL_ORGANIZATION, None),
    ("Border Management Programme in Central Asia", "BOMCA", OrganizationKind.INTERNATIONAL_ORGANIZATION, None),
    ("United Nations Office on Drugs and Crime", "UNODC", OrganizationKind.INTERNATIONAL_ORGANIZATION, None),
    ("International Organization for Migration", "IOM", OrganizationKind.INTERNATIONAL_ORGANIZATION, None),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR",
     OrganizationKind.INTERNATIONAL_ORGANIZATION, None),
    ("World Customs Organization", "WCO", OrganizationKind.INTERNATIONAL_ORGANIZATION, None),
    ("Central Asian Regional Information and Coordination Centre", "CARICC",
     OrganizationKind.INTERNATIONAL_ORGANIZATION, "KZ"),
    ("European Border and Coast Guard Agency", "Frontex", OrganizationKind.INTERNATIONAL_ORGANIZATION, None),
    ("Finnish Border Guard", "FBG", OrganizationKind.NATIONAL_AGENCY, "FI"),
    ("State Border Guard Service of Latvia", "SBGS", OrganizationKind.NATIONAL_AGENCY, "LV"),
)  # fmt: skip
# Donors: (name, acronym or None, country).
DONORS: tuple[tuple[str, str | None, str], ...] = (
    ("Federal Foreign Office of Germany", "AA", "DE"),
    ("U.S. Department of State, Bureau of International Narcotics and Law Enforcement Affairs",
     "INL", "US"),
    ("Ministry of Foreign Affairs of Japan", "MOFA", "JP"),
    ("European Union", "EU", "BE"),
    ("Ministry for Foreign Affairs of Finland", "UM", "FI"),
    ("Norwegian Ministry of Foreign Affairs", "MFA", "NO"),
    ("Embassy of the United States of America in Ashgabat", None, "US"),
    ("Embassy of the Federal Republic of Germany in Tashkent", None, "DE"),
)  # fmt: skip

# Event topics in English and Russian (the Russian in the case "по …" takes).
TOPICS: tuple[tuple[str, str], ...] = (
    ("border crossing point management", "управлению пунктами пропуска через границу"),
    ("risk analysis", "анализу рисков"),
    ("detection of forged travel documents", "выявлению поддельных проездных документов"),
    ("combating trafficking in human beings", "противодействию торговле людьми"),
    ("countering illicit drug trafficking", "противодействию незаконному обороту наркотиков"),
    ("integrated border management", "комплексному управлению границами"),
    ("customs control of goods in transit", "таможенному контролю товаров в транзите"),
    ("trade facilitation", "упрощению процедур торговли"),
    ("post-clearance audit", "таможенному аудиту после выпуска товаров"),
    ("canine detection", "кинологическому обеспечению"),
    ("green border surveillance", "охране «зелёной» границы"),
    ("gender mainstreaming in border services", "учёту гендерных аспектов в пограничных службах"),
    ("return of irregular migrants", "возвращению нелегальных мигрантов"),
    ("contingency planning", "планированию действий в чрезвычайных ситуациях"),
    ("joint border crossing points", "совместным пунктам пропуска"),
    ("strategic trade control", "контролю стратегической торговли"),
    ("veterinary and phytosanitary border control", "ветеринарному и фитосанитарному контролю на границе"),
    ("transport and transit corridors", "транспортным и транзитным коридорам"),
    ("anti-corruption in customs", "противодействию коррупции в таможенных органах"),
    ("English for border officers", "английскому языку для сотрудников пограничных служб"),
    ("advance passenger information (API/PNR)", "предварительной информации о пассажирах (API/PNR)"),
    ("mountain border patrolling", "патрулированию горных участков границы"),
    ("cross-border co-operation", "трансграничному сотрудничеству"),
    ("small arms and light weapons control", "контролю над стрелковым оружием и лёгкими вооружениями"),
    ("migration data management", "управлению миграционными данными"),
    ("online education methods", "методам дистанционного обучения"),
    ("container control", "контролю контейнерных перевозок"),
    ("the IBM Strategy", "Стратегии комплексного управления границами"),
)  # fmt: skip

# Event type → (English title pattern, Russian title pattern); {scope}: National/Regional…
TITLES: dict[EventType, tuple[str, str]] = {
    EventType.SEMINAR: ("{scope} seminar on {topic}", "{scope_ru} семинар по {topic}"),
    EventType.WORKSHOP: ("Workshop on {topic}", "Семинар-практикум по {topic}"),
    EventType.TRAINING_COURSE: ("{scope} training course on {topic}", "Учебный курс по {topic}"),
    EventType.CONFERENCE: ("Conference on {topic}", "Конференция по {topic}"),
    EventType.ROUND_TABLE: ("Round table on {topic}", "Круглый стол по {topic}"),
    EventType.STUDY_VISIT: ("Study visit on {topic}", "Ознакомительный визит по {topic}"),
    EventType.ASSESSMENT_VISIT: ("Needs-assessment visit on {topic}", "Оценочный визит по {topic}"),
    EventType.MEETING: ("Co-ordination meeting on {topic}", "Координационное совещание по {topic}"),
    EventType.EXERCISE: ("Joint exercise on {topic}", "Совместные учения по {topic}"),
}  # fmt: skip
TYPE_WEIGHTS: dict[EventType, int] = {
    EventType.SEMINAR: 22, EventType.WORKSHOP: 20, EventType.TRAINING_COURSE: 30,
    EventType.CONFERENCE: 4, EventType.ROUND_TABLE: 6, EventType.STUDY_VISIT: 6,
    EventType.ASSESSMENT_VISIT: 2, EventType.MEETING: 7, EventType.EXERCISE: 3,
}  # fmt: skip
SCOPE_WORDS = {"national": ("National", "Национальный"), "regional": ("Regional", "Региональный"),
               "international": ("International", "Международный")}  # fmt: skip

VENUES = ("Hotel Yyldyz", "Hyatt Regency", "Hotel Nusa", "Hotel Serena", "Ramada Hotel",
          "Training centre of the border service", "Customs training centre", "OSCE premises",
          "Border crossing point", None, None)  # fmt: skip
POSITIONS = ("Inspector", "Senior inspector", "Chief inspector", "Head of division",
             "Deputy head of department", "Head of department", "Chief specialist",
             "Leading specialist", "Border guard officer", "Customs officer", "Shift supervisor",
             "Head of border crossing point", "Instructor", "Analyst", "Programme assistant")  # fmt: skip
RANKS = ("Lieutenant", "Senior lieutenant", "Captain", "Major", "Lieutenant colonel", "Colonel",
         "Warrant officer", None, None, None)  # fmt: skip
MAIL_DOMAINS = ("mail.ru", "gmail.com", "inbox.ru", "yandex.ru", "list.ru", "online.tm",
                "mail.kz", "bk.ru")  # fmt: skip
PHONE_PREFIX = {"TM": "+993", "KZ": "+7", "KG": "+996", "TJ": "+992", "UZ": "+998", "AF": "+93",
                "RU": "+7", "DE": "+49", "US": "+1", "GB": "+44", "TR": "+90", "FI": "+358",
                "LT": "+370", "PL": "+48"}  # fmt: skip
PROJECT_TITLES = (
    "Strengthening the Capacities of the State Border Service of Turkmenistan",
    "Border Management Programme in Central Asia, phase {n}",
    "Patrol Programming and Leadership for Border Officers",
    "Enhancing Customs Capacities along Central Asian Transit Corridors",
    "Countering Transnational Threats at the Afghan Border",
    "Women in Border Management",
    "Integrated Border Management Strategies in Central Asia",
    "Prevention of Trafficking in Human Beings at Border Crossing Points",
)  # fmt: skip
