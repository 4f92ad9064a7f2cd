"""Number parsing: digits, words, vague quantities, qualifiers and ranges in en/it."""

from __future__ import annotations

import pytest

from contention.annotate.numbers import (
    APPROX_MARGIN,
    digit_value,
    find_numbers,
    parse_number,
    tokenize,
)


@pytest.mark.parametrize(
    ("phrase", "lang", "expected"),
    [
        # digits and separators
        ("8,000", "en", (8000, 8000, 8000)),
        ("8.000", "it", (8000, 8000, 8000)),
        ("7 939", "en", (7939, 7939, 7939)),
        ("7\u202f939", "en", (7939, 7939, 7939)),
        ("1.250.000", "it", (1250000, 1250000, 1250000)),
        ("1,5 milioni", "it", (1500000, 1500000, 1500000)),
        ("2.7 million", "en", (2700000, 2700000, 2700000)),
        ("8 mila", "it", (8000, 8000, 8000)),
        ("20 miliardi", "it", (20000000000, 20000000000, 20000000000)),
        # words
        ("mille", "it", (1000, 1000, 1000)),
        ("in mille", "it", (1000, 1000, 1000)),
        ("ventimila", "it", (20000, 20000, 20000)),
        ("due milioni", "it", (2000000, 2000000, 2000000)),
        ("tre", "it", (3, 3, 3)),
        ("ventotto", "it", (28, 28, 28)),
        ("centottanta", "it", (180, 180, 180)),
        ("trentatré", "it", (33, 33, 33)),
        ("duecentocinquantamila", "it", (250000, 250000, 250000)),
        ("milleduecento", "it", (1200, 1200, 1200)),
        ("venti mila", "it", (20000, 20000, 20000)),
        ("un milione", "it", (1000000, 1000000, 1000000)),
        ("fourteen", "en", (14, 14, 14)),
        ("twenty-one", "en", (21, 21, 21)),
        ("ninety nine", "en", (99, 99, 99)),
        ("two hundred and fifty thousand", "en", (250000, 250000, 250000)),
        ("a thousand", "en", (1000, 1000, 1000)),
        ("three million", "en", (3000000, 3000000, 3000000)),
        # qualifiers
        ("over a thousand", "en", (1000, None, 1000)),
        ("more than 3,000", "en", (3000, None, 3000)),
        ("at least 14", "en", (14, None, 14)),
        ("almeno 14", "it", (14, None, 14)),
        ("oltre mille", "it", (1000, None, 1000)),
        ("up to 500", "en", (None, 500, 500)),
        ("fino a 500", "it", (None, 500, 500)),
        ("about 2,000", "en", (1800, 2200, 2000)),
        ("circa 8 mila", "it", (7200, 8800, 8000)),
        ("nearly 8,000", "en", (7200, 8000, 8000)),
        ("quasi 8 mila", "it", (7200, 8000, 8000)),
        # vague quantities (best = low, plural = 2…9 of the unit)
        ("thousands of", "en", (2000, 9999, 2000)),
        ("tens of thousands", "en", (20000, 99999, 20000)),
        ("decine di migliaia", "it", (20000, 99999, 20000)),
        ("hundreds", "en", (200, 999, 200)),
        ("centinaia", "it", (200, 999, 200)),
        ("a dozen", "en", (12, 12, 12)),
        ("dozens", "en", (24, 99, 24)),
        ("decine", "it", (20, 99, 20)),
        ("several dozen", "en", (24, 99, 24)),
        ("un migliaio", "it", (800, 1200, 1000)),
        ("una trentina", "it", (24, 36, 30)),
        ("una ventina", "it", (16, 24, 20)),
        ("un'ottantina", "it", (64, 96, 80)),
        ("un’ottantina", "it", (64, 96, 80)),
        ("at least hundreds", "en", (200, None, 200)),
        # ranges (best = low)
        ("between 200 and 300", "en", (200, 300, 200)),
        ("200-300", "en", (200, 300, 200)),
        ("200–300", "en", (200, 300, 200)),
        ("da 200 a 300", "it", (200, 300, 200)),
        ("tra 200 e 300", "it", (200, 300, 200)),
        ("two or three", "en", (2, 3, 2)),
        ("2 to 3 million", "en", (2000000, 3000000, 2000000)),
        ("tra 2 e 3 milioni", "it", (2000000, 3000000, 2000000)),
    ],
)
def test_parse_number(
    phrase: str, lang: str, expected: tuple[int | None, int | None, int | None]
) -> None:
    assert parse_number(phrase, lang) == expected


@pytest.mark.parametrize(
    ("phrase", "lang"),
    [
        ("30th", "en"),  # ordinal
        ("30°", "it"),  # ordinal
        ("G20", "en"),  # glued to letters
        ("COVID-19", "en"),
        ("10.01.2022", "it"),  # numeric date
        ("10:30", "en"),  # clock time
        ("a", "en"),  # article alone
        ("un", "it"),
        ("una", "it"),
        ("sei", "it"),  # "you are", not six, when nothing follows
        ("treno", "it"),  # a word that only starts like a number
        ("settembre", "it"),
        ("hundred", "en"),  # a scale needs a number in front
        ("mila", "it"),
    ],
)
def test_not_a_number(phrase: str, lang: str) -> None:
    assert parse_number(phrase, lang) is None


def test_ambiguous_word_counts_before_a_lower_case_word() -> None:
    assert parse_number("sei persone", "it") == (6, 6, 6)
    assert parse_number("Tu sei Marco", "it") is None


def test_vague_plural_of_scale_without_number() -> None:
    assert parse_number("milioni di abitanti", "it") == (2000000, 9999999, 2000000)


def test_digit_groups_are_language_neutral() -> None:
    assert digit_value("8,000") == digit_value("8.000") == digit_value("8 000") == 8000.0
    assert digit_value("1,5") == digit_value("1.5") == 1.5
    assert digit_value("1.500,25") == 1500.25
    assert digit_value("0.120") == 0.12  # a leading zero is never a thousands group


def test_approx_margin_is_ten_percent() -> None:
    low, high, best = parse_number("about 1,000", "en") or (None, None, None)
    assert best == 1000
    assert low == round(1000 * (1 - APPROX_MARGIN))
    assert high == round(1000 * (1 + APPROX_MARGIN))


def test_find_numbers_offsets_point_into_the_text() -> None:
    text = (
        "Police in Almaty said more than 3,000 people had gathered, "
        "while tens of thousands marched in Zhanaozen."
    )
    found = find_numbers(text, "en")
    quotes = [text[q.start : q.end] for q in found]
    assert quotes == ["more than 3,000", "tens of thousands"]
    assert [q.kind for q in found] == ["min", "vague"]


def test_find_numbers_inside_a_slice_keeps_absolute_offsets() -> None:
    text = "Primo paragrafo. Circa 8 mila persone in piazza a Torino."
    start = text.index("Circa")
    found = find_numbers(text, "it", start)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "Circa 8 mila"
    assert found[0].triple == (7200, 8800, 8000)


def test_find_numbers_does_not_merge_neighbouring_numbers() -> None:
    text = "Between 14 and 20 January, 300 workers struck in 2011."
    found = find_numbers(text, "en")
    assert [text[q.start : q.end] for q in found] == ["Between 14 and 20", "300", "2011"]
    assert found[-1].plain


def test_tokenize_straightens_apostrophes_and_keeps_offsets() -> None:
    text = "Le forze dell’ordine hanno fermato 40 persone."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.norm for t in tokens][:5] == ["le", "forze", "dell", "'", "ordine"]
    assert [t.kind for t in tokens if t.text == "40"] == ["num"]
