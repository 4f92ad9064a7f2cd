"""Events told without trigger words: the encoder's classifier on our held-out sentences.

Data: ``tests/encode/data/typing_heldout.toml`` — 30 sentences per language in
all seven, labelled PROTEST, COERCE, ASSAULT, MOBILIZE, CONCEDE or NONE, written
for this project separately from the classifier's training sentences
(``lang/*/typing.toml``); in each event type most sentences avoid the type's
usual words, and most NONE sentences are hard negatives (sports, war, diplomatic
protests, calls for a future strike).

Three readings of every sentence are scored, per type, over sentences
(precision, recall, F1; pooled micro F1 over the five event types):

* ``classifier`` — the classifier alone (:mod:`contention.events.paraphrase`),
  its label kept when its probability reaches ``P_FLOOR``;
* ``lexicon`` — the whole pipeline as shipped (lexicons and the encoder's
  filter; the classifier is off by default): the events that happened, by type;
* ``pipeline`` — the whole pipeline with the classifier switched on
  (``CONTENTION_PARAPHRASE=on``).

``pipeline`` minus ``lexicon`` is what the classifier adds to a user's results.
A one-sentence report rarely gives a place, a date and a count, and a weak
classifier mention founds an event only with one of them, so ``pipeline`` is a
lower bound of what the classifier adds inside real articles.
"""

from __future__ import annotations

import os
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from contention.eval import metrics
from contention.eval.engine import Engine, counted
from contention.eval.suite import (
    SuiteDataMissing,
    SuiteResult,
    Table,
    repo_root,
    score_label_sets,
    take,
)

NAME = "paraphrase"
FILE = "typing_heldout.toml"
TYPES = ("PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE")


def default_dir() -> Path:
    return repo_root() / "tests" / "encode" / "data"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        cases: list[dict[str, Any]] = tomllib.load(fh).get("case", [])
    return cases


@contextmanager
def _classifier(on: bool) -> Iterator[None]:
    from contention.events import paraphrase

    before = os.environ.get(paraphrase.ENV)
    os.environ[paraphrase.ENV] = "on" if on else "off"
    try:
        yield
    finally:
        if before is None:
            del os.environ[paraphrase.ENV]
        else:
            os.environ[paraphrase.ENV] = before


def run(data: Path, limit: int | None = None) -> SuiteResult:
    from contention.events import paraphrase

    t0 = time.perf_counter()
    path = data / FILE
    if not path.is_file():
        raise SuiteDataMissing(f"held-out sentences not found: {path}")
    cases = load(path)
    subset = take(cases, limit)
    res = SuiteResult(NAME, limit=limit, unit="sentences")
    res.available, res.n = len(cases), len(subset)
    gold = [{c["label"]} & set(TYPES) for c in subset]
    readings = paraphrase.classify([c["text"] for c in subset])
    by_classifier = [
        {r.label} & set(TYPES) if r.probability >= paraphrase.P_FLOOR else set() for r in readings
    ]
    engine = Engine()
    with _classifier(on=False):
        lexical = [{e.type for e in counted(engine.events(c["text"]))} for c in subset]
    with _classifier(on=True):
        shipped = [{e.type for e in counted(engine.events(c["text"]))} for c in subset]
    table = Table("Per reading and type", ("reading", "type", "P", "R", "F1", "gold", "predicted"))
    for reading, pred in (
        ("classifier", by_classifier),
        ("lexicon", lexical),
        ("pipeline", shipped),
    ):
        score_label_sets(res, table, reading, gold, [p & set(TYPES) for p in pred], TYPES)
    langs = Table(
        "Pipeline micro F1 per language (lexicon alone → with the classifier)",
        ("language", "sentences", "lexicon F1", "pipeline F1"),
    )
    for code in sorted({c["lang"] for c in subset}):
        idx = [i for i, c in enumerate(subset) if c["lang"] == code]
        g = [gold[i] for i in idx]
        f_lex = metrics.micro(metrics.per_label_sets(g, [lexical[i] for i in idx], TYPES)).f1
        f_all = metrics.micro(metrics.per_label_sets(g, [shipped[i] for i in idx], TYPES)).f1
        res.metrics[f"pipeline.{code}.micro_f1"] = f_all
        langs.rows.append((code, len(idx), f_lex, f_all))
    res.tables = [table, langs]
    res.errors = engine.errors
    res.notes = [
        *engine.note(),
        f"classifier floor P_FLOOR = {paraphrase.P_FLOOR}; "
        f"{len(paraphrase.examples())} training sentences",
    ]
    res.seconds = time.perf_counter() - t0
    return res
