"""Time expressions (DATES): find them, resolve them against the publication date.

Recognition is our own: regular expressions written per language in
``lang/<code>/dates.toml`` (month names and abbreviations, weekdays, seasons,
modifiers such as "last"/"scorso", number words, relative-day words, and the
patterns that combine them).  A sentence whose language is "und" is tried with
every supported language's patterns.  Overlapping matches are settled by
keeping the longest.  A year is only ever read from a 4-digit 1900–2099
number inside a date pattern or right after a temporal preposition ("in",
"since", "nel", "dal" …), so "8,000", "162", "2.7 million", "30th
anniversary", "55 percent" or "$20 billion" never become dates.

Resolution against the publication date ``P`` (our rules, documented once):

* Day + month without a year: the latest such day on or before ``P`` ("on 5
  December" in an article of 10 January 2022 is 2021-12-05), unless the
  sentence speaks of the future ("will", "next", "prossimo", "sarà",
  "domani", "is scheduled for", "call a strike for" …): then the first such
  day on or after ``P``, relation FUTURE.  "scorso"/"last" forces strictly
  before ``P``, "prossimo"/"next" strictly after.
* A later expression in the same sentence without a year takes the year of an
  earlier one that has it ("December 2011, when workers dismissed in May …" →
  May 2011): the sentence is narrating that past, not the present.
* Weekdays: "on Sunday" in a past sentence is the latest Sunday on or
  before ``P``; in a future sentence the first one on or after ``P``.  ``P``
  itself is included on purpose: wire style names the day of publication by
  its weekday ("a police statement said on Thursday" in a Thursday report),
  and a week-old event would be written "last Thursday".  "last Sunday" is
  strictly before ``P`` and "next Sunday" strictly after.
* A written weekday next to a day and month ("giovedì 25 gennaio") picks the
  year whose calendar fits, even when that puts it after ``P``: the text
  names that very day.
* Seasons are northern meteorological seasons (see :mod:`.temporal`): "last
  summer" in January 2022 is 2021-06-01 … 2021-08-31, precision SEASON;
  "this summer"/bare "summer" is the latest one begun by ``P`` in a past
  sentence and the first not yet over in a future one.
* Month alone: "in December" (past) is the latest December begun by ``P``;
  "last December" the latest one already over; "December 2011" is
  2011-12-01 … 2011-12-31, precision MONTH.
* Years: "in 2011" is precision YEAR.  "since 2005"/"dal 2005" is a RANGE
  from 2005-01-01 to ``P``; the inner "2005" is reported too (nested), since
  "since December 2011 when the police fired" also dates the shooting.
* Durations ("for two years", "da due anni") are not dates: they are emitted
  as a RANGE ending at ``P`` only when the sentence is in the present perfect
  ("have been asking for two years") or uses the Italian "da" of an ongoing
  state — then the duration does end at publication.  Otherwise skipped.
* Nothing is placed after ``P`` unless the text says it is future (relation
  FUTURE).  Without ``P`` only expressions carrying their own year resolve
  (or taking it from the sentence, as above); the rest are skipped.

``method`` is "explicit" for written dates (even when the year is filled in)
and "relative" for weekdays, seasons without a year, modifiers ("last",
"scorso"), relative days and units ("two days ago", "last week").

The module also offers :func:`parse_dateline` (publication date from a line
that holds only a date) and :func:`timex_value` (a TimeML/TIMEX3 value).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from contention import lang as lang_resources
from contention.annotate import temporal as cal
from contention.model import DateMention, Precision, Relation, Sentence, make_span

_PLACEHOLDER = re.compile(r"%([A-Z]+)%")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_DAY = r"(?<![\w.,$€£/])(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_YEAR = r"(?<![\w.,$€£/])(?:19|20)[0-9]{2}(?!\w|[.,][0-9])"
_NUMBER = r"(?<![\d.,])\d{1,3}(?![\d]|[.,]\d)"
_ADVERBIAL_WORDS = 3  # "and then on", "early on the": a clause this short has no verb of its own
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]")
_TIMEX_UNIT = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE"}


# ---------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class _Pattern:
    name: str
    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """One language's compiled resources (built once per process)."""

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    modifiers: dict[str, str]
    postmodifiers: dict[str, str]
    units: dict[str, str]
    numbers: dict[str, int]
    relative_days: dict[str, int]
    capitalised: frozenset[str]
    patterns: tuple[_Pattern, ...]
    since_prefix: re.Pattern[str]
    future_prefix: re.Pattern[str]
    range_open: re.Pattern[str]
    range_join: re.Pattern[str]
    year_blockers: re.Pattern[str]
    year_count_nouns: re.Pattern[str]
    future_cues: tuple[re.Pattern[str], ...]
    past_cues: tuple[re.Pattern[str], ...]
    duration_cues: tuple[re.Pattern[str], ...]
    present: re.Pattern[str]
    amount: re.Pattern[str]
    dateline_labels: tuple[str, ...]
    dateline_time_words: tuple[str, ...]


