"""Speed benchmark: generated news pages through extraction alone and the full pipeline.

:mod:`contention.bench.articles` makes the input (deterministic, offline);
:mod:`contention.bench.run` measures articles per second and peak memory per
phase, each phase in a fresh process.  The figure we track is the ratio of
full-pipeline time to extraction-only time: trafilatura's cost is a floor we
do not control, so the ratio says how much our own stages add on top of it.

Entry point: :func:`contention.bench.run.run_benchmark` (not re-exported here,
so that ``python -m contention.bench.run`` does not import itself twice).
"""

from contention.bench.articles import Article, generate, generate_one

__all__ = ["Article", "generate", "generate_one"]
