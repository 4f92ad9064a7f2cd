"""Clustering against the store (SQLite and PostgreSQL): incremental, idempotent, never deleting."""

from __future__ import annotations

from dedup_helpers import Ev, make_doc

from contention.dedup.update import merge, split, update_clusters
from contention.store import clusters as cs
from contention.store.db import Store

WIRE = (
    "Protesters storm Almaty city hall\n"
    "Thousands of protesters stormed the mayor's office in Almaty on Wednesday and set it on "
    "fire, as anger over fuel prices turned into the worst unrest in decades.\n"
)
COPY = "Crowds burn Almaty mayor's office\n" + WIRE.split("\n", 1)[1] + "Gunfire was heard.\n"
TOLL = (
    "Toll rises to 164\n"
    "The number of people killed in the riots in Almaty on 5 January has risen to 164.\n"
)
ROME = "Taxi drivers protest in Rome\nTaxi drivers rioted in Rome on Tuesday.\n"


def _docs() -> list:
    return [
        make_doc(WIRE, "2022-01-06", [Ev("stormed")]),
        make_doc(COPY, "2022-01-06", [Ev("stormed")]),
        make_doc(TOLL, "2022-01-10", [Ev("riots", counts={"fatalities": 164})]),
        make_doc(ROME, "2022-07-05", [Ev("rioted", day="2022-07-05", place="Rome")]),
    ]


def test_update_clusters_reports_and_links_wire_copies(store: Store) -> None:
    docs = _docs()
    for d in docs:
        store.save(d)
    st = update_clusters(store, embed=False)
    assert st.events_clustered == 4 and st.near_duplicate_links == 1
    almaty = store.event(docs[0].events[0].id)
    assert almaty is not None
    cid = almaty["cluster_id"]
    assert cid == "clu_" + min(docs[0].events[0].id, docs[1].events[0].id)[4:]
    view = cs.cluster(store, cid)
    assert view is not None
    assert view["n_reports"] == 3 and view["n_independent_sources"] == 2
    assert view["counts"]["fatalities"]["best"] == 164
    assert [c["best"] for c in view["claims"]] == [164]
    rome = store.event(docs[3].events[0].id)
    assert rome is not None and rome["cluster_id"] != cid
    # idempotent: nothing pending, nothing changes
    again = update_clusters(store, embed=False)
    assert again.events_clustered == 0 and again.clusters_touched == 0


def test_incremental_in_any_order_gives_the_same_clusters(store: Store, tmp_path) -> None:
    docs = _docs()
    for d in reversed(docs):  # one at a time, newest first: founders get back-filled
        store.save(d)
        update_clusters(store, embed=False)
    other = Store(tmp_path / "batch.db")
    for d in docs:
        other.save(d)
    update_clusters(other, embed=False)
    mine = {r["id"]: r["cluster_id"] for r in store.events()}
    theirs = {r["id"]: r["cluster_id"] for r in other.events()}
    assert mine == theirs
    # ids superseded on the way still resolve, and no membership row was deleted
    counts = cs.cluster_counts(store)
    assert counts["superseded"] >= 1
    assert counts["members"] > len(mine)
    for old in [r[0] for r in _superseded(store)]:
        assert cs.resolve(store, old) in set(mine.values())
    other.close()


def _superseded(store: Store) -> list:
    from sqlalchemy import select

    from contention.store import schema as s

    with store.engine.connect() as conn:
        c = s.clusters
        return list(conn.execute(select(c.c.id).where(c.c.superseded_by.is_not(None))))


def test_review_merge_and_split_are_recorded_and_survive_ingest(store: Store) -> None:
    docs = _docs()
    for d in docs:
        store.save(d)
    update_clusters(store, embed=False)
    almaty = store.event(docs[0].events[0].id)["cluster_id"]  # type: ignore[index]
    rome = store.event(docs[3].events[0].id)["cluster_id"]  # type: ignore[index]
    merged = merge(store, [almaty, rome], by="reviewer", note="test")
    assert {cs.resolve(store, almaty), cs.resolve(store, rome)} == {merged}
    assert cs.cluster(store, merged)["n_reports"] == 4  # type: ignore[index]
    new = split(store, merged, [docs[3].events[0].id], by="reviewer")
    assert store.event(docs[3].events[0].id)["cluster_id"] == new  # type: ignore[index]
    assert [a["action"] for a in cs.actions(store)] == ["merge", "split"]
    # a later report of the Rome event joins the split-off cluster, not the Almaty one
    later = make_doc(
        "Rome again\nTaxi drivers rioted again in Rome on Tuesday night.\n",
        "2022-07-06",
        [Ev("rioted", day="2022-07-05", place="Rome")],
    )
    store.save(later)
    update_clusters(store, embed=False)
    assert store.event(later.events[0].id)["cluster_id"] == new  # type: ignore[index]


def test_splitting_off_the_founder_keeps_its_id_with_the_founder(store: Store) -> None:
    docs = _docs()[:3]
    for d in docs:
        store.save(d)
    update_clusters(store, embed=False)
    ids = [d.events[0].id for d in docs]
    cid = store.event(ids[0])["cluster_id"]  # type: ignore[index]
    founder = cs.founders(store, [cid])[cid][1]
    got = split(store, cid, [founder])
    assert got == cid  # the founder keeps the cluster's id ...
    others = [e for e in ids if e != founder]
    moved = {store.event(e)["cluster_id"] for e in others}  # type: ignore[index]
    assert len(moved) == 1 and cid not in moved  # ... the rest left together
    assert cs.cluster(store, cid)["n_reports"] == 1  # type: ignore[index]
