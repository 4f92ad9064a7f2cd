"""Metric functions shared by every evaluation suite.

Pure functions over plain values (labels, sets, spans, coordinates), so each one
can be checked with a hand-made input in a unit test before any figure is trusted.

Conventions (the same everywhere, so figures from different suites compare):

* precision with no prediction is 0.0, recall with no gold item is 0.0, and F1 is
  0.0 whenever precision + recall is 0 — a suite where the engine is silent scores
  zero, never "undefined";
* spans are half-open character intervals ``(start, end)``; two spans *overlap*
  when they share at least one character;
* distances are great-circle kilometres on a sphere of mean Earth radius.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

EARTH_RADIUS_KM = 6371.0088
# Antipodal distance: the largest possible geocoding error (used to normalise AUC).
MAX_ERROR_KM = math.pi * EARTH_RADIUS_KM

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of one label and the figures derived from them."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Number of gold items of the label."""
        return self.tp + self.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float]:
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


def prf(tp: int, fp: int, fn: int) -> PRF:
    """Precision/recall/F1 from raw counts (raises on negative counts: a counting bug)."""
    if min(tp, fp, fn) < 0:
        raise ValueError(f"negative count tp={tp} fp={fp} fn={fn}")
    return PRF(tp, fp, fn)


def per_label(gold: Sequence[K], pred: Sequence[K], labels: Iterable[K]) -> dict[K, PRF]:
    """Single-label classification: one gold and one predicted label per item.

    Every item contributes a true positive to its label when gold == pred, else a
    false negative to the gold label and a false positive to the predicted one.
    Labels not listed in ``labels`` are still counted against the listed ones
    (a wrong prediction of an unlisted label is a false negative of the gold).
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    out: dict[K, PRF] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        out[label] = PRF(tp, fp, fn)
    return out


def per_label_sets(
    gold: Sequence[Iterable[K]],
    pred: Sequence[Iterable[K]],
    labels: Iterable[K],
) -> dict[K, PRF]:
    """Multi-label classification: a *set* of labels per item (sentence, document)."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold items but {len(pred)} predictions")
    counts: dict[K, list[int]] = {label: [0, 0, 0] for label in labels}
    for g_raw, p_raw in zip(gold, pred, strict=True):
        g, p = set(g_raw), set(p_raw)
        for label, c in counts.items():
            if label in g and label in p:
                c[0] += 1
            elif label in p:
                c[1] += 1
            elif label in g:
                c[2] += 1
    return {label: PRF(*c) for label, c in counts.items()}


def macro_f1(scores: Mapping[Any, PRF]) -> float:
    """Unweighted mean of per-label F1 (every label counts the same)."""
    return statistics.fmean(s.f1 for s in scores.values()) if scores else 0.0


def micro(scores: Mapping[Any, PRF]) -> PRF:
    """Pooled counts over the labels given (micro P/R/F1)."""
    total = PRF(0, 0, 0)
    for s in scores.values():
        total = total + s
    return total


def weighted_f1(scores: Mapping[Any, PRF]) -> float:
    """Per-label F1 weighted by gold support (scikit-learn's ``average="weighted"``)."""
    support = sum(s.support for s in scores.values())
    if not support:
        return 0.0
    return sum(s.f1 * s.support for s in scores.values()) / support


def accuracy(gold: Sequence[K], pred: Sequence[K]) -> float:
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    return sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0


# --------------------------------------------------------------------------- spans

Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    """True when the half-open spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], *, exact: bool
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold_index, pred_index)`` of matching spans.

    ``exact`` requires identical boundaries; otherwise any overlap matches.  The
    pairing is greedy in order of decreasing overlap length (ties by position), so a
    long prediction that covers two gold spans is paired with one of them only and
    the other counts as missed — overlap matching cannot inflate recall.
    """
    cands: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if exact:
                if g == p:
                    cands.append((g[1] - g[0], gi, pi))
            elif overlaps(g, p):
                cands.append((min(g[1], p[1]) - max(g[0], p[0]), gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def span_prf(gold: Sequence[Span], pred: Sequence[Span], *, exact: bool) -> PRF:
    """P/R/F1 of predicted spans against gold spans (one-to-one matching)."""
    tp = len(match_spans(gold, pred, exact=exact))
    return PRF(tp, len(pred) - tp, len(gold) - tp)


# --------------------------------------------------------------------------- geography


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def within(errors: Sequence[float], km: float) -> float:
    """Share of errors at most ``km`` (0.0 for no errors)."""
    return sum(1 for e in errors if e <= km) / len(errors) if errors else 0.0


def error_auc(errors: Sequence[float]) -> float:
    """Area under the curve of log errors (Gritta et al. 2018), 0 = perfect, 1 = worst.

    Each error ``e`` contributes ``ln(1 + e) / ln(1 + MAX_ERROR_KM)``; the mean of
    those is the area under the sorted, normalised log-error curve.
    """
    if not errors:
        return 0.0
    top = math.log1p(MAX_ERROR_KM)
    return statistics.fmean(math.log1p(max(0.0, e)) / top for e in errors)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def label_counts(labels: Iterable[Hashable]) -> dict[str, int]:
    """Label → count, keys as strings (for JSON reports)."""
    return {str(k): v for k, v in sorted(Counter(labels).items(), key=lambda kv: str(kv[0]))}
