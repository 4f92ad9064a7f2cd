"""The golden multi-source evaluation of de-duplication (``golden-dedup``).

Data: ``tests/dedup/golden/`` — short articles in our own words
(``articles/*.txt``, a folder ``contention ingest`` can read as it is) and
``gold.json``: named gold clusters (type, allowed modes, place names,
date), the clusters each document tells, and the pairs of documents that are
wire copies of each other.

Method:

1. every article goes through the real pipeline once (extract → … → assemble);
2. the reports are stored and clustered twice — all at once in file order,
   and one document at a time in *reverse* order with an incremental update
   after each — and the two assignments must be identical (``order_independent``);
3. a report is labelled with the first gold cluster listed for its document
   whose type, mode, place (folded name) and date (within a day; intervals
   longer than :data:`MAX_GOLD_SPAN` days never match) it fits, and only if it
   is told as having happened.  Reports that fit none are left out of the
   scores (counted as ``n_unlabelled``): they are extraction errors, which
   the single-document golden suite measures;
4. over the labelled reports: pairwise precision/recall/F1 (pairs of reports
   put together by us vs by the gold) and B-cubed precision/recall/F1;
   near-duplicate links are scored against the gold wire-copy pairs.

``run(data, limit)`` follows the evaluation-suite contract of
:mod:`contention.eval.suite` (``limit`` takes N documents, spread evenly).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from contention.dedup.items import fold
from contention.eval.suite import SuiteDataMissing, SuiteResult, Table, repo_root, take

NAME = "golden-dedup"
ARTICLES = "articles"
MAX_GOLD_SPAN = 8


def default_dir() -> Path:
    return repo_root() / "tests" / "dedup" / "golden"


@dataclass(frozen=True, slots=True)
class GoldCluster:
    name: str
    type: str
    modes: frozenset[str]
    places: frozenset[str]
    date: dt.date
    note: str = ""

    def fits(self, record: Mapping[str, Any]) -> bool:
        """Whether a report record fits this gold cluster's description."""
        if record["type"] != self.type:
            return False
        if self.modes and record.get("mode") not in self.modes:
            return False
        ctx = set(record.get("context") or ())
        if ctx & {"negated", "future", "hypothetical"}:
            return False
        place = record.get("place") or {}
        if fold(str(place.get("name") or "")) not in self.places:
            return False
        date = record.get("date")
        if not date:
            return False
        start, end = dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date["end"])
        if (end - start).days + 1 > MAX_GOLD_SPAN:
            return False
        one = dt.timedelta(days=1)
        return start <= self.date + one and end >= self.date - one


@dataclass(frozen=True, slots=True)
class Gold:
    clusters: dict[str, GoldCluster]
    documents: dict[str, list[str]]
    near_duplicates: list[tuple[str, str]]
    what_it_tests: str = ""


def load_gold(folder: Path) -> Gold:
    path = folder / "gold.json"
    if not path.is_file():
        raise SuiteDataMissing(f"gold file not found: {path}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    clusters = {
        name: GoldCluster(
            name,
            spec["type"],
            frozenset(spec.get("modes") or ()),
            frozenset(fold(p) for p in spec["places"]),
            dt.date.fromisoformat(spec["date"]),
            spec.get("note", ""),
        )
        for name, spec in raw["clusters"].items()
    }
    for doc, names in raw["documents"].items():
        unknown = set(names) - set(clusters)
        if unknown:
            raise ValueError(f"{doc}: unknown gold clusters {sorted(unknown)}")
    return Gold(
        clusters,
        {k: list(v) for k, v in raw["documents"].items()},
        [(a, b) for a, b in raw.get("near_duplicates", ())],
        raw.get("what_it_tests", ""),
    )


