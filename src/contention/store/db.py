"""The event store: SQLite by default (one file, WAL), PostgreSQL for shared use.

Contract:

- ``save`` is idempotent and atomic per document.  Ids are content-derived, so
  re-ingesting a document inserts nothing and never duplicates; each document
  (with its sentences, events, evidence and actors) is written in its own
  transaction, so a crash mid-run never loses documents already saved.
  Existing rows are never overwritten ("insert or skip"): a review status or
  cluster id set later survives a re-ingest.
- Reads return EVENT_FORMAT records (plain dicts), ready to export.
- Database errors surface as :class:`~contention.errors.StoreError` (E4xx) so the
  batch runner can record them per document and go on.

URLs: ``sqlite:///path``, a bare filesystem path, ``:memory:``, or
``postgresql://…`` / ``postgres://…`` (driven by psycopg 3).  ``schema`` puts
every table in a PostgreSQL schema (used by the tests to isolate runs).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.elements import ColumnElement

from contention.errors import StoreError
from contention.export.records import COUNT_KEYS, Record, event_record
from contention.model import DocumentResult, Failure
from contention.store import schema as s

log = logging.getLogger(__name__)

DEFAULT_DB = "contention.db"
ENV_VAR = "CONTENTION_DB"


def _v2_clusters(conn: Connection) -> None:
    """Version 2 adds the cluster tables (``create_all`` has made them) and an index
    on ``events.cluster_id`` (``create_all`` leaves existing tables alone)."""
    for index in s.events.indexes:
        if index.name == "ix_events_cluster_id":
            index.create(conn, checkfirst=True)


# version -> step that upgrades a database from version-1 to version.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _v2_clusters}


@dataclass(frozen=True, slots=True)
class SaveStats:
    """What one ``save`` changed: nothing at all when the document was already stored."""

    document_new: bool
    events_new: int
    events_existing: int


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What the store holds for a document already ingested."""

    event_ids: tuple[str, ...]
    sentences: int
    unsupported_sentences: int


