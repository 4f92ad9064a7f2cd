"""``contention bench``: the speed benchmark from the command line.

A thin wrapper over :func:`contention.bench.run.run_benchmark`: the report
(or its JSON with ``--json``) goes to stdout, progress to stderr.  Each phase
runs in its own spawned process pinned to one CPU; see
:mod:`contention.bench.run` for what each figure means.
"""

from __future__ import annotations

import json

import click


@click.command("bench")
@click.option(
    "--n",
    "n",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Generated articles per phase.",
)
@click.option(
    "--seed",
    type=int,
    default=7,
    show_default=True,
    help="Seed of the article generator (same seed, same articles).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
def bench_cmd(n: int, seed: int, as_json: bool) -> None:
    """Articles per second and peak memory: extraction alone vs the full pipeline."""
    from contention.bench.run import format_report, run_benchmark

    result = run_benchmark(
        n, seed=seed, progress=lambda phase: click.echo(f"running {phase} …", err=True)
    )
    click.echo(json.dumps(result, indent=2) if as_json else format_report(result))
