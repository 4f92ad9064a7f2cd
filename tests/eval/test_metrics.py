"""Metric functions on tiny hand-made inputs whose answers are worked out by hand."""

from __future__ import annotations

import math

import pytest

from contention.eval import metrics
from contention.eval.metrics import PRF


def test_prf_from_counts() -> None:
    s = metrics.prf(3, 1, 2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert s.support == 5


def test_prf_empty_is_zero_not_undefined() -> None:
    assert PRF(0, 0, 0).f1 == 0.0
    assert PRF(0, 0, 4).precision == 0.0
    assert PRF(0, 3, 0).recall == 0.0


def test_prf_rejects_negative_counts() -> None:
    with pytest.raises(ValueError):
        metrics.prf(1, -1, 0)


def test_per_label_single_label() -> None:
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "A"]
    s = metrics.per_label(gold, pred, ["A", "B", "C"])
    assert (s["A"].tp, s["A"].fp, s["A"].fn) == (1, 1, 1)
    assert (s["B"].tp, s["B"].fp, s["B"].fn) == (1, 1, 0)
    assert (s["C"].tp, s["C"].fp, s["C"].fn) == (0, 0, 1)
    # macro: mean of 0.5, 2/3, 0
    assert metrics.macro_f1(s) == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)
    # weighted by gold support 2, 1, 1
    assert metrics.weighted_f1(s) == pytest.approx((0.5 * 2 + 2 / 3 * 1 + 0.0) / 4)
    # micro over all labels of a single-label task equals accuracy
    assert metrics.micro(s).f1 == pytest.approx(metrics.accuracy(gold, pred)) == pytest.approx(0.5)


def test_micro_over_a_subset_of_labels() -> None:
    gold = ["A", "OTHER", "OTHER", "A"]
    pred = ["A", "A", "OTHER", "OTHER"]
    s = metrics.per_label(gold, pred, ["A"])
    pooled = metrics.micro(s)
    assert (pooled.tp, pooled.fp, pooled.fn) == (1, 1, 1)


def test_per_label_length_mismatch() -> None:
    with pytest.raises(ValueError):
        metrics.per_label(["A"], [], ["A"])


def test_per_label_sets() -> None:
    gold = [{"ARREST", "KILL"}, set(), {"KILL"}]
    pred = [{"ARREST"}, {"KILL"}, {"KILL"}]
    s = metrics.per_label_sets(gold, pred, ["ARREST", "KILL"])
    assert (s["ARREST"].tp, s["ARREST"].fp, s["ARREST"].fn) == (1, 0, 0)
    assert (s["KILL"].tp, s["KILL"].fp, s["KILL"].fn) == (1, 1, 1)


def test_weighted_f1_without_support_is_zero() -> None:
    assert metrics.weighted_f1({"A": PRF(0, 2, 0)}) == 0.0
    assert metrics.macro_f1({}) == 0.0


def test_overlaps_half_open() -> None:
    assert metrics.overlaps((0, 5), (4, 9))
    assert not metrics.overlaps((0, 5), (5, 9))


def test_match_spans_exact_and_overlap() -> None:
    gold = [(0, 5), (10, 15), (20, 25)]
    pred = [(0, 5), (11, 14), (30, 31)]
    assert metrics.match_spans(gold, pred, exact=True) == [(0, 0)]
    assert metrics.match_spans(gold, pred, exact=False) == [(0, 0), (1, 1)]
    s = metrics.span_prf(gold, pred, exact=False)
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)


def test_overlap_matching_is_one_to_one() -> None:
    # one long prediction covering two gold spans matches only the larger overlap
    gold = [(0, 3), (4, 10)]
    pred = [(0, 10)]
    assert metrics.match_spans(gold, pred, exact=False) == [(1, 0)]


def test_haversine_known_distances() -> None:
    # one degree of longitude on the equator
    assert metrics.haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)
    # Paris (48.8566, 2.3522) to London (51.5074, -0.1278): about 343.5 km
    assert metrics.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)
    assert metrics.haversine_km(10, 20, 10, 20) == 0.0
    # antipodes
    assert metrics.haversine_km(0, 0, 0, 180) == pytest.approx(metrics.MAX_ERROR_KM)


def test_within_median_mean() -> None:
    errors = [0.0, 100.0, 161.0, 500.0]
    assert metrics.within(errors, 161) == 0.75
    assert metrics.median(errors) == 130.5
    assert metrics.mean(errors) == pytest.approx(190.25)
    assert metrics.within([], 161) == 0.0


def test_error_auc_bounds() -> None:
    assert metrics.error_auc([0.0, 0.0]) == 0.0
    assert metrics.error_auc([metrics.MAX_ERROR_KM]) == pytest.approx(1.0)
    half = metrics.error_auc([0.0, metrics.MAX_ERROR_KM])
    assert half == pytest.approx(0.5)
    assert 0 < metrics.error_auc([100.0]) < 0.5
    assert math.isclose(metrics.error_auc([]), 0.0)
