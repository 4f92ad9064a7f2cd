"""Whether two document events tell the same real-world event: readable, symmetric rules.

:func:`link` is the only decision the clusterer makes, and it looks at the two
items alone (never at the clusters they are in), so clusters are the connected
components of a fixed graph: the same events give the same clusters in any
order of ingestion.

The rules, in order (a pair reaching the end links when its score ≥ :data:`THRESHOLD`):

1. *Blocking* (the caller only compares items of one block): same reality
   (happened / future / negated / hypothetical), same country, same PLOVER type.
2. *Dates must agree*: two day-precise dates at most one day apart (reports
   often disagree by a day), anything coarser must overlap.
3. *Places must agree*: the same place (GeoNames id or name), two cities or
   points at most :data:`NEAR_KM` apart, or a region/country that contains
   the other place (weaker).
4. *Score* (points, see :func:`score`): the same day, the same place, the
   same mode, shared actor classes, shared names (unions, companies, people,
   acronyms) and a similar description add; a different mode, different
   specific actors (students vs workers), different named organisations or
   sectors subtract.  Same-day, same-place reports with nothing against them
   link; one day apart they need one more agreeing detail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from contention.dedup.items import Item

NEAR_KM = 30.0
THRESHOLD = 1.5

# Modes that different outlets use for one event ("protest" vs "riot").
_MODE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"demonstrate", "riot", "obstruct", "occupy"}),
    frozenset({"strike", "boycott"}),
    frozenset({"disperse", "repression", "arrest"}),
    frozenset({"firearms", "beat", "kill"}),
)

_FINE = frozenset({"point", "city"})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def date_gap(a: Item, b: Item) -> int | None:
    """Days between the two date intervals (0 when they overlap); None when either is undated."""
    if a.day_start is None or a.day_end is None or b.day_start is None or b.day_end is None:
        return None
    return max(0, max(a.day_start, b.day_start) - min(a.day_end, b.day_end))


def date_points(a: Item, b: Item) -> float | None:
    """1.0 same day, 0.0 one day apart (both day-precise), 0.3 overlapping coarser dates;
    None when the dates rule the pair out."""
    gap = date_gap(a, b)
    if gap is None:
        return None
    precise = a.day_start == a.day_end and b.day_start == b.day_end
    if precise:
        if gap == 0:
            return 1.0
        return 0.0 if gap == 1 else None
    return 0.3 if gap == 0 else None


def place_points(a: Item, b: Item) -> float | None:
    """1.0 same place, 0.5 near (≤ NEAR_KM), -0.3 when one contains the other; None otherwise."""
    if a.country != b.country or a.country is None:
        return None
    same_id = a.geonames_id and a.geonames_id == b.geonames_id
    if same_id or (a.place is not None and a.place == b.place):
        return 1.0
    fine_a, fine_b = a.place_precision in _FINE, b.place_precision in _FINE
    if fine_a and fine_b:
        if None in (a.lat, a.lon, b.lat, b.lon):
            return None
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        return 0.5 if km <= NEAR_KM else None
    # At least one side is a region or a country that may contain the other.
    if "country" in (a.place_precision, b.place_precision):
        return -0.3
    if a.admin1 and a.admin1 == b.admin1:
        return -0.3
    return None


def mode_points(a: Item, b: Item) -> float:
    if a.mode is None or b.mode is None:
        return 0.0
    if a.mode == b.mode:
        return 0.5
    if any(a.mode in g and b.mode in g for g in _MODE_GROUPS):
        return 0.0
    return -1.5


def _overlap_points(x: frozenset[str], y: frozenset[str], plus: float, minus: float) -> float:
    if not x or not y:
        return 0.0
    return plus if x & y else -minus


def text_points(a: Item, b: Item) -> float:
    """Description similarity: embedding cosine when both have a vector, else token Jaccard.

    Token overlap only rewards: two languages share few words, so its absence
    says nothing.  A cosine is comparable across languages and may subtract.
    """
    if a.vector is not None and b.vector is not None:
        cos = sum(x * y for x, y in zip(a.vector, b.vector, strict=False))
        if cos >= 0.75:
            return 1.0
        if cos >= 0.55:
            return 0.5
        return -0.5 if cos < 0.3 else 0.0
    if not a.tokens or not b.tokens:
        return 0.0
    jac = len(a.tokens & b.tokens) / len(a.tokens | b.tokens)
    if jac >= 0.3:
        return 1.0
    return 0.5 if jac >= 0.15 else 0.0


@dataclass(frozen=True, slots=True)
class Score:
    """Points for each rule (None = the pair is ruled out before scoring)."""

    total: float
    parts: dict[str, float]

    @property
    def linked(self) -> bool:
        return self.total >= THRESHOLD


def score(a: Item, b: Item) -> Score | None:
    """The points of the pair, or None when blocking, dates or places rule it out."""
    if a.reality != b.reality or a.type != b.type or a.event_id == b.event_id:
        return None
    d = date_points(a, b)
    if d is None:
        return None
    p = place_points(a, b)
    if p is None:
        return None
    parts = {
        "date": d,
        "place": p,
        "mode": mode_points(a, b),
        "actors": _overlap_points(a.actors, b.actors, 0.5, 1.5),
        "names": _overlap_points(a.names, b.names, 0.5, 0.0),
        "sector": 0.0
        if a.sector is None or b.sector is None
        else (0.5 if a.sector == b.sector else -1.0),
        "text": text_points(a, b),
    }
    return Score(round(sum(parts.values()), 6), parts)


def link(a: Item, b: Item) -> bool:
    """True when ``a`` and ``b`` tell the same real-world event (symmetric)."""
    s = score(a, b)
    return s is not None and s.linked