# -- metrics ----------------------------------------------------------------------


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 over the items of ``gold`` (item → cluster label).

    Precision is 1.0 when we put no pair together, recall 1.0 when the gold has none.
    """
    items = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_pred = pred.get(a) is not None and pred.get(a) == pred.get(b)
        same_gold = gold[a] == gold[b]
        if same_pred and same_gold:
            tp += 1
        elif same_pred:
            fp += 1
        elif same_gold:
            fn += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, _f1(p, r)


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin) over the items of ``gold``."""
    items = sorted(gold)
    if not items:
        return 1.0, 1.0, 1.0
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for i in items:
        by_pred.setdefault(pred.get(i) or f"__alone_{i}", set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in items:
        cp = by_pred[pred.get(i) or f"__alone_{i}"]
        cg = by_gold[gold[i]]
        both = len(cp & cg)
        p += both / len(cp)
        r += both / len(cg)
    p, r = p / len(items), r / len(items)
    return p, r, _f1(p, r)


# -- running ---------------------------------------------------------------------


def _process(files: Sequence[Path]) -> tuple[list[Any], list[str]]:
    """DocumentResults of the files (real pipeline) and the files that failed."""
    from contention.extract import to_document
    from contention.ingest import iter_inputs
    from contention.model import Failure
    from contention.pipeline.core import process_document

    results, errors = [], []
    for item in iter_inputs([str(f) for f in files]):
        if isinstance(item, Failure):
            errors.append(item.source)
            continue
        try:
            results.append(process_document(to_document(item, None)))
        except Exception as exc:  # a case the engine fails on is scored as nothing found
            errors.append(f"{item.source}: {type(exc).__name__}: {exc}")
    return results, errors


def _cluster(results: Sequence[Any], *, one_by_one: bool, embed: Any) -> Any:
    from contention.dedup.update import update_clusters
    from contention.store.db import Store

    store = Store(":memory:")
    for res in results:
        store.save(res)
        if one_by_one:
            update_clusters(store, embed=embed)
    update_clusters(store, embed=embed)
    return store


def score_run(
    results: Sequence[Any], gold: Gold, embed: Any
) -> tuple[dict[str, float], dict[str, Any]]:
    """Cluster ``results`` (twice, in two orders) and score against ``gold``."""
    from contention.store import clusters as cs

    store = _cluster(results, one_by_one=False, embed=embed)
    store_rev = _cluster(list(reversed(results)), one_by_one=True, embed=embed)
    records = store.events()
    pred = {r["id"]: r["cluster_id"] for r in records}
    pred_rev = {r["id"]: r["cluster_id"] for r in store_rev.events()}
    file_of = {res.document.id: Path(res.document.url).name for res in results}
    labels: dict[str, str] = {}
    for r in records:
        doc = file_of.get(r["sources"][0]["doc_id"], "")
        for name in gold.documents.get(doc, ()):
            if gold.clusters[name].fits(r):
                labels[r["id"]] = name
                break
    pp, pr, pf = pairwise(pred, labels)
    bp, br, bf = bcubed(pred, labels)
    # Near-duplicate links against the gold wire-copy pairs (among the files run).
    id_of = {v: k for k, v in file_of.items()}
    gold_pairs = {
        tuple(sorted((id_of[a], id_of[b])))
        for a, b in gold.near_duplicates
        if a in id_of and b in id_of
    }
    found = {
        (a, b)
        for a, b, _ in cs.document_links(store, list(file_of))
        if a in file_of and b in file_of
    }
    nd_tp = len(found & gold_pairs)
    metrics = {
        "pairwise.precision": pp,
        "pairwise.recall": pr,
        "pairwise.f1": pf,
        "bcubed.precision": bp,
        "bcubed.recall": br,
        "bcubed.f1": bf,
        "order_independent": 1.0 if pred == pred_rev else 0.0,
        "near_duplicates.precision": nd_tp / len(found) if found else 1.0,
        "near_duplicates.recall": nd_tp / len(gold_pairs) if gold_pairs else 1.0,
        "n_reports": float(len(records)),
        "n_labelled": float(len(labels)),
        "n_unlabelled": float(len(records) - len(labels)),
        "n_gold_clusters": float(len(set(labels.values()))),
        "n_pred_clusters": float(len({pred[e] for e in labels})),
    }
    details = {"pred": pred, "pred_reversed": pred_rev, "labels": labels, "store": store}
    return metrics, details


def evaluate(
    folder: Path, limit: int | None = None, *, encoder: bool | None = None
) -> tuple[SuiteResult, dict[str, Any]]:
    """Run the evaluation; the result plus details (assignments, labels) for tests.

    ``encoder``: None uses the sentence encoder when it is installed (and then
    also reports the fallback without it under ``fallback.*``); True requires
    it; False never uses it.
    """
    from contention.dedup.update import default_embedder

    gold = load_gold(folder)
    names = take(sorted(gold.documents), limit)
    files = [folder / ARTICLES / n for n in names]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise SuiteDataMissing(f"golden articles not found: {', '.join(missing)}")
    results, errors = _process(files)
    embedder = default_embedder() if encoder is not False else None
    if encoder is True and embedder is None:
        raise SuiteDataMissing("the sentence encoder (contention.encode) is not available")
    metrics, details = score_run(results, gold, embedder if embedder is not None else False)
    res = SuiteResult(NAME, unit="documents")
    res.n = len(results)
    res.available = len(gold.documents)
    res.limit = limit
    res.errors = len(errors)
    res.metrics = {**metrics, "encoder": 1.0 if embedder is not None else 0.0}
    if embedder is not None and encoder is None:
        fallback, _ = score_run(results, gold, False)
        for key in ("pairwise.precision", "pairwise.recall", "bcubed.f1", "order_independent"):
            res.metrics[f"fallback.{key}"] = fallback[key]
    labels, pred = details["labels"], details["pred"]
    table = Table("gold cluster → our clusters (labelled reports)", ("gold", "reports", "ours"))
    for name in sorted(set(labels.values())):
        members = [e for e, g in labels.items() if g == name]
        ours = sorted({pred[e] for e in members})
        table.rows.append((name, len(members), " ".join(ours)))
    res.tables.append(table)
    res.notes.append(
        "clustered with the sentence encoder"
        if embedder is not None
        else "clustered without the sentence encoder (slot agreement and token overlap)"
    )
    res.notes += [f"failed: {e}" for e in errors]
    return res, details


def run(data: Path | None = None, limit: int | None = None) -> SuiteResult:
    """Evaluation-suite entry point (see :mod:`contention.eval.suite`)."""
    t0 = time.perf_counter()
    folder = data or default_dir()
    if not folder.is_dir():
        raise SuiteDataMissing(f"golden multi-source folder not found: {folder}")
    res, _ = evaluate(folder, limit)
    res.seconds = time.perf_counter() - t0
    return res


def main() -> None:  # pragma: no cover - thin CLI for people without the eval registry
    import sys

    res = run(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    for k, v in res.metrics.items():
        print(f"{k:28} {v:.4f}" if isinstance(v, float) else f"{k:28} {v}")
    for t in res.tables:
        print(f"\n{t.title}")
        for row in t.rows:
            print("  ", *row)
    for n in res.notes:
        print(n)


if __name__ == "__main__":  # pragma: no cover
    main()
