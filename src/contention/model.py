"""Typed records that flow through the pipeline.

Every record is a frozen, slotted dataclass: cheap to build, hashable, and
picklable so that a distributed runner can ship it between processes.

Offsets are *character* offsets (Python ``str`` indices, not bytes) into
``Document.text``; ``end`` is exclusive.  A mention's ``quote`` is always
``text[start:end]`` of the document it came from — the pipeline checks this
invariant before anything is stored (see :func:`check_quote`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Precision(StrEnum):
    """How much of a date to trust."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    RANGE = "range"
    UNKNOWN = "unknown"


class PlacePrecision(StrEnum):
    """How much of a coordinate to trust: a country centroid is never a point."""

    POINT = "point"
    CITY = "city"
    ADMIN1 = "admin1"
    COUNTRY = "country"


class Context(StrEnum):
    """Whether the text says the event happened, and when relative to the report."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"


class Relation(StrEnum):
    """Tense of a time expression relative to the publication date."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: the text every offset points into."""

    id: str
    url: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    # where ``published`` came from: "argument", "metadata", "dateline", "jsonl" or None
    published_source: str | None = None
    raw_sha256: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span with its own language (one page may hold two languages)."""

    index: int
    start: int
    end: int
    paragraph: int
    language: str  # ISO 639-1, or "und" when undetermined

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Span:
    """Character span of a mention in the document text."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym resolved to the gazetteer.

    ``feature`` is the gazetteer level matched ("city", "admin1", "country");
    ``precision`` is what the coordinate is good for.  ``geonames_id`` is 0
    for admin1 regions and countries that the shipped data gives no id for.
    """

    span: Span
    name: str
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    precision: PlacePrecision
    feature: str
    geonames_id: int = 0
    admin1: str | None = None
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression resolved to an absolute interval.

    ``start``/``end`` bracket the expression at its precision ("last summer"
    in a January 2022 article → 2021-06-01 … 2021-08-31, precision season).
    ``method`` is "explicit" (day/month/year written out, or a year filled in
    from the publication date) or "relative" ("on Sunday", "last summer").
    ``relation`` says whether the text places it before or after publication.
    """

    span: Span
    start: dt.date
    end: dt.date
    precision: Precision
    method: str
    relation: Relation = Relation.PAST


@dataclass(frozen=True, slots=True)
class CountMention:
    """A number together with the noun it counts.

    ``category`` is the event slot the noun fills ("fatalities", "injured",
    "arrested", "participants") or None when the noun counts something else
    (people owning wealth, euros, percent …) — those must never become counts.
    ``span`` covers the number words; ``noun`` covers the counted noun.
    """

    span: Span
    low: int | None
    high: int | None
    best: int | None
    category: str | None
    noun: Span | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A phrase naming who acted or was acted upon.

    ``cls`` is one of the actor classes of EVENT_FORMAT.md (workers,
    protesters, police, government, …); ``name`` is the named entity when the
    phrase names one (“Tokayev”, “CSTO”), else None.
    """

    span: Span
    cls: str
    name: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: the exact words, by offsets, in one document."""

    doc_id: str
    field: str
    start: int
    end: int
    quote: str
    stage: str = ""
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Count:
    """A count claim: low/high/best with the words that state it."""

    low: int | None
    high: int | None
    best: int | None
    text: str


@dataclass(frozen=True, slots=True)
class EventDate:
    start: dt.date
    end: dt.date
    precision: Precision
    method: str  # explicit | relative | publication_date | document_context


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float | None
    lon: float | None
    precision: PlacePrecision
    geonames_id: int = 0
    admin1: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    role: str  # source | target
    cls: str
    name: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Labour:
    employer: str | None = None
    union: str | None = None
    sector: str | None = None
    workers: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One event coded from one document (a "report" in EVENT_FORMAT.md terms)."""

    id: str
    doc_id: str
    type: str
    mode: str | None
    context: tuple[Context, ...]
    language: str
    date: EventDate | None
    place: Place | None
    actors: tuple[Actor, ...]
    counts: dict[str, Count | None]
    issue: str | None
    labour: Labour
    confidence: float
    evidence: tuple[Evidence, ...]
    cluster_id: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """A document the pipeline could not process, and why (the run goes on)."""

    source: str
    stage: str
    error: str
    code: str = "E000"


@dataclass(slots=True)
class DocumentResult:
    """What the pipeline made of one input document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    unsupported_sentences: int = 0


def check_quote(text: str, start: int, end: int, quote: str) -> None:
    """Raise ``ValueError`` unless ``quote == text[start:end]``.

    Every stage that emits evidence calls this: an offset bug must fail loudly
    at the stage that caused it, not surface as a wrong highlight in the UI.
    """
    if not (0 <= start <= end <= len(text)) or text[start:end] != quote:
        raise ValueError(f"evidence quote {quote!r} does not match text[{start}:{end}]")


def make_span(text: str, start: int, end: int) -> Span:
    """Build a :class:`Span` whose quote is read from ``text`` (never typed in)."""
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span [{start}:{end}] outside text of length {len(text)}")
    return Span(start, end, text[start:end])
