"""Russian numbers and counts: declined number words, abbreviated scales, vague plurals."""

from __future__ import annotations

import pytest

from contention.annotate.counts import find_counts
from contention.annotate.numbers import parse_number
from contention.model import CountMention, Sentence


@pytest.mark.parametrize(
    ("phrase", "triple"),
    [
        ("восемь тысяч", (8000, 8000, 8000)),
        ("почти восемь тысяч", (7200, 8000, 8000)),
        ("8 тыс.", (8000, 8000, 8000)),
        ("более 3 000", (3000, None, 3000)),
        ("около 5800", (5220, 6380, 5800)),
        ("7 939", (7939, 7939, 7939)),
        ("1,12 млн", (1120000, 1120000, 1120000)),
        ("сто восемьдесят три", (183, 183, 183)),
        ("двести пятьдесят тысяч", (250000, 250000, 250000)),
        ("более восьмисот", (800, None, 800)),
        ("около двух тысяч", (1800, 2200, 2000)),
        ("от 200 до 300", (200, 300, 200)),
        ("сотни", (200, 999, 200)),
        ("тысячи", (2000, 9999, 2000)),
        ("десятки тысяч", (20000, 99999, 20000)),
        ("полторы тысячи", (1500, 1500, 1500)),
    ],
)
def test_russian_numbers(phrase: str, triple: tuple[int | None, int | None, int | None]) -> None:
    assert parse_number(phrase, "ru") == triple


def counts(text: str) -> list[CountMention]:
    found = find_counts(text, [Sentence(0, 0, len(text), 0, "ru")])
    for c in found:
        assert c.span.quote == text[c.span.start : c.span.end]
    return found


def categorised(text: str) -> list[tuple[str | None, int | None]]:
    return [(c.category, c.best) for c in counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("По официальным данным, задержаны почти восемь тысяч человек.", [("arrested", 8000)]),
        ("В Москве полиция задержала более 8 тыс. человек.", [("arrested", 8000)]),
        ("На площадь вышли десятки тысяч человек.", [("participants", 20000)]),
        ("Число погибших выросло до 225.", [("fatalities", 225)]),
        ("Около 300 горняков отказались подниматься на поверхность.", [("participants", 300)]),
        ("В акции приняли участие около пяти тысяч человек.", [("participants", 5000)]),
        ("Были задержаны сто восемьдесят три человека.", [("arrested", 183)]),
        (
            "По меньшей мере 14 человек погибли, 40 получили ранения.",
            [("fatalities", 14), ("injured", 40)],
        ),
    ],
)
def test_russian_counts(text: str, expected: list[tuple[str, int]]) -> None:
    assert categorised(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "На шахте работают 1 200 человек.",
        "Задолженность составляет 40 млн рублей.",
        "Средняя зарплата составляет 62 тыс. рублей.",
        "Цена литра выросла с 60 до 120 тенге.",
        "Петицию подписали 1,12 млн человек.",
    ],
)
def test_numbers_that_count_no_one(text: str) -> None:
    assert all(category is None for category, _ in categorised(text))


def test_a_ratio_counts_no_one() -> None:
    text = "К забастовке готовы присоединиться около 400 человек из 1 100 водителей."
    assert all(category is None for category, _ in categorised(text))


def test_the_noun_of_an_abbreviated_scale_follows_its_dot() -> None:
    (c,) = counts("Были задержаны 8 тыс. человек.")
    assert c.span.quote == "8 тыс"
    assert c.noun is not None and c.noun.quote == "человек"
