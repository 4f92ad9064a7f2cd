"""Near-duplicate documents (wire copies) by MinHash LSH, so copies are not counted as sources.

A news agency's story republished by ten outlets is one source, not ten: the
clusters count *independent* sources, i.e. groups of documents that are not
near-duplicates of each other.

Method: the document text is folded (lower-case, accents dropped) and cut
into word 3-gram shingles; a 64-permutation MinHash (``datasketch``, seed
:data:`SEED`, so signatures are the same on every machine and in every run)
estimates Jaccard similarity; ``datasketch.MinHashLSH`` finds candidate pairs,
and a pair is a near-duplicate when its estimated Jaccard is at least
:data:`THRESHOLD`.  A copy with another headline, a dropped paragraph or an
added line stays well above 0.5; two outlets' own reports of one event share
a few names and figures, far below it.

Signatures are kept in the store (``document_signatures``) so a later ingest
compares new documents with stored ones without re-reading their text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from contention.dedup.items import fold

NUM_PERM = 64
SEED = 20220105
THRESHOLD = 0.5
SHINGLE = 3

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word ``k``-grams of the folded text (the whole text when it has fewer words)."""
    words = _WORD.findall(fold(text))
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1)
def _template() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def signature(text: str) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """The MinHash signature of ``text`` (``NUM_PERM`` unsigned integers)."""
    from datasketch import MinHash

    tpl = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=tpl.permutations, scheme=tpl.scheme)
    sh = shingles(text)
    if sh:
        m.update_batch(sorted(sh))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def to_hex(sig: np.ndarray[Any, np.dtype[np.uint64]]) -> str:
    """A signature as text for the database (8 hex digits per value)."""
    return "".join(f"{int(v) & 0xFFFFFFFF:08x}" for v in sig)


def from_hex(text: str) -> np.ndarray[Any, np.dtype[np.uint64]]:
    return np.array([int(text[i : i + 8], 16) for i in range(0, len(text), 8)], dtype=np.uint64)


def _minhash(sig: np.ndarray[Any, Any]) -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=sig, scheme=_template().scheme)


def jaccard(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def near_duplicates(
    new: Mapping[str, np.ndarray[Any, Any]],
    known: Mapping[str, np.ndarray[Any, Any]],
    threshold: float = THRESHOLD,
) -> list[tuple[str, str, float]]:
    """Near-duplicate pairs ``(a, b, jaccard)`` with ``a < b``: new × new and new × known.

    Candidates come from ``datasketch.MinHashLSH``; each is confirmed with the
    estimated Jaccard (the LSH only proposes).  Sorted, so the result does not
    depend on the order of either mapping.
    """
    from datasketch import MinHashLSH

    if not new:
        return []
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs: dict[str, np.ndarray[Any, Any]] = {**known, **new}
    for doc_id in sorted(sigs):
        lsh.insert(doc_id, _minhash(sigs[doc_id]))
    pairs: dict[tuple[str, str], float] = {}
    for doc_id in sorted(new):
        query = _minhash(sigs[doc_id])
        for other in lsh.query(query):
            if other == doc_id:
                continue
            j = jaccard(sigs[doc_id], sigs[other])
            if j >= threshold:
                a, b = sorted((doc_id, str(other)))
                pairs[(a, b)] = j
    return sorted((a, b, j) for (a, b), j in pairs.items())


def groups(doc_ids: Iterable[str], links: Sequence[tuple[str, str]]) -> dict[str, str]:
    """doc id → its near-duplicate group (the smallest doc id of its connected component)."""
    parent: dict[str, str] = {d: d for d in doc_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {d: find(d) for d in parent}
