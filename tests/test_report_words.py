"""Numbers, dates and agreement in report prose, English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from app.reports.words import (
    count_words,
    date_span,
    genitive_ru,
    join_words,
    number_en,
    number_ru,
    period_span,
    plural_ru,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [(0, "zero"), (9, "nine"), (13, "thirteen"), (26, "twenty-six"), (40, "forty"),
     (100, "one hundred"), (106, "one hundred and six"), (999, "nine hundred and ninety-nine"),
     (1000, "1,000")],
)  # fmt: skip
def test_english_numbers(n: int, words: str) -> None:
    assert number_en(n) == words


@pytest.mark.parametrize(
    ("n", "gender", "case", "words"),
    [
        (1, "n", "nom", "одно"),
        (1, "f", "nom", "одна"),
        (2, "f", "nom", "две"),
        (2, "n", "nom", "два"),
        (21, "n", "nom", "двадцать одно"),
        (22, "f", "nom", "двадцать две"),
        (26, "m", "nom", "двадцать шесть"),
        (5, "n", "gen", "пяти"),
        (1, "n", "gen", "одного"),
        (1, "f", "gen", "одной"),
        (3, "f", "gen", "трёх"),
        (14, "n", "gen", "четырнадцати"),
        (40, "n", "gen", "сорока"),
        (90, "n", "gen", "девяноста"),
        (125, "m", "gen", "ста двадцати пяти"),
        (300, "m", "nom", "триста"),
    ],
)
def test_russian_numbers_agree_in_gender_and_case(
    n: int, gender: str, case: str, words: str
) -> None:
    assert number_ru(n, gender, case) == words


@pytest.mark.parametrize(
    ("n", "form"),
    [(1, "участник"), (2, "участника"), (4, "участника"), (5, "участников"), (11, "участников"),
     (12, "участников"), (14, "участников"), (21, "участник"), (22, "участника"),
     (25, "участников"), (101, "участник"), (111, "участников"), (0, "участников")],
)  # fmt: skip
def test_russian_noun_takes_the_form_the_number_asks_for(n: int, form: str) -> None:
    assert plural_ru(n, "участник", "участника", "участников") == form


def test_russian_genitive_after_a_numeral() -> None:
    assert genitive_ru(1, "государства", "государств") == "государства"
    assert genitive_ru(21, "государства", "государств") == "государства"
    assert genitive_ru(11, "государства", "государств") == "государств"
    assert genitive_ru(5, "государства", "государств") == "государств"


def test_counts_follow_editorial_style() -> None:
    assert count_words(9, "en") == "nine"
    assert count_words(26, "en") == "26"
    assert count_words(26, "en", start=True) == "Twenty-six"
    assert count_words(1500, "en", start=True) == "1,500"
    assert count_words(15, "ru", start=True, gender="n") == "Пятнадцать"
    assert count_words(2, "ru", gender="f") == "две"
    assert count_words(1234, "ru") == "1\u00a0234"


def test_date_spans() -> None:
    d = dt.date
    assert date_span(d(2022, 12, 13), d(2022, 12, 15), "en") == "13–15 December 2022"
    assert date_span(d(2025, 11, 28), d(2025, 12, 2), "en") == "28 November – 2 December 2025"
    assert date_span(d(2022, 12, 30), d(2023, 1, 2), "en") == "30 December 2022 – 2 January 2023"
    assert date_span(d(2022, 12, 13), d(2022, 12, 13), "en") == "13 December 2022"
    assert date_span(d(2022, 12, 13), d(2022, 12, 15), "ru") == "13–15 декабря 2022\u00a0г."
    assert date_span(d(2022, 12, 13), d(2022, 12, 15), "ru", year_word=True) == (
        "13–15 декабря 2022\u00a0года"
    )
    assert period_span(d(2019, 1, 1), d(2019, 12, 31), "en") == "From 1 January to 31 December 2019"
    assert (
        period_span(d(2019, 1, 1), d(2019, 12, 31), "ru")
        == "С 1 января по 31 декабря 2019\u00a0года"
    )


def test_lists() -> None:
    assert join_words(["border", "customs", "migration"], "en") == "border, customs and migration"
    assert join_words(["пограничных", "таможенных"], "ru") == "пограничных и таможенных"
    assert join_words(["OSCE"], "en") == "OSCE"
