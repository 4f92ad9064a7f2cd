"""What the encoder filter adds to the cost of an article (issue: at most +50 %).

Usage::

    python -m contention.encode.cost --n 300             # benchmark pages, extraction included
    python -m contention.encode.cost --samples --reps 5  # bundled samples (plain text)

Method (why it looks like this): the machine is shared, so two separate runs
(filter off, then on) differ by more than the effect.  Here each article is
processed twice in a row in one process pinned to one CPU, once with
``CONTENTION_ENCODER`` off and once on, and the CPU time of each pass is
summed separately; the time spent inside ``filter_with_encoder`` is also
summed.  A warm-up pass over every input loads the gazetteer, the lexicons and
the encoder first, so load time (reported apart) never counts per article.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from contention.events import typing_signal


def _inputs(n: int, samples: bool, seed: int) -> list[Callable[[], int]]:
    """One zero-argument job per article; each returns the number of events."""
    from contention.pipeline.core import process_document, process_text

    if samples:
        from contention.eval.golden import samples_dir

        def text_job(text: str) -> Callable[[], int]:
            return lambda: len(process_text(text).events)

        return [
            text_job(p.read_text(encoding="utf-8")) for p in sorted(samples_dir().glob("*.txt"))
        ]

    from contention.bench.articles import generate_one
    from contention.extract import to_document
    from contention.ingest.raw import RawDocument

    def page_job(raw: RawDocument) -> Callable[[], int]:
        return lambda: len(process_document(to_document(raw)).events)

    jobs: list[Callable[[], int]] = []
    for i in range(n):
        art = generate_one(i, seed)
        jobs.append(page_job(RawDocument(art.url, art.html.encode(), "html", url=art.url)))
    return jobs


class _Meter:
    """CPU seconds spent inside ``typing_signal.filter_with_encoder``."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._inner = typing_signal.filter_with_encoder

    def __call__(self, *args: Any) -> Any:
        start = time.process_time()
        try:
            return self._inner(*args)
        finally:
            self.seconds += time.process_time() - start


def _switch(on: bool) -> None:
    os.environ[typing_signal.ENV] = "filter" if on else "off"


def _cycle(jobs: Sequence[Callable[[], int]], reps: int) -> Iterator[Callable[[], int]]:
    for _ in range(reps):
        yield from jobs


def measure(jobs: Sequence[Callable[[], int]], reps: int = 1) -> dict[str, float | int]:
    """Paired off/on CPU time per article; see the module docstring."""
    meter = _Meter()
    typing_signal.filter_with_encoder = meter  # type: ignore[assignment]
    try:
        t = time.perf_counter()
        typing_signal.judge_texts(["Workers went on strike."], ["PROTEST"])  # model + prototypes
        load_s = time.perf_counter() - t
        t0 = time.perf_counter()
        _switch(False)
        for job in jobs:
            job()
        t1 = time.perf_counter()
        _switch(True)
        for job in jobs:
            job()
        warm_on = time.perf_counter() - t1
        meter.seconds = 0.0
        off = on = 0.0
        events_off = events_on = articles = 0
        for job in _cycle(jobs, reps):
            _switch(False)
            c = time.process_time()
            events_off += job()
            off += time.process_time() - c
            _switch(True)
            c = time.process_time()
            events_on += job()
            on += time.process_time() - c
            articles += 1
    finally:
        typing_signal.filter_with_encoder = meter._inner
        os.environ.pop(typing_signal.ENV, None)
    return {
        "articles": articles,
        "ms_off": round(off / articles * 1000, 2),
        "ms_on": round(on / articles * 1000, 2),
        "ms_encoder": round(meter.seconds / articles * 1000, 2),
        "added_pct": round((on - off) / off * 100, 1),
        "encoder_share_pct": round(meter.seconds / (on - meter.seconds) * 100, 1),
        "articles_per_cpu_s_off": round(articles / off, 2),
        "articles_per_cpu_s_on": round(articles / on, 2),
        "events_off": events_off,
        "events_on": events_on,
        "encoder_load_s": round(load_s, 2),
        "warmup_off_s": round(t1 - t0, 2),
        "warmup_on_s": round(warm_on, 2),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="benchmark pages")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--samples", action="store_true", help="bundled samples instead")
    parser.add_argument("--reps", type=int, default=1, help="passes over the inputs")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    result = measure(_inputs(args.n, args.samples, args.seed), args.reps)
    result["load_1m"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
