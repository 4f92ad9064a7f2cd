"""Clustering against the store: run after each ingest, incrementally.

:func:`update_clusters` takes the events that have no cluster yet, compares
each with the already clustered events of its block and date window (their
features are read from ``cluster_items``, no document is re-read), and
writes the components it finds.  Old events are never compared with each
other again, so an update costs what the new events cost.

Why the result does not depend on ingestion order: a cluster is a connected
component of the link graph (:mod:`contention.dedup.cluster`), every edge is
evaluated when the later of its two events arrives, and the id is the
founder's (earliest published, then smallest id) over the whole component —
including the founders of the stored clusters a new event joins.

Re-running is idempotent: with no unclustered event and no unsigned document
it changes nothing.

Reviewer actions (:func:`merge`, :func:`split`) are recorded in
``cluster_actions``; both leave every membership row in place (old rows get
``left_at``) and lock the members involved so a later ingest cannot undo them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from contention.dedup import neardup
from contention.dedup.cluster import Clusterer, cluster_id_for
from contention.dedup.items import Item, item_from_record, who_text
from contention.dedup.merge import cluster_record
from contention.store import clusters as cs
from contention.store.db import Store

log = logging.getLogger(__name__)

# Unclustered events taken per pass (bounds memory on a large first ingest).
CHUNK = 20_000

Embedder = Callable[[Sequence[str]], Any]


@dataclass(slots=True)
class UpdateStats:
    """What one update did."""

    documents_signed: int = 0
    near_duplicate_links: int = 0
    events_clustered: int = 0
    clusters_touched: int = 0
    clusters_absorbed: int = 0


def default_embedder() -> Embedder | None:
    """``contention.encode.embed`` when the encoder is installed and works, else None
    (the rules then fall back to slot agreement and token overlap)."""
    try:
        from contention.encode import embed  # type: ignore[attr-defined,unused-ignore]
    except Exception:
        return None
    try:
        embed(["probe"])
    except Exception:  # weights missing, wrong platform …: never block clustering
        log.info("encoder present but unusable; clustering without embeddings")
        return None
    return embed  # type: ignore[no-any-return,unused-ignore]


def _vectors(embed: Embedder | None, texts: Sequence[str]) -> list[tuple[float, ...] | None]:
    if embed is None or not texts:
        return [None] * len(texts)
    try:
        import numpy as np

        arr = np.asarray(embed(list(texts)), dtype=float)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        arr = arr / np.where(norms == 0, 1.0, norms)
        return [tuple(float(x) for x in row) for row in arr]
    except Exception:
        log.warning("embedding failed; clustering this batch without embeddings", exc_info=True)
        return [None] * len(texts)


def sign_documents(store: Store) -> tuple[int, list[tuple[str, str, float]]]:
    """MinHash every unsigned document, link it to near-duplicates; (signed, new links)."""
    todo = cs.unsigned_documents(store)
    if not todo:
        return 0, []
    sigs = {doc_id: neardup.signature(text) for doc_id, _, text in todo}
    known_hex = cs.signatures_near(store, [pub for _, pub, _ in todo])
    known = {d: neardup.from_hex(h) for d, h in known_hex.items() if d not in sigs}
    pairs = neardup.near_duplicates(sigs, known)
    cs.save_signatures(store, [(d, pub, neardup.to_hex(sigs[d])) for d, pub, _ in todo], pairs)
    return len(todo), pairs


def group_map(store: Store, doc_ids: Sequence[str]) -> dict[str, str]:
    """doc id → near-duplicate group for the documents of one cluster."""
    links = cs.document_links(store, doc_ids)
    return neardup.groups(doc_ids, [(a, b) for a, b, _ in links])


def refresh_view(store: Store, cluster_id: str) -> None:
    """Recompute and store the merged record and claims of a live cluster."""
    records = cs.member_records(store, cluster_id)
    if not records:
        return
    docs = sorted({str(r["sources"][0]["doc_id"]) for r in records if r.get("sources")})
    founder = cs.founders(store, [cluster_id]).get(cluster_id)
    view = cluster_record(
        cluster_id,
        records,
        group_map(store, docs),
        founder=founder[1] if founder else None,
        superseded=cs.absorbed_ids(store, cluster_id),
    )
    cs.save_view(store, cluster_id, view)


def _windows(items: Sequence[Item]) -> dict[str, list[tuple[int, int]]]:
    """Per block, the merged day ranges of the new items: only their neighbourhoods are
    read back from the store, however many years one batch spans."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for it in items:
        b = it.block
        if b is None:
            continue
        assert it.day_start is not None and it.day_end is not None
        spans.setdefault(b, []).append((it.day_start, it.day_end))
    out: dict[str, list[tuple[int, int]]] = {}
    for b, ranges in spans.items():
        merged: list[tuple[int, int]] = []
        for lo, hi in sorted(ranges):
            if merged and lo <= merged[-1][1] + 2:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        out[b] = merged
    return out


