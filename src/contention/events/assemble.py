"""Assemble stage: the mentions of one document become its events.

The same event is often told twice in one article — and once per language on
a bilingual page.  Mentions join one event when their type, mode, context,
place and date are compatible:

* modes are equal, or one is generic (None, or COERCE "repression");
* contexts agree on negated / future / hypothetical / historical;
* places are the same, or one contains the other (a city and its region, a
  region or city and its country) — compared with the event's *current*,
  most precise place, so "Kazakhstan" can join "Zhanaozen" but does not
  then chain "Zhanaozen" to "Almaty";
* date intervals overlap.

Weak mentions ("the uprising", "the repression") that carry no place, date or
count of their own join the nearest compatible event and never stand alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contention.events.mention import DATE_RANK, GENERIC_MODES, PRECISION_RANK, EventMention
from contention.ids import event_id
from contention.model import (
    Actor,
    ActorMention,
    Context,
    Count,
    CountMention,
    Document,
    Event,
    EventDate,
    Evidence,
    Labour,
    Place,
    PlaceMention,
    Sentence,
    Span,
)

if TYPE_CHECKING:
    from contention.pipeline.core import Annotations

STAGE = "assemble.v1"
# Type evidence of a mention the encoder\'s classifier found (contention.events.paraphrase).
ENCODER_STAGE = "paraphrase.v1"
_STATUS = frozenset({Context.NEGATED, Context.FUTURE, Context.HYPOTHETICAL, Context.HISTORICAL})
# A mention with no slot of its own joins an event told this many sentences away at most.
NEAR_SENTENCES = 3
# Types a story tells many of (protests, arrests, attacks): only these need nearness.
NEAR_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT"})
# Types told many times over in conflict reporting ("24 killed … 14 bodies found"): their
# mentions join only nearby events, even when they carry a place, a date or a count.
LOCAL_TYPES = frozenset({"ASSAULT", "COERCE"})
# Actors who act for the state: their violence and a crowd's are never one event.
STATE_SIDE = frozenset({"police", "security_forces", "military", "government", "head_of_state"})
# Two gazetteer entries closer than this are the same place told twice.
SAME_PLACE_KM = 25.0


def km(a: PlaceMention, b: PlaceMention) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(a: PlaceMention, b: PlaceMention) -> bool:
    if a.country != b.country:
        return False
    if "country" in (a.feature, b.feature):
        return True
    if a.feature == "admin1" or b.feature == "admin1":
        if a.feature == b.feature:
            return a.name == b.name or km(a, b) < SAME_PLACE_KM
        city, region = (a, b) if b.feature == "admin1" else (b, a)
        return city.admin1 is not None and city.admin1 == region.admin1
    if a.geonames_id and a.geonames_id == b.geonames_id:
        return True
    return km(a, b) < SAME_PLACE_KM


def _dates_overlap(a: EventDate, b: EventDate) -> bool:
    return a.start <= b.end and b.start <= a.end


@dataclass(slots=True)
class _Group:
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def mode(self) -> str | None:
        # Mentions that only joined ("decimated by arrests") do not recode the event.
        core = [m for m in self.mentions if not m.joined] or self.mentions
        specific = [m.mode for m in core if m.mode not in GENERIC_MODES]
        return specific[0] if specific else self.first.mode

    @property
    def status(self) -> frozenset[Context]:
        return frozenset(self.first.contexts & _STATUS)

    @property
    def place(self) -> PlaceMention | None:
        cands = [m for m in self.mentions if m.place is not None]
        if not cands:
            return None
        best = max(
            cands,
            key=lambda m: (
                not m.place_inherited,
                PRECISION_RANK.get(m.place.precision.value, 0) if m.place else 0,
            ),
        )
        return best.place

    @property
    def date_mention(self) -> EventMention | None:
        cands = [m for m in self.mentions if m.date_value is not None]
        if not cands:
            return None
        return max(
            cands,
            key=lambda m: (
                not m.date_inherited,
                DATE_RANK.get(m.date_value.precision.value, 0) if m.date_value else 0,
            ),
        )

    def near(self, m: EventMention) -> bool:
        """Whether ``m`` may join by compatibility alone, without a slot of its own.

        Nearby (a few sentences from a member in its language), or in a
        language the event has no member in yet — the other half of a
        bilingual page retells it.  A bare "the arrest of the security chief"
        thirty sentences on is another arrest.
        """
        if m.type not in NEAR_TYPES:
            return True  # one deployment, one resignation per story: retellings join anywhere
        same_language = [o for o in self.mentions if o.language == m.language]
        if not same_language:
            return True
        if any(abs(o.sentence - m.sentence) <= NEAR_SENTENCES for o in same_language):
            return True
        # Further on, the story must still be at this event's place: "after the riots"
        # told where the riots were, not a mere default place of the document.
        here = self.place
        return (
            m.place is not None
            and m.place_inherited
            and not m.place_default
            and here is not None
            and here.precision.value in ("city", "point")
            and places_compatible(m.place, here)
        )

    def same_side(self, m: EventMention) -> bool:
        """False when ``m`` and the event were done by opposite sides.

        "the mob attacked policemen … police opened fire": an attack by a crowd
        and the shooting by the state are two acts, whatever their place and
        date.  An unknown source ("one person was killed") fits either.
        """
        if m.source is None:
            return True
        sides = {o.source.cls in STATE_SIDE for o in self.mentions if o.source is not None}
        return not sides or (m.source.cls in STATE_SIDE) in sides

    def accepts(self, m: EventMention, *, same_status: bool = True) -> bool:
        if m.type != self.first.type or m.facet != self.first.facet:
            return False
        if m.mode not in GENERIC_MODES and self.mode not in GENERIC_MODES and m.mode != self.mode:
            return False
        if same_status and frozenset(m.contexts & _STATUS) != self.status:
            return False
        if m.type in LOCAL_TYPES and not self.same_side(m):
            return False
        here = self.place
        if m.place is not None and here is not None and not places_compatible(m.place, here):
            return False
        dm = self.date_mention
        return not (
            m.date_value is not None
            and dm is not None
            and dm.date_value is not None
            and not _dates_overlap(m.date_value, dm.date_value)
        )


def _distance(g: _Group, m: EventMention) -> int:
    return min(abs(o.trigger.start - m.trigger.start) for o in g.mentions)


def group_mentions(mentions: Sequence[EventMention]) -> list[_Group]:
    """Greedy grouping in document order; weak slot-less mentions go last."""
    groups: list[_Group] = []
    ordered = sorted(mentions, key=lambda m: m.trigger.start)
    # A generic noun in a conditional or a call ("the mobilisation will go on
    # in Genoa if …") names no event of its own: it may only join one.  Nor does
    # an event noun after "over the"/"by" ("a rally over the detention of X"): the
    # place and date of its sentence belong to the main event.
    unreal = {Context.NEGATED, Context.FUTURE, Context.HYPOTHETICAL}
    body = [m for m in ordered if not m.headline and not m.anaphor]
    anchored = [
        m
        for m in body
        if not (m.generic and m.type in NEAR_TYPES)
        and (not m.weak or (m.has_own_slot and not m.contexts & unreal))
    ]
    floating = [m for m in body if m not in anchored]
    for m in anchored:
        fits = [
            g
            for g in groups
            if g.accepts(m) and ((m.has_own_slot and m.type not in LOCAL_TYPES) or g.near(m))
        ]
        if fits:
            exact = [
                g
                for g in fits
                if g.place is not None
                and m.place is not None
                and g.place.span.quote == m.place.span.quote
            ]
            (exact or fits)[0].mentions.append(m)
        else:
            groups.append(_Group([m]))
    for m in floating:
        fits = [g for g in groups if g.accepts(m) and g.near(m)]
        if fits:
            m.joined = True
            min(fits, key=lambda g: _distance(g, m)).mentions.append(m)
    # A headline summarises the body in the present tense ("president withdraws
    # bill"): it joins the body's event whatever its tense, and stands alone
    # only when the body does not tell it.
    # "those strikes" points back at an event already told, whatever the
    # tense of the sentence that mentions it; alone it is no event.
    for m in (m for m in ordered if m.anaphor and not m.headline):
        fits = [
            g
            for g in groups
            if g.first.type == m.type
            and g.mode == m.mode
            and g.first.trigger.start < m.trigger.start
        ]
        if fits:
            max(fits, key=lambda g: g.first.trigger.start).mentions.append(m)
    for m in (m for m in ordered if m.headline):
        fits = [g for g in groups if g.accepts(m, same_status=False)]
        if fits:
            fits[0].mentions.append(m)
        elif not m.weak:
            groups.append(_Group([m]))
    return groups


def _evidence(
    doc: Document, field_name: str, span: Span, score: float = 1.0, stage: str = STAGE
) -> Evidence:
    return Evidence(doc.id, field_name, span.start, span.end, span.quote, stage, score)


def _count_span(doc: Document, c: CountMention) -> Span:
    start = min(c.span.start, c.noun.start) if c.noun else c.span.start
    end = max(c.span.end, c.noun.end) if c.noun else c.span.end
    return Span(start, end, doc.text[start:end])


def _actor(role: str, a: ActorMention) -> Actor:
    return Actor(role=role, cls=a.cls, name=a.name, text=a.span.quote)


def _place(p: PlaceMention) -> Place:
    return Place(
        name=p.name,
        country=p.country,
        lat=p.lat,
        lon=p.lon,
        precision=p.precision,
        geonames_id=p.geonames_id,
        admin1=p.admin1,
    )


def _confidence(g: _Group) -> float:
    score = 0.45
    if any(not m.weak for m in g.mentions):
        score += 0.15
    if any(m.place is not None and not m.place_inherited for m in g.mentions):
        score += 0.1
    if any(m.date is not None and not m.date_inherited for m in g.mentions):
        score += 0.1
    if any(m.source is not None for m in g.mentions):
        score += 0.1
    if len(g.mentions) > 1:
        score += 0.05
    return round(min(score, 0.95), 2)


def _states_place(m: EventMention, place: PlaceMention | None) -> bool:
    """True when ``m``'s own sentence names the event's place (or a compatible one)."""
    if m.place is None or m.place_inherited or place is None:
        return False
    return places_compatible(m.place, place)


def _states_date(m: EventMention, dm: EventMention | None) -> bool:
    """True when ``m``'s own sentence dates the event (an overlapping interval)."""
    if m.date is None or m.date_inherited or m.date_value is None:
        return False
    if dm is None or dm.date_value is None:
        return False
    return _dates_overlap(m.date_value, dm.date_value)


