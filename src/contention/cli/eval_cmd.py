"""``contention eval SUITE``: score the engine on an evaluation set, report, gate.

Output discipline as in the rest of the CLI: readable tables go to stdout,
progress and errors to stderr; with ``--json`` the LAST line of stdout is one
JSON object with every figure (scripts read ``tail -n 1``).

Exit codes: 0 when every requested suite ran (and, with ``--gate``, no figure
fell below its floor); 1 when a suite could not run (its data is missing, or it
crashed) or the gate failed; 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from contention.eval import gate as gate_mod
from contention.eval import report
from contention.eval.registry import SUITES, names
from contention.eval.suite import SuiteDataMissing, SuiteResult, repo_root


def parse_limits(values: tuple[str, ...], suites: list[str]) -> dict[str, int | None]:
    """``--limit N`` (every suite) and ``--limit SUITE=N`` (one suite; wins over N)."""
    out: dict[str, int | None] = dict.fromkeys(suites)
    per: dict[str, int] = {}
    for raw in values:
        name, sep, num = raw.rpartition("=")
        try:
            n = int(num)
        except ValueError:
            raise click.BadParameter(
                f"{raw!r}: expected N or SUITE=N", param_hint="--limit"
            ) from None
        if n < 1:
            raise click.BadParameter(f"{raw!r}: N must be at least 1", param_hint="--limit")
        if sep:
            if name not in SUITES:
                raise click.BadParameter(f"unknown suite {name!r}", param_hint="--limit")
            per[name] = n
        else:
            out = dict.fromkeys(suites, n)
    for name, n in per.items():
        if name in out:
            out[name] = n
    return out


def _command(suite: str, limits: tuple[str, ...], data: Path | None, gate: Path | None) -> str:
    parts = ["contention", "eval", suite]
    if data is not None:
        parts += ["--data", str(data)]
    parts += [f"--limit {v}" for v in limits]
    if gate is not None:
        parts += ["--gate", str(gate)]
    return " ".join(parts)


def _run_one(name: str, data: Path | None, limit: int | None) -> SuiteResult:
    click.echo(f"eval: {name} …", err=True)
    t0 = time.perf_counter()
    res = SUITES[name].run(data, limit)
    click.echo(f"eval: {name} done in {time.perf_counter() - t0:.1f} s", err=True)
    return res


@click.argument("suite", type=click.Choice([*names(), "all"]))
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    help="Suite folder (for `all`: the folder holding every suite). "
    "Default: ../shared/eval/<suite>; golden: tests/golden.",
)
@click.option(
    "--limit",
    multiple=True,
    metavar="N|SUITE=N",
    help="Score a fixed, evenly spread subset of N cases (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON (last line).")
@click.option(
    "--gate",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Baseline JSON with floors: exit 1 when a figure is below its floor.",
)
@click.option(
    "--doc",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the markdown report here (`all`; default docs/evaluation.md).",
)
@click.option("--no-doc", is_flag=True, help="Do not write the markdown report.")
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write floors (measured - margin) for the headline figures of the suites run.",
)
@click.option(
    "--margin", type=float, default=0.02, show_default=True, help="Floor margin below the figure."
)
def eval_main(
    suite: str,
    data: Path | None,
    limit: tuple[str, ...],
    as_json: bool,
    gate: Path | None,
    doc: Path | None,
    no_doc: bool,
    write_baseline: Path | None,
    margin: float,
) -> None:
    """Score the engine on an evaluation SUITE (or `all`) from ../shared/eval.

    \b
    Suites: case2021-task2, india-police-events, universalpetrarch, geowebnews,
            tempeval3-platinum, event-location, golden, own-plover, paraphrase,
            golden-dedup, all.
    --limit N takes N cases spread evenly over each set (item i*len//N): a fixed,
    deterministic subset.  `all` rewrites docs/evaluation.md after a full run
    without --gate (or writes wherever --doc says, even with limits).
    --gate BASELINE fails (exit 1) when a figure falls below its floor;
    --write-baseline FILE writes floors (measured minus --margin).  Without
    --limit both use the limits stored in the baseline.
    """
    selected = names() if suite == "all" else [suite]
    baseline = None
    if gate is not None:
        try:
            baseline = gate_mod.load_baseline(gate)
        except gate_mod.BaselineError as exc:
            raise click.UsageError(str(exc)) from None
    limits = parse_limits(limit, selected)
    if not limit:
        # without --limit, a baseline's own limits apply: the gate and a rewrite of the
        # floors then score exactly the subset the floors were measured on
        source = baseline
        if source is None and write_baseline is not None and write_baseline.is_file():
            try:
                source = gate_mod.load_baseline(write_baseline)
            except gate_mod.BaselineError as exc:
                raise click.UsageError(str(exc)) from None
        if source is not None:
            limits = {n: source.limits.get(n) for n in selected}
    results: dict[str, SuiteResult] = {}
    failed: dict[str, str] = {}
    for name in selected:
        suite_data = data
        if data is not None and suite == "all" and not SUITES[name].local:
            suite_data = data / name
        elif data is not None and suite == "all":
            suite_data = None
        try:
            res = _run_one(name, suite_data, limits.get(name))
            if res.errors:
                click.echo(f"warning: {name}: {res.errors} case(s) failed in the engine", err=True)
            if res.n and res.errors >= res.n:
                # nothing was measured: every figure would be a meaningless zero
                first = next((n for n in res.notes if "failed" in n), "")
                raise RuntimeError(f"the engine failed on every case; {first}")
            results[name] = res
        except SuiteDataMissing as exc:
            failed[name] = str(exc)
            click.echo(f"error: {name}: {exc}", err=True)
        except Exception as exc:
            failed[name] = f"crashed: {type(exc).__name__}: {exc}"
            click.echo(f"error: {name}: {failed[name]}", err=True)
    for res in results.values():
        click.echo(report.text(res))
        click.echo("")
    command = _command(suite, limit, data, gate)
    # the report describes full runs; a gate run (CI) leaves it alone unless --doc says so
    full = not any(limits.values()) and gate is None
    if suite == "all" and not no_doc and (doc is not None or full):
        target = doc or repo_root() / "docs" / "evaluation.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(report.markdown(results, failed, command), encoding="utf-8")
        click.echo(f"eval: wrote {target}", err=True)
    if write_baseline is not None:
        doc_obj = gate_mod.make_baseline(
            results,
            {n: SUITES[n].headline for n in results},
            {n: limits.get(n) for n in results},
            margin,
            report.git_commit(),
        )
        write_baseline.parent.mkdir(parents=True, exist_ok=True)
        write_baseline.write_text(json.dumps(doc_obj, indent=2) + "\n", encoding="utf-8")
        click.echo(f"eval: wrote {write_baseline}", err=True)
    breaches: list[gate_mod.Breach] = []
    if baseline is not None:
        only = {k: v for k, v in baseline.floors.items() if k in selected}
        breaches = gate_mod.check(results, gate_mod.Baseline(baseline.limits, only))
        for b in breaches:
            click.echo(f"GATE FAIL {b.describe()}", err=True)
        if not breaches:
            click.echo(f"gate: every figure at or above its floor ({gate})", err=True)
    if as_json:
        payload: dict[str, object]
        if suite == "all":
            payload = {
                "suites": {n: r.as_json() for n, r in results.items()},
                "failed": failed,
                "seconds": round(sum(r.seconds for r in results.values()), 2),
            }
        elif results:
            payload = results[suite].as_json()
        else:
            payload = {"suite": suite, "failed": failed.get(suite, "")}
        if baseline is not None:
            payload["gate"] = {
                "baseline": str(gate),
                "passed": not breaches and not failed,
                "breaches": [b.describe() for b in breaches],
            }
        sys.stdout.flush()
        click.echo(json.dumps(payload, sort_keys=False))
    if failed or breaches:
        raise SystemExit(1)


eval_cmd = click.command("eval")(eval_main)
