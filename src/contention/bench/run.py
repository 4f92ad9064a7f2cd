"""Measure articles per second and peak memory, extraction alone versus the full pipeline.

Phases (each in its own freshly spawned process, so one phase's imports,
caches and high-water RSS never leak into the next):

``extract``
    HTML bytes → :func:`contention.extract.to_document` (trafilatura + our
    clean-up).  The floor: a page cannot be processed faster than it is read.
``pipeline``
    ``to_document`` then :func:`contention.pipeline.core.process_document`
    (segment, annotate, detect, assemble).
``store``
    as ``pipeline``, then ``Store(<temp SQLite file>).save(result)``.

In each phase the process pins itself to one CPU (``os.sched_setaffinity``,
Linux only; ``pinned_cpu`` is ``None`` where that is unavailable), generates
its inputs (not timed), then processes one extra warm-up page: imports and
one-time loading (gazetteer index, language identifier, lexicons, database
schema) happen there and are reported as ``startup_s``, never in the rate.
The timed loop then processes the ``n`` pages, discarding each result.

Memory, per phase (MB = 2**20 bytes):

- ``peak_rss_mb``: the process's high-water RSS at the end (whole interpreter;
  ``VmHWM`` on Linux, ``ru_maxrss`` elsewhere — see ``_max_rss_mb``);
- ``startup_rss_growth_mb``: high-water RSS added by the warm-up page;
- ``processing_rss_growth_mb``: high-water RSS added by the timed loop;
- ``tracemalloc_peak_mb``: peak Python-heap bytes allocated and still alive
  while processing ``trace_n`` further pages, traced in a separate pass after
  the timed one (tracemalloc slows Python down several-fold, so it never runs
  during timing).  It is the per-document working set plus any cache growth.

A page that fails is counted in ``failures`` (with the first error message)
and the loop goes on: a benchmark of a broken pipeline should say so, not die.

Run: ``python -m contention.bench.run --n 1000`` or ``contention bench``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from contention.bench.articles import generate_one
from contention.ingest.raw import RawDocument

PHASES = ("extract", "pipeline", "store")
DEFAULT_TRACE_N = 100
# Names the commit when the code runs from an export without .git.
COMMIT_ENV = "CONTENTION_BENCH_COMMIT"
_MB = 1024 * 1024

Step = Callable[[RawDocument], int]


def _pin_one_cpu() -> int | None:
    """Restrict this process to the first CPU it may use; that CPU, or None."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    except OSError:
        return None
    return cpu


