"""Clusters: order independence, stable founder ids, bridging, reviewer locks."""

from __future__ import annotations

import datetime as dt
import random

from dedup_helpers import item

from contention.dedup.cluster import Clusterer, cluster_id_for, cluster_items

D = dt.date(2022, 1, 5).toordinal()


def _world() -> list:  # three events: Almaty 5 Jan, Almaty 9 Jan, Rome 5 Jan
    out = []
    for i in range(5):
        out.append(item(f"evt_a{i}", published=D + 1 + i))
        out.append(item(f"evt_b{i}", day_start=D + 4, day_end=D + 4, published=D + 5))
        out.append(
            item(
                f"evt_c{i}",
                country="IT",
                place="rome",
                geonames_id=3,
                lat=41.9,
                lon=12.5,
                published=D + 2,
            )
        )
    return out


def test_clusters_do_not_depend_on_order() -> None:
    items = _world()
    first = cluster_items(items)
    rng = random.Random(11)
    for _ in range(5):
        rng.shuffle(items)
        assert cluster_items(items) == first
    assert len(set(first.values())) == 3


def test_cluster_id_is_the_earliest_published_report() -> None:
    assignments = cluster_items(_world())
    assert assignments["evt_a3"] == cluster_id_for("evt_a0") == "clu_a0"


def test_a_later_report_joining_keeps_the_id() -> None:
    c = Clusterer()
    c.add(item("evt_first", published=D + 1))
    before = c.cluster_id(0)
    edges = c.add(item("evt_0later", published=D + 3))  # smaller id, published later
    assert edges and c.cluster_id(1) == before == "clu_first"


def test_a_bridging_report_merges_two_clusters() -> None:
    c = Clusterer()
    c.add(item("evt_x", mode="riot", day_start=D, day_end=D))
    c.add(item("evt_y", mode="riot", day_start=D + 2, day_end=D + 2))
    assert c.find(0) != c.find(1)
    c.add(item("evt_z", mode="riot", day_start=D + 1, day_end=D + 1))
    assert c.find(0) == c.find(1) == c.find(2)
    assert c.comparisons == 2  # y met nobody within a day; z met both


def test_reviewer_locks_keep_a_split_apart() -> None:
    c = Clusterer()
    c.add_existing(item("evt_x"), "clu_x", lock="clu_x")
    c.add_existing(item("evt_y"), "clu_y", lock="clu_y")
    c.add(item("evt_z"))
    assert c.find(0) != c.find(1)
    assert c.find(2) in (c.find(0), c.find(1))


def test_unblockable_items_stay_alone() -> None:
    c = Clusterer()
    c.add(item("evt_x", country=None))
    assert c.add(item("evt_y", country=None)) == []
    assert len(list(c.components())) == 2