def normalize_url(url: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for what a user may type after ``--db``."""
    raw = os.fspath(url)
    if raw == ":memory:":
        return "sqlite://"
    for prefix in ("postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    if "://" in raw:
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().resolve())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers (the CLI, a web view) never block the single writer.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


class Store:
    """Read and write contention records in one database."""

    def __init__(self, url: str | os.PathLike[str], *, schema: str | None = None) -> None:
        self.url = normalize_url(url)
        self.schema = schema
        self._batch: Connection | None = None
        try:
            self.engine = self._make_engine()
            self._prepare()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {self._safe_url()}: {exc}") from exc

    # -- setup ---------------------------------------------------------------

    def _safe_url(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)

    def _make_engine(self) -> Engine:
        if self.url.startswith("sqlite"):
            memory = self.url in ("sqlite://", "sqlite:///:memory:")
            if not memory:
                parent = Path(self.url.removeprefix("sqlite:///")).parent
                if not parent.is_dir():
                    raise StoreError(f"database folder does not exist: {parent}")
            engine = create_engine(
                self.url,
                poolclass=StaticPool if memory else None,
                connect_args={"check_same_thread": False} if memory else {},
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        engine = create_engine(self.url, pool_pre_ping=True)
        if self.schema:
            engine = engine.execution_options(schema_translate_map={None: self.schema})
        return engine

    def _prepare(self) -> None:
        with self.engine.begin() as conn:
            if self.schema and conn.dialect.name == "postgresql":
                conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))
            s.metadata.create_all(conn)
            version = conn.execute(select(func.max(s.schema_version.c.version))).scalar()
            now = dt.datetime.now(dt.UTC)
            if version is None:
                conn.execute(
                    insert(s.schema_version).values(version=s.SCHEMA_VERSION, applied_at=now)
                )
            elif version > s.SCHEMA_VERSION:
                raise StoreError(
                    f"database schema version {version} is newer than this contention "
                    f"({s.SCHEMA_VERSION}); upgrade contention"
                )
            else:
                for step in range(version + 1, s.SCHEMA_VERSION + 1):
                    MIGRATIONS[step](conn)
                    conn.execute(insert(s.schema_version).values(version=step, applied_at=now))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self, what: str) -> Iterator[Connection]:
        if self._batch is not None:  # inside batch(): join its transaction
            yield self._batch
            return
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            detail = getattr(exc, "orig", None) or exc
            raise StoreError(f"{what}: {type(exc).__name__}: {detail}") from exc

    @contextmanager
    def batch(self, what: str) -> Iterator[None]:
        """Run every store call inside the block in one transaction (all or nothing).

        Used by clustering, which makes thousands of small reads and writes per
        ingest: one commit instead of one per cluster.  Not reentrant across
        threads (a Store belongs to one thread).
        """
        if self._batch is not None:
            yield
            return
        with self._tx(what) as conn:
            self._batch = conn
            try:
                yield
            finally:
                self._batch = None

    # -- writes --------------------------------------------------------------

    @staticmethod
    def _insert_or_skip(conn: Connection, table: Table, row: dict[str, Any]) -> bool:
        """Insert ``row`` unless its primary key exists; True when it was inserted."""
        from sqlalchemy.dialects import postgresql, sqlite

        pk = next(iter(table.primary_key.columns))
        stmt: postgresql.Insert | sqlite.Insert
        if conn.dialect.name == "postgresql":
            stmt = postgresql.insert(table).values(**row).on_conflict_do_nothing()
        else:
            stmt = sqlite.insert(table).values(**row).on_conflict_do_nothing()
        # RETURNING, not rowcount: psycopg reports -1 for a skipped insert.
        return conn.execute(stmt.returning(pk)).first() is not None

    def save(self, result: DocumentResult) -> SaveStats:
        """Store one processed document; re-saving it changes nothing.

        Raises ``StoreError`` when the database refuses the write (nothing of
        this document is stored then), ``ValueError`` when an event's evidence
        does not quote the document text (a pipeline bug).
        """
        doc = result.document
        langs = Counter(x.language for x in result.sentences if x.language != "und")
        languages = [code for code, _ in langs.most_common()]
        # Build every record before touching the database: a bad event fails the
        # whole document, never half of it.
        records = []
        for ev in result.events:
            if ev.doc_id != doc.id:
                raise ValueError(f"event {ev.id} belongs to {ev.doc_id}, not {doc.id}")
            records.append(
                (ev, event_record(ev, doc, doc_language=languages[0] if languages else None))
            )
        new_events = 0
        with self._tx(f"saving {doc.url}") as conn:
            doc_new = self._insert_or_skip(
                conn,
                s.documents,
                {
                    "id": doc.id,
                    "url": doc.url,
                    "outlet": doc.outlet,
                    "title": doc.title,
                    "text": doc.text,
                    "published": doc.published,
                    "published_source": doc.published_source,
                    "raw_sha256": doc.raw_sha256,
                    "languages": languages,
                    "ingested_at": dt.datetime.now(dt.UTC),
                },
            )
            if doc_new and result.sentences:
                conn.execute(
                    insert(s.sentences),
                    [
                        {
                            "doc_id": doc.id,
                            "idx": x.index,
                            "start": x.start,
                            "end": x.end,
                            "paragraph": x.paragraph,
                            "language": x.language,
                        }
                        for x in result.sentences
                    ],
                )
            for ev, record in records:
                if not self._insert_or_skip(conn, s.events, _event_row(record, ev.doc_id)):
                    continue
                new_events += 1
                if ev.evidence:
                    conn.execute(
                        insert(s.evidence),
                        [
                            {
                                "event_id": ev.id,
                                "doc_id": e.doc_id,
                                "field": e.field,
                                "start": e.start,
                                "end": e.end,
                                "quote": e.quote,
                            }
                            for e in ev.evidence
                        ],
                    )
                if ev.actors:
                    conn.execute(
                        insert(s.actors),
                        [
                            {
                                "event_id": ev.id,
                                "role": a.role,
                                "class": a.cls,
                                "name": a.name,
                                "text": a.text,
                            }
                            for a in ev.actors
                        ],
                    )
        return SaveStats(doc_new, new_events, len(records) - new_events)

    def record_failure(self, failure: Failure, *, at: dt.datetime | None = None) -> None:
        """Log a document the pipeline could not process (kept, never deduplicated)."""
        with self._tx(f"recording failure of {failure.source}") as conn:
            conn.execute(
                insert(s.failures).values(
                    source=failure.source,
                    stage=failure.stage,
                    code=failure.code,
                    error=failure.error,
                    at=at or dt.datetime.now(dt.UTC),
                )
            )

    # -- reads ---------------------------------------------------------------

    def events(
        self,
        type: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        *,
        limit: int | None = None,
    ) -> list[Record]:
        """EVENT_FORMAT records, oldest first (undated last).

        ``since``/``until`` keep events whose date interval overlaps the given
        bounds (inclusive); undated events are left out when either is given.
        ``type`` and ``country`` match case-insensitively.
        """
        return list(self.iter_events(type, country, since, until, limit=limit))

    def iter_events(
        self,
        type: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        *,
        limit: int | None = None,
        batch: int = 500,
    ) -> Iterator[Record]:
        """:meth:`events`, streamed ``batch`` rows at a time (for exports of any size).

        The read transaction stays open until the iterator is exhausted or closed.
        """
        e = s.events
        conds: list[ColumnElement[bool]] = []
        if type:
            conds.append(e.c.type == type.upper())
        if country:
            conds.append(e.c.place_country == country.upper())
        if since:
            conds.append(e.c.date_end >= since)
        if until:
            conds.append(e.c.date_start <= until)
        query = (
            select(e.c.record, e.c.cluster_id, e.c.review_status)
            .where(*conds)
            .order_by(e.c.date_start.is_(None), e.c.date_start, e.c.id)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._tx("reading events") as conn:
            for row in conn.execution_options(yield_per=batch).execute(query):
                yield _with_columns(*row)

    def event(self, id: str) -> Record | None:
        """The record of one event, or None."""
        e = s.events
        query = select(e.c.record, e.c.cluster_id, e.c.review_status).where(e.c.id == id)
        with self._tx("reading an event") as conn:
            row = conn.execute(query).first()
        return None if row is None else _with_columns(*row)

    def event_ids(self, prefix: str, *, limit: int = 10) -> list[str]:
        """Ids starting with ``prefix`` (so users can type a short id)."""
        e = s.events
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = select(e.c.id).where(e.c.id.like(pattern, escape="\\")).order_by(e.c.id)
        with self._tx("reading event ids") as conn:
            return list(conn.execute(query.limit(limit)).scalars())

    def document(self, id: str) -> dict[str, Any] | None:
        """A stored document as a dict (dates as ISO strings), or None."""
        with self._tx("reading a document") as conn:
            row = conn.execute(select(s.documents).where(s.documents.c.id == id)).first()
        if row is None:
            return None
        out = dict(row._mapping)
        for key in ("published", "ingested_at"):
            if out[key] is not None:
                out[key] = out[key].isoformat()
        return out

    def stored_document(self, doc_id: str) -> StoredDocument | None:
        """Event ids and sentence counts of a stored document; None when it is not stored.

        Lets the runner skip the pipeline for a document it has already seen.
        """
        with self._tx("reading a document") as conn:
            if (
                conn.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).first()
                is None
            ):
                return None
            ids = conn.execute(
                select(s.events.c.id).where(s.events.c.doc_id == doc_id).order_by(s.events.c.id)
            ).scalars()
            event_ids = tuple(ids)
            langs = list(
                conn.execute(
                    select(s.sentences.c.language).where(s.sentences.c.doc_id == doc_id)
                ).scalars()
            )
        return StoredDocument(event_ids, len(langs), sum(1 for x in langs if x == "und"))

    def failures(self) -> list[dict[str, Any]]:
        """Recorded failures, oldest first."""
        f = s.failures
        with self._tx("reading failures") as conn:
            rows = conn.execute(select(f).order_by(f.c.id)).all()
        return [{**row._mapping, "at": row.at.isoformat()} for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts: documents, sentences, events, evidence, failures."""
        tables = {
            "documents": s.documents,
            "sentences": s.sentences,
            "events": s.events,
            "evidence": s.evidence,
            "failures": s.failures,
        }
        with self._tx("counting rows") as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for name, t in tables.items()
            }


