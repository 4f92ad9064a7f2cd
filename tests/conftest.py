"""Shared fixtures: a store on SQLite *and* PostgreSQL, and hand-built documents.

PostgreSQL: the server at 127.0.0.1:5432 (trust auth, database ``test``), or
``CONTENTION_TEST_PG`` when set.  Each test gets its own schema, dropped
afterwards, so parallel or repeated runs never see each other's rows.  When the
server is unreachable the PostgreSQL cases are skipped with the reason — except
under ``CI=true``, where a missing server is a failure (CI must start it).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

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

PG_URL = os.environ.get("CONTENTION_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

GENOA_TEXT = (
    "Dock workers in Genoa walked out on 3 March 2023 over pay, and about 2,000 people "
    "marched to the port authority behind the USB union banner.\n\n"
    "Police arrested 12 protesters near the Lanterna after clashes in the afternoon."
)


def _pg_error() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[dev]')"
    dsn = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(dsn, connect_timeout=3) as conn:
            conn.execute("select 1")
    except psycopg.Error as exc:
        return f"PostgreSQL at {dsn} unreachable: {exc}".strip()
    return None


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL URL, after checking the server answers (skip, or fail under CI)."""
    reason = _pg_error()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason} (CI=true: the server must run; see `make pg`)")
        pytest.skip(reason)
    return PG_URL


def _pg_store(url: str) -> Iterator[object]:
    import psycopg

    from contention.store.db import Store

    name = "ct_" + uuid.uuid4().hex[:12]
    store = Store(url, schema=name)
    try:
        yield store
    finally:
        store.close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """An empty :class:`~contention.store.db.Store`, once per backend."""
    from contention.store.db import Store

    if request.param == "sqlite":
        s = Store(tmp_path / "test.db")
        try:
            yield s
        finally:
            s.close()
    else:
        url = request.getfixturevalue("pg_url")
        yield from _pg_store(url)


def _evidence(doc_id: str, text: str, field: str, phrase: str, after: int = 0) -> Evidence:
    start = text.index(phrase, after)
    span = make_span(text, start, start + len(phrase))
    return Evidence(doc_id, field, span.start, span.end, span.quote, stage="test")


def build_result(
    text: str = GENOA_TEXT,
    *,
    url: str = "https://example.org/genoa-port-strike",
    published: dt.date | None = dt.date(2023, 3, 4),
    place_name: str = "Genoa",
    lat: float | None = 44.40478,
    lon: float | None = 8.94439,
) -> DocumentResult:
    """A document with two hand-coded events (strike + arrests) whose evidence
    points at phrases of ``text``: the text must contain the Genoa phrases
    ("walked out", "3 March 2023", "about 2,000", "arrested", "12 protesters")
    and ``place_name``.
    """
    doc = Document(
        id=document_id(text),
        url=url,
        text=text,
        title="Genoa dockers strike over pay",
        outlet="example.org",
        published=published,
        published_source="argument" if published else None,
        raw_sha256="0" * 64,
    )
    did = doc.id
    first_para = text.index("\n\n") if "\n\n" in text else len(text)
    sentences = [
        Sentence(0, 0, first_para, 0, "en"),
        Sentence(1, min(first_para + 2, len(text)), len(text), 1, "en"),
    ]
    strike_at = text.index("walked out")
    place = Place(
        place_name, "IT", lat, lon, PlacePrecision.CITY, geonames_id=3176219, admin1="Liguria"
    )
    strike = Event(
        id=event_id(did, "PROTEST", "strike", strike_at),
        doc_id=did,
        type="PROTEST",
        mode="strike",
        context=(Context.ASSERTED,),
        language="en",
        date=EventDate(dt.date(2023, 3, 3), dt.date(2023, 3, 3), Precision.DAY, "explicit"),
        place=place,
        actors=(Actor("source", "workers", None, "Dock workers"),),
        counts={
            "participants": Count(2000, None, 2000, "about 2,000"),
            "fatalities": None,
            "injured": None,
            "arrested": None,
        },
        issue="pay",
        labour=Labour(union="USB", sector="ports"),
        confidence=0.9,
        evidence=(
            _evidence(did, text, "type", "walked out"),
            _evidence(did, text, "date", "3 March 2023"),
            _evidence(did, text, "place", place_name),
            _evidence(did, text, "count.participants", "about 2,000"),
        ),
    )
    arrest_at = text.index("arrested")
    arrests = Event(
        id=event_id(did, "COERCE", "arrest", arrest_at),
        doc_id=did,
        type="COERCE",
        mode="arrest",
        context=(Context.ASSERTED,),
        language="en",
        date=EventDate(dt.date(2023, 3, 3), dt.date(2023, 3, 3), Precision.DAY, "document_context"),
        place=place,
        actors=(
            Actor("source", "police", None, "Police"),
            Actor("target", "protesters", None, "12 protesters"),
        ),
        counts={"arrested": Count(12, 12, 12, "12 protesters")},
        issue=None,
        labour=Labour(),
        confidence=0.8,
        evidence=(
            _evidence(did, text, "type", "arrested"),
            _evidence(did, text, "count.arrested", "12 protesters"),
        ),
    )
    return DocumentResult(doc, sentences, [strike, arrests], unsupported_sentences=0)


@pytest.fixture
def make_result() -> Callable[..., DocumentResult]:
    """Factory for :func:`build_result` (hand-built document + two events)."""
    return build_result