def _key(word: str) -> str:
    """Lookup key of a matched word: lower case, plain apostrophe, single spaces, no dot."""
    return " ".join(word.translate(_APOSTROPHES).lower().split()).rstrip(".")


def _alternation(words: Iterable[str], suffix: str = r"\b") -> str:
    """Regex alternation of ``words``, longest first; spaces and apostrophes made flexible."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        esc = re.escape(word.translate(_APOSTROPHES))
        esc = esc.replace(r"\ ", r"\s+").replace("'", "['’]")
        end = "" if word.endswith(("'", "’")) else suffix
        parts.append(esc + end)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _compile(raw: str | None, default: str = "(?!)") -> re.Pattern[str]:
    return re.compile(raw if raw else default, re.IGNORECASE)


@cache
def _lexicon(language: str) -> _Lexicon | None:
    data: dict[str, Any] = lang_resources.load(language, "dates")
    if not data:
        return None
    months = {_key(k): int(v) for k, v in data.get("months", {}).items()}
    abbreviations = {_key(k): int(v) for k, v in data.get("month_abbreviations", {}).items()}
    dot = r"\.?" if data.get("abbreviation_dot", "optional") == "optional" else r"\."
    abbr_alt = [re.escape(a) + r"\b" + dot for a in sorted(abbreviations, key=len, reverse=True)]
    full_alt = _alternation(months)
    month_any = r"\b(?:" + "|".join([full_alt, *abbr_alt]) + ")"
    weekdays = {_key(k): int(v) for k, v in data.get("weekdays", {}).items()}
    seasons = {_key(k): str(v) for k, v in data.get("seasons", {}).items()}
    modifiers = {_key(k): str(v) for k, v in data.get("modifiers", {}).items()}
    postmodifiers = {_key(k): str(v) for k, v in data.get("postmodifiers", {}).items()}
    units = {_key(k): str(v) for k, v in data.get("units", {}).items()}
    numbers = {_key(k): int(v) for k, v in data.get("numbers", {}).items()}
    relative_days = {_key(k): int(v) for k, v in data.get("relative_days", {}).items()}
    present: list[str] = list(data.get("present", []))
    num_alt = "(?:" + _NUMBER + r"|\b" + _alternation(numbers) + ")"
    fill = {
        "MONTH": month_any,
        "MONTHNAME": r"\b" + full_alt,
        "DAY": _DAY,
        "YEAR": _YEAR,
        "WEEKDAY": r"\b" + _alternation(weekdays),
        "SEASON": r"\b" + _alternation(seasons),
        "MOD": r"\b" + _alternation(modifiers),
        "POSTMOD": _alternation(postmodifiers),
        "UNIT": _alternation(units),
        "NUM": num_alt,
        "RELDAY": _alternation(relative_days, suffix=""),
        # "present" entries are regex fragments (they may hold a class like ['’])
        "PRESENT": "(?:" + "|".join(p.replace(" ", r"\s+") for p in present) + ")"
        if present
        else "(?!)",
    }

    def expand(raw: str) -> str:
        return _PLACEHOLDER.sub(lambda m: fill[m.group(1)], raw)

    patterns = tuple(
        _Pattern(str(p["name"]), str(p["kind"]), re.compile(expand(str(p["regex"])), re.I))
        for p in data.get("pattern", [])
    )
    return _Lexicon(
        language=language,
        months={**abbreviations, **months},
        weekdays=weekdays,
        seasons=seasons,
        modifiers=modifiers,
        postmodifiers=postmodifiers,
        units=units,
        numbers=numbers,
        relative_days=relative_days,
        capitalised=frozenset(data.get("capitalised", [])),
        patterns=patterns,
        since_prefix=_compile(data.get("since_prefix")),
        future_prefix=_compile(data.get("future_prefix")),
        range_open=_compile(data.get("range_open")),
        range_join=_compile(data.get("range_join")),
        year_blockers=_compile(data.get("year_blockers")),
        year_count_nouns=_compile(data.get("year_count_nouns")),
        future_cues=tuple(_compile(c) for c in data.get("future_cues", [])),
        past_cues=tuple(_compile(c) for c in data.get("past_cues", [])),
        duration_cues=tuple(_compile(c) for c in data.get("duration_cues", [])),
        present=_compile("^" + fill["PRESENT"] + "$"),
        amount=_compile(num_alt + r"\s*(" + fill["UNIT"] + ")"),
        dateline_labels=tuple(str(x) for x in data.get("dateline_labels", [])),
        dateline_time_words=tuple(str(x) for x in data.get("dateline_time_words", [])),
    )


def _lexicons(language: str) -> list[_Lexicon]:
    """The lexicon for ``language``; every supported one for "und" or an unknown code."""
    own = _lexicon(language) if language in lang_resources.SUPPORTED else None
    if own is not None:
        return [own]
    return [lx for lx in (_lexicon(code) for code in lang_resources.SUPPORTED) if lx is not None]


# ---------------------------------------------------------------- recognition


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A recognised but unresolved expression; offsets are relative to the sentence."""

    start: int
    end: int
    kind: str
    fields: dict[str, str]
    lexicon: _Lexicon
    order: int