def _with_columns(record: Record, cluster_id: str | None, review_status: str) -> Record:
    """The stored record with the columns later stages may update written back."""
    out = dict(record)
    out["cluster_id"] = cluster_id
    out["review"] = {**out.get("review", {}), "status": review_status}
    return out


def _event_row(record: Record, doc_id: str) -> dict[str, Any]:
    """Flat columns of an events row, read from its record (one source of truth)."""
    date = record["date"] or {}
    place = record["place"] or {}
    row: dict[str, Any] = {
        "id": record["id"],
        "doc_id": doc_id,
        "type": record["type"],
        "mode": record["mode"],
        "context": record["context"],
        "language": record["language"],
        "date_start": dt.date.fromisoformat(date["start"]) if date else None,
        "date_end": dt.date.fromisoformat(date["end"]) if date else None,
        "date_precision": date.get("precision"),
        "date_method": date.get("method"),
        "place_name": place.get("name"),
        "place_geonames_id": place.get("geonames_id"),
        "place_country": place.get("country"),
        "place_admin1": place.get("admin1"),
        "place_lat": place.get("lat"),
        "place_lon": place.get("lon"),
        "place_precision": place.get("precision"),
        "issue": record["issue"],
        "labour": record["labour"],
        "confidence": record["confidence"],
        "cluster_id": record["cluster_id"],
        "review_status": record["review"]["status"],
        "record": record,
    }
    for key in COUNT_KEYS:
        claim = record["counts"][key] or {}
        for part in ("low", "high", "best", "text"):
            row[f"{key}_{part}"] = claim.get(part)
    return row
