"""dedup stage: document events → real-world events (clusters), every source and claim kept.

- :mod:`contention.dedup.items` — what is compared (an :class:`Item` per event);
- :mod:`contention.dedup.similarity` — the linking rules (:func:`link`, :func:`score`);
- :mod:`contention.dedup.cluster` — incremental, order-independent components;
- :mod:`contention.dedup.neardup` — wire copies by MinHash LSH;
- :mod:`contention.dedup.merge` — the merged view and its claims;
- :mod:`contention.dedup.update` — clustering against the store after each ingest;
- :mod:`contention.dedup.evaluate` — the golden multi-source evaluation;
- :mod:`contention.dedup.bench` — the synthetic scale benchmark.
"""

from contention.dedup.cluster import Clusterer, cluster_id_for, cluster_items
from contention.dedup.items import Item, item_from_record
from contention.dedup.merge import cluster_record
from contention.dedup.similarity import link, score

__all__ = [
    "Clusterer",
    "Item",
    "cluster_id_for",
    "cluster_items",
    "cluster_record",
    "item_from_record",
    "link",
    "score",
]
