"""Cluster tables: reads and the writes :mod:`contention.dedup.update` plans.

Contract (see also :mod:`contention.store.schema`):

- nothing here deletes a cluster or a membership: a cluster absorbed by
  another is *superseded* (``superseded_by``), a member that leaves gets
  ``left_at``.  The only rows replaced are derived ones: a live cluster's
  ``cluster_claims`` and merged ``record``, recomputed from its members.
- :func:`resolve` follows ``superseded_by``, so an old id shown to a user,
  written in an export or cited in a paper still finds its event.
- every write of one update step runs in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from contention.store import schema as s

if TYPE_CHECKING:
    from contention.store.db import Store

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Pending:
    """An event not yet clustered: its record and the sentences that tell it."""

    record: Record
    description: str


@dataclass(frozen=True, slots=True)
class Existing:
    """A clustered event in a candidate window: features, cluster, reviewer lock."""

    features: dict[str, Any]
    cluster_id: str
    lock: str | None


@dataclass(slots=True)
class ClusterWrite:
    """Everything one component's update writes (planned by the dedup stage)."""

    cluster_id: str
    founder_event_id: str
    founder_published: int
    new_items: list[dict[str, Any]] = field(default_factory=list)  # cluster_items rows
    absorbed: list[str] = field(default_factory=list)  # old cluster ids now superseded


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- documents: signatures and near-duplicate links ----------------------------


def unsigned_documents(
    store: Store, limit: int | None = None
) -> list[tuple[str, dt.date | None, str]]:
    """(doc id, published, text) of documents without a MinHash signature yet."""
    d, sig = s.documents, s.document_signatures
    q = (
        select(d.c.id, d.c.published, d.c.text)
        .select_from(d.outerjoin(sig, sig.c.doc_id == d.c.id))
        .where(sig.c.doc_id.is_(None))
        .order_by(d.c.id)
    )
    if limit is not None:
        q = q.limit(limit)
    with store._tx("reading unsigned documents") as conn:
        return [(r.id, r.published, r.text) for r in conn.execute(q)]


def signatures_near(
    store: Store, days: Iterable[dt.date | None], window: int = 3
) -> dict[str, str]:
    """Stored signatures (hex) of documents published within ``window`` days of any of
    ``days``; an undated day (None) asks for the undated documents."""
    sig = s.document_signatures
    conds = []
    dated = sorted({d for d in days if d is not None})
    for day in dated:
        conds.append(
            and_(
                sig.c.published >= day - dt.timedelta(days=window),
                sig.c.published <= day + dt.timedelta(days=window),
            )
        )
    if any(d is None for d in days):
        conds.append(sig.c.published.is_(None))
    if not conds:
        return {}
    with store._tx("reading document signatures") as conn:
        rows = conn.execute(select(sig.c.doc_id, sig.c.signature).where(or_(*conds)))
        return {r.doc_id: r.signature for r in rows}


def save_signatures(
    store: Store,
    signatures: Sequence[tuple[str, dt.date | None, str]],
    links: Sequence[tuple[str, str, float]],
) -> None:
    """Store new signatures and near-duplicate links (existing rows are kept)."""
    from contention.store.db import Store as _Store

    with store._tx("saving document signatures") as conn:
        for doc_id, published, hexsig in signatures:
            _Store._insert_or_skip(
                conn,
                s.document_signatures,
                {"doc_id": doc_id, "published": published, "signature": hexsig},
            )
        for a, b, score in links:
            _insert_pair_or_skip(
                conn, {"doc_a": a, "doc_b": b, "kind": "near_duplicate", "score": score}
            )


def _insert_pair_or_skip(conn: Connection, row: dict[str, Any]) -> None:
    exists = conn.execute(
        select(s.document_links.c.doc_a).where(
            s.document_links.c.doc_a == row["doc_a"], s.document_links.c.doc_b == row["doc_b"]
        )
    ).first()
    if exists is None:
        conn.execute(insert(s.document_links).values(**row))


