"""Event mentions: one trigger in one sentence, with the slots coded from its surroundings.

A mention is what the detect and code stages produce; the assemble stage turns
mentions that tell the same event (twice in one article, or once in each
language of a bilingual page) into one :class:`~contention.model.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from contention.model import (
    ActorMention,
    Context,
    CountMention,
    DateMention,
    EventDate,
    Labour,
    PlaceMention,
    Span,
)

# Modes that say little beyond their type ("killed", "the repression"): they take
# the mode, and the date, of the other mentions of their event.
GENERIC_MODES: frozenset[str | None] = frozenset({None, "repression", "kill"})
# How much a slot says: the more precise place or date wins when mentions disagree.
PRECISION_RANK: dict[str, int] = {"point": 4, "city": 3, "admin1": 2, "country": 1}
DATE_RANK: dict[str, int] = {
    "day": 6,
    "month": 5,
    "season": 4,
    "range": 3,
    "year": 2,
    "unknown": 0,
}


@dataclass(slots=True)
class EventMention:
    """A detected trigger and, after coding, its slots.

    ``place_inherited``/``date_inherited`` say that the slot came from an
    earlier sentence, not from the trigger's own sentence: assembly trusts an
    own slot over an inherited one.
    """

    type: str
    mode: str | None
    trigger: Span
    sentence: int
    language: str
    weak: bool = False
    facet: str | None = None
    needs_crowd: bool = False
    # The trigger word has other senses (sports, war, giving ground): worth a second opinion.
    ambiguous: bool = False
    headline: bool = False
    # "those strikes": points back at an event already told.
    anaphor: bool = False
    # "the concerns of the marchers": a generic noun under a preposition refers elsewhere.
    governed: bool = False
    # "decimated by arrests": an event noun after these words names a kind of event, not one.
    generic: bool = False
    # Set by assembly: the mention joined an event it could not found.
    joined: bool = False
    # Found by the encoder's classifier, not by a trigger word: its probability.
    inferred: float | None = None
    contexts: set[Context] = field(default_factory=set)
    place: PlaceMention | None = None
    place_inherited: bool = False
    # The place is the document's default (its first city or its country), not told nearby.
    place_default: bool = False
    date: DateMention | None = None
    date_value: EventDate | None = None
    date_inherited: bool = False
    source: ActorMention | None = None
    target: ActorMention | None = None
    counts: dict[str, CountMention] = field(default_factory=dict)
    issue: Span | None = None
    labour: Labour = field(default_factory=Labour)
    sector_span: Span | None = None

    @property
    def has_own_slot(self) -> bool:
        """True when the sentence itself gives a place, a date or a count."""
        return (
            (self.place is not None and not self.place_inherited)
            or (self.date is not None and not self.date_inherited)
            or bool(self.counts)
        )
