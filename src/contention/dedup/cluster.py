"""Incremental, order-independent clustering of document events.

Clusters are the connected components of the graph whose edges are the pairs
:func:`contention.dedup.similarity.link` accepts.  Because ``link`` looks at
the two items only, the components — and so the clusters — do not depend on
the order items arrive in, and a new item is placed by comparing it with the
items already indexed in its block and date window, never by re-clustering.

Blocking index: ``block → day ordinal → [item index]``; an item is indexed
under every day of its (≤ 31-day) interval and compared with the items
indexed one day either side of it.  Union-find (path halving, union by size)
keeps the components; each root remembers its *founder*, the member with the
smallest :attr:`Item.founder_key` (earliest published, then smallest id).

Stable ids: a cluster's id is ``clu_`` + its founder's event id digits
(:func:`cluster_id_for`).  It never changes when a later-published report
joins, which is how news arrives; it changes only when an *earlier* report is
back-filled or two clusters merge, and the store keeps the old id pointing at
the new one (``clusters.superseded_by``), so no published id ever dangles.

Reviewer locks: an item may carry a lock (the cluster id a reviewer pinned it
to).  Two components with different locks are never joined; a new item that
links into several locked components joins the one it scores highest with
(ties: the smaller lock), so a reviewer's split survives later ingests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from contention.dedup.items import Item
from contention.dedup.similarity import score


def cluster_id_for(founder_event_id: str) -> str:
    """The cluster id founded by an event: ``evt_ab12…`` → ``clu_ab12…``."""
    return "clu_" + founder_event_id.removeprefix("evt_")


@dataclass(frozen=True, slots=True)
class Edge:
    """A link found while adding an item: indices and the score that made it."""

    a: int
    b: int
    score: float


class Clusterer:
    """Connected components of linked items, grown one item at a time."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self._parent: list[int] = []
        self._size: list[int] = []
        self._founder: list[int] = []  # per root: index of the founding item
        self._lock: dict[int, str] = {}  # per root: reviewer lock
        self._index: dict[str, dict[int, list[int]]] = {}
        self._by_id: dict[str, int] = {}
        self._group_first: dict[str, int] = {}
        self.comparisons = 0

    def __len__(self) -> int:
        return len(self.items)

    # -- union-find ------------------------------------------------------------

    def find(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _union(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        li, lj = self._lock.get(ri), self._lock.get(rj)
        if li is not None and lj is not None and li != lj:
            return False
        if self._size[ri] < self._size[rj]:
            ri, rj = rj, ri
        self._parent[rj] = ri
        self._size[ri] += self._size[rj]
        fi, fj = self._founder[ri], self._founder[rj]
        if self.items[fj].founder_key < self.items[fi].founder_key:
            self._founder[ri] = fj
        lock = li if li is not None else lj
        if lock is not None:
            self._lock[ri] = lock
        self._lock.pop(rj, None)
        return True

    # -- adding ----------------------------------------------------------------

    def _append(self, item: Item, lock: str | None) -> int:
        if item.event_id in self._by_id:
            raise ValueError(f"item {item.event_id} added twice")
        idx = len(self.items)
        self.items.append(item)
        self._parent.append(idx)
        self._size.append(1)
        self._founder.append(idx)
        self._by_id[item.event_id] = idx
        if lock is not None:
            self._lock[idx] = lock
        block = item.block
        if block is not None:
            days = self._index.setdefault(block, {})
            assert item.day_start is not None and item.day_end is not None
            for day in range(item.day_start, item.day_end + 1):
                bucket = days.get(day)
                if bucket is None:
                    days[day] = [idx]
                else:
                    bucket.append(idx)
        return idx

    def candidates(self, item: Item) -> list[int]:
        """Indices of indexed items in ``item``'s block within a day of its dates."""
        block = item.block
        if block is None:
            return []
        days = self._index.get(block)
        if not days:
            return []
        assert item.day_start is not None and item.day_end is not None
        seen: set[int] = set()
        out: list[int] = []
        for day in range(item.day_start - 1, item.day_end + 2):
            for j in days.get(day, ()):
                if j not in seen:
                    seen.add(j)
                    out.append(j)
        return out

    def add(self, item: Item) -> list[Edge]:
        """Index ``item``, link it to every matching indexed item; return the links made."""
        scored: list[tuple[float, int]] = []
        for j in self.candidates(item):
            self.comparisons += 1
            s = score(item, self.items[j])
            if s is not None and s.linked:
                scored.append((s.total, j))
        idx = self._append(item, None)
        # Strongest links first, so a lock conflict keeps the best-supported side.
        scored.sort(key=lambda t: (-t[0], self._lock.get(self.find(t[1])) or "", t[1]))
        edges = []
        for total, j in scored:
            if self._union(idx, j):
                edges.append(Edge(idx, j, total))
        return edges

    def add_existing(self, item: Item, group: str, lock: str | None = None) -> int:
        """Index an item already clustered (in ``group``) without comparing it: items of
        one group are joined directly, as the earlier run decided."""
        idx = self._append(item, lock)
        first = self._group_first.setdefault(group, idx)
        if first != idx:
            self._union(first, idx)
        return idx

    def add_all(self, items: Iterable[Item]) -> None:
        for item in items:
            self.add(item)

    # -- reading ---------------------------------------------------------------

    def index_of(self, event_id: str) -> int | None:
        return self._by_id.get(event_id)

    def founder(self, i: int) -> Item:
        return self.items[self._founder[self.find(i)]]

    def cluster_id(self, i: int) -> str:
        return cluster_id_for(self.founder(i).event_id)

    def components(self) -> Iterator[list[int]]:
        """Member indices of every component, each sorted; components in founder order."""
        groups: dict[int, list[int]] = {}
        for i in range(len(self.items)):
            groups.setdefault(self.find(i), []).append(i)
        roots = sorted(groups, key=lambda r: self.items[self._founder[r]].founder_key)
        for r in roots:
            yield groups[r]

    def assignments(self) -> dict[str, str]:
        """event id → cluster id, for every item."""
        return {item.event_id: self.cluster_id(i) for i, item in enumerate(self.items)}


def cluster_items(items: Iterable[Item]) -> dict[str, str]:
    """Cluster ``items`` from scratch: event id → cluster id."""
    c = Clusterer()
    c.add_all(items)
    return c.assignments()
