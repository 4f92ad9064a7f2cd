"""The benchmark runner's bookkeeping (shape of the figures, ratios, report), not its speed."""

from __future__ import annotations

from typing import Any

import pytest

from contention.bench import run as bench_run


@pytest.fixture(autouse=True)
def no_pinning(monkeypatch: pytest.MonkeyPatch) -> None:
    # measure_phase runs in the test process here: never pin pytest to one CPU.
    monkeypatch.setattr(bench_run, "_pin_one_cpu", lambda: None)


def test_measure_extract_phase_in_process() -> None:
    r = bench_run.measure_phase("extract", 2, seed=7, trace_n=1)
    assert r["phase"] == "extract"
    assert (r["n"], r["ok"], r["failures"], r["first_error"]) == (2, 2, 0, None)
    assert r["pinned_cpu"] is None
    assert r["peak_rss_mb"] >= r["rss_after_inputs_mb"] >= r["rss_start_mb"] > 0
    assert r["tracemalloc_peak_mb"] > 0
    assert r["articles_per_s"] is not None and r["articles_per_s"] > 0


def test_failures_are_counted_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(phase: str, workdir: Any) -> tuple[Any, Any]:
        def step(raw: Any) -> int:
            raise RuntimeError("stage exploded")

        return step, lambda: None

    monkeypatch.setattr(bench_run, "_make_step", broken)
    r = bench_run.measure_phase("pipeline", 3, trace_n=0)
    assert (r["ok"], r["failures"]) == (0, 3)
    assert r["first_error"] == "RuntimeError: stage exploded"


def test_unknown_phase() -> None:
    with pytest.raises(ValueError, match="unknown phase"):
        bench_run.measure_phase("dedup", 1)


def _phase(name: str, seconds: float) -> dict[str, Any]:
    return {
        "phase": name,
        "n": 10,
        "ok": 10,
        "failures": 0,
        "first_error": None,
        "events": 5,
        "seconds": seconds,
        "cpu_seconds": seconds / 2,
        "articles_per_cpu_s": 20 / seconds,
        "load_1m": 1.5,
        "articles_per_s": 10 / seconds,
        "ms_per_article": 100 * seconds,
        "startup_s": 0.5,
        "peak_rss_mb": 100.0,
        "processing_rss_growth_mb": 1.0,
        "tracemalloc_peak_mb": 2.0,
        "pinned_cpu": 0,
    }


def test_ratios_and_report(monkeypatch: pytest.MonkeyPatch) -> None:
    seconds = {"extract": 1.0, "pipeline": 4.0, "store": 5.0}
    monkeypatch.setattr(
        bench_run, "_spawned", lambda phase, n, seed, trace_n: _phase(phase, seconds[phase])
    )
    seen: list[str] = []
    result = bench_run.run_benchmark(10, seed=3, progress=seen.append)
    assert seen == ["extract", "pipeline", "store"]
    assert result["ratios"] == {
        "pipeline_to_extract": 4.0,
        "store_to_extract": 5.0,
        "pipeline_to_extract_cpu": 4.0,
        "store_to_extract_cpu": 5.0,
    }
    assert result["command"] == "python -m contention.bench.run --n 10 --seed 3"
    assert result["machine"]["nproc"] >= 1
    text = bench_run.format_report(result)
    assert "pipeline to extract: 4.00x wall time" in text
    assert "pipeline to extract: 4.00x CPU time" in text
    assert "pinned to cpu: 0; 1-min load average at phase start: 1.50, 1.50, 1.50" in text


def test_n_must_be_positive() -> None:
    with pytest.raises(ValueError):
        bench_run.run_benchmark(0)
