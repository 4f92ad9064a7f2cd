"""French annotators: numbers, counts, dates and actors on hand-written sentences."""

import datetime as dt

import pytest

from contention.annotate.actors import find_actors
from contention.annotate.counts import find_counts
from contention.annotate.dates import find_dates, parse_dateline
from contention.annotate.numbers import parse_number
from contention.model import Sentence

P = dt.date(2022, 1, 10)  # a Monday


def one(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), 0, "fr")]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("près de 8 000", (7200, 8000, 8000)),
        ("1,12 million", (1120000, 1120000, 1120000)),
        ("des milliers", (2000, 9999, 2000)),
        ("des dizaines de milliers", (20000, 99999, 20000)),
        ("une centaine", (80, 120, 100)),
        ("plus d'un millier", (800, None, 1000)),
        ("quatre-vingt-dix-sept", (97, 97, 97)),
        ("soixante-et-onze", (71, 71, 71)),
        ("deux cent mille", (200000, 200000, 200000)),
        ("entre 200 et 300", (200, 300, 200)),
    ],
)
def test_numbers(phrase: str, expected: tuple[int | None, int | None, int | None]) -> None:
    assert parse_number(phrase, "fr") == expected


@pytest.mark.parametrize(
    ("text", "quote", "best", "category"),
    [
        ("Selon la police, 875 personnes ont été interpellées.", "875", 875, "arrested"),
        ("Des milliers de manifestants ont défilé à Lyon.", "Des milliers", 2000, "participants"),
        ("Le bilan s'élève à 12 morts.", "12", 12, "fatalities"),
        ("L'usine emploie 3 000 salariés.", "3 000", 3000, None),
        ("Près de 70 % des salariés ont cessé le travail.", "Près de 70", 70, None),
    ],
)
def test_counts(text: str, quote: str, best: int, category: str | None) -> None:
    found = {c.span.quote: c for c in find_counts(text, one(text))}
    assert found[quote].best == best
    assert found[quote].category == category


@pytest.mark.parametrize(
    ("text", "quote", "start", "end"),
    [
        ("Samedi, des milliers de personnes ont manifesté.", "Samedi", "2022-01-08", "2022-01-08"),
        ("Jeudi dernier, la grève a commencé.", "Jeudi dernier", "2022-01-06", "2022-01-06"),
        ("Le 5 décembre, les salariés ont débrayé.", "5 décembre", "2021-12-05", "2021-12-05"),
        ("En décembre 2011, la police a tiré.", "décembre 2011", "2011-12-01", "2011-12-31"),
        ("Une grève est prévue le 31 janvier.", "31 janvier", "2022-01-31", "2022-01-31"),
        ("Le 1er mai, ils ont défilé.", "1er mai", "2021-05-01", "2021-05-01"),
        (
            "Du 4 au 6 janvier, les troubles ont duré.",
            "Du 4 au 6 janvier",
            "2022-01-04",
            "2022-01-06",
        ),
    ],
)
def test_dates(text: str, quote: str, start: str, end: str) -> None:
    found = {d.span.quote: d for d in find_dates(text, one(text), P)}
    assert str(found[quote].start) == start
    assert str(found[quote].end) == end


def test_dateline() -> None:
    assert parse_dateline("Titre\nlundi 10 janvier 2022\n\nTexte.") == P


def test_actors_with_elision_and_country() -> None:
    text = "Les forces de l'ordre et des troupes russes ont fait face aux manifestants de la CGT."
    found = {(a.span.quote, a.cls, a.country) for a in find_actors(text, one(text))}
    assert ("forces de l'ordre", "security_forces", None) in found
    assert ("troupes russes", "military", "RU") in found
    assert ("CGT", "union", "FR") in found
