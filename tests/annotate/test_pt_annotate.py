"""Portuguese resources of the annotators: dates, numbers, counts and actors."""

import datetime as dt

import pytest

from contention.annotate.actors import find_actors
from contention.annotate.counts import find_counts
from contention.annotate.dates import find_dates, parse_dateline
from contention.annotate.numbers import parse_number
from contention.model import Precision, Relation, Sentence

FRIDAY = dt.date(2022, 1, 7)


def pt(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), 0, "pt")]


def dates(text: str, published: dt.date = FRIDAY) -> dict[str, tuple[dt.date, dt.date]]:
    return {d.span.quote: (d.start, d.end) for d in find_dates(text, pt(text), published)}


@pytest.mark.parametrize(
    ("text", "quote", "day"),
    [
        ("Os petroleiros pararam na quinta-feira.", "quinta-feira", dt.date(2022, 1, 6)),
        ("No domingo passado houve passeata.", "domingo passado", dt.date(2022, 1, 2)),
        ("Nesta segunda houve ato no Recife.", "segunda", dt.date(2022, 1, 3)),
        ("Na última sexta, ninguém foi preso.", "sexta", dt.date(2021, 12, 31)),
        ("A greve começou em 2 de janeiro.", "2 de janeiro", dt.date(2022, 1, 2)),
        ("Ontem à noite houve panelaço.", "Ontem à noite", dt.date(2022, 1, 6)),
    ],
)
def test_weekdays_and_relative_days(text: str, quote: str, day: dt.date) -> None:
    assert dates(text)[quote] == (day, day)


def test_segunda_vez_is_no_weekday() -> None:
    assert dates("Foi a segunda vez que a categoria parou.") == {}


def test_proxima_terca_is_future() -> None:
    text = "A CUT convocou uma greve para a próxima terça-feira."
    found = find_dates(text, pt(text), FRIDAY)
    assert [(d.span.quote, d.start, d.relation) for d in found] == [
        ("próxima terça-feira", dt.date(2022, 1, 11), Relation.FUTURE)
    ]


def test_em_dezembro_de_2011() -> None:
    text = "Em dezembro de 2011, a polícia abriu fogo."
    (d,) = find_dates(text, pt(text), FRIDAY)
    assert (d.span.quote, d.start, d.precision) == (
        "dezembro de 2011",
        dt.date(2011, 12, 1),
        Precision.MONTH,
    )


def test_a_pluperfect_schedule_is_not_future() -> None:
    text = "O sindicato desconvocou a greve que tinha marcado para sexta-feira."
    assert dates(text)["sexta-feira"] == (FRIDAY, FRIDAY)


def test_portuguese_dateline() -> None:
    assert parse_dateline("Greve em Lisboa\n10 de janeiro de 2022\n\nTexto.") == dt.date(
        2022, 1, 10
    )


@pytest.mark.parametrize(
    ("phrase", "triple"),
    [
        ("5.800", (5800, 5800, 5800)),
        ("cerca de 2 mil", (1800, 2200, 2000)),
        ("dezenas", (20, 99, 20)),
        ("milhares", (2000, 9999, 2000)),
        ("dezenas de milhares", (20000, 99999, 20000)),
        ("mais de 200", (200, None, 200)),
        ("duzentos e cinquenta mil", (250000, 250000, 250000)),
        ("quinhentas", (500, 500, 500)),
        ("vinte e cinco", (25, 25, 25)),
        ("cento e vinte", (120, 120, 120)),
        ("1,2 milhão", (1200000, 1200000, 1200000)),
    ],
)
def test_portuguese_numbers(phrase: str, triple: tuple[int | None, ...]) -> None:
    assert parse_number(phrase, "pt") == triple


@pytest.mark.parametrize(
    ("text", "quote", "category"),
    [
        ("12 manifestantes foram presos.", "12", "arrested"),
        ("A polícia deteve pelo menos oito ativistas.", "pelo menos oito", "arrested"),
        ("Cinco policiais ficaram feridos.", "Cinco", "injured"),
        ("Cerca de 2 mil pessoas participaram do ato.", "Cerca de 2 mil", "participants"),
        ("Segundo a polícia, 16 pessoas morreram.", "16", "fatalities"),
        ("A fábrica emprega 3.000 trabalhadores.", "3.000", None),
    ],
)
def test_portuguese_counts(text: str, quote: str, category: str | None) -> None:
    found = {c.span.quote: c.category for c in find_counts(text, pt(text))}
    assert found[quote] == category


def test_portuguese_actors() -> None:
    text = "A Polícia Militar e a GNR cercaram os grevistas da CGTP."
    found = {(a.span.quote, a.cls, a.country) for a in find_actors(text, pt(text))}
    assert ("Polícia Militar", "police", "BR") in found
    assert ("GNR", "police", "PT") in found
    assert ("grevistas", "workers", None) in found
    assert ("CGTP", "union", "PT") in found
