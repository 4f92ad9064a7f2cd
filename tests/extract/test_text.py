"""Plain-text normalisation and the date-only-line fallback."""

from __future__ import annotations

import datetime as dt

import pytest

from contention.extract.text import find_dateline, normalise, parse_date_only_line


def test_normalise_newlines_bom_controls() -> None:
    raw = "\ufeffTitle line  \r\n\r\n\r\n\r\nFirst para\x00graph.\rSecond  line.\n\n\n"
    assert normalise(raw) == "Title line\n\nFirst paragraph.\nSecond  line."


def test_normalise_keeps_typography_and_double_spaces() -> None:
    text = "Il “padre fondatore” di  Ozenmunaigas – già."
    assert normalise(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Body.\n\nJanuary 10, 2022\n\nSigned", dt.date(2022, 1, 10)),
        ("Corpo.\n10 gennaio 2022\n", dt.date(2022, 1, 10)),
        ("Monday, 3 March 2023", dt.date(2023, 3, 3)),
        ("  2022-01-10  ", dt.date(2022, 1, 10)),
        ("Sept. 5, 2021", dt.date(2021, 9, 5)),
        ("Sep 5, 2021", dt.date(2021, 9, 5)),
        ("Rome, January 10, 2022 - Workers marched.", None),  # not a date-only line
        ("February 30, 2022", None),
        ("Nothing here", None),
    ],
)
def test_parse_date_only_line(text: str, expected: dt.date | None) -> None:
    assert parse_date_only_line(text) == expected


def test_find_dateline_uses_fallback_on_date_only_line() -> None:
    assert find_dateline("Protest in Almaty.\n\nJanuary 10, 2022\n") == dt.date(2022, 1, 10)
