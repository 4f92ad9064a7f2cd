"""Russian time expressions: declined month, weekday and season names resolved against P.

Sentences are written for these tests (news prose); P is a Tuesday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from contention.annotate.dates import find_dates, parse_dateline
from contention.model import DateMention, Precision, Relation, Sentence

P = dt.date(2022, 1, 11)  # Tuesday


def dates(text: str, published: dt.date | None = P) -> list[DateMention]:
    found = find_dates(text, [Sentence(0, 0, len(text), 0, "ru")], published)
    for d in found:
        assert d.span.quote == text[d.span.start : d.span.end]
    return found


def one(text: str, published: dt.date | None = P) -> DateMention:
    found = dates(text, published)
    assert len(found) == 1, [d.span.quote for d in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "start", "end", "precision"),
    [
        (
            "Забастовка началась 2 января в Жанаозене.",
            "2 января",
            "2022-01-02",
            "2022-01-02",
            "day",
        ),
        ("Рабочие вышли на площадь 5 декабря.", "5 декабря", "2021-12-05", "2021-12-05", "day"),
        (
            "В понедельник президент выступил с обращением.",
            "понедельник",
            "2022-01-10",
            "2022-01-10",
            "day",
        ),
        (
            "В декабре 2011 года полиция открыла огонь.",
            "декабре 2011 года",
            "2011-12-01",
            "2011-12-31",
            "month",
        ),
        (
            "Прошлым летом шахтёры объявляли голодовку.",
            "Прошлым летом",
            "2021-06-01",
            "2021-08-31",
            "season",
        ),
        (
            "На прошлой неделе водители провели пикет.",
            "На прошлой неделе",
            "2022-01-03",
            "2022-01-09",
            "range",
        ),
        (
            "В 2019 году похожая забастовка длилась три дня.",
            "2019 году",
            "2019-01-01",
            "2019-12-31",
            "year",
        ),
        (
            "Вчера вечером задержали двадцать человек.",
            "Вчера вечером",
            "2022-01-10",
            "2022-01-10",
            "day",
        ),
        (
            "Три года назад профсоюз уже бастовал.",
            "Три года назад",
            "2019-01-01",
            "2019-12-31",
            "year",
        ),
        ("В прошлую субботу прошёл митинг.", "прошлую субботу", "2022-01-08", "2022-01-08", "day"),
    ],
)
def test_russian_expressions(text: str, quote: str, start: str, end: str, precision: str) -> None:
    d = one(text)
    assert d.span.quote == quote
    assert (d.start.isoformat(), d.end.isoformat()) == (start, end)
    assert d.precision is Precision(precision)


def test_since_monday_is_a_range_up_to_publication() -> None:
    found = dates("Шахтёры бастуют с понедельника.")
    since = next(d for d in found if d.precision is Precision.RANGE)
    assert since.span.quote == "с понедельника"
    assert (since.start, since.end) == (dt.date(2022, 1, 10), P)


def test_called_strike_dates_are_future() -> None:
    d = one("Профсоюз объявил забастовку на 25 января.")
    assert d.start == dt.date(2022, 1, 25)
    assert d.relation is Relation.FUTURE
    d = one("Водители начнут забастовку в следующий понедельник.")
    assert d.start == dt.date(2022, 1, 17)
    assert d.relation is Relation.FUTURE


def test_a_day_and_month_without_year_never_lands_after_publication() -> None:
    d = one("Протест в Актау начался 28 декабря.")
    assert d.start == dt.date(2021, 12, 28)


def test_bare_sreda_is_environment_not_wednesday() -> None:
    assert dates("Защитники окружающей среды вышли на пикет.") == []
    assert one("Пикет прошёл в среду.").start == dt.date(2022, 1, 5)


def test_counts_are_not_years() -> None:
    assert dates("На площадь вышли 2000 человек.") == []


def test_russian_dateline() -> None:
    text = "Протесты в Казахстане\n11 января 2022 года\n\nВолна протестов прокатилась по стране."
    assert parse_dateline(text) == P
    assert parse_dateline("Заголовок\n10 сентября 2018\n\nТекст статьи.") == dt.date(2018, 9, 10)