def build_event(doc: Document, g: _Group) -> Event:
    """One event record from a group of mentions, with the evidence of every member."""
    ev: list[Evidence] = []
    counts: dict[str, Count | None] = {
        k: None for k in ("participants", "fatalities", "injured", "arrested")
    }
    source: ActorMention | None = None
    target: ActorMention | None = None
    issue: Span | None = None
    labour = Labour()
    place = g.place
    dm = g.date_mention
    for m in g.mentions:
        if m.inferred is not None:  # read by the encoder's classifier, not by a word
            ev.append(_evidence(doc, "type", m.trigger, m.inferred, ENCODER_STAGE))
        else:
            ev.append(_evidence(doc, "type", m.trigger, 0.5 if m.weak else 1.0))
        if m.mode is not None:
            ev.append(_evidence(doc, "mode", m.trigger))
        # Evidence for a slot comes from the mentions that state it in their own
        # sentence; an inherited slot is evidenced once, by the chosen value.
        if _states_place(m, place):
            assert m.place is not None
            ev.append(_evidence(doc, "place", m.place.span))
        if _states_date(m, dm):
            assert m.date is not None
            ev.append(_evidence(doc, "date", m.date.span))
        for a in (m.source, m.target):
            if a is not None:
                ev.append(_evidence(doc, "actor", a.span))
        source = source or m.source
        target = target or (m.target if m.target is not source else None)
        for cat, c in sorted(m.counts.items()):
            span = _count_span(doc, c)
            ev.append(_evidence(doc, f"count.{cat}", span))
            if counts[cat] is None:
                counts[cat] = Count(c.low, c.high, c.best, span.quote)
        if m.issue is not None:
            ev.append(_evidence(doc, "issue", m.issue))
            issue = issue or m.issue
        if m.sector_span is not None:
            ev.append(_evidence(doc, "labour.sector", m.sector_span))
        if labour == Labour() and m.labour != Labour():
            labour = m.labour
    killing = next((m for m in g.mentions if m.type == "ASSAULT" and m.mode == "kill"), None)
    if counts["fatalities"] is None and killing is not None:
        # "a protester was killed": the text states a death without a number — at
        # least one (low 1, best unknown), evidenced by the killing itself.
        counts["fatalities"] = Count(1, None, None, killing.trigger.quote)
        ev.append(_evidence(doc, "count.fatalities", killing.trigger))
    if place is not None:
        ev.append(_evidence(doc, "place", place.span))
    if dm is not None and dm.date is not None:
        ev.append(_evidence(doc, "date", dm.date.span))
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for e in ev:
        key = (e.field, e.start, e.end)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    unique.sort(key=lambda e: (e.start, e.field))
    contexts = tuple(sorted(g.status, key=lambda c: c.value)) or (Context.ASSERTED,)
    first = g.first
    mode = g.mode
    actors = tuple(
        _actor(role, a) for role, a in (("source", source), ("target", target)) if a is not None
    )
    return Event(
        id=event_id(doc.id, first.type, mode, first.trigger.start),
        doc_id=doc.id,
        type=first.type,
        mode=mode,
        context=contexts,
        language=first.language,
        date=dm.date_value if dm is not None else None,
        place=_place(place) if place is not None else None,
        actors=actors,
        counts=counts,
        issue=issue.quote if issue is not None else None,
        labour=labour,
        confidence=_confidence(g),
        evidence=tuple(unique),
    )


def assemble(
    doc: Document,
    sentences: Sequence[Sentence],
    ann: Annotations,
    mentions: Sequence[EventMention],
) -> list[Event]:
    """The document's events, in order of their first mention."""
    del sentences, ann  # slots are already coded on the mentions
    groups = group_mentions(mentions)
    events = [build_event(doc, g) for g in groups]
    return sorted(events, key=lambda e: min(x.start for x in e.evidence))
