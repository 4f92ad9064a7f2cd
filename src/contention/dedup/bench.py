"""Scale benchmark of the clusterer: 10k, 100k, 1M synthetic document events on one core.

Run::

    .venv/bin/python -m contention.dedup.bench --n 10000 --n 100000 --n 1000000 [--json]

What is measured: :class:`contention.dedup.cluster.Clusterer` adding every
item (blocking, pairwise rules, union-find) — the work an ingest does per new
event — on items generated directly (the pipeline and the database are not
part of it; ``docs/benchmarks.md`` measures those).  Each size runs in its own
freshly spawned process pinned to one CPU, so peak memory (``VmHWM``) is that
size's alone; *+RSS* is what generation and clustering added to the idle
interpreter.

The synthetic world (seeded, so the same ``--seed`` gives the same items):
``n / 4`` real-world events over ten years in 2,000 cities of 60 countries
(country sizes Zipf-like, so a few blocks are crowded), each told by 1–12
reports (mean ≈ 4).  A report keeps its event's type and mode, shifts the day
by one in 15 % of cases, gives a 5-day range in 5 %, names the country
instead of the city in 10 %, and draws its description tokens mostly from the
event's own words — the conditions the rules meet on real news.  The
generator also knows the true event of each report, so the run reports the
pairwise precision and recall of the clusters on a 20,000-report sample.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from typing import Any

from contention.dedup.cluster import Clusterer
from contention.dedup.items import Item

TYPES: dict[str, tuple[str, ...]] = {
    "PROTEST": ("demonstrate", "riot", "strike", "obstruct"),
    "COERCE": ("arrest", "disperse", "curfew"),
    "ASSAULT": ("firearms", "kill"),
    "MOBILIZE": ("troops",),
    "CONCEDE": ("policy", "resign"),
}
LANGS = ("en", "it", "es", "fr", "de", "pt", "ru")
ACTORS = ("workers", "students", "police", "government", "union", "unemployed")
SECTORS = (None, None, "education", "transport", "health", "oil", "manufacturing")
DAYS = 3650
START_DAY = 737_425  # 2020-01-01


def _rss_kb(field: str = "VmHWM") -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def generate(n: int, seed: int = 7) -> Iterator[tuple[Item, int]]:
    """``n`` synthetic items with the index of their true event, in random order of id."""
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    weights = [1.0 / (i + 1) for i in range(60)]
    cities = []
    for i in range(2000):
        c = rng.choices(countries, weights)[0]
        cities.append(
            (
                f"city{i}",
                c,
                f"{c}-r{rng.randrange(8)}",
                rng.uniform(-60, 60),
                rng.uniform(-170, 170),
            )
        )
    vocab = [f"w{i}" for i in range(20_000)]
    made = 0
    event = 0
    while made < n:
        city, country, admin1, lat, lon = rng.choice(cities)
        type_ = rng.choice(list(TYPES))
        mode = rng.choice(TYPES[type_])
        day = START_DAY + rng.randrange(DAYS)
        actor = rng.choice(ACTORS)
        sector = rng.choice(SECTORS)
        words = rng.sample(vocab, 12)
        reports = min(n - made, 1 + min(11, int(rng.expovariate(1 / 3.0))))
        for _ in range(reports):
            r = rng.random()
            d0, d1 = day, day
            if r < 0.15:
                d0 = d1 = day + rng.choice((-1, 1))
            elif r < 0.20:
                d0, d1 = day - 4, day
            coarse = rng.random() < 0.10
            toks = frozenset(rng.sample(words, 7) + rng.sample(vocab, 4))
            made += 1
            yield (
                Item(
                    event_id=f"evt_{rng.getrandbits(64):016x}",
                    doc_id=f"doc_{made}",
                    type=type_,
                    mode=mode if rng.random() > 0.1 else None,
                    reality="happened",
                    day_start=d0,
                    day_end=d1,
                    date_precision="day" if d0 == d1 else "range",
                    country=country,
                    admin1=admin1,
                    place=country.lower() if coarse else city,
                    geonames_id=0,
                    lat=None if coarse else lat,
                    lon=None if coarse else lon,
                    place_precision="country" if coarse else "city",
                    actors=frozenset((actor,)) if rng.random() > 0.3 else frozenset(),
                    who=frozenset(),
                    sector=sector,
                    tokens=toks,
                    language=rng.choice(LANGS),
                    published=d1 + rng.randrange(3),
                ),
                event,
            )
        event += 1


def _pairwise_sample(c: Clusterer, truth: list[int], sample: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    idx = sorted(rng.sample(range(len(truth)), min(sample, len(truth))))
    by_true: dict[int, list[int]] = {}
    by_pred: dict[int, list[int]] = {}
    for i in idx:
        by_true.setdefault(truth[i], []).append(i)
        by_pred.setdefault(c.find(i), []).append(i)

    def pairs(groups: dict[int, list[int]]) -> set[tuple[int, int]]:
        return {(a, b) for g in groups.values() for k, a in enumerate(g) for b in g[k + 1 :]}

    t, p = pairs(by_true), pairs(by_pred)
    tp = len(t & p)
    return {
        "precision": tp / len(p) if p else 1.0,
        "recall": tp / len(t) if t else 1.0,
    }


def run_one(n: int, seed: int = 7) -> dict[str, Any]:
    """Generate and cluster ``n`` items in this process; figures of the run."""
    base = _rss_kb("VmRSS")
    t0 = time.perf_counter()
    data = list(generate(n, seed))
    items = [it for it, _ in data]
    truth = [e for _, e in data]
    del data
    t_gen = time.perf_counter() - t0
    rss_gen = _rss_kb("VmRSS")
    c = Clusterer()
    t1, c1 = time.perf_counter(), time.process_time()
    for it in items:
        c.add(it)
    wall, cpu = time.perf_counter() - t1, time.process_time() - c1
    clusters = sum(1 for _ in c.components())
    quality = _pairwise_sample(c, truth, 20_000, seed)
    return {
        "n": n,
        "seed": seed,
        "generate_s": round(t_gen, 2),
        "cluster_wall_s": round(wall, 2),
        "cluster_cpu_s": round(cpu, 2),
        "items_per_s": round(n / wall) if wall else None,
        "comparisons": c.comparisons,
        "comparisons_per_item": round(c.comparisons / n, 2),
        "clusters": clusters,
        "true_events": max(truth) + 1 if truth else 0,
        "peak_rss_mb": round(_rss_kb("VmHWM") / 1024, 1),
        "rss_base_mb": round(base / 1024, 1),
        "rss_items_mb": round((rss_gen - base) / 1024, 1),
        "rss_added_mb": round((_rss_kb("VmRSS") - base) / 1024, 1),
        "sample_pairwise_precision": round(quality["precision"], 4),
        "sample_pairwise_recall": round(quality["recall"], 4),
    }


def _child(n: int, seed: int, cpu: int | None, out: Any) -> None:
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})
    out.put(run_one(n, seed))


def run_isolated(n: int, seed: int = 7, cpu: int | None = 0) -> dict[str, Any]:
    """:func:`run_one` in a freshly spawned process pinned to ``cpu``."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(n, seed, cpu, q))
    p.start()
    result: dict[str, Any] = q.get()
    p.join()
    return result


def format_table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| n | cluster s (wall / CPU) | items/s | comparisons/item | clusters (true) "
        "| peak RSS MB | +RSS items / total MB | sample P / R |"
    )
    lines = [head, "|" + "---|" * 8]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['cluster_wall_s']} / {r['cluster_cpu_s']} | {r['items_per_s']:,} "
            f"| {r['comparisons_per_item']} | {r['clusters']:,} ({r['true_events']:,}) "
            f"| {r['peak_rss_mb']} | {r['rss_items_mb']} / {r['rss_added_mb']} "
            f"| {r['sample_pairwise_precision']} / {r['sample_pairwise_recall']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m contention.dedup.bench", description=__doc__)
    ap.add_argument("--n", type=int, action="append", help="items (repeatable)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cpu", type=int, default=0, help="CPU to pin to (-1: no pinning)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = []
    for n in args.n or [10_000]:
        print(f"clustering {n:,} items …", file=sys.stderr)
        rows.append(run_isolated(n, args.seed, None if args.cpu < 0 else args.cpu))
    print(json.dumps(rows, indent=2) if args.json else format_table(rows))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
