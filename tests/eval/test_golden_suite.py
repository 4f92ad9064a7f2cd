"""The golden suite adapter: language groups, per-field results, a run on one case."""

from __future__ import annotations

from pathlib import Path

import pytest

from contention.eval import golden, golden_suite
from contention.eval.suite import SuiteDataMissing


def test_group_of() -> None:
    assert golden_suite.group_of("en_lisbon_housing_march") == "en"
    assert golden_suite.group_of("it_bologna_corteo_annullato") == "it"
    assert golden_suite.group_of("000_cbb38d7a0376df9d", seed=True) == "seed"


def test_fields_of_an_expectation() -> None:
    case = golden.parse_case(
        {
            "file": "x.txt",
            "published": "2024-01-28",
            "what_it_tests": "a made-up case",
            "exact_count": False,
            "events": [
                {
                    "type": "PROTEST",
                    "mode": "demonstrate",
                    "context": ["asserted"],
                    "place": {"name": "Porto", "country": "PT", "lat": 41.15, "lon": -8.63},
                    "counts": {"participants": 500},
                    "note": "a march in Porto",
                }
            ],
        },
        "x",
    )
    fields = golden_suite._fields(golden, case.events[0])
    assert {"type", "mode", "context", "place", "count.participants"} <= set(fields)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SuiteDataMissing):
        golden_suite.run(tmp_path / "absent")


def test_run_on_the_project_goldens() -> None:
    res = golden_suite.run(limit=1)
    assert res.n == 1
    assert 0.0 <= res.metrics["pass_rate"] <= 1.0
    assert any(k.startswith("field.type") for k in res.metrics)
