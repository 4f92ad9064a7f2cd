"""The markdown report: provenance lines, anchors beside our figures, method text."""

from __future__ import annotations

import datetime as dt

from contention.eval import report
from contention.eval.suite import SuiteResult, Table


def _result() -> SuiteResult:
    res = SuiteResult(
        "geowebnews",
        metrics={"acc_161km": 0.5834, "overlap.f1": 0.66, "exact.f1": 0.61},
        n=200,
        available=200,
        unit="articles",
        seconds=2.4,
    )
    res.tables = [Table("Recognition", ("matching", "F1"), [("exact", 0.61), ("over|lap", 0.66)])]
    res.notes = ["a note"]
    return res


def test_markdown_has_provenance_anchor_and_method() -> None:
    md = report.markdown(
        {"geowebnews": _result()},
        {"golden": "golden folder not found"},
        "contention eval all",
        commit="abc1234",
        today=dt.date(2025, 1, 2),
    )
    assert "- command: `contention eval all`" in md
    assert "- date: 2025-01-02" in md
    assert "- commit: `abc1234`" in md
    assert "## geowebnews" in md
    # our figure sits in the same row as the published anchor
    row = next(line for line in md.splitlines() if "within 161 km, toponyms" in line)
    assert "0.583" in row and "94.1%" in row and "not like-for-like" in row
    assert "| golden | not run | golden folder not found |" in md
    assert "over\\|lap" in md  # pipes in cells are escaped
    assert "How these figures are computed" in md and "161 km (100 miles)" in md


def test_fmt() -> None:
    assert report.fmt(0.12345) == "0.123"
    assert report.fmt(84.53) == "84.5"
    assert report.fmt(7) == "7"
    assert report.fmt(True) == "yes"


def test_text_summary() -> None:
    out = report.text(_result())
    assert out.startswith("geowebnews: 200 of 200 articles (all)")
    assert "note: a note" in out
