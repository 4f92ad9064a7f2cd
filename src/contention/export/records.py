"""The event exchange record (``/work/shared/docs/EVENT_FORMAT.md``, format_version 1).

This is the project's public contract: the JSONL export writes these dicts as
they are, and every other export (CSV, GeoJSON) is derived from them.  The
shape is fixed: every key is always present, ``None`` means unknown.

:func:`event_record` re-checks the evidence invariant against the document
text (``quote == text[start:end]``) and raises ``ValueError`` on a mismatch,
so an offset bug can never reach a user's file.
"""

from __future__ import annotations

from typing import Any

from contention.model import Count, Document, Event, check_quote

FORMAT_VERSION = 1

COUNT_KEYS: tuple[str, ...] = ("participants", "fatalities", "injured", "arrested")

Record = dict[str, Any]


def _count(count: Count | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"low": count.low, "high": count.high, "best": count.best, "text": count.text}


def _acled(event: Event) -> dict[str, str] | None:
    from contention.events.ontology import acled_for

    source = next((a.cls for a in event.actors if a.role == "source"), None)
    target = next((a.cls for a in event.actors if a.role == "target"), None)
    pair = acled_for(event.type, event.mode, event.context, source, target)
    if pair is None:
        return None
    return {"event_type": pair[0], "sub_event_type": pair[1]}


def _cameo(event: Event) -> str | None:
    from contention.events.ontology import cameo_for

    return cameo_for(event.type, event.mode)


def event_record(event: Event, doc: Document, *, doc_language: str | None = None) -> Record:
    """The EVENT_FORMAT record of ``event``, coded from ``doc``.

    ``doc_language`` is the document's main language for ``sources[].language``;
    when not given the event's own language is used (a document record does
    not carry one).  Raises ``ValueError`` if evidence from ``doc`` does not
    quote ``doc.text`` exactly.
    """
    for ev in event.evidence:
        if ev.doc_id == doc.id:
            check_quote(doc.text, ev.start, ev.end, ev.quote)
    date = event.date
    place = event.place
    return {
        "format_version": FORMAT_VERSION,
        "id": event.id,
        "cluster_id": event.cluster_id,
        "type": event.type,
        "mode": event.mode,
        "context": [str(c) for c in event.context],
        "acled": _acled(event),
        "cameo": _cameo(event),
        "date": None
        if date is None
        else {
            "start": date.start.isoformat(),
            "end": date.end.isoformat(),
            "precision": str(date.precision),
            "method": date.method,
        },
        "place": None
        if place is None
        else {
            "name": place.name,
            "geonames_id": place.geonames_id,
            "country": place.country,
            "admin1": place.admin1,
            "lat": place.lat,
            "lon": place.lon,
            "precision": str(place.precision),
        },
        "actors": [
            {"role": a.role, "class": a.cls, "name": a.name, "text": a.text} for a in event.actors
        ],
        "counts": {key: _count(event.counts.get(key)) for key in COUNT_KEYS},
        "labour": {
            "employer": event.labour.employer,
            "union": event.labour.union,
            "sector": event.labour.sector,
            "workers": event.labour.workers,
        },
        "issue": event.issue,
        "language": event.language,
        "confidence": event.confidence,
        "sources": [
            {
                "doc_id": doc.id,
                "url": doc.url,
                "outlet": doc.outlet,
                "title": doc.title,
                "published": doc.published.isoformat() if doc.published else None,
                "language": doc_language or event.language,
            }
        ],
        "evidence": [
            {"doc_id": e.doc_id, "field": e.field, "start": e.start, "end": e.end, "quote": e.quote}
            for e in event.evidence
        ],
        "review": {"status": "unreviewed", "by": None, "at": None},
    }
