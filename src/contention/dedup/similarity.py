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
   the other place (weak: the descriptions must agree too).
4. *Modes must agree*: the same mode, an unknown one, or two modes outlets
   use for one event (demonstrate/riot/obstruct/occupy; disperse/repression;
   firearms/beat/kill).  A strike and a march on one day are two events.
5. *Score* (points, see :func:`score`): the same day, the same place, the
   same mode, the same kind of actor, the same participants in the source's
   words ("teachers"), the same sector and a similar description add;
   different kinds of actors (students vs workers), different participants
   ("teachers" vs "train drivers"), different sectors and — when it can be
   judged — a dissimilar description subtract.  Same-day, same-place reports
   with nothing against them link; one day apart they need one more agreeing
   detail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from contention.dedup.items import Item

NEAR_KM = 30.0
THRESHOLD = 1.5
CONTAINED = -0.8

# Modes that different outlets use for one event ("protest" vs "riot"); any
# other pair of stated modes is two events (a strike and a march on one day,
# tear gas and arrests, a curfew and a dispersal).
_MODE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"demonstrate", "riot", "obstruct", "occupy"}),
    frozenset({"disperse", "repression"}),
    frozenset({"firearms", "beat", "kill"}),
)

# Actor classes that may name the same participants ("workers" and their "union").
_ACTOR_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"workers", "union", "unemployed"}),
    frozenset({"students"}),
    frozenset({"police", "security_forces", "military"}),
    frozenset({"government", "head_of_state", "party"}),
    frozenset({"company"}),
    frozenset({"foreign_state", "international_org"}),
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
    """1.0 same place, 0.5 near (≤ NEAR_KM), :data:`CONTAINED` when one contains the
    other or both name only the country; None otherwise.

    Containment ("Kazakhstan" and "Almaty") is weak on purpose: a report that
    names only a country would otherwise link every event of its type in that
    country on that day, and chain them into one cluster.  It links only when
    the descriptions agree as well.
    """
    if a.country != b.country or a.country is None:
        return None
    same_id = a.geonames_id and a.geonames_id == b.geonames_id
    if same_id or (a.place is not None and a.place == b.place):
        # Two reports that only name the country say little about being one event.
        return CONTAINED if "country" in (a.place_precision, b.place_precision) else 1.0
    fine_a, fine_b = a.place_precision in _FINE, b.place_precision in _FINE
    if fine_a and fine_b:
        if None in (a.lat, a.lon, b.lat, b.lon):
            return None
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        return 0.5 if km <= NEAR_KM else None
    # At least one side is a region or a country that may contain the other.
    if "country" in (a.place_precision, b.place_precision):
        return CONTAINED
    if a.admin1 and a.admin1 == b.admin1:
        return CONTAINED
    return None


def mode_points(a: Item, b: Item) -> float | None:
    """0.5 same mode, 0 unknown or same group, None (two events) otherwise."""
    if a.mode is None or b.mode is None:
        return 0.0
    if a.mode == b.mode:
        return 0.5
    if any(a.mode in g and b.mode in g for g in _MODE_GROUPS):
        return 0.0
    return None


def _groups(classes: frozenset[str]) -> set[int]:
    return {i for i, g in enumerate(_ACTOR_GROUPS) if classes & g}


def actor_points(a: Item, b: Item) -> float:
    """0.5 when the acting sides share a kind of actor, -1.5 when both are known and
    share none (students vs workers), 0 when either is unknown or generic."""
    if not a.actors or not b.actors:
        return 0.0
    ga, gb = _groups(a.actors), _groups(b.actors)
    if not ga or not gb:
        return 0.0
    return 0.5 if ga & gb else -1.5


def who_points(a: Item, b: Item) -> float:
    """Who took part, in the source's words ("teachers", "train drivers").

    With vectors: cosine of the two phrases (cross-lingual).  Without: only
    within one language, token overlap.  Disagreement subtracts: two groups of
    workers striking in one city on one day are two strikes.
    """
    if not a.who or not b.who:
        return 0.0
    if a.who_vector is not None and b.who_vector is not None:
        cos = _dot(a.who_vector, b.who_vector)
        if cos >= 0.6:
            return 0.5
        return -1.5 if cos < 0.35 else 0.0
    if a.language != b.language:
        return 0.0
    return 0.5 if a.who & b.who else -1.5


def _dot(x: tuple[float, ...], y: tuple[float, ...]) -> float:
    return sum(p * q for p, q in zip(x, y, strict=False))


def text_points(a: Item, b: Item) -> float:
    """Description similarity: embedding cosine when both have a vector, else token Jaccard.

    Token overlap only rewards: two languages share few words, so its absence
    says nothing.  A cosine is comparable across languages and may subtract.
    """
    if a.vector is not None and b.vector is not None:
        cos = _dot(a.vector, b.vector)
        if cos >= 0.9:  # nearly the same sentences: a copy or a close rewrite
            return 1.5
        if cos >= 0.75:
            return 1.0
        if cos >= 0.55:
            return 0.5
        return -1.0 if cos < 0.35 else 0.0
    if not a.tokens or not b.tokens:
        return 0.0
    jac = len(a.tokens & b.tokens) / len(a.tokens | b.tokens)
    if jac >= 0.6:
        return 1.5
    if jac >= 0.3:
        return 1.0
    if jac >= 0.15:
        return 0.5
    if a.language == b.language and jac < 0.05 and min(len(a.tokens), len(b.tokens)) >= 8:
        return -1.0
    return 0.0


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
    m = mode_points(a, b)
    if m is None:
        return None
    parts = {
        "date": d,
        "place": p,
        "mode": m,
        "actors": actor_points(a, b),
        "who": who_points(a, b),
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