def _candidates(stext: str, lexicons: Sequence[_Lexicon]) -> list[_Candidate]:
    """All pattern matches in a sentence, longest kept where they overlap."""
    found: list[_Candidate] = []
    order = 0
    for lex in lexicons:
        for pat in lex.patterns:
            for m in pat.regex.finditer(stext):
                fields = {k: v for k, v in m.groupdict().items() if v is not None}
                start, end = m.span("t") if "t" in fields else m.span()
                if start == end or not _plausible(stext, m, fields, lex):
                    continue
                found.append(_Candidate(start, end, pat.kind, fields, lex, order))
                order += 1
    found.sort(key=lambda c: (-(c.end - c.start), c.order))
    kept: list[_Candidate] = []
    for cand in found:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _plausible(stext: str, m: re.Match[str], fields: dict[str, str], lex: _Lexicon) -> bool:
    """Reject matches that break a language's capitalisation or read a quantity as a year."""
    for group in ("month", "weekday"):
        if group in lex.capitalised and group in fields and not fields[group][0].isupper():
            return False
    for group in ("year", "year2"):
        if group not in fields:
            continue
        if lex.year_blockers.match(stext, m.end(group)):
            return False
        round_number = int(fields[group]) % 100 == 0
        if round_number and lex.year_count_nouns.match(stext, m.end(group)):
            return False
    return True


# ---------------------------------------------------------------- resolution


@dataclass(frozen=True, slots=True)
class _Resolved:
    start: dt.date
    end: dt.date
    precision: Precision
    method: str
    has_year: bool = False
    stated: bool = False  # the words themselves fix the date (written year or weekday)


def _relation(start: dt.date, end: dt.date, published: dt.date | None) -> Relation:
    if published is None or end < published:
        return Relation.PAST
    if start > published:
        return Relation.FUTURE
    return Relation.PRESENT


def _role(c: _Candidate) -> str | None:
    """last | next | this | past from the candidate's modifier words, else None."""
    if "mod" in c.fields:
        return c.lexicon.modifiers.get(_key(c.fields["mod"]))
    if "postmod" in c.fields:
        return c.lexicon.postmodifiers.get(_key(c.fields["postmod"]))
    return None


def _number(c: _Candidate) -> int | None:
    raw = _key(c.fields.get("num", ""))
    if raw.isdigit():
        return int(raw)
    return c.lexicon.numbers.get(raw)


def _is_future_role(c: _Candidate) -> bool:
    if c.kind == "later":
        return True
    if c.kind == "relday":
        return c.lexicon.relative_days.get(_key(c.fields["relday"]), 0) > 0
    return _role(c) == "next"


