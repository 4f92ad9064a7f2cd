"""The merged view: every claim with its source, low/high/best, most precise date and place."""

from __future__ import annotations

from typing import Any

from contention.dedup.merge import cluster_record, summarise


def _rec(i: str, doc: str, published: str, fatalities: int | None, **kw: Any) -> dict[str, Any]:
    return {
        "id": i,
        "type": "PROTEST",
        "mode": kw.get("mode", "riot"),
        "language": kw.get("language", "en"),
        "date": kw.get("date", {"start": "2022-01-05", "end": "2022-01-05", "precision": "day"}),
        "place": kw.get(
            "place",
            {
                "name": "Almaty",
                "country": "KZ",
                "admin1": "Almaty",
                "lat": 43.25,
                "lon": 76.92,
                "precision": "city",
                "geonames_id": 1,
            },
        ),
        "actors": [],
        "counts": {
            "fatalities": None
            if fatalities is None
            else {
                "low": fatalities,
                "high": fatalities,
                "best": fatalities,
                "text": f"{fatalities} dead",
            },
            "participants": None,
            "injured": None,
            "arrested": None,
        },
        "sources": [
            {
                "doc_id": doc,
                "url": f"https://x/{doc}",
                "outlet": "x",
                "title": doc,
                "published": published,
                "language": "en",
            }
        ],
        "evidence": [
            {
                "doc_id": doc,
                "field": "count.fatalities",
                "start": 0,
                "end": 3,
                "quote": f"{fatalities}",
            }
        ]
        if fatalities
        else [],
    }


def test_revised_tolls_are_kept_side_by_side() -> None:
    recs = [
        _rec("evt_1", "doc_a", "2022-01-09", 162),
        _rec("evt_2", "doc_b", "2022-01-10", 164),
        _rec("evt_3", "doc_c", "2022-01-15", 238),
        _rec("evt_4", "doc_d", "2022-01-06", None),
    ]
    view = cluster_record("clu_4", recs, {})
    fat = view["counts"]["fatalities"]
    assert [c["best"] for c in view["claims"]] == [162, 164, 238]
    assert (fat["low"], fat["high"], fat["best"]) == (162, 238, 238)  # latest report is best
    assert fat["n_claims"] == 3 and fat["values"] == [162, 164, 238]
    assert view["claims"][0]["quote"] == "162" and view["claims"][0]["outlet"] == "x"
    assert view["n_reports"] == 4 and view["n_independent_sources"] == 4


def test_same_day_disagreement_takes_the_lower_figure() -> None:
    claims = [
        {
            "low": 80_000,
            "high": 80_000,
            "best": 80_000,
            "published": "2023-01-19",
            "source_group": "a",
        },
        {
            "low": 400_000,
            "high": 400_000,
            "best": 400_000,
            "published": "2023-01-19",
            "source_group": "b",
        },
    ]
    out = summarise(claims)
    assert out is not None and out["best"] == 80_000 and out["high"] == 400_000


def test_wire_copies_count_as_one_independent_source() -> None:
    recs = [_rec("evt_1", "doc_a", "2022-01-06", None), _rec("evt_2", "doc_b", "2022-01-06", None)]
    view = cluster_record("clu_1", recs, {"doc_b": "doc_a"})
    assert view["n_sources"] == 2 and view["n_independent_sources"] == 1
    assert view["sources"][1]["source_group"] == "doc_a"


def test_most_precise_date_and_place_win() -> None:
    week = {"start": "2022-01-02", "end": "2022-01-08", "precision": "range"}
    country = {
        "name": "Kazakhstan",
        "country": "KZ",
        "admin1": None,
        "lat": 48.0,
        "lon": 68.0,
        "precision": "country",
        "geonames_id": 0,
    }
    recs = [
        _rec("evt_1", "doc_a", "2022-01-06", None, date=week, place=country, mode="demonstrate"),
        _rec("evt_2", "doc_b", "2022-01-06", None),
        _rec("evt_3", "doc_c", "2022-01-06", None, mode="demonstrate"),
    ]
    view = cluster_record("clu_1", recs, {})
    assert view["date"] == {"start": "2022-01-05", "end": "2022-01-05", "precision": "day"}
    assert view["place"]["name"] == "Almaty"
    assert view["mode"] == "demonstrate"
    assert set(view["rules"]) >= {"date", "place", "counts"}