def _pass(
    store: Store, pending: list[cs.Pending], embed: Embedder | None, st: UpdateStats
) -> set[str]:
    vectors = _vectors(embed, [p.description for p in pending])
    whos = [who_text(p.record) for p in pending]
    who_vectors = _vectors(embed, whos)
    items = [
        item_from_record(p.record, p.description, vector=v, who_vector=w if who else None)
        for p, v, w, who in zip(pending, vectors, who_vectors, whos, strict=True)
    ]
    items.sort(key=lambda it: it.event_id)
    existing = cs.items_in_windows(store, _windows(items))
    c = Clusterer()
    new_ids = {it.event_id for it in items}
    old_cluster: dict[int, str] = {}
    for ex in sorted(existing, key=lambda x: str(x.features["e"])):
        if ex.features["e"] in new_ids:
            continue
        idx = c.add_existing(Item.from_json(ex.features), ex.cluster_id, ex.lock)
        old_cluster[idx] = ex.cluster_id
    for it in items:
        c.add(it)
    known_founders = cs.founders(store, set(old_cluster.values()))
    touched: set[str] = set()
    for members in c.components():
        new_members = [i for i in members if i not in old_cluster]
        if not new_members:
            continue
        olds = sorted({old_cluster[i] for i in members if i in old_cluster})
        keys = [c.items[i].founder_key for i in new_members]
        keys += [known_founders[o] for o in olds if o in known_founders]
        pub, founder_id = min(keys)
        cid = cluster_id_for(founder_id)
        plan = cs.ClusterWrite(
            cluster_id=cid,
            founder_event_id=founder_id,
            founder_published=pub if pub < 10**7 else 0,
            new_items=[
                {
                    "event_id": c.items[i].event_id,
                    "block": c.items[i].block,
                    "day_start": c.items[i].day_start,
                    "day_end": c.items[i].day_end,
                    "lock": None,
                    "features": c.items[i].to_json(),
                }
                for i in new_members
            ],
            absorbed=[o for o in olds if o != cid],
        )
        cs.write_component(
            store, plan, {c.items[i].event_id: c.items[i].doc_id for i in new_members}
        )
        st.events_clustered += len(new_members)
        st.clusters_absorbed += len(plan.absorbed)
        touched.add(cid)
    return touched


