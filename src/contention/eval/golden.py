"""Golden cases: hand-coded expectations for the bundled sample articles, and their scorer.

A golden case is a plain JSON file (``tests/golden/<sample-stem>.json``) written by a
person reading the article as a careful event coder would, never by copying what the
engine produces.  It lists the events the article reports (``events``), events that
must *not* appear (``forbidden``: a football striker, a headline in a "most read"
box, a date in the wrong year …) and whether any extra event fails the case
(``exact_count``).

The scorer compares those expectations with produced records in the public
EVENT_FORMAT shape (plain dicts, as written by ``contention export --format jsonl``),
so the same code serves the pytest runner and ``contention eval golden``.

Matching rules (one expected event ↔ one produced record):

* ``type`` equal (the golden may list alternatives: ``["COERCE", "ASSAULT"]``);
* ``mode`` equal when given (``null`` accepts any mode; a list gives alternatives);
* every expected ``context`` value present in the record; a record ``negated``
  when the golden is not never matches, and an expected asserted event accepts no
  polarity value (future, hypothetical, historical) — a cancelled march reported
  as asserted, or a called strike reported as held, is exactly the error to catch;
* ``place``: country equal when both are known, and the record's point within
  ``max_km`` (haversine); an expected precision ``country`` only needs the country,
  an expected ``admin1`` also accepts a record whose name or admin1 matches one of
  the golden's names;
* ``date``: ``start``/``end`` equal, and ``precision`` equal when given; with
  ``"match": "within"`` the record's interval must lie inside ``start``…``end``
  instead (an event the text dates only as "these days" of January 2022);
* ``counts``: each expected count's ``best`` equal to an integer, or within a
  ``{"min", "max"}`` bracket for vague quantities ("tens of thousands").

* ``source_class`` (optional): some source actor of the record has one of these
  classes ("by workers").
* ``near`` (optional): the record's ``type`` evidence lies in a sentence containing
  one of these words — to tell apart two events of the same type in one long
  article (the government's dissolution, not another official's dismissal).

Other keys of a case: ``optional`` lists events a coder would accept but does not
require (each may claim one record, so it is not "unexpected", and a second copy is a
duplicate); ``"exclusive": false`` on an expectation lets it share a record with
another one (162 dead and 8,000 arrested may be one event or two); ``documents``
gives ``url``/``published`` per article of a multi-article sample, and ``url`` on an
expectation ties it to one of them; a forbidden entry may name ``evidence_near``
(an anchor word whose sentence must not supply evidence for a field).

The one-to-one assignment is a maximum bipartite matching (augmenting paths), which
finds every assignment a greedy pass finds and never loses a match to ordering.
Besides matching, the scorer reports duplicates (a second record that would satisfy an
already matched expectation: the English and Italian halves of one page told as two
events), forbidden hits, evidence whose quote is not ``text[start:end]``, and a wrong
publication date.  It never raises on odd records: a malformed field simply fails to
match and shows up in the per-field checks.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from contention.model import Document, Failure

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
POLARITY = frozenset({"negated", "future", "hypothetical", "historical"})
EARTH_RADIUS_KM = 6371.0088
DEFAULT_MAX_KM = 50.0

Record = Mapping[str, Any]


class GoldenFormatError(ValueError):
    """A golden file does not follow the schema (the message names the file and key)."""


class DocumentLike(Protocol):
    """What the scorer needs from a processed document (``model.Document`` fits)."""

    @property
    def id(self) -> str: ...

    @property
    def url(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def published(self) -> dt.date | None: ...


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True, slots=True)
class CountSpec:
    """An expected count: ``best`` must lie in ``[low, high]`` (equal when both are set)."""

    low: int | None
    high: int | None

    def accepts(self, best: object) -> bool:
        if not isinstance(best, int | float) or isinstance(best, bool):
            return False
        if self.low is not None and best < self.low:
            return False
        return not (self.high is not None and best > self.high)

    def describe(self) -> str:
        if self.low == self.high:
            return str(self.low)
        low = "" if self.low is None else self.low
        high = "" if self.high is None else self.high
        return f"[{low}..{high}]"


@dataclass(frozen=True, slots=True)
class PlaceSpec:
    """Where an event is expected (or forbidden).  Any field may be missing."""

    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    max_km: float = DEFAULT_MAX_KM
    precision: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DateSpec:
    """Expected ``start``/``end`` (equal), or (``within``) a window around the record."""

    start: dt.date | None
    end: dt.date | None
    precision: str | None = None
    within: bool = False


@dataclass(frozen=True, slots=True)
class EvidenceNear:
    """Forbid evidence of ``field`` starting after ``anchor`` in the same sentence.

    The region runs from the anchor to the first sentence end (``.``/``!``/``?``
    followed by a space, or a line break), and at most ``window`` characters: it
    names a trap sentence ("according to KPMG 162 people own …") without copying it.
    """

    anchor: str
    field: str
    window: int = 120


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    types: tuple[str, ...]
    modes: tuple[str, ...] | None  # None = any mode
    context: tuple[str, ...] = ()
    place: PlaceSpec | None = None
    date: DateSpec | None = None
    counts: Mapping[str, CountSpec] = field(default_factory=dict)
    url: str | None = None
    unique: bool = True
    exclusive: bool = True
    source_class: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    note: str = ""

    def label(self) -> str:
        mode = "/".join(self.modes) if self.modes else "*"
        where = self.place.name if self.place and self.place.name else "?"
        when = self.date.start.isoformat() if self.date and self.date.start else "?"
        ctx = ",".join(self.context) or "-"
        counts = "".join(f" {k}={v.describe()}" for k, v in self.counts.items())
        return f"{'/'.join(self.types)}:{mode} [{ctx}] @{where} {when}{counts}"


@dataclass(frozen=True, slots=True)
class ForbiddenEvent:
    types: tuple[str, ...] | None  # None = any type
    modes: tuple[str, ...] | None
    why: str
    context: tuple[str, ...] = ()
    place: PlaceSpec | None = None
    date: DateSpec | None = None
    counts: Mapping[str, CountSpec] = field(default_factory=dict)
    evidence_near: EvidenceNear | None = None


@dataclass(frozen=True, slots=True)
class GoldenDocument:
    """One article of a multi-article sample (a JSON Lines feed)."""

    url: str
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class GoldenCase:
    name: str  # stem of the golden file
    file: str  # sample file name, relative to the samples folder
    published: dt.date | None
    what_it_tests: str
    events: tuple[ExpectedEvent, ...]
    forbidden: tuple[ForbiddenEvent, ...]
    exact_count: bool
    documents: tuple[GoldenDocument, ...] = ()
    optional: tuple[ExpectedEvent, ...] = ()
    path: Path | None = None


# --------------------------------------------------------------------------- loading


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise GoldenFormatError(f"{where}: expected an ISO date string, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise GoldenFormatError(f"{where}: {exc}") from exc


def _names(value: object, where: str) -> tuple[str, ...] | None:
    if value is None or value == "*":
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise GoldenFormatError(f"{where}: expected a string, a list of strings or null")


def _count_spec(value: object, where: str) -> CountSpec:
    if isinstance(value, int) and not isinstance(value, bool):
        return CountSpec(value, value)
    if isinstance(value, dict) and set(value) <= {"min", "max"} and value:
        low, high = value.get("min"), value.get("max")
        for v in (low, high):
            if v is not None and not isinstance(v, int):
                raise GoldenFormatError(f"{where}: min/max must be integers")
        return CountSpec(low, high)
    raise GoldenFormatError(f"{where}: a count is an integer or {{'min': .., 'max': ..}}")


def _counts(value: object, where: str) -> dict[str, CountSpec]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GoldenFormatError(f"{where}: counts must be an object")
    return {str(k): _count_spec(v, f"{where}.{k}") for k, v in value.items()}


def _place(value: object, where: str) -> PlaceSpec | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise GoldenFormatError(f"{where}: place must be an object or null")
    lat, lon = value.get("lat"), value.get("lon")
    if (lat is None) != (lon is None):
        raise GoldenFormatError(f"{where}: give both lat and lon or neither")
    aliases = value.get("aliases") or []
    return PlaceSpec(
        name=value.get("name"),
        country=value.get("country"),
        lat=float(lat) if lat is not None else None,
        lon=float(lon) if lon is not None else None,
        max_km=float(value.get("max_km", DEFAULT_MAX_KM)),
        precision=value.get("precision"),
        aliases=tuple(str(a) for a in aliases),
    )


def _date_spec(value: object, where: str) -> DateSpec | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise GoldenFormatError(f"{where}: date must be an object or null")
    match = value.get("match", "equal")
    if match not in {"equal", "within"}:
        raise GoldenFormatError(f"{where}.match: 'equal' or 'within', not {match!r}")
    return DateSpec(
        start=_date(value.get("start"), f"{where}.start"),
        end=_date(value.get("end"), f"{where}.end"),
        precision=value.get("precision"),
        within=match == "within",
    )


def _context(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise GoldenFormatError(f"{where}: context must be a list of strings")


def _expected(raw: object, where: str) -> ExpectedEvent:
    if not isinstance(raw, dict):
        raise GoldenFormatError(f"{where}: an event must be an object")
    types = _names(raw.get("type"), f"{where}.type")
    if types is None:
        raise GoldenFormatError(f"{where}.type: an expected event needs a type")
    return ExpectedEvent(
        types=types,
        modes=_names(raw.get("mode"), f"{where}.mode"),
        context=_context(raw.get("context"), f"{where}.context"),
        place=_place(raw.get("place"), f"{where}.place"),
        date=_date_spec(raw.get("date"), f"{where}.date"),
        counts=_counts(raw.get("counts"), f"{where}.counts"),
        url=raw.get("url"),
        unique=bool(raw.get("unique", True)),
        exclusive=bool(raw.get("exclusive", True)),
        source_class=_context(raw.get("source_class"), f"{where}.source_class"),
        near=_context(raw.get("near"), f"{where}.near"),
        note=str(raw.get("note", "")),
    )


def _forbidden(raw: object, where: str) -> ForbiddenEvent:
    if not isinstance(raw, dict):
        raise GoldenFormatError(f"{where}: a forbidden entry must be an object")
    if not raw.get("why"):
        raise GoldenFormatError(f"{where}: say why the event is forbidden")
    near_raw = raw.get("evidence_near")
    near = None
    if near_raw is not None:
        if not isinstance(near_raw, dict) or "anchor" not in near_raw or "field" not in near_raw:
            raise GoldenFormatError(f"{where}.evidence_near: needs anchor and field")
        near = EvidenceNear(
            str(near_raw["anchor"]), str(near_raw["field"]), int(near_raw.get("window", 120))
        )
    return ForbiddenEvent(
        types=_names(raw.get("type"), f"{where}.type"),
        modes=_names(raw.get("mode"), f"{where}.mode"),
        why=str(raw["why"]),
        context=_context(raw.get("context"), f"{where}.context"),
        place=_place(raw.get("place"), f"{where}.place"),
        date=_date_spec(raw.get("date"), f"{where}.date"),
        counts=_counts(raw.get("counts"), f"{where}.counts"),
        evidence_near=near,
    )


def parse_case(data: Mapping[str, Any], name: str, path: Path | None = None) -> GoldenCase:
    """Build a :class:`GoldenCase` from parsed JSON; ``GoldenFormatError`` on a bad schema."""
    for key in ("file", "what_it_tests", "events", "exact_count"):
        if key not in data:
            raise GoldenFormatError(f"{name}: missing key {key!r}")
    if not isinstance(data["events"], list):
        raise GoldenFormatError(f"{name}.events: must be a list")
    docs = tuple(
        GoldenDocument(str(d["url"]), _date(d.get("published"), f"{name}.documents[{i}]"))
        for i, d in enumerate(data.get("documents") or [])
    )
    return GoldenCase(
        name=name,
        file=str(data["file"]),
        published=_date(data.get("published"), f"{name}.published"),
        what_it_tests=str(data["what_it_tests"]),
        events=tuple(_expected(e, f"{name}.events[{i}]") for i, e in enumerate(data["events"])),
        forbidden=tuple(
            _forbidden(f, f"{name}.forbidden[{i}]")
            for i, f in enumerate(data.get("forbidden") or [])
        ),
        exact_count=bool(data["exact_count"]),
        documents=docs,
        optional=tuple(
            _expected(e, f"{name}.optional[{i}]") for i, e in enumerate(data.get("optional") or [])
        ),
        path=path,
    )


def load_case(path: Path) -> GoldenCase:
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise GoldenFormatError(f"{path.name}: the top level must be an object")
    return parse_case(data, path.stem, path)


def load_cases(directory: str | Path) -> list[GoldenCase]:
    """Every ``*.json`` golden case in ``directory``, sorted by file name."""
    return [load_case(p) for p in sorted(Path(directory).glob("*.json"))]


# --------------------------------------------------------------------------- checks


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """One field of one expectation against one record: did it pass, and why not."""

    field: str
    ok: bool
    detail: str = ""


def _fold(s: str) -> str:
    return " ".join(s.casefold().replace("-", " ").split())


def _check_place(spec: PlaceSpec, place: object) -> FieldCheck:
    if not isinstance(place, Mapping):
        return FieldCheck("place", False, "record has no place")
    country = place.get("country")
    if spec.country and country and str(country).upper() != spec.country.upper():
        return FieldCheck("place", False, f"country {country} != {spec.country}")
    if spec.precision == "country":
        ok = bool(country) and spec.country is not None
        return FieldCheck("place", ok, "" if ok else "record has no country")
    if spec.precision == "admin1":
        # A region is matched by its name, or by a region-level record near it; a city
        # record inside the region (whose ``admin1`` names it) is *not* the region.
        wanted = {_fold(n) for n in (spec.name, *spec.aliases) if n}
        got = _fold(str(place.get("name") or ""))
        if got and any(w in got or got in w for w in wanted):
            return FieldCheck("place", True)
        if place.get("precision") != "admin1":
            return FieldCheck("place", False, f"{place.get('name')!r} is not the region")
    if spec.lat is None or spec.lon is None:
        ok = spec.country is None or bool(country)
        return FieldCheck("place", ok, "" if ok else "record has no country")
    lat, lon = place.get("lat"), place.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return FieldCheck("place", False, f"record place {place.get('name')!r} has no point")
    km = haversine_km(spec.lat, spec.lon, float(lat), float(lon))
    ok = km <= spec.max_km
    return FieldCheck("place", ok, "" if ok else f"{place.get('name')!r} is {km:.0f} km away")


def _record_date(record: Record) -> tuple[dt.date | None, dt.date | None, object]:
    date = record.get("date")
    if not isinstance(date, Mapping):
        return None, None, None
    try:
        start = dt.date.fromisoformat(str(date.get("start")))
        end = dt.date.fromisoformat(str(date.get("end") or date.get("start")))
    except ValueError:
        return None, None, date.get("precision")
    return start, end, date.get("precision")


def _check_date(spec: DateSpec, record: Record) -> FieldCheck:
    start, end, precision = _record_date(record)
    if start is None or end is None:
        return FieldCheck("date", False, "record has no date")
    if spec.within:
        ok = (spec.start is None or start >= spec.start) and (spec.end is None or end <= spec.end)
        return FieldCheck(
            "date", ok, "" if ok else f"{start}..{end} not within {spec.start}..{spec.end}"
        )
    if spec.start is not None and start != spec.start:
        return FieldCheck("date", False, f"start {start} != {spec.start}")
    if spec.end is not None and end != spec.end:
        return FieldCheck("date", False, f"end {end} != {spec.end}")
    if spec.precision is not None and precision != spec.precision:
        return FieldCheck("date", False, f"precision {precision} != {spec.precision}")
    return FieldCheck("date", True)


def _count_best(record: Record, name: str) -> object:
    counts = record.get("counts")
    if not isinstance(counts, Mapping):
        return None
    claim = counts.get(name)
    return claim.get("best") if isinstance(claim, Mapping) else None


def _check_counts(specs: Mapping[str, CountSpec], record: Record) -> list[FieldCheck]:
    out = []
    for name, spec in specs.items():
        best = _count_best(record, name)
        ok = spec.accepts(best)
        out.append(
            FieldCheck(f"count.{name}", ok, "" if ok else f"best {best} != {spec.describe()}")
        )
    return out


def _context_of(record: Record) -> set[str]:
    ctx = record.get("context")
    if isinstance(ctx, str):
        return {ctx}
    return {str(c) for c in ctx} if isinstance(ctx, list | tuple) else set()


def _source_classes(record: Record) -> set[str]:
    actors = record.get("actors")
    if not isinstance(actors, list):
        return set()
    return {
        str(a.get("class"))
        for a in actors
        if isinstance(a, Mapping) and a.get("role") == "source" and a.get("class")
    }


def _record_urls(record: Record) -> set[str]:
    sources = record.get("sources")
    if not isinstance(sources, list):
        return set()
    return {str(s.get("url")) for s in sources if isinstance(s, Mapping) and s.get("url")}


def sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` around ``pos`` (bounded by ``.!?`` + space or a line break)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    stop = _SENTENCE_END.search(text, pos)
    return text[start : stop.start() if stop else len(text)]


def _check_near(words: tuple[str, ...], record: Record, texts: Mapping[str, str]) -> FieldCheck:
    evidence = record.get("evidence")
    folded = [w.casefold() for w in words]
    for ev in evidence if isinstance(evidence, list) else []:
        if not isinstance(ev, Mapping) or ev.get("field") != "type":
            continue
        text, start = texts.get(str(ev.get("doc_id"))), ev.get("start")
        if text is None or not isinstance(start, int):
            continue
        sentence = sentence_at(text, start).casefold()
        if any(w in sentence for w in folded):
            return FieldCheck("near", True)
    return FieldCheck("near", False, f"type evidence not in a sentence with {list(words)}")


def _extra_polarity(expected: set[str], got: set[str]) -> bool:
    """Whether the record's context contradicts the golden's.

    A record that says "negated" when the golden does not (or the reverse is caught
    by ``missing``) never matches.  Other polarity values (future, hypothetical,
    historical) are extra only for an expectation of an asserted event: a march that
    "would have" taken place but "did not" may carry hypothetical next to negated.
    """
    if "negated" in got and "negated" not in expected:
        return True
    return not (expected & POLARITY) and bool(got & POLARITY)


def check_expected(
    exp: ExpectedEvent, record: Record, texts: Mapping[str, str] | None = None
) -> list[FieldCheck]:
    """Every field check of one expectation against one record (all must pass to match).

    ``near`` (the type evidence must sit in a sentence containing one of the
    golden's words) is checked only when ``texts`` (doc_id → text) is given.
    """
    checks = [
        FieldCheck("type", record.get("type") in exp.types, f"type {record.get('type')}"),
    ]
    if exp.modes is not None:
        checks.append(
            FieldCheck("mode", record.get("mode") in exp.modes, f"mode {record.get('mode')}")
        )
    if exp.context:
        got = _context_of(record)
        missing = [c for c in exp.context if c not in got]
        ok = not missing and not _extra_polarity(set(exp.context), got)
        checks.append(FieldCheck("context", ok, "" if ok else f"context {sorted(got)}"))
    if exp.source_class:
        classes = _source_classes(record)
        ok = bool(classes & set(exp.source_class))
        checks.append(FieldCheck("actor", ok, "" if ok else f"source classes {sorted(classes)}"))
    if exp.url is not None:
        ok = exp.url in _record_urls(record)
        checks.append(FieldCheck("url", ok, "" if ok else "from another document"))
    if exp.place is not None:
        checks.append(_check_place(exp.place, record.get("place")))
    if exp.date is not None:
        checks.append(_check_date(exp.date, record))
    checks.extend(_check_counts(exp.counts, record))
    if exp.near and texts:
        checks.append(_check_near(exp.near, record, texts))
    return checks


def matches(exp: ExpectedEvent, record: Record, texts: Mapping[str, str] | None = None) -> bool:
    return all(c.ok for c in check_expected(exp, record, texts))


def _overlaps(spec: DateSpec, record: Record) -> bool:
    start, end, _ = _record_date(record)
    if start is None or end is None:
        return False
    lo = spec.start or dt.date.min
    hi = spec.end or dt.date.max
    return start <= hi and end >= lo


def _near_hit(near: EvidenceNear, record: Record, texts: Mapping[str, str]) -> bool:
    evidence = record.get("evidence")
    if not isinstance(evidence, list):
        return False
    for ev in evidence:
        if not isinstance(ev, Mapping) or ev.get("field") != near.field:
            continue
        text = texts.get(str(ev.get("doc_id")), "")
        start = ev.get("start")
        if not isinstance(start, int):
            continue
        pos = text.find(near.anchor)
        while pos >= 0:
            limit = pos + len(near.anchor) + near.window
            stop = _SENTENCE_END.search(text, pos + len(near.anchor), limit)
            if pos <= start < (stop.start() if stop else limit):
                return True
            pos = text.find(near.anchor, pos + 1)
    return False


def forbidden_hit(rule: ForbiddenEvent, record: Record, texts: Mapping[str, str]) -> bool:
    """True when ``record`` is an event the golden says must not appear.

    Unlike expectations, a forbidden date matches by *overlap* (no event anywhere in
    December 2022) and a forbidden place may give only a country.
    """
    if rule.types is not None and record.get("type") not in rule.types:
        return False
    if rule.modes is not None and record.get("mode") not in rule.modes:
        return False
    if rule.context and not set(rule.context) <= _context_of(record):
        return False
    if rule.place is not None:
        place = record.get("place")
        if not isinstance(place, Mapping):
            return False
        if rule.place.lat is None and rule.place.country is not None:
            if str(place.get("country") or "").upper() != rule.place.country.upper():
                return False
        elif not _check_place(rule.place, place).ok:
            return False
    if rule.date is not None and not _overlaps(rule.date, record):
        return False
    if rule.counts and not all(c.ok for c in _check_counts(rule.counts, record)):
        return False
    return rule.evidence_near is None or _near_hit(rule.evidence_near, record, texts)


def evidence_errors(record: Record, texts: Mapping[str, str]) -> list[str]:
    """Problems with a record's evidence: quote ≠ text[start:end], unknown doc, no type evidence."""
    errors: list[str] = []
    evidence = record.get("evidence")
    rid = record.get("id", "?")
    if not isinstance(evidence, list) or not evidence:
        return [f"{rid}: no evidence"]
    if not any(isinstance(e, Mapping) and e.get("field") == "type" for e in evidence):
        errors.append(f"{rid}: no evidence for field 'type'")
    for ev in evidence:
        if not isinstance(ev, Mapping):
            errors.append(f"{rid}: evidence entry is not an object")
            continue
        text = texts.get(str(ev.get("doc_id")))
        if text is None:
            if texts:
                errors.append(f"{rid}: evidence names unknown document {ev.get('doc_id')!r}")
            continue
        start, end, quote = ev.get("start"), ev.get("end"), ev.get("quote")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            errors.append(f"{rid}: evidence offsets [{start}:{end}] outside the text")
        elif text[start:end] != quote:
            errors.append(f"{rid}: quote {quote!r} != text[{start}:{end}] {text[start:end]!r}")
    return errors


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class Match:
    expected: ExpectedEvent
    index: int  # position of the record in the produced list
    record: Record


@dataclass(frozen=True, slots=True)
class Miss:
    expected: ExpectedEvent
    nearest: int | None  # record that passed most checks, if any shares the type
    checks: tuple[FieldCheck, ...]

    def describe(self) -> str:
        failed = "; ".join(f"{c.field}: {c.detail}" for c in self.checks if not c.ok)
        near = (
            f"nearest record #{self.nearest}: {failed}"
            if self.nearest is not None
            else "no record of that type"
        )
        return f"MISSED {self.expected.label()} ({near})"


@dataclass(frozen=True, slots=True)
class ForbiddenHit:
    rule: ForbiddenEvent
    index: int
    record: Record


@dataclass(frozen=True, slots=True)
class Duplicate:
    expected: ExpectedEvent
    index: int
    record: Record


@dataclass(slots=True)
class CaseResult:
    case: GoldenCase
    matched: list[Match] = field(default_factory=list)
    optional_matched: list[Match] = field(default_factory=list)
    missed: list[Miss] = field(default_factory=list)
    unexpected: list[tuple[int, Record]] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    forbidden_hits: list[ForbiddenHit] = field(default_factory=list)
    evidence_errors: list[str] = field(default_factory=list)
    metadata_errors: list[str] = field(default_factory=list)
    pipeline_errors: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not (
            self.missed
            or self.pipeline_errors
            or self.duplicates
            or self.forbidden_hits
            or self.evidence_errors
            or self.metadata_errors
            or (self.case.exact_count and self.unexpected)
        )

    def summary(self) -> str:
        """A readable account of every failure (used as the pytest assertion message)."""
        lines = [
            f"{self.case.name}: {'PASS' if self.passed else 'FAIL'} "
            f"({len(self.matched)}/{len(self.case.events)} matched, "
            f"{len(self.unexpected)} unexpected, exact_count={self.case.exact_count})"
        ]
        lines += [m.describe() for m in self.missed]
        lines += [
            f"DUPLICATE of {d.expected.label()}: record #{d.index} {_brief(d.record)}"
            for d in self.duplicates
        ]
        lines += [
            f"FORBIDDEN ({h.rule.why}): record #{h.index} {_brief(h.record)}"
            for h in self.forbidden_hits
        ]
        if self.case.exact_count:
            lines += [f"UNEXPECTED record #{i} {_brief(r)}" for i, r in self.unexpected]
        lines += [f"EVIDENCE {e}" for e in self.evidence_errors]
        lines += [f"METADATA {e}" for e in self.metadata_errors]
        lines += [f"PIPELINE {e}" for e in self.pipeline_errors]
        return "\n".join(lines)


def _brief(record: Record) -> str:
    place = record.get("place") if isinstance(record.get("place"), Mapping) else {}
    date = record.get("date") if isinstance(record.get("date"), Mapping) else {}
    assert isinstance(place, Mapping) and isinstance(date, Mapping)
    return (
        f"{record.get('type')}:{record.get('mode')} {sorted(_context_of(record))} "
        f"@{place.get('name')}/{place.get('country')} {date.get('start')}..{date.get('end')}"
    )


def _max_matching(adj: list[list[int]]) -> dict[int, int]:
    """Maximum bipartite matching expected→record by augmenting paths (Kuhn's algorithm)."""
    owner: dict[int, int] = {}  # record index -> expected index

    def augment(e: int, seen: set[int]) -> bool:
        for r in adj[e]:
            if r in seen:
                continue
            seen.add(r)
            if r not in owner or augment(owner[r], seen):
                owner[r] = e
                return True
        return False

    for e in range(len(adj)):
        augment(e, set())
    return {e: r for r, e in owner.items()}


def _texts(documents: Iterable[DocumentLike] | Mapping[str, str] | None) -> dict[str, str]:
    if documents is None:
        return {}
    if isinstance(documents, Mapping):
        return {str(k): str(v) for k, v in documents.items()}
    return {d.id: d.text for d in documents}


def _check_metadata(case: GoldenCase, documents: Sequence[DocumentLike]) -> list[str]:
    errors: list[str] = []
    if case.documents:
        by_url = {d.url: d for d in documents}
        for gd in case.documents:
            doc = by_url.get(gd.url)
            if doc is None:
                errors.append(f"no document with url {gd.url!r} (got {sorted(by_url)})")
            elif gd.published is not None and doc.published != gd.published:
                errors.append(f"{gd.url}: published {doc.published} != {gd.published}")
    elif case.published is not None:
        if len(documents) != 1:
            errors.append(f"expected one document, got {len(documents)}")
        elif documents[0].published != case.published:
            errors.append(f"published {documents[0].published} != {case.published}")
    return errors


def _nearest_miss(
    exp: ExpectedEvent, records: Sequence[Record], used: set[int], texts: Mapping[str, str]
) -> Miss:
    """The record of the right type that passed most checks, to say *why* nothing matched."""
    best: tuple[int, int | None, tuple[FieldCheck, ...]] = (-1, None, ())
    for ri, rec in enumerate(records):
        checks = tuple(check_expected(exp, rec, texts))
        if not checks[0].ok:
            continue
        score = 2 * sum(c.ok for c in checks) - (ri in used)
        if score > best[0]:
            best = (score, ri, checks)
    return Miss(exp, best[1], best[2])


def score_case(
    case: GoldenCase,
    produced_records: Sequence[Record],
    documents: Sequence[DocumentLike] | Mapping[str, str] | None = None,
) -> CaseResult:
    """Compare produced EVENT_FORMAT records with a golden case.

    ``documents`` (the processed documents, or a ``doc_id -> text`` mapping) enables
    the evidence-quote check, the ``evidence_near`` forbidden rules and, when they are
    documents, the publication-date check.  Without it those checks are skipped.

    Exclusive expectations (the default) each claim their own record; a
    non-exclusive one (``"exclusive": false``) is satisfied by any matching record,
    even one another expectation claimed — for facts a coder may put on one event or
    split over two (162 dead and 8,000 arrested in one sentence).
    """
    result = CaseResult(case)
    texts = _texts(documents)
    records = list(produced_records)
    exclusive = [ei for ei, e in enumerate(case.events) if e.exclusive]
    adj = [
        [ri for ri, r in enumerate(records) if matches(case.events[ei], r, texts)]
        for ei in exclusive
    ]
    assignment = {exclusive[k]: ri for k, ri in _max_matching(adj).items()}
    used = set(assignment.values())
    for ei, exp in enumerate(case.events):
        if exp.exclusive:
            continue
        candidates = [ri for ri, r in enumerate(records) if matches(exp, r, texts)]
        if candidates:
            ri = next((c for c in candidates if c in used), candidates[0])
            assignment[ei] = ri
            used.add(ri)
    for ei, exp in enumerate(case.events):
        if ei in assignment:
            result.matched.append(Match(exp, assignment[ei], records[assignment[ei]]))
        else:
            result.missed.append(_nearest_miss(exp, records, used, texts))
    free = [ri for ri in range(len(records)) if ri not in used]
    opt_adj = [[ri for ri in free if matches(e, records[ri], texts)] for e in case.optional]
    for ei, ri in sorted(_max_matching(opt_adj).items()):
        result.optional_matched.append(Match(case.optional[ei], ri, records[ri]))
        used.add(ri)
    for ri, rec in enumerate(records):
        if ri in used:
            continue
        result.unexpected.append((ri, rec))
        for m in (*result.matched, *result.optional_matched):
            if m.expected.unique and matches(m.expected, rec, texts):
                result.duplicates.append(Duplicate(m.expected, ri, rec))
                break
    for ri, rec in enumerate(records):
        for rule in case.forbidden:
            if forbidden_hit(rule, rec, texts):
                result.forbidden_hits.append(ForbiddenHit(rule, ri, rec))
        if texts:
            result.evidence_errors.extend(evidence_errors(rec, texts))
    if documents is not None and not isinstance(documents, Mapping):
        result.metadata_errors.extend(_check_metadata(case, list(documents)))
    return result


# --------------------------------------------------------------------------- running


def samples_dir() -> Path:
    """The folder of bundled sample articles (``contention/samples``)."""
    return Path(__file__).resolve().parent.parent / "samples"


@dataclass(slots=True)
class ProcessedSample:
    """Documents and EVENT_FORMAT records the real pipeline made of one sample file.

    ``errors`` lists inputs the pipeline could not process (ingest/extract
    failures) and records that could not be exported (an evidence quote that does
    not match the text); a golden case fails when it is not empty.
    """

    documents: list[Document] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def process_sample(path: Path, published: dt.date | None = None) -> ProcessedSample:
    """Run ingest → extract → process → export on one file, as ``contention ingest`` would.

    ``published`` overrides the publication date (``None`` lets extraction find it,
    which is part of what a golden case checks).  Imports are local so that loading
    and scoring golden files needs none of the pipeline's heavy dependencies.
    """
    from contention.errors import ContentionError
    from contention.export.records import event_record
    from contention.extract import to_document
    from contention.ingest import iter_inputs
    from contention.pipeline.core import process_document

    out = ProcessedSample()
    for item in iter_inputs([str(path)]):
        if isinstance(item, Failure):
            out.errors.append(f"ingest {item.source}: {item.code} {item.error}")
            continue
        try:
            doc = to_document(item, published)
        except ContentionError as exc:
            out.errors.append(f"extract {item.source}: {exc.code} {exc}")
            continue
        out.documents.append(doc)
        result = process_document(doc)
        for event in result.events:
            try:
                out.records.append(event_record(event, doc))
            except ValueError as exc:
                out.errors.append(f"export {event.id}: {exc}")
    return out


def run_case(
    case: GoldenCase, samples: Path | None = None, published: dt.date | None = None
) -> tuple[CaseResult, ProcessedSample]:
    """Process the case's sample through the real pipeline and score it."""
    path = Path(case.file)
    if not path.is_absolute():
        path = (samples or samples_dir()) / path
    processed = process_sample(path, published)
    result = score_case(case, processed.records, processed.documents)
    result.pipeline_errors.extend(processed.errors)
    return result, processed
