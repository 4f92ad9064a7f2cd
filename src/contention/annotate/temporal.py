"""Calendar arithmetic for the dates annotator: intervals, seasons, shifts.

Everything here is pure and language-free: it turns (year, month, day,
season, unit) into closed ``[start, end]`` date intervals, and finds the
occurrence of a month, day or season nearest to a reference date in a given
direction.  :mod:`contention.annotate.dates` decides *which* direction from
the words of the text; this module only counts days.

Seasons are the northern-hemisphere *meteorological* seasons (spring =
March–May, summer = June–August, autumn = September–November, winter =
December–February).  Winter belongs to the year of its December, which is
also how a TIMEX value such as ``2021-WI`` is read here.  Most of the news the
project reads is northern; a southern-hemisphere article's "summer" will be
off by half a year (a known limitation, not a silent guess: precision stays
``season``).
"""

from __future__ import annotations

import calendar
import datetime as dt

Interval = tuple[dt.date, dt.date]

SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def month_end(year: int, month: int) -> dt.date:
    """Last day of ``year``-``month``."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_bounds(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), month_end(year, month)


def year_bounds(year: int) -> Interval:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def season_bounds(year: int, code: str) -> Interval:
    """Meteorological season ``code`` (SP/SU/FA/WI) of ``year``; winter runs into ``year + 1``."""
    first = SEASON_START_MONTH[code]
    start = dt.date(year, first, 1)
    last_month = first + 2
    if last_month > 12:
        return start, month_end(year + 1, last_month - 12)
    return start, month_end(year, last_month)


def week_bounds(day: dt.date) -> Interval:
    """The ISO week (Monday–Sunday) containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def weekend_bounds(day: dt.date) -> Interval:
    """Saturday–Sunday of the ISO week containing ``day``."""
    monday, _ = week_bounds(day)
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (day, week, weekend, month, year, decade).

    Month and year shifts clamp the day to the end of the target month
    (31 March minus one month is 28/29 February), as a reader would.
    """
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    months = {"month": 1, "year": 12, "decade": 120}[unit] * amount
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``date(year, month, day)`` or None when that day does not exist (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_month_before(ref: dt.date, month: int, day: int, *, strict: bool) -> dt.date | None:
    """Latest ``day``/``month`` on or before ``ref`` (strictly before when ``strict``)."""
    for year in range(ref.year, ref.year - 9, -1):
        cand = safe_date(year, month, day)
        if cand is not None and (cand < ref or (cand == ref and not strict)):
            return cand
    return None


def day_month_after(ref: dt.date, month: int, day: int, *, strict: bool) -> dt.date | None:
    """Earliest ``day``/``month`` on or after ``ref`` (strictly after when ``strict``)."""
    for year in range(ref.year, ref.year + 9):
        cand = safe_date(year, month, day)
        if cand is not None and (cand > ref or (cand == ref and not strict)):
            return cand
    return None


def month_before(ref: dt.date, month: int, *, completed: bool) -> Interval:
    """Latest ``month`` begun by ``ref`` (ended before ``ref`` when ``completed``)."""
    for year in range(ref.year, ref.year - 2, -1):
        start, end = month_bounds(year, month)
        if (end < ref) if completed else (start <= ref):
            return start, end
    raise AssertionError("unreachable: a month recurs every year")


def month_after(ref: dt.date, month: int, *, strict: bool) -> Interval:
    """Earliest ``month`` starting after ``ref`` (``strict``) or not yet over at ``ref``."""
    for year in range(ref.year, ref.year + 2):
        start, end = month_bounds(year, month)
        if (start > ref) if strict else (end >= ref):
            return start, end
    raise AssertionError("unreachable: a month recurs every year")


def season_before(ref: dt.date, code: str, *, completed: bool) -> Interval:
    """Latest season ``code`` begun by ``ref`` (ended before ``ref`` when ``completed``)."""
    for year in range(ref.year, ref.year - 3, -1):
        start, end = season_bounds(year, code)
        if (end < ref) if completed else (start <= ref):
            return start, end
    raise AssertionError("unreachable: a season recurs every year")


def season_after(ref: dt.date, code: str, *, strict: bool) -> Interval:
    """Earliest season ``code`` starting after ``ref`` (``strict``) or not yet over at ``ref``."""
    for year in range(ref.year - 1, ref.year + 2):
        start, end = season_bounds(year, code)
        if (start > ref) if strict else (end >= ref):
            return start, end
    raise AssertionError("unreachable: a season recurs every year")


def weekday_before(ref: dt.date, weekday: int, *, strict: bool) -> dt.date:
    """Latest ``weekday`` (Monday = 0) before ``ref``; ``ref`` itself counts unless ``strict``."""
    back = (ref.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return ref - dt.timedelta(days=back)


def weekday_after(ref: dt.date, weekday: int, *, strict: bool) -> dt.date:
    """Earliest ``weekday`` after ``ref``; ``ref`` itself counts unless ``strict``."""
    ahead = (weekday - ref.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return ref + dt.timedelta(days=ahead)


def season_code(month: int) -> str:
    """Season code of a season's first month (3, 6, 9, 12)."""
    for code, first in SEASON_START_MONTH.items():
        if first == month:
            return code
    raise ValueError(f"{month} is not the first month of a meteorological season")