def _max_rss_mb() -> float:
    """High-water resident set size of this process, in MB.

    Linux: ``VmHWM`` from ``/proc/self/status`` — the same high-water mark as
    ``ru_maxrss``, except that ``ru_maxrss`` survives ``exec`` and so starts a
    spawned child at its parent's size when the parent was larger.
    Elsewhere: ``ru_maxrss`` (macOS reports bytes, the BSDs kilobytes).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / _MB if sys.platform == "darwin" else peak / 1024


def _raw(index: int, seed: int) -> RawDocument:
    article = generate_one(index, seed)
    return RawDocument(
        source=article.url, data=article.html.encode("utf-8"), kind="html", url=article.url
    )


def _make_step(phase: str, workdir: Path) -> tuple[Step, Callable[[], None]]:
    """The per-page work of ``phase`` (returns the number of events) and its clean-up."""
    from contention.extract import to_document

    if phase == "extract":

        def extract_only(raw: RawDocument) -> int:
            to_document(raw)
            return 0

        return extract_only, lambda: None

    from contention.pipeline.core import process_document

    if phase == "pipeline":

        def full(raw: RawDocument) -> int:
            return len(process_document(to_document(raw)).events)

        return full, lambda: None
    if phase == "store":
        from contention.store.db import Store

        store = Store(workdir / "bench.db")

        def stored(raw: RawDocument) -> int:
            result = process_document(to_document(raw))
            store.save(result)
            return len(result.events)

        return stored, store.close
    raise ValueError(f"unknown phase {phase!r}; expected one of {', '.join(PHASES)}")


def _loop(step: Step, raws: Sequence[RawDocument]) -> tuple[int, int, str | None]:
    """Events found, pages failed, first error (``Type: message``) over ``raws``."""
    events = failures = 0
    first_error: str | None = None
    for raw in raws:
        try:
            events += step(raw)
        except Exception as exc:
            failures += 1
            if first_error is None:
                first_error = f"{type(exc).__name__}: {exc}"
    return events, failures, first_error


def measure_phase(
    phase: str, n: int, seed: int = 7, trace_n: int = DEFAULT_TRACE_N
) -> dict[str, Any]:
    """Run one phase in *this* process and return its figures.

    Call it in a fresh process (``run_benchmark`` does): RSS is a high-water
    mark of the whole process, so anything loaded earlier would count.
    Pages ``0..n-1`` are timed; page ``-1`` is the warm-up; pages
    ``n..n+trace_n-1`` feed the tracemalloc pass (fresh pages, so the store
    phase really writes them instead of skipping duplicates).
    """
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}; expected one of {', '.join(PHASES)}")
    cpu = _pin_one_cpu()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    rss_start = _max_rss_mb()
    raws = [_raw(i, seed) for i in range(n)]
    traced = [_raw(n + i, seed) for i in range(trace_n)]
    warm = _raw(-1, seed)
    input_mb = sum(len(r.data) for r in raws) / _MB
    rss_inputs = _max_rss_mb()

    with tempfile.TemporaryDirectory(prefix="contention-bench-") as tmp:
        t0 = time.perf_counter()
        step, close = _make_step(phase, Path(tmp))
        try:
            _, warm_failed, warm_error = _loop(step, [warm])
            startup_s = time.perf_counter() - t0
            rss_warm = _max_rss_mb()

            gc.collect()
            cpu0, t1 = time.process_time(), time.perf_counter()
            events, failures, first_error = _loop(step, raws)
            seconds = time.perf_counter() - t1
            cpu_seconds = time.process_time() - cpu0
            rss_end = _max_rss_mb()

            gc.collect()
            tracemalloc.start()
            _loop(step, traced)
            _, traced_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        finally:
            close()

    return {
        "phase": phase,
        "n": n,
        "ok": n - failures,
        "failures": failures,
        "first_error": first_error or (warm_error if warm_failed else None),
        "events": events,
        "input_mb": round(input_mb, 2),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "articles_per_s": round(n / seconds, 2) if seconds > 0 else None,
        "articles_per_cpu_s": round(n / cpu_seconds, 2) if cpu_seconds > 0 else None,
        "ms_per_article": round(1000 * seconds / n, 3) if n else None,
        "startup_s": round(startup_s, 3),
        "rss_start_mb": round(rss_start, 1),
        "rss_after_inputs_mb": round(rss_inputs, 1),
        "startup_rss_growth_mb": round(rss_warm - rss_inputs, 1),
        "processing_rss_growth_mb": round(rss_end - rss_warm, 1),
        "peak_rss_mb": round(rss_end, 1),
        "tracemalloc_peak_mb": round(traced_peak / _MB, 2),
        "trace_n": trace_n,
        "pinned_cpu": cpu,
        "load_1m": round(load, 2) if load is not None else None,
    }


def _spawned(phase: str, n: int, seed: int, trace_n: int) -> dict[str, Any]:
    """``measure_phase`` in a new interpreter (spawn, not fork: nothing inherited)."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(measure_phase, phase, n, seed, trace_n).result()


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def _git(*args: str) -> str | None:
    root = Path(__file__).resolve().parents[3]
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def machine() -> dict[str, Any]:
    """Where and on what the figures were taken."""
    from importlib.metadata import PackageNotFoundError, version

    def ver(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--untracked-files=no") if commit else None
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        # Outside a git checkout (e.g. a `git archive` export) the caller names the commit.
        "commit": commit or os.environ.get(COMMIT_ENV),
        "dirty": bool(dirty) if dirty is not None else None,
        "nproc": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "trafilatura": ver("trafilatura"),
        "lxml": ver("lxml"),
    }


def _store_available() -> bool:
    from importlib.util import find_spec

    try:
        return find_spec("contention.store.db") is not None
    except ImportError:
        return False