def _future(stext: str, c: _Candidate, cands: Sequence[_Candidate]) -> bool:
    """Whether ``c`` sits in a future context.

    In order: a scheduling phrase right before it ("called a strike for",
    "proclamano lo sciopero per") makes it future; so does a future cue or a
    future expression ("next week", "domani") in its own clause; a future cue
    elsewhere in the sentence counts only when the expression's clause is a
    bare time adverbial ("On 5 December, the union will strike") — a clause
    with words of its own has its own tense ("Ternana beat Perugia on Saturday
    evening, but the derby will be remembered …").
    """
    lex = c.lexicon
    if lex.future_prefix.search(stext, 0, c.start):
        return True
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(stext, 0, c.start)), default=0)
    right_break = _CLAUSE_BREAK.search(stext, c.end)
    right = right_break.start() if right_break else len(stext)
    clause = stext[left:right]
    if any(p.search(clause) for p in lex.future_cues):
        return True
    if any(_is_future_role(o) for o in cands if o is not c and left <= o.start < right):
        return True
    if not any(p.search(stext) for p in lex.future_cues):
        return False
    own_words = len(clause.split()) - len(stext[c.start : c.end].split())
    return own_words <= _ADVERBIAL_WORDS and not any(p.search(clause) for p in lex.past_cues)


def _calendar(
    c: _Candidate,
    published: dt.date | None,
    future: bool,
    anchor_year: int | None,
) -> _Resolved | None:
    """Resolve a written or deictic calendar expression (see module docstring)."""
    f, lex = c.fields, c.lexicon
    role = _role(c)
    if role == "past":
        role = "last"
    direction = role or ("future" if future else "past")
    year = int(f["year"]) if "year" in f else None
    if year is None and role is None and anchor_year is not None:
        year = anchor_year
    written_year = "year" in f
    month: int | None = None
    if "monthnum" in f:
        month = int(f["monthnum"])
    elif "month" in f:
        month = lex.months.get(_key(f["month"]))
    weekday = lex.weekdays.get(_key(f["weekday"])) if "weekday" in f else None
    relative = "relative" if role else "explicit"
    if "day" in f and month is not None:
        day = 1 if _key(f["day"]) == "primo" else int(f["day"])
        if year is not None:
            d = cal.safe_date(year, month, day)
            return _Resolved(d, d, Precision.DAY, "explicit", written_year) if d else None
        if published is None:
            return None
        d = _day_month(published, month, day, direction, weekday)
        if d is None:
            return None
        # a written weekday that only fits a later date is the text saying "future"
        return _Resolved(d, d, Precision.DAY, "explicit", stated=weekday is not None)
    if month is not None:
        if year is not None:
            s, e = cal.month_bounds(year, month)
            return _Resolved(s, e, Precision.MONTH, "explicit", written_year)
        if published is None:
            return None
        if direction == "last":
            s, e = cal.month_before(published, month, completed=True)
        elif direction == "next":
            s, e = cal.month_after(published, month, strict=True)
        elif direction == "this":
            s, e = cal.month_bounds(published.year, month)
        elif direction == "future":
            s, e = cal.month_after(published, month, strict=False)
        else:
            s, e = cal.month_before(published, month, completed=False)
        return _Resolved(s, e, Precision.MONTH, relative)
    if "season" in f:
        code = lex.seasons[_key(f["season"])]
        if year is not None:
            s, e = cal.season_bounds(year, code)
            return _Resolved(s, e, Precision.SEASON, "explicit", written_year)
        if published is None:
            return None
        if direction == "last":
            s, e = cal.season_before(published, code, completed=True)
        elif direction == "next":
            s, e = cal.season_after(published, code, strict=True)
        elif direction == "future" or (direction == "this" and future):
            s, e = cal.season_after(published, code, strict=False)
        else:
            s, e = cal.season_before(published, code, completed=False)
        return _Resolved(s, e, Precision.SEASON, "relative")
    if year is not None and written_year:
        s, e = cal.year_bounds(year)
        return _Resolved(s, e, Precision.YEAR, "explicit", True)
    if weekday is not None and published is not None:
        # "next"/"last" exclude the day of publication; a bare weekday includes it
        if direction in ("next", "future") or (direction == "this" and future):
            d = cal.weekday_after(published, weekday, strict=direction == "next")
        else:
            d = cal.weekday_before(published, weekday, strict=direction == "last")
        return _Resolved(d, d, Precision.DAY, "relative")
    return None