def update_clusters(store: Store, *, embed: Embedder | bool | None = True) -> UpdateStats:
    """Sign new documents, cluster every unclustered event, refresh touched clusters.

    ``embed``: True uses :func:`default_embedder` (encoder if installed), False or
    None disables embeddings, a callable is used as the embedder.
    """
    st = UpdateStats()
    embedder: Embedder | None
    if embed is True:
        embedder = default_embedder()
    elif embed is False or embed is None:
        embedder = None
    else:
        embedder = embed
    with store.batch("signing documents"):
        signed, pairs = sign_documents(store)
    st.documents_signed, st.near_duplicate_links = signed, len(pairs)
    touched: set[str] = set()
    while True:
        # One transaction per pass: a crash leaves the pass's events unclustered,
        # and the next update does them again.
        with store.batch("clustering events"):
            pending = cs.unclustered(store, limit=CHUNK)
            if not pending:
                break
            touched |= _pass(store, pending, embedder, st)
    # A new wire copy changes the independent-source count of clusters it touches.
    touched |= set(cs.clusters_of_documents(store, [d for p in pairs for d in p[:2]]))
    with store.batch("refreshing cluster views"):
        for cid in sorted(touched):
            live = cs.resolve(store, cid)
            if live is not None:
                refresh_view(store, live)
    st.clusters_touched = len(touched)
    return st


# -- reviewer actions -----------------------------------------------------------


def merge(
    store: Store, ids: Sequence[str], *, by: str | None = None, note: str | None = None
) -> str:
    """A reviewer merges clusters: the earliest founder's id survives, the others are
    superseded; every member is locked to the survivor.  Returns the surviving id.
    All or nothing (one transaction); ``ValueError`` for fewer than two known clusters."""
    with store.batch("merging clusters"):
        return _merge(store, ids, by, note)


def _merge(store: Store, ids: Sequence[str], by: str | None, note: str | None) -> str:
    live = sorted({x for x in (cs.resolve(store, i) for i in ids) if x is not None})
    if len(live) < 2:
        raise ValueError("merge needs at least two distinct known clusters")
    founders = cs.founders(store, live)
    pub, founder_id = min(founders[i] for i in live)
    target = cluster_id_for(founder_id)
    if target not in live:
        target = min(live, key=lambda i: founders[i])
    plan = cs.ClusterWrite(
        target, founder_id, pub if pub < 10**7 else 0, [], [i for i in live if i != target]
    )
    members = cs.write_component(store, plan, {})
    cs.set_locks(store, members, target)
    cs.record_action(store, "merge", {"clusters": live, "into": target}, by, note)
    refresh_view(store, target)
    return target


def split(
    store: Store,
    cluster_id: str,
    event_ids: Sequence[str],
    *,
    by: str | None = None,
    note: str | None = None,
) -> str:
    """A reviewer separates ``event_ids`` from the rest of their cluster; both sides are
    locked so a later ingest never rejoins them.  Returns the id ``event_ids`` now have.

    The side holding the cluster's founder keeps the old id, the other side gets
    the id of its own founder.  All or nothing.
    """
    with store.batch("splitting a cluster"):
        return _split(store, cluster_id, event_ids, by, note)


def _split(
    store: Store, cluster_id: str, event_ids: Sequence[str], by: str | None, note: str | None
) -> str:
    source = cs.resolve(store, cluster_id)
    if source is None:
        raise ValueError(f"no cluster {cluster_id!r}")
    records = {r["id"]: r for r in cs.member_records(store, source)}
    moving = sorted(set(event_ids))
    if not moving or any(e not in records for e in moving):
        raise ValueError("split needs event ids that are members of the cluster")
    if len(moving) == len(records):
        raise ValueError("split must leave at least one member behind")
    # The side holding the founder keeps the cluster's id; the other side leaves.
    source_founder = cs.founders(store, [source]).get(source, (0, ""))[1]
    swapped = source_founder in moving
    if swapped:
        moving = sorted(e for e in records if e not in moving)
    keys = [item_from_record(records[e]).founder_key for e in moving]
    founder = min(keys)
    target = cluster_id_for(founder[1])
    cs.move_members(store, moving, source, target, founder)
    cs.set_locks(store, moving, target)
    cs.set_locks(store, [e for e in records if e not in moving], source)
    cs.record_action(
        store, "split", {"cluster": source, "events": moving, "into": target}, by, note
    )
    refresh_view(store, source)
    refresh_view(store, target)
    return source if swapped else target
