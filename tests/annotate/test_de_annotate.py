"""German annotators: numbers, counts, dates and actors on hand-written sentences."""

import datetime as dt

import pytest

from contention.annotate.actors import find_actors
from contention.annotate.counts import find_counts
from contention.annotate.dates import find_dates, parse_dateline
from contention.annotate.numbers import parse_number
from contention.model import Sentence

P = dt.date(2022, 1, 10)  # a Monday


def one(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), 0, "de")]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("mehr als 3.000", (3000, None, 3000)),
        ("rund 1.500", (1350, 1650, 1500)),
        ("Tausende", (2000, 9999, 2000)),
        ("Zehntausende", (20000, 99999, 20000)),
        ("Dutzende", (24, 99, 24)),
        ("dreitausend", (3000, 3000, 3000)),
        ("zweihundertfünfzig", (250, 250, 250)),
        ("zweiundzwanzigtausend", (22000, 22000, 22000)),
        ("1,5 Millionen", (1500000, 1500000, 1500000)),
        ("acht", (8, 8, 8)),
    ],
)
def test_numbers(phrase: str, expected: tuple[int | None, int | None, int | None]) -> None:
    assert parse_number(phrase, "de") == expected


@pytest.mark.parametrize(
    ("text", "quote", "best", "category"),
    [
        ("Mehr als 2.000 Menschen wurden festgenommen.", "Mehr als 2.000", 2000, "arrested"),
        ("Dabei wurden 18 Beamte getötet und mehr als 700 verletzt.", "18", 18, "fatalities"),
        (
            "Dabei wurden 18 Beamte getötet und mehr als 700 verletzt.",
            "mehr als 700",
            700,
            "injured",
        ),
        ("Am Samstag demonstrierten rund 1.500 Menschen.", "rund 1.500", 1500, "participants"),
        ("Die Zahl der Toten stieg auf 164.", "164", 164, "fatalities"),
        ("Das Werk beschäftigt 3.000 Menschen.", "3.000", 3000, None),
    ],
)
def test_counts(text: str, quote: str, best: int, category: str | None) -> None:
    found = {c.span.quote: c for c in find_counts(text, one(text))}
    assert found[quote].best == best
    assert found[quote].category == category


@pytest.mark.parametrize(
    ("text", "quote", "start", "end"),
    [
        ("Am Freitag streikten die Beschäftigten.", "Freitag", "2022-01-07", "2022-01-07"),
        ("Vergangenen Montag gab es Krawalle.", "Vergangenen Montag", "2022-01-03", "2022-01-03"),
        ("Im Dezember 2011 schoss die Polizei.", "Dezember 2011", "2011-12-01", "2011-12-31"),
        ("Am 5. Dezember 2011 begann der Streik.", "5. Dezember 2011", "2011-12-05", "2011-12-05"),
        (
            "Verdi ruft für kommenden Montag zum Streik auf.",
            "kommenden Montag",
            "2022-01-17",
            "2022-01-17",
        ),
        (
            "Vom 4. bis 6. Januar gab es Unruhen.",
            "Vom 4. bis 6. Januar",
            "2022-01-04",
            "2022-01-06",
        ),
    ],
)
def test_dates(text: str, quote: str, start: str, end: str) -> None:
    found = {d.span.quote: d for d in find_dates(text, one(text), P)}
    assert str(found[quote].start) == start
    assert str(found[quote].end) == end


def test_am_morgen_is_not_tomorrow() -> None:
    text = "Am Morgen versammelten sich die Streikenden."
    assert not [d for d in find_dates(text, one(text), P) if d.span.quote.lower() == "morgen"]


def test_dateline_with_ordinal_day() -> None:
    assert parse_dateline("Titel\nMontag, 10. Januar 2022\n\nText.") == P


def test_actors_inflected_demonym_and_union() -> None:
    text = "Russische Truppen und die Bereitschaftspolizei trafen auf die IG Metall."
    found = {(a.span.quote, a.cls, a.country) for a in find_actors(text, one(text))}
    assert ("Russische Truppen", "military", "RU") in found
    assert ("Bereitschaftspolizei", "police", None) in found
    assert ("IG Metall", "union", "DE") in found