def document_links(store: Store, doc_ids: Iterable[str]) -> list[tuple[str, str, float]]:
    """Near-duplicate links touching any of ``doc_ids``."""
    ids = sorted(set(doc_ids))
    if not ids:
        return []
    dl = s.document_links
    out: list[tuple[str, str, float]] = []
    with store._tx("reading document links") as conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = select(dl.c.doc_a, dl.c.doc_b, dl.c.score).where(
                or_(dl.c.doc_a.in_(chunk), dl.c.doc_b.in_(chunk))
            )
            out.extend((r.doc_a, r.doc_b, r.score) for r in conn.execute(q))
    return sorted(set(out))


# -- events to cluster --------------------------------------------------------


def _descriptions(conn: Connection, event_ids: Sequence[str]) -> dict[str, str]:
    """The sentences holding each event's evidence, joined by spaces."""
    ev, sen, docs = s.evidence, s.sentences, s.documents
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = list(event_ids[i : i + 500])
        rows = conn.execute(
            select(ev.c.event_id, ev.c.doc_id, ev.c.start, ev.c.end).where(ev.c.event_id.in_(chunk))
        )
        for r in rows:
            spans.setdefault(r.event_id, []).append((r.doc_id, r.start, r.end))
    doc_ids = sorted({d for v in spans.values() for d, _, _ in v})
    texts: dict[str, str] = {}
    bounds: dict[str, list[tuple[int, int]]] = {}
    for i in range(0, len(doc_ids), 200):
        chunk = doc_ids[i : i + 200]
        for d in conn.execute(select(docs.c.id, docs.c.text).where(docs.c.id.in_(chunk))):
            texts[d.id] = d.text
        for x in conn.execute(
            select(sen.c.doc_id, sen.c.start, sen.c.end)
            .where(sen.c.doc_id.in_(chunk))
            .order_by(sen.c.doc_id, sen.c.idx)
        ):
            bounds.setdefault(x.doc_id, []).append((x.start, x.end))
    out: dict[str, str] = {}
    for event_id, ev_spans in spans.items():
        chosen: list[tuple[str, int, int]] = []
        for doc_id, start, end in ev_spans:
            hit = [
                (a, b) for a, b in bounds.get(doc_id, ()) if a < max(end, start + 1) and b > start
            ]
            for a, b in hit or [(start, end)]:
                if (doc_id, a, b) not in chosen:
                    chosen.append((doc_id, a, b))
        chosen.sort()
        out[event_id] = " ".join(texts.get(d, "")[a:b] for d, a, b in chosen)
    return out


def unclustered(store: Store, limit: int | None = None) -> list[Pending]:
    """Events without a cluster, by id, each with its description."""
    from contention.store.db import _with_columns

    e = s.events
    q = select(e.c.record, e.c.cluster_id, e.c.review_status).where(e.c.cluster_id.is_(None))
    q = q.order_by(e.c.id)
    if limit is not None:
        q = q.limit(limit)
    with store._tx("reading unclustered events") as conn:
        records = [_with_columns(*row) for row in conn.execute(q)]
        desc = _descriptions(conn, [r["id"] for r in records])
    return [Pending(r, desc.get(r["id"], "")) for r in records]


def items_in_windows(
    store: Store, windows: Mapping[str, Sequence[tuple[int, int]]]
) -> list[Existing]:
    """Clustered items of each block whose days come within one day of any of its
    ``(lo, hi)`` ranges (day ordinals), each item once."""
    ci, e = s.cluster_items, s.events
    out: dict[str, Existing] = {}
    with store._tx("reading cluster items") as conn:
        for block in sorted(windows):
            ranges = list(windows[block])
            for i in range(0, len(ranges), 50):
                near = or_(
                    *(
                        and_(ci.c.day_start <= hi + 1, ci.c.day_end >= lo - 1)
                        for lo, hi in ranges[i : i + 50]
                    )
                )
                q = (
                    select(ci.c.event_id, ci.c.features, ci.c.lock, e.c.cluster_id)
                    .select_from(ci.join(e, e.c.id == ci.c.event_id))
                    .where(ci.c.block == block, near, e.c.cluster_id.is_not(None))
                )
                for r in conn.execute(q):
                    out[r.event_id] = Existing(r.features, r.cluster_id, r.lock)
    return [out[k] for k in sorted(out)]


