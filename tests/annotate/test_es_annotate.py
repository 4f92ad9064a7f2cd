"""Spanish resources of the annotators: dates, numbers, counts and actors."""

import datetime as dt

import pytest

from contention.annotate.actors import find_actors
from contention.annotate.counts import find_counts
from contention.annotate.dates import find_dates, parse_dateline
from contention.annotate.numbers import parse_number
from contention.model import Precision, Relation, Sentence

FRIDAY = dt.date(2022, 1, 7)


def es(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), 0, "es")]


def dates(text: str, published: dt.date = FRIDAY) -> dict[str, tuple[dt.date, dt.date]]:
    return {d.span.quote: (d.start, d.end) for d in find_dates(text, es(text), published)}


@pytest.mark.parametrize(
    ("text", "quote", "day"),
    [
        ("Los mineros marcharon este jueves en Oviedo.", "este jueves", dt.date(2022, 1, 6)),
        ("El pasado lunes hubo cortes de ruta.", "pasado lunes", dt.date(2022, 1, 3)),
        ("El domingo pasado se concentraron.", "domingo pasado", dt.date(2022, 1, 2)),
        ("La huelga empezó el 2 de enero.", "2 de enero", dt.date(2022, 1, 2)),
        ("Ayer por la tarde hubo disturbios.", "Ayer por la tarde", dt.date(2022, 1, 6)),
        ("Esta mañana cortaron la autopista.", "Esta mañana", dt.date(2022, 1, 7)),
    ],
)
def test_weekdays_and_relative_days(text: str, quote: str, day: dt.date) -> None:
    assert dates(text)[quote] == (day, day)


def test_el_proximo_martes_is_future() -> None:
    text = "La CGT convocó un paro para el próximo martes."
    found = find_dates(text, es(text), FRIDAY)
    assert [(d.span.quote, d.start, d.relation) for d in found] == [
        ("próximo martes", dt.date(2022, 1, 11), Relation.FUTURE)
    ]


def test_month_and_year_with_de() -> None:
    text = "Los despidos de diciembre de 2011 siguen impunes."
    (d,) = find_dates(text, es(text), FRIDAY)
    assert (d.span.quote, d.start, d.end, d.precision) == (
        "diciembre de 2011",
        dt.date(2011, 12, 1),
        dt.date(2011, 12, 31),
        Precision.MONTH,
    )


def test_la_manana_del_lunes_is_not_tomorrow() -> None:
    assert "mañana" not in dates("La protesta de la mañana del lunes fue pacífica.")


def test_spanish_dateline() -> None:
    assert parse_dateline("Huelga en Madrid\n10 de enero de 2022\n\nTexto.") == dt.date(2022, 1, 10)


@pytest.mark.parametrize(
    ("phrase", "triple"),
    [
        ("5.800", (5800, 5800, 5800)),
        ("3.000", (3000, 3000, 3000)),
        ("decenas", (20, 99, 20)),
        ("centenares", (200, 999, 200)),
        ("miles de", (2000, 9999, 2000)),
        ("decenas de miles", (20000, 99999, 20000)),
        ("más de 200", (200, None, 200)),
        ("unos 5.000", (4500, 5500, 5000)),
        ("doscientos cincuenta mil", (250000, 250000, 250000)),
        ("quinientos", (500, 500, 500)),
        ("treinta y cinco", (35, 35, 35)),
        ("ciento veintiocho", (128, 128, 128)),
        ("1,2 millones", (1200000, 1200000, 1200000)),
        ("una treintena", (24, 36, 30)),
    ],
)
def test_spanish_numbers(phrase: str, triple: tuple[int | None, ...]) -> None:
    assert parse_number(phrase, "es") == triple


@pytest.mark.parametrize(
    ("text", "quote", "category"),
    [
        ("Hubo 5.800 detenidos en todo el país.", "5.800", "arrested"),
        ("Al menos 14 personas murieron en los choques.", "Al menos 14", "fatalities"),
        ("Más de 200 resultaron heridas.", "Más de 200", "injured"),
        ("Carabineros detuvo a 45 manifestantes.", "45", "arrested"),
        (
            "Decenas de miles de personas marcharon por Santiago.",
            "Decenas de miles",
            "participants",
        ),
        ("La cifra de muertos ascendió a 164.", "164", "fatalities"),
        ("La empresa emplea a 8.200 trabajadores.", "8.200", None),
        ("El paro registrado bajó en 4.100 personas.", "4.100", None),
    ],
)
def test_spanish_counts(text: str, quote: str, category: str | None) -> None:
    found = {c.span.quote: c.category for c in find_counts(text, es(text))}
    assert found[quote] == category


def test_a_day_of_a_month_is_no_count() -> None:
    text = "La policía detuvo el 5 de enero a varios sindicalistas."
    assert not [c for c in find_counts(text, es(text)) if c.category is not None]


def test_spanish_actors() -> None:
    text = "Carabineros y la Guardia Civil cargaron contra los manifestantes; la CGT protestó."
    found = {(a.span.quote, a.cls, a.country) for a in find_actors(text, es(text))}
    assert ("Carabineros", "police", None) in found
    assert ("Guardia Civil", "police", "ES") in found
    assert ("manifestantes", "protesters", None) in found
    assert ("CGT", "union", None) in found


def test_nationality_after_the_noun() -> None:
    text = "Llegaron las tropas rusas."
    (troops,) = [a for a in find_actors(text, es(text)) if a.cls == "military"]
    assert (troops.span.quote, troops.country) == ("tropas rusas", "RU")


def test_a_spanish_day_before_its_month_is_no_count() -> None:
    from contention.annotate.counts import find_counts
    from contention.segment.sentences import segment

    text = "El 5 de enero de 2022, 200 manifestantes fueron detenidos en Almaty."
    counts = find_counts(text, segment(text))
    assert [(c.span.quote, c.category) for c in counts] == [("200", "arrested")]
