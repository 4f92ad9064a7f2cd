"""Plain-text normalisation and the dateline fallback.

:func:`normalise` fixes the few things that must be fixed before offsets are
taken (newline style, BOM, stray control characters, trailing spaces) and
leaves everything else — including double spaces and typographic quotes —
exactly as written, so quotes in evidence read like the source.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """Unix newlines, no BOM/zero-width/control characters, no trailing spaces, ≤1 blank line.

    Form feeds and vertical tabs count as line breaks.  The result has no
    leading or trailing whitespace; an empty result means an empty document.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip()


_MONTHS: dict[str, int] = {
    name: i
    for names in (
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre"
        " dicembre",
        "gen feb mar apr mag giu lug ago set ott nov dic",
    )
    for i, name in enumerate(names.split(), start=1)
} | {"sept": 9}
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica),?\s+)?"
)
_DATE_LINE = re.compile(
    r"^\s*(?:"
    rf"{_WEEKDAY}{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|{_WEEKDAY}(?P<d2>\d{{1,2}})(?:st|nd|rd|th|°|º)?\s+{_MONTH.replace('month', 'month2')}"
    r",?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r")\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _match_to_date(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("y3"):
            return dt.date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        if m.group("y1"):
            month = _MONTHS.get(m.group("month").lower())
            day, year = m.group("d1"), m.group("y1")
        else:
            month = _MONTHS.get(m.group("month2").lower())
            day, year = m.group("d2"), m.group("y2")
        if month is None:
            return None
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date_only_line(text: str) -> dt.date | None:
    """The first line of ``text`` that is nothing but a date, as a date.

    Recognises "January 10, 2022", "Monday, 10 January 2022", "10 gennaio
    2022" and "2022-01-10".  This is the fallback used when
    :mod:`contention.annotate.dates` offers no ``parse_dateline``; lines with
    other words ("Rome, 10 January —") are left to that module.
    """
    for m in _DATE_LINE.finditer(text):
        found = _match_to_date(m)
        if found is not None:
            return found
    return None


def _dateline_parser() -> Callable[[str], dt.date | None]:
    try:
        dates = importlib.import_module("contention.annotate.dates")
    except ImportError:
        return parse_date_only_line
    parser = getattr(dates, "parse_dateline", None)
    return parser if callable(parser) else parse_date_only_line


def find_dateline(text: str) -> dt.date | None:
    """The publication date a dateline in ``text`` states, or ``None``.

    Prefers the shared ``contention.annotate.dates.parse_dateline`` (imported
    lazily: it may not exist yet, and annotate must not be a hard dependency
    of extract); falls back to :func:`parse_date_only_line` when it is
    missing, finds nothing, or fails — a dateline is a hint, never a reason
    to lose the document.
    """
    parser = _dateline_parser()
    if parser is not parse_date_only_line:
        try:
            found = parser(text)
        except Exception:
            found = None
        if isinstance(found, dt.date):
            return found.date() if isinstance(found, dt.datetime) else found
    return parse_date_only_line(text)