def founders(store: Store, cluster_ids: Iterable[str]) -> dict[str, tuple[int, str]]:
    """cluster id → (founder publication ordinal or 10**7, founder event id)."""
    ids = sorted(set(cluster_ids))
    c = s.clusters
    out: dict[str, tuple[int, str]] = {}
    with store._tx("reading cluster founders") as conn:
        for i in range(0, len(ids), 500):
            q = select(c.c.id, c.c.founder_published, c.c.founder_event_id).where(
                c.c.id.in_(ids[i : i + 500])
            )
            for r in conn.execute(q):
                out[r.id] = (r.founder_published or 10**7, r.founder_event_id)
    return out


# -- writing one component ----------------------------------------------------


def _current_members(conn: Connection, cluster_id: str) -> list[str]:
    e = s.events
    return list(
        conn.execute(select(e.c.id).where(e.c.cluster_id == cluster_id).order_by(e.c.id)).scalars()
    )


def _join(conn: Connection, cluster_id: str, event_id: str, doc_id: str, how: str) -> None:
    m = s.cluster_members
    where = (m.c.cluster_id == cluster_id, m.c.event_id == event_id)
    if conn.execute(select(m.c.event_id).where(*where)).first() is None:
        conn.execute(
            insert(m).values(
                cluster_id=cluster_id,
                event_id=event_id,
                doc_id=doc_id,
                how=how,
                joined_at=_now(),
                left_at=None,
            )
        )
    else:
        conn.execute(update(m).where(*where).values(left_at=None, how=how))


def write_component(store: Store, plan: ClusterWrite, new_events: Mapping[str, str]) -> list[str]:
    """Apply one component's plan; return the cluster's current member ids.

    ``new_events`` maps each newly clustered event id to its doc id.  Members of
    absorbed clusters move to ``plan.cluster_id`` (their old membership rows get
    ``left_at``); absorbed clusters point to the new one, as do clusters that
    pointed to them.
    """
    e, c, m, ci = s.events, s.clusters, s.cluster_members, s.cluster_items
    now = _now()
    cid = plan.cluster_id
    with store._tx(f"writing cluster {cid}") as conn:
        if plan.new_items:
            conn.execute(insert(ci), plan.new_items)
        exists = conn.execute(select(c.c.id).where(c.c.id == cid)).first() is not None
        if not exists:
            conn.execute(
                insert(c).values(
                    id=cid,
                    founder_event_id=plan.founder_event_id,
                    founder_published=plan.founder_published,
                    created_at=now,
                    updated_at=now,
                )
            )
        else:
            conn.execute(update(c).where(c.c.id == cid).values(superseded_by=None))
        for old in plan.absorbed:
            if old == cid:
                continue
            moved = conn.execute(select(e.c.id, e.c.doc_id).where(e.c.cluster_id == old)).all()
            conn.execute(
                update(m).where(m.c.cluster_id == old, m.c.left_at.is_(None)).values(left_at=now)
            )
            for r in moved:
                _join(conn, cid, r.id, r.doc_id, "machine")
            conn.execute(update(e).where(e.c.cluster_id == old).values(cluster_id=cid))
            conn.execute(update(c).where(c.c.id == old).values(superseded_by=cid, updated_at=now))
            conn.execute(update(c).where(c.c.superseded_by == old).values(superseded_by=cid))
        for event_id in sorted(new_events):
            _join(conn, cid, event_id, new_events[event_id], "machine")
            conn.execute(update(e).where(e.c.id == event_id).values(cluster_id=cid))
        return _current_members(conn, cid)


