"""Database tables (SQLAlchemy Core, no ORM), shared by SQLite and PostgreSQL.

Why columns *and* a JSON ``record`` for events: the flat columns (type,
country, dates, counts, place) are what queries filter and index on, while
``record`` holds the full EVENT_FORMAT record so that an export is lossless
and does not depend on every nested field having a column.  Columns that a
later stage may change (``cluster_id``, ``review_status``) are the source of
truth and are written back into the record when it is read.

Ids are content-derived (see :mod:`contention.ids`), so primary keys double as
the idempotency guarantee: saving the same document twice inserts nothing.

Clusters (schema version 2, :mod:`contention.dedup`): ``clusters`` holds one
row per real-world event (its merged record) and never loses a row — a
cluster absorbed by another keeps its row with ``superseded_by`` set, so any
id ever shown still resolves.  ``cluster_members`` is the membership history:
a member that leaves (a merge, a reviewer's split) gets ``left_at``, it is
never deleted.  ``cluster_claims`` lists every count claim of the current
members with its source.  ``cluster_items`` keeps each clustered event's
comparison features (and a reviewer's lock) so a later ingest compares new
events with old ones without re-reading documents.  ``cluster_actions`` is
the audit log of reviewer merges and splits.  ``document_signatures`` and
``document_links`` hold MinHash signatures and near-duplicate (wire copy) pairs.

``SCHEMA_VERSION`` is recorded in the ``schema_version`` table; bump it and add
a step to :data:`contention.store.db.MIGRATIONS` whenever a table changes.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

SCHEMA_VERSION = 2

# JSONB on PostgreSQL (indexable, compact), plain JSON text on SQLite.
JSONType = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("outlet", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", Date),
    Column("published_source", String(32)),
    Column("raw_sha256", String(64), nullable=False, default=""),
    # ISO 639-1 codes of the document's sentences, most frequent first
    Column("languages", JSONType, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("language", String(8), nullable=False),
)


def _count_columns(name: str) -> list[Column[object]]:
    return [
        Column(f"{name}_low", Integer),
        Column(f"{name}_high", Integer),
        Column(f"{name}_best", Integer),
        Column(f"{name}_text", Text),
    ]


COUNT_FIELDS: tuple[str, ...] = ("participants", "fatalities", "injured", "arrested")

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column(
        "doc_id",
        String(64),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("type", String(32), nullable=False),
    Column("mode", String(32)),
    Column("context", JSONType, nullable=False),
    Column("language", String(8), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(16)),
    Column("date_method", String(32)),
    Column("place_name", Text),
    Column("place_geonames_id", Integer),
    Column("place_country", String(2)),
    Column("place_admin1", Text),
    Column("place_lat", Float),
    Column("place_lon", Float),
    Column("place_precision", String(16)),
    *[col for name in COUNT_FIELDS for col in _count_columns(name)],
    Column("issue", Text),
    Column("labour", JSONType, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("cluster_id", String(64)),
    Column("review_status", String(16), nullable=False, default="unreviewed"),
    Column("record", JSONType, nullable=False),
    Index("ix_events_type", "type"),
    Index("ix_events_country", "place_country"),
    Index("ix_events_date_start", "date_start"),
    Index("ix_events_doc_id", "doc_id"),
    Index("ix_events_cluster_id", "cluster_id"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "event_id",
        String(64),
        ForeignKey("events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "event_id",
        String(64),
        ForeignKey("events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("role", String(16), nullable=False),
    Column("class", String(32), nullable=False),
    Column("name", Text),
    Column("text", Text, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("code", String(8), nullable=False),
    Column("error", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


# -- clusters (schema version 2) -------------------------------------------------

clusters = Table(
    "clusters",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("founder_event_id", String(64), nullable=False),
    # publication day of the founder's document (ordinal; 0 = unknown): orders founders
    Column("founder_published", Integer, nullable=False, default=0),
    Column("superseded_by", String(64)),
    Column("type", String(32)),
    Column("mode", String(32)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place_name", Text),
    Column("place_country", String(2)),
    Column("n_reports", Integer, nullable=False, default=0),
    Column("n_sources", Integer, nullable=False, default=0),
    Column("n_independent", Integer, nullable=False, default=0),
    Column("record", JSONType),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_clusters_date_start", "date_start"),
    Index("ix_clusters_superseded_by", "superseded_by"),
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column("cluster_id", String(64), primary_key=True),
    Column(
        "event_id",
        String(64),
        ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("doc_id", String(64), nullable=False),
    Column("how", String(16), nullable=False, default="machine"),  # machine | review
    Column("joined_at", DateTime(timezone=True), nullable=False),
    Column("left_at", DateTime(timezone=True)),
    Index("ix_cluster_members_event", "event_id"),
)

cluster_claims = Table(
    "cluster_claims",
    metadata,
    Column("cluster_id", String(64), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("field", String(32), primary_key=True),
    Column("doc_id", String(64), nullable=False),
    Column("source_group", String(64), nullable=False),
    Column("low", Integer),
    Column("high", Integer),
    Column("best", Integer),
    Column("text", Text),
    Column("published", Date),
    Column("outlet", Text),
    Column("language", String(8)),
    Column("quote", Text),
)

cluster_items = Table(
    "cluster_items",
    metadata,
    Column(
        "event_id",
        String(64),
        ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("block", String(96)),
    Column("day_start", Integer),
    Column("day_end", Integer),
    Column("lock", String(64)),
    Column("features", JSONType, nullable=False),
    Index("ix_cluster_items_block_day", "block", "day_start"),
)

cluster_actions = Table(
    "cluster_actions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),  # merge | split
    Column("payload", JSONType, nullable=False),
    Column("by", Text),
    Column("note", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

document_signatures = Table(
    "document_signatures",
    metadata,
    Column(
        "doc_id",
        String(64),
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("published", Date),
    Column("signature", Text, nullable=False),
    Index("ix_document_signatures_published", "published"),
)

document_links = Table(
    "document_links",
    metadata,
    Column("doc_a", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("doc_b", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), nullable=False, default="near_duplicate"),
    Column("score", Float, nullable=False),
)