def _day_month(
    published: dt.date, month: int, day: int, direction: str, weekday: int | None
) -> dt.date | None:
    """Place a day+month without a year relative to ``published`` (see module docstring)."""
    if direction == "this":
        return cal.safe_date(published.year, month, day)
    forward = direction in ("next", "future")
    strict = direction in ("next", "last")
    if weekday is not None:
        # "giovedì 25 gennaio": the written weekday picks the year.  Prefer the
        # allowed direction; a weekday that only fits the other side of the
        # publication date wins over the tense (the text names that very day).
        fitting = [
            d
            for offset in (-1, 0, 1)
            if (d := cal.safe_date(published.year + offset, month, day)) is not None
            and d.weekday() == weekday
        ]
        ahead = [d for d in fitting if d > published or (d == published and not strict)]
        behind = [d for d in fitting if d < published or (d == published and not strict)]
        preferred, other = (ahead, behind[::-1]) if forward else (behind[::-1], ahead)
        if preferred or other:
            return (preferred or other)[0]
    if forward:
        return cal.day_month_after(published, month, day, strict=strict)
    return cal.day_month_before(published, month, day, strict=strict)


def _unit_interval(d: dt.date, unit: str) -> tuple[dt.date, dt.date, Precision]:
    """The calendar unit containing ``d`` ("last week" → that ISO week, as a RANGE)."""
    if unit == "day":
        return d, d, Precision.DAY
    if unit == "week":
        return (*cal.week_bounds(d), Precision.RANGE)
    if unit == "weekend":
        return (*cal.weekend_bounds(d), Precision.RANGE)
    if unit == "month":
        return (*cal.month_bounds(d.year, d.month), Precision.MONTH)
    return (*cal.year_bounds(d.year), Precision.YEAR)


def _resolve(
    c: _Candidate,
    stext: str,
    published: dt.date | None,
    future: bool,
    anchor_year: int | None,
) -> _Resolved | None:
    f, lex = c.fields, c.lexicon
    if c.kind == "calendar":
        return _calendar(c, published, future, anchor_year)
    if c.kind == "dayrange":
        # "16-17 December": place the last day as a date, the first in its month
        last = _calendar(replace(c, fields={**f, "day": f["day2"]}), published, future, anchor_year)
        if last is None or int(f["day"]) > last.start.day:
            return None
        opening = last.start.replace(day=int(f["day"]))
        return replace(last, start=opening, precision=Precision.RANGE)
    if c.kind == "yearrange":
        y1, y2 = int(f["year"]), int(f["year2"])
        if y2 < y1:
            return None
        return _Resolved(dt.date(y1, 1, 1), dt.date(y2, 12, 31), Precision.RANGE, "explicit", True)
    if c.kind == "decade":
        first = int(f["decade"]) if "decade" in f else 1900 + int(f["decade2"])
        return _Resolved(
            dt.date(first, 1, 1), dt.date(first + 9, 12, 31), Precision.RANGE, "explicit", True
        )
    if published is None:
        return None
    unit = lex.units.get(_key(f.get("unit", "")), "")
    if c.kind == "relday":
        d = published + dt.timedelta(days=lex.relative_days[_key(f["relday"])])
        return _Resolved(d, d, Precision.DAY, "relative")
    if c.kind == "present":
        return _Resolved(published - dt.timedelta(days=6), published, Precision.RANGE, "relative")
    if c.kind == "unit":
        role = _role(c)
        if role == "past":
            return _Resolved(cal.shift(published, -1, unit), published, Precision.RANGE, "relative")
        step = {"last": -1, "next": 1}.get(role or "this", 0)
        s, e, prec = _unit_interval(cal.shift(published, step, unit), unit)
        return _Resolved(s, e, prec, "relative")
    n = _number(c)
    if n is None or not unit:
        return None
    if c.kind in ("ago", "later"):
        d = cal.shift(published, -n if c.kind == "ago" else n, unit)
        s, e, prec = _unit_interval(d, unit)
        return _Resolved(s, e, prec, "relative")
    if c.kind == "lastn" or (
        c.kind == "duration" and any(p.search(stext) for p in lex.duration_cues)
    ):
        return _Resolved(cal.shift(published, -n, unit), published, Precision.RANGE, "relative")
    return None


def _mention(
    text: str, start: int, end: int, r: _Resolved, published: dt.date | None
) -> DateMention:
    return DateMention(
        span=make_span(text, start, end),
        start=r.start,
        end=r.end,
        precision=r.precision,
        method=r.method,
        relation=_relation(r.start, r.end, published),
    )


