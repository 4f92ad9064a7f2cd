"""Hand-built documents and items for the dedup tests (no pipeline, no encoder).

Imported by the tests of this folder (pytest puts the folder on sys.path).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from contention.dedup.items import Item
from contention.ids import document_id, event_id
from contention.model import (
    Actor,
    Context,
    Count,
    Document,
    DocumentResult,
    Event,
    EventDate,
    Evidence,
    Labour,
    Place,
    PlacePrecision,
    Precision,
    Sentence,
    make_span,
)

PLACES: dict[str, tuple[str, float, float, PlacePrecision, str | None]] = {
    "Almaty": ("KZ", 43.25, 76.92, PlacePrecision.CITY, "Almaty"),
    "Kazakhstan": ("KZ", 48.0, 68.0, PlacePrecision.COUNTRY, None),
    "Zhanaozen": ("KZ", 43.34, 52.86, PlacePrecision.CITY, "Mangystau"),
    "Rome": ("IT", 41.89, 12.51, PlacePrecision.CITY, "Lazio"),
    "London": ("GB", 51.51, -0.13, PlacePrecision.CITY, "England"),
}


@dataclass
class Ev:
    """One event to put in a test document: the trigger phrase must occur in the text."""

    trigger: str
    type: str = "PROTEST"
    mode: str | None = "riot"
    day: str = "2022-01-05"
    place: str = "Almaty"
    counts: dict[str, int] = field(default_factory=dict)
    actors: Sequence[tuple[str, str]] = ()  # (class, text)
    context: Context = Context.ASSERTED


def make_doc(text: str, published: str, events: Sequence[Ev], url: str = "") -> DocumentResult:
    doc = Document(
        id=document_id(text),
        url=url or f"https://news.example/{document_id(text)}",
        text=text,
        title=text.split("\n", 1)[0],
        outlet="news.example",
        published=dt.date.fromisoformat(published),
        published_source="argument",
    )
    out = []
    for ev in events:
        start = text.index(ev.trigger)
        span = make_span(text, start, start + len(ev.trigger))
        evidence = [Evidence(doc.id, "type", span.start, span.end, span.quote)]
        counts: dict[str, Count | None] = {}
        for key, value in ev.counts.items():
            phrase = str(value)
            at = text.index(phrase)
            s = make_span(text, at, at + len(phrase))
            evidence.append(Evidence(doc.id, f"count.{key}", s.start, s.end, s.quote))
            counts[key] = Count(value, value, value, phrase)
        country, lat, lon, precision, admin1 = PLACES[ev.place]
        day = dt.date.fromisoformat(ev.day)
        out.append(
            Event(
                id=event_id(doc.id, ev.type, ev.mode, start),
                doc_id=doc.id,
                type=ev.type,
                mode=ev.mode,
                context=(ev.context,),
                language="en",
                date=EventDate(day, day, Precision.DAY, "explicit"),
                place=Place(ev.place, country, lat, lon, precision, 0, admin1),
                actors=tuple(Actor("source", c, None, t) for c, t in ev.actors),
                counts=counts,
                issue=None,
                labour=Labour(),
                confidence=0.9,
                evidence=tuple(evidence),
            )
        )
    sentences = [Sentence(0, 0, len(text), 0, "en")]
    return DocumentResult(doc, sentences, out)


def item(event_id: str = "evt_1", **kw: Any) -> Item:
    """An :class:`Item` with Almaty riot defaults; override any field."""
    base: dict[str, Any] = {
        "event_id": event_id,
        "doc_id": "doc_" + event_id,
        "type": "PROTEST",
        "mode": "riot",
        "reality": "happened",
        "day_start": dt.date(2022, 1, 5).toordinal(),
        "day_end": dt.date(2022, 1, 5).toordinal(),
        "date_precision": "day",
        "country": "KZ",
        "admin1": "Almaty",
        "place": "almaty",
        "geonames_id": 1526384,
        "lat": 43.25,
        "lon": 76.92,
        "place_precision": "city",
        "actors": frozenset(),
        "who": frozenset(),
        "sector": None,
        "tokens": frozenset(),
        "language": "en",
        "published": dt.date(2022, 1, 6).toordinal(),
    }
    base.update(kw)
    return Item(**base)