def member_records(store: Store, cluster_id: str) -> list[Record]:
    from contention.store.db import _with_columns

    e = s.events
    q = (
        select(e.c.record, e.c.cluster_id, e.c.review_status)
        .where(e.c.cluster_id == cluster_id)
        .order_by(e.c.id)
    )
    with store._tx("reading cluster members") as conn:
        return [_with_columns(*row) for row in conn.execute(q)]


def absorbed_ids(store: Store, cluster_id: str) -> list[str]:
    c = s.clusters
    with store._tx("reading superseded clusters") as conn:
        q = select(c.c.id).where(c.c.superseded_by == cluster_id).order_by(c.c.id)
        return list(conn.execute(q).scalars())


def save_view(store: Store, cluster_id: str, record: Record) -> None:
    """Store a live cluster's merged record and replace its (derived) claim rows."""
    c, cc = s.clusters, s.cluster_claims
    date = record.get("date") or {}
    place = record.get("place") or {}
    with store._tx(f"saving cluster view {cluster_id}") as conn:
        conn.execute(
            update(c)
            .where(c.c.id == cluster_id)
            .values(
                type=record["type"],
                mode=record["mode"],
                date_start=dt.date.fromisoformat(date["start"]) if date else None,
                date_end=dt.date.fromisoformat(date["end"]) if date else None,
                place_name=place.get("name"),
                place_country=place.get("country"),
                n_reports=record["n_reports"],
                n_sources=record["n_sources"],
                n_independent=record["n_independent_sources"],
                record=record,
                updated_at=_now(),
            )
        )
        conn.execute(cc.delete().where(cc.c.cluster_id == cluster_id))
        rows = [
            {
                "cluster_id": cluster_id,
                "event_id": cl["event_id"],
                "field": cl["field"],
                "doc_id": cl["doc_id"] or "",
                "source_group": cl["source_group"] or "",
                "low": cl["low"],
                "high": cl["high"],
                "best": cl["best"],
                "text": cl["text"],
                "published": dt.date.fromisoformat(cl["published"]) if cl["published"] else None,
                "outlet": cl["outlet"],
                "language": cl["language"],
                "quote": cl["quote"],
            }
            for cl in record["claims"]
        ]
        if rows:
            conn.execute(insert(cc), rows)


def clusters_of_documents(store: Store, doc_ids: Iterable[str]) -> list[str]:
    """Live clusters holding an event of any of ``doc_ids``."""
    ids = sorted(set(doc_ids))
    e = s.events
    out: set[str] = set()
    with store._tx("reading clusters of documents") as conn:
        for i in range(0, len(ids), 500):
            q = select(e.c.cluster_id).where(
                e.c.doc_id.in_(ids[i : i + 500]), e.c.cluster_id.is_not(None)
            )
            out.update(conn.execute(q).scalars())
    return sorted(out)


# -- reads for users ----------------------------------------------------------


def resolve(store: Store, cluster_id: str) -> str | None:
    """The live id for ``cluster_id`` (following ``superseded_by``), or None if unknown."""
    c = s.clusters
    seen: set[str] = set()
    current = cluster_id
    with store._tx("resolving a cluster id") as conn:
        while current not in seen:
            seen.add(current)
            row = conn.execute(select(c.c.superseded_by).where(c.c.id == current)).first()
            if row is None:
                return None
            if row.superseded_by is None:
                return current
            current = row.superseded_by
    return current


def cluster_ids(store: Store, prefix: str, limit: int = 10) -> list[str]:
    c = s.clusters
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    q = select(c.c.id).where(c.c.id.like(pattern, escape="\\")).order_by(c.c.id).limit(limit)
    with store._tx("reading cluster ids") as conn:
        return list(conn.execute(q).scalars())


def cluster(store: Store, cluster_id: str) -> Record | None:
    """The merged record of a cluster (an old id resolves to the live cluster)."""
    live = resolve(store, cluster_id)
    if live is None:
        return None
    c = s.clusters
    with store._tx("reading a cluster") as conn:
        row = conn.execute(select(c.c.record).where(c.c.id == live)).first()
    return None if row is None or row.record is None else dict(row.record)