def run_benchmark(
    n: int = 1000,
    *,
    seed: int = 7,
    phases: Sequence[str] = PHASES,
    trace_n: int = DEFAULT_TRACE_N,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Every phase in its own spawned process; figures, machine and ratios.

    ``ratios`` divide time per article: ``pipeline_to_extract`` is how many
    times longer a page takes through the whole pipeline than through
    extraction alone (the figure tracked across commits); the ``_cpu``
    variants divide process CPU time instead of wall time, which holds up
    better when other work shares the machine.  The ``store``
    phase is skipped when ``contention.store.db`` is absent.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    results: dict[str, dict[str, Any]] = {}
    for phase in phases:
        if phase == "store" and not _store_available():
            continue
        if progress is not None:
            progress(phase)
        results[phase] = _spawned(phase, n, seed, trace_n)

    def ratio(slow: str, key: str = "seconds") -> float | None:
        a, b = results.get(slow), results.get("extract")
        if not a or not b or not b[key]:
            return None
        return round(float(a[key]) / float(b[key]), 2)

    return {
        "n": n,
        "seed": seed,
        "machine": machine(),
        "phases": results,
        "ratios": {
            "pipeline_to_extract": ratio("pipeline"),
            "store_to_extract": ratio("store"),
            "pipeline_to_extract_cpu": ratio("pipeline", "cpu_seconds"),
            "store_to_extract_cpu": ratio("store", "cpu_seconds"),
        },
        "command": f"python -m contention.bench.run --n {n} --seed {seed}",
    }


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of ``run_benchmark``'s result."""
    m = result["machine"]
    lines = [
        f"contention benchmark: n={result['n']} seed={result['seed']} "
        f"commit={m['commit']}{' (dirty)' if m.get('dirty') else ''}",
        f"machine: {m['cpu_model']}, nproc={m['nproc']}, python {m['python']}, "
        f"trafilatura {m['trafilatura']}",
        "",
        f"{'phase':<9} {'art/s':>8} {'art/cpu-s':>9} {'ms/art':>8} {'startup s':>9} "
        f"{'peak RSS':>9} {'+RSS run':>9} {'tracemalloc':>11} {'failed':>6} {'events':>7}",
    ]
    for name, r in result["phases"].items():
        lines.append(
            f"{name:<9} {r['articles_per_s'] or 0:>8.1f} {r['articles_per_cpu_s'] or 0:>9.1f} "
            f"{r['ms_per_article'] or 0:>8.2f} "
            f"{r['startup_s']:>9.2f} {r['peak_rss_mb']:>7.0f}MB "
            f"{r['processing_rss_growth_mb']:>7.1f}MB {r['tracemalloc_peak_mb']:>9.1f}MB "
            f"{r['failures']:>6} {r['events']:>7}"
        )
    pinned = {r["pinned_cpu"] for r in result["phases"].values()}
    lines.append("")
    loads = [r["load_1m"] for r in result["phases"].values() if r.get("load_1m") is not None]
    lines.append(
        f"pinned to cpu: {', '.join(str(c) for c in sorted(pinned, key=str))}; "
        f"1-min load average at phase start: {', '.join(f'{x:.2f}' for x in loads) or '?'}"
    )
    for key, value in result["ratios"].items():
        if value is not None:
            what = "CPU time" if key.endswith("_cpu") else "wall time"
            name = key.removesuffix("_cpu").replace("_", " ")
            lines.append(f"{name}: {value:.2f}x {what} per article")
    errors = {n: r["first_error"] for n, r in result["phases"].items() if r["first_error"]}
    for name, error in errors.items():
        lines.append(f"first error in {name}: {error}")
    return "\n".join(lines)


def profile_pipeline(n: int = 50, *, seed: int = 7, top: int = 10) -> str:
    """cProfile of ``to_document`` + ``process_document`` over ``n`` pages, by cumulative time.

    The warm-up page runs before profiling starts, so one-time loading is
    not in the listing.
    """
    import cProfile
    import io
    import pstats

    step, close = _make_step("pipeline", Path(tempfile.gettempdir()))
    raws = [_raw(i, seed) for i in range(n)]
    _loop(step, [_raw(-1, seed)])
    profiler = cProfile.Profile()
    profiler.enable()
    _loop(step, raws)
    profiler.disable()
    close()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m contention.bench.run``: all phases, one phase, or a profile."""
    parser = argparse.ArgumentParser(prog="python -m contention.bench.run")
    parser.add_argument("--n", type=int, default=1000, help="pages to time (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--trace-n", type=int, default=DEFAULT_TRACE_N)
    parser.add_argument(
        "--phase", choices=PHASES, help="run one phase in this process and print its JSON"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="cProfile the pipeline over N pages instead"
    )
    args = parser.parse_args(argv)
    if args.profile:
        print(profile_pipeline(args.profile, seed=args.seed, top=25))
        return 0
    if args.phase:
        print(json.dumps(measure_phase(args.phase, args.n, args.seed, args.trace_n), indent=2))
        return 0
    result = run_benchmark(
        args.n,
        seed=args.seed,
        trace_n=args.trace_n,
        progress=lambda p: print(f"running {p} …", file=sys.stderr),
    )
    print(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
