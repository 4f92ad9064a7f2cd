"""The golden scorer on hand-built records: every matching rule, trap and report line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from contention.eval.golden import (
    GoldenFormatError,
    haversine_km,
    load_cases,
    parse_case,
    score_case,
)

TEXT = (
    "Workers in Zhanaozen went on strike on 2 January. "
    "Gli operai di Zhanaozen hanno scioperato il 2 gennaio. "
    "According to KPMG 162 people own most of the wealth. "
    "Official figures report 162 deaths and 8,000 arrests."
)
DOC = "doc_1"
ZH = {"name": "Zhanaozen", "country": "KZ", "lat": 43.34, "lon": 52.86, "max_km": 50}


def ev(field: str, phrase: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return {
        "doc_id": DOC,
        "field": field,
        "start": start,
        "end": start + len(phrase),
        "quote": phrase,
    }


def rec(
    type_: str = "PROTEST",
    mode: str | None = "strike",
    context: tuple[str, ...] = ("asserted",),
    place: dict[str, Any] | None = None,
    date: tuple[str, str, str] | None = ("2022-01-02", "2022-01-02", "day"),
    counts: dict[str, int] | None = None,
    evidence: list[dict[str, Any]] | None = None,
    actors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "id": f"evt_{type_}_{mode}",
        "type": type_,
        "mode": mode,
        "context": list(context),
        "place": place
        if place is not None
        else {
            "name": "Zhanaozen",
            "country": "KZ",
            "admin1": "Mangghystau",
            "lat": 43.35,
            "lon": 52.87,
            "precision": "city",
        },
        "date": None if date is None else {"start": date[0], "end": date[1], "precision": date[2]},
        "counts": {
            k: {"low": v, "high": v, "best": v, "text": str(v)} for k, v in (counts or {}).items()
        },
        "actors": actors or [],
        "sources": [{"doc_id": DOC, "url": "file:///seed.txt"}],
        "evidence": evidence if evidence is not None else [ev("type", "went on strike")],
    }


def case(events: list[dict[str, Any]], **extra: Any) -> Any:
    data: dict[str, Any] = {
        "file": "x.txt",
        "published": "2022-01-10",
        "what_it_tests": "scorer unit test",
        "events": events,
        "exact_count": extra.pop("exact_count", False),
    }
    data.update(extra)
    return parse_case(data, "x")


STRIKE = {
    "type": "PROTEST",
    "mode": "strike",
    "context": ["asserted"],
    "place": ZH,
    "date": {"start": "2022-01-02", "end": "2022-01-02", "precision": "day"},
    "note": "n",
}


def test_exact_record_matches_and_passes() -> None:
    result = score_case(case([STRIKE]), [rec()], {DOC: TEXT})
    assert result.passed, result.summary()
    assert len(result.matched) == 1 and result.matched[0].index == 0


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (rec(mode="demonstrate"), "mode"),
        (rec(context=("negated",)), "context"),
        (rec(context=("asserted", "future")), "context"),
        (rec(date=("2022-12-02", "2022-12-02", "day")), "date"),
        (rec(date=("2022-01-02", "2022-01-02", "month")), "date"),
        (rec(place={"name": "Aktau", "country": "KZ", "lat": 43.65, "lon": 51.17}), "place"),
        (rec(place={"name": "Zhanaozen", "country": "DZ", "lat": 43.35, "lon": 52.87}), "place"),
    ],
)
def test_one_wrong_field_is_a_miss_naming_that_field(record: dict[str, Any], field: str) -> None:
    result = score_case(case([STRIKE]), [record])
    assert not result.passed
    (miss,) = result.missed
    assert miss.nearest == 0
    assert [c.field for c in miss.checks if not c.ok] == [field]
    assert field in result.summary()


def test_counts_exact_and_bracketed() -> None:
    exp = {**STRIKE, "counts": {"participants": 2000, "fatalities": {"min": 14}}}
    good = rec(counts={"participants": 2000, "fatalities": 16})
    assert score_case(case([exp]), [good]).passed
    assert not score_case(case([exp]), [rec(counts={"participants": 2, "fatalities": 16})]).passed
    assert not score_case(
        case([exp]), [rec(counts={"participants": 2000, "fatalities": 13})]
    ).passed
    assert not score_case(case([exp]), [rec(counts={"fatalities": 16})]).passed


def test_country_precision_needs_only_the_country() -> None:
    exp = {**STRIKE, "place": {"name": "Kazakhstan", "country": "KZ", "precision": "country"}}
    far = rec(place={"name": "Almaty", "country": "KZ", "lat": 43.25, "lon": 76.93})
    assert score_case(case([exp]), [far]).passed
    assert not score_case(case([exp]), [rec(place={"name": "Kyiv", "country": "UA"})]).passed


def test_admin1_is_not_matched_by_a_city_inside_it() -> None:
    region = {
        "name": "Mangystau",
        "country": "KZ",
        "lat": 44.0,
        "lon": 53.0,
        "max_km": 250,
        "precision": "admin1",
        "aliases": ["Mangghystau"],
    }
    exp = {**STRIKE, "place": region, "date": None}
    assert not score_case(case([exp]), [rec()]).passed  # Zhanaozen, admin1 Mangghystau
    named = rec(
        place={
            "name": "Mangghystau",
            "country": "KZ",
            "precision": "admin1",
            "lat": 44.5,
            "lon": 54.0,
        }
    )
    assert score_case(case([exp]), [named]).passed
    centroid = rec(
        place={"name": "Oblast", "country": "KZ", "precision": "admin1", "lat": 44.2, "lon": 53.4}
    )
    assert score_case(case([exp]), [centroid]).passed


def test_english_and_italian_copies_are_a_duplicate() -> None:
    en = rec(evidence=[ev("type", "went on strike")])
    it = rec(evidence=[ev("type", "hanno scioperato")])
    result = score_case(case([STRIKE]), [en, it], {DOC: TEXT})
    assert not result.passed
    assert [d.index for d in result.duplicates] == [1]
    assert "DUPLICATE" in result.summary()


def test_exact_count_fails_on_unexpected_records_only_when_set() -> None:
    extra = rec("COERCE", "arrest", date=None)
    assert score_case(case([STRIKE]), [rec(), extra]).passed
    strict = score_case(case([STRIKE], exact_count=True), [rec(), extra])
    assert not strict.passed and [i for i, _ in strict.unexpected] == [1]


def test_optional_events_may_match_once_and_are_not_unexpected() -> None:
    opt = {"type": "COERCE", "mode": "arrest", "note": "may be coded"}
    c = case([STRIKE], exact_count=True, optional=[opt])
    assert score_case(c, [rec()]).passed
    assert score_case(c, [rec(), rec("COERCE", "arrest")]).passed
    twice = score_case(c, [rec(), rec("COERCE", "arrest"), rec("COERCE", "arrest")])
    assert not twice.passed and len(twice.duplicates) == 1


def test_maximum_matching_is_not_fooled_by_order() -> None:
    general = {"type": "PROTEST", "mode": None, "note": "any protest"}
    specific = {**STRIKE}
    # record 0 satisfies both, record 1 only the general one: a greedy pass in
    # golden order would give record 0 to the general expectation and miss.
    records = [rec(), rec(mode="demonstrate", date=None)]
    result = score_case(case([general, specific]), records)
    assert result.passed, result.summary()


def test_non_exclusive_expectations_may_share_a_record() -> None:
    kz = {"name": "Kazakhstan", "country": "KZ", "precision": "country"}
    dead = {
        "type": ["COERCE", "ASSAULT"],
        "place": kz,
        "counts": {"fatalities": 162},
        "exclusive": False,
        "note": "n",
    }
    jailed = {**dead, "counts": {"arrested": 8000}}
    both = rec("ASSAULT", None, counts={"fatalities": 162, "arrested": 8000})
    assert score_case(case([dead, jailed]), [both]).passed
    split = [
        rec("ASSAULT", None, counts={"fatalities": 162}),
        rec("COERCE", "arrest", counts={"arrested": 8000}),
    ]
    assert score_case(case([dead, jailed]), split).passed
    assert not score_case(case([dead, jailed]), [both, both]).passed  # told twice


def test_source_actor_class() -> None:
    exp = {**STRIKE, "source_class": ["workers"]}
    workers = [{"role": "source", "class": "workers", "name": None, "text": "Workers"}]
    police = [{"role": "target", "class": "workers", "name": None, "text": "Workers"}]
    assert score_case(case([exp]), [rec(actors=workers)]).passed
    assert not score_case(case([exp]), [rec(actors=police)]).passed


def test_forbidden_rules() -> None:
    forbidden = [
        {"why": "no event in Algeria", "place": {"country": "DZ"}},
        {"why": "'8 mila' is not 8", "counts": {"arrested": 8}},
        {"why": "never December 2022", "date": {"start": "2022-12-01", "end": "2022-12-31"}},
        {"why": "KPMG", "evidence_near": {"anchor": "KPMG", "field": "count.fatalities"}},
        {"why": "no football", "type": "PROTEST", "mode": "strike", "context": ["negated"]},
    ]
    c = case([], forbidden=forbidden)
    clean = [rec(counts={"arrested": 8000})]
    assert score_case(c, clean, {DOC: TEXT}).passed
    bad = [
        rec(place={"name": "Algiers", "country": "DZ", "lat": 36.7, "lon": 3.1}),
        rec(counts={"arrested": 8}),
        rec(date=("2021-12-05", "2022-12-05", "range")),
        rec(
            "ASSAULT",
            None,
            counts={"fatalities": 162},
            evidence=[ev("type", "deaths"), ev("count.fatalities", "162")],
        ),
        rec(context=("negated",)),
    ]
    result = score_case(c, bad, {DOC: TEXT})
    assert sorted((h.index, h.rule.why) for h in result.forbidden_hits) == [
        (0, "no event in Algeria"),
        (1, "'8 mila' is not 8"),
        (2, "never December 2022"),
        (3, "KPMG"),
        (4, "no football"),
    ]
    # the same count quoted from the official-figures sentence is fine
    official = rec(
        "ASSAULT",
        None,
        counts={"fatalities": 162},
        evidence=[ev("type", "deaths"), ev("count.fatalities", "162", nth=1)],
    )
    assert score_case(c, [official], {DOC: TEXT}).passed


def test_evidence_quotes_are_checked_against_the_text() -> None:
    wrong = ev("type", "went on strike")
    wrong["quote"] = "went on strikes"
    result = score_case(case([STRIKE]), [rec(evidence=[wrong])], {DOC: TEXT})
    assert not result.passed and "quote" in result.evidence_errors[0]
    no_type = score_case(case([STRIKE]), [rec(evidence=[ev("date", "2 January")])], {DOC: TEXT})
    assert "no evidence for field 'type'" in no_type.evidence_errors[0]


class _Doc:
    def __init__(self, published: dt.date | None) -> None:
        self.id, self.url, self.text, self.published = DOC, "file:///x.txt", TEXT, published


def test_publication_date_is_checked_when_documents_are_given() -> None:
    assert score_case(case([STRIKE]), [rec()], [_Doc(dt.date(2022, 1, 10))]).passed
    result = score_case(case([STRIKE]), [rec()], [_Doc(dt.date(2022, 12, 10))])
    assert result.metadata_errors and not result.passed


def test_bad_golden_files_are_rejected_with_their_name(tmp_path: Path) -> None:
    with pytest.raises(GoldenFormatError, match="missing key 'events'"):
        parse_case({"file": "a.txt", "what_it_tests": "x", "exact_count": True}, "a")
    bad = {
        "file": "a.txt",
        "what_it_tests": "x",
        "exact_count": True,
        "events": [{"type": "PROTEST", "counts": {"arrested": "twelve"}}],
    }
    (tmp_path / "a.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(GoldenFormatError, match=r"a.events\[0\].counts.arrested"):
        load_cases(tmp_path)


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    assert 343 < haversine_km(51.5074, -0.1278, 48.8566, 2.3522) < 345  # London-Paris


def test_near_ties_an_expectation_to_its_sentence() -> None:
    exp = {**STRIKE, "near": ["scioperato"]}
    en = rec(evidence=[ev("type", "went on strike")])
    it = rec(evidence=[ev("type", "hanno scioperato")])
    assert not score_case(case([exp]), [en], {DOC: TEXT}).passed
    assert score_case(case([exp]), [it], {DOC: TEXT}).passed
    assert score_case(case([exp]), [en]).passed  # no texts: near is not checked


def test_negated_may_carry_hypothetical_but_asserted_may_not() -> None:
    negated = {**STRIKE, "context": ["negated"]}
    assert score_case(case([negated]), [rec(context=("hypothetical", "negated"))]).passed
    assert not score_case(case([negated]), [rec(context=("asserted",))]).passed
    historical = {**STRIKE, "context": ["historical"]}
    assert not score_case(case([historical]), [rec(context=("historical", "negated"))]).passed
    assert not score_case(case([STRIKE]), [rec(context=("asserted", "hypothetical"))]).passed