def _sentence_dates(text: str, sent: Sentence, published: dt.date | None) -> list[DateMention]:
    stext = text[sent.start : sent.end]
    base = sent.start
    cands = _candidates(stext, _lexicons(sent.language))
    if not cands:
        return []
    out: list[DateMention] = []
    resolved: list[tuple[_Candidate, _Resolved]] = []
    anchor_year: int | None = None
    for c in cands:
        future = _future(stext, c, cands)
        r = _resolve(c, stext, published, future, anchor_year)
        if r is None:
            continue
        if r.start > r.end:
            continue
        # never after publication unless the text says so (a written year says so)
        after = published is not None and r.start > published
        if after and not future and not (r.has_year or r.stated) and not _is_future_role(c):
            continue
        out.append(_mention(text, base + c.start, base + c.end, r, published))
        resolved.append((c, r))
        if r.has_year and (published is None or r.start.year < published.year):
            anchor_year = r.start.year
    out.extend(_ranges(text, stext, base, resolved, published))
    return out


def _ranges(
    text: str,
    stext: str,
    base: int,
    resolved: list[tuple[_Candidate, _Resolved]],
    published: dt.date | None,
) -> list[DateMention]:
    """ "from X to Y" and "since X" ranges built over already-resolved expressions."""
    out: list[DateMention] = []
    joined: set[int] = set()
    for i, (c1, r1) in enumerate(resolved[:-1]):
        c2, r2 = resolved[i + 1]
        lex = c1.lexicon
        opener = lex.range_open.search(stext, 0, c1.start)
        if (
            c1.kind == c2.kind == "calendar"
            and opener is not None
            and opener.end() == c1.start
            and lex.range_join.match(stext[c1.end : c2.start])
            and r1.start <= r2.end
        ):
            span = _Resolved(r1.start, r2.end, Precision.RANGE, "explicit")
            out.append(_mention(text, base + opener.start(), base + c2.end, span, published))
            joined.update((i, i + 1))
    if published is None:
        return out
    for i, (c, r) in enumerate(resolved):
        if i in joined or c.kind != "calendar" or r.start > published:
            continue
        prefix = c.lexicon.since_prefix.search(stext, 0, c.start)
        if prefix is None or prefix.end() != c.start:
            continue
        span = _Resolved(r.start, published, Precision.RANGE, r.method)
        out.append(_mention(text, base + prefix.start(), base + c.end, span, published))
    return out


def find_dates(
    text: str, sentences: Sequence[Sentence], published: dt.date | None
) -> list[DateMention]:
    """Time expressions of ``text`` resolved against ``published`` (absolute offsets).

    Each sentence is read with its own language's patterns ("und": all
    languages).  With no sentences, the whole text is read as one "und"
    sentence.  Results are sorted by start offset, enclosing ranges ("since
    2005") before the expression they enclose ("2005").  Every mention's quote
    is ``text[start:end]``.
    """
    if not sentences:
        sentences = [Sentence(0, 0, len(text), 0, "und")]
    found: list[DateMention] = []
    for sent in sentences:
        found.extend(_sentence_dates(text, sent, published))
    found.sort(key=lambda m: (m.span.start, -m.span.end))
    return found


# ---------------------------------------------------------------- dateline


@cache
def _dateline_labels() -> tuple[re.Pattern[str], ...]:
    """Labels before a dateline ("Published on", "Publié le", "Опубликовано").

    Every language's ``dateline_labels`` (regex fragments in its dates.toml)
    are tried, because a page's labels need not be in the language of its
    text; the longest match wins, so Spanish "Publicado el" is not cut to the
    Portuguese "Publicado".
    """
    labels = sorted({x for lx in _lexicons("und") for x in lx.dateline_labels})
    return tuple(re.compile(rf"^(?:{x})\s*:?\s*", re.IGNORECASE) for x in labels)


def _after_label(line: str) -> str:
    """``line`` without its longest dateline label."""
    cut = max((m.end() for p in _dateline_labels() if (m := p.match(line))), default=0)
    return line[cut:]