def iter_clusters(
    store: Store,
    type: str | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    *,
    batch: int = 500,
) -> Iterable[Record]:
    """Merged records of live clusters, oldest first (undated last)."""
    c = s.clusters
    conds: list[ColumnElement[bool]] = [c.c.superseded_by.is_(None), c.c.record.is_not(None)]
    if type:
        conds.append(c.c.type == type.upper())
    if country:
        conds.append(c.c.place_country == country.upper())
    if since:
        conds.append(c.c.date_end >= since)
    if until:
        conds.append(c.c.date_start <= until)
    q = select(c.c.record).where(*conds).order_by(c.c.date_start.is_(None), c.c.date_start, c.c.id)
    with store._tx("reading clusters") as conn:
        for row in conn.execution_options(yield_per=batch).execute(q):
            yield dict(row.record)


def cluster_counts(store: Store) -> dict[str, int]:
    """Live and superseded clusters, memberships, claims, near-duplicate links."""
    c = s.clusters
    with store._tx("counting clusters") as conn:

        def n(q: Any) -> int:
            return int(conn.execute(q).scalar_one())

        return {
            "clusters": n(select(func.count()).select_from(c).where(c.c.superseded_by.is_(None))),
            "superseded": n(
                select(func.count()).select_from(c).where(c.c.superseded_by.is_not(None))
            ),
            "members": n(select(func.count()).select_from(s.cluster_members)),
            "claims": n(select(func.count()).select_from(s.cluster_claims)),
            "document_links": n(select(func.count()).select_from(s.document_links)),
        }


# -- reviewer actions ---------------------------------------------------------


def record_action(
    store: Store, action: str, payload: Mapping[str, Any], by: str | None, note: str | None
) -> int:
    with store._tx(f"recording {action}") as conn:
        row = conn.execute(
            insert(s.cluster_actions)
            .values(action=action, payload=dict(payload), by=by, note=note, at=_now())
            .returning(s.cluster_actions.c.id)
        ).first()
        assert row is not None
        return int(row[0])


def actions(store: Store) -> list[dict[str, Any]]:
    a = s.cluster_actions
    with store._tx("reading cluster actions") as conn:
        rows = conn.execute(select(a).order_by(a.c.id)).all()
    return [{**r._mapping, "at": r.at.isoformat()} for r in rows]


def set_locks(store: Store, event_ids: Iterable[str], lock: str) -> None:
    ci = s.cluster_items
    ids = sorted(set(event_ids))
    with store._tx("locking cluster items") as conn:
        for i in range(0, len(ids), 500):
            conn.execute(update(ci).where(ci.c.event_id.in_(ids[i : i + 500])).values(lock=lock))


def move_members(
    store: Store, event_ids: Sequence[str], source: str, target: str, founder: tuple[int, str]
) -> None:
    """Reviewer split: ``event_ids`` leave ``source`` for ``target`` (created if needed)."""
    e, c, m = s.events, s.clusters, s.cluster_members
    now = _now()
    with store._tx(f"moving members to {target}") as conn:
        if conn.execute(select(c.c.id).where(c.c.id == target)).first() is None:
            conn.execute(
                insert(c).values(
                    id=target,
                    founder_event_id=founder[1],
                    founder_published=founder[0] if founder[0] < 10**7 else 0,
                    created_at=now,
                    updated_at=now,
                )
            )
        else:  # an id this founder held before a merge comes back to life
            conn.execute(update(c).where(c.c.id == target).values(superseded_by=None))
        for event_id in event_ids:
            doc = conn.execute(select(e.c.doc_id).where(e.c.id == event_id)).scalar_one()
            conn.execute(
                update(m)
                .where(m.c.cluster_id == source, m.c.event_id == event_id, m.c.left_at.is_(None))
                .values(left_at=now)
            )
            _join(conn, target, event_id, doc, "review")
            conn.execute(update(e).where(e.c.id == event_id).values(cluster_id=target))