@cache
def _dateline_time() -> re.Pattern[str]:
    """A clock time closing a dateline ("· 14:05", "alle 9.30", "um 14:05 Uhr")."""
    words = [x for lx in _lexicons("und") for x in lx.dateline_time_words]
    alt = "|".join(sorted(set(words), key=lambda x: (-len(x), x))) or "(?!)"
    return re.compile(
        rf"\s*(?:[,|·•–-]\s*|\s(?:{alt})\s+)?\d{{1,2}}[:.h]\d{{2}}"
        r"(?:\s*(?:am|pm|uhr|[A-Z]{2,4}))?\s*$",
        re.IGNORECASE,
    )


def parse_dateline(text: str) -> dt.date | None:
    """Publication date from a line that holds only a full date, or None.

    Accepts lines such as "January 10, 2022", "10 gennaio 2022",
    "2022-01-10", "Published: 10 January 2022".  A date needs day, month and
    year: "ALMATY, Jan. 5 (Reuters) –" would itself need the publication date
    and is skipped.  When several lines qualify, the one nearest to the start
    or end of the text wins (datelines and signatures sit there); ties go to
    the earlier line.
    """
    lines = text.splitlines()
    best: tuple[int, int, dt.date] | None = None
    for index, line in enumerate(lines):
        stripped = line.strip().rstrip(".")
        if not stripped or len(stripped) > 60 or not any(ch.isdigit() for ch in stripped):
            continue
        body = _dateline_time().sub("", _after_label(stripped))
        day = _full_date(body)
        if day is None:
            continue
        rank = (min(index, len(lines) - 1 - index), index)
        if best is None or rank < best[:2]:
            best = (*rank, day)
    return best[2] if best else None


def _full_date(body: str) -> dt.date | None:
    """The date when ``body`` is exactly one written day+month+year expression."""
    for lex in _lexicons("und"):
        cands = _candidates(body, [lex])
        if len(cands) != 1:
            continue
        c = cands[0]
        if c.start != 0 or c.end != len(body) or c.kind != "calendar":
            continue
        if not {"day", "year"} <= c.fields.keys():
            continue
        r = _calendar(c, None, False, None)
        if r is not None and r.precision is Precision.DAY:
            return r.start
    return None


# ---------------------------------------------------------------- TIMEX


def timex_value(m: DateMention) -> str:
    """ISO/TimeML TIMEX3 value of a mention: "2022-01-02", "2021-12", "2021-SU", "2011".

    Ranges: a duration ending at publication ("for two years") gives "P2Y";
    "these days" gives "PRESENT_REF"; an ISO week gives "2022-W01"; a decade
    "199"; otherwise the start at the coarsest granularity it is aligned to
    ("since 2005" → "2005", "since December 2011" → "2011-12").
    """
    s, e = m.start, m.end
    if m.precision is Precision.DAY:
        return s.isoformat()
    if m.precision is Precision.MONTH:
        return f"{s.year:04d}-{s.month:02d}"
    if m.precision is Precision.SEASON:
        return f"{s.year:04d}-{cal.season_code(s.month)}"
    if m.precision is Precision.YEAR:
        return f"{s.year:04d}"
    if m.precision is Precision.UNKNOWN:
        return "XXXX"
    quote = m.span.quote.strip()
    for lex in _lexicons("und"):
        if lex.present.match(quote):
            return "PRESENT_REF"
    if not any(lex.since_prefix.search(quote.split()[0] + " ") for lex in _lexicons("und")):
        for lex in _lexicons("und"):
            amount = lex.amount.search(quote)
            if amount is None:
                continue
            raw = _key(amount.group(0)[: amount.start(1) - amount.start()])
            n = int(raw) if raw.isdigit() else lex.numbers.get(raw)
            unit = lex.units.get(_key(amount.group(1)))
            # a duration ends where it started plus n units ("two weeks ago" does not)
            if n is not None and unit is not None and cal.shift(e, -n, unit) == s:
                return f"P{n}{_TIMEX_UNIT[unit]}"
    if (e - s).days == 6 and s.weekday() == 0:
        iso = s.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if (e - s).days == 1 and s.weekday() == 5:
        iso = s.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}-WE"
    if s.year % 10 == 0 and (s.month, s.day) == (1, 1) and e == dt.date(s.year + 9, 12, 31):
        return f"{s.year // 10:03d}"
    if (s.month, s.day) == (1, 1):
        return f"{s.year:04d}"
    if s.day == 1:
        return f"{s.year:04d}-{s.month:02d}"
    return s.isoformat()
