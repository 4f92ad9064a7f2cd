"""The exchange record has exactly the EVENT_FORMAT shape and exact evidence."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contention.export.records import event_record
from contention.model import DocumentResult

# The contract, pinned here so that a change to it is a deliberate test edit.
TOP_KEYS = {
    "format_version", "id", "cluster_id", "type", "mode", "context", "acled", "cameo",
    "date", "place", "actors", "counts", "labour", "issue", "language", "confidence",
    "sources", "evidence", "review",
}  # fmt: skip
NESTED = {
    "acled": {"event_type", "sub_event_type"},
    "date": {"start", "end", "precision", "method"},
    "place": {"name", "geonames_id", "country", "admin1", "lat", "lon", "precision"},
    "counts": {"participants", "fatalities", "injured", "arrested"},
    "labour": {"employer", "union", "sector", "workers"},
    "review": {"status", "by", "at"},
}
LIST_ITEMS = {
    "actors": {"role", "class", "name", "text"},
    "sources": {"doc_id", "url", "outlet", "title", "published", "language"},
    "evidence": {"doc_id", "field", "start", "end", "quote"},
}
COUNT_KEYS = {"low", "high", "best", "text"}

FORMAT_DOC = Path(__file__).resolve().parents[3] / "shared" / "docs" / "EVENT_FORMAT.md"


def _check_shape(rec: dict[str, Any]) -> None:
    assert set(rec) == TOP_KEYS
    for key, keys in NESTED.items():
        if rec[key] is not None:
            assert set(rec[key]) == keys, key
    for key, keys in LIST_ITEMS.items():
        for item in rec[key]:
            assert set(item) == keys, key
    for claim in rec["counts"].values():
        assert claim is None or set(claim) == COUNT_KEYS


def test_shape_is_exactly_the_format(make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    for ev in result.events:
        rec = event_record(ev, result.document)
        _check_shape(rec)
        json.dumps(rec)  # plain JSON types only


def test_pinned_keys_match_the_published_format() -> None:
    if not FORMAT_DOC.is_file():
        pytest.skip(f"{FORMAT_DOC} not present (shared docs live outside the repo)")
    block = re.search(r"```json\n(.*?)```", FORMAT_DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    example = json.loads(block.group(1))
    assert set(example) == TOP_KEYS
    for key, keys in NESTED.items():
        if key != "counts":
            assert set(example[key]) == keys, key
    assert set(example["counts"]) == NESTED["counts"]
    for key, keys in LIST_ITEMS.items():
        assert set(example[key][0]) == keys, key


def test_values(make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    strike, arrests = (event_record(ev, result.document) for ev in result.events)
    assert strike["format_version"] == 1
    assert strike["type"] == "PROTEST" and strike["mode"] == "strike"
    assert strike["context"] == ["asserted"]
    assert strike["acled"] == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    assert isinstance(strike["cameo"], str) and strike["cameo"].startswith("14")
    assert strike["date"] == {
        "start": "2023-03-03",
        "end": "2023-03-03",
        "precision": "day",
        "method": "explicit",
    }
    assert strike["place"]["precision"] == "city" and strike["place"]["lat"] == 44.40478
    assert strike["counts"]["participants"]["best"] == 2000
    assert strike["counts"]["fatalities"] is None
    assert strike["labour"]["union"] == "USB"
    assert strike["review"] == {"status": "unreviewed", "by": None, "at": None}
    src = strike["sources"][0]
    assert src["doc_id"] == result.document.id and src["published"] == "2023-03-04"
    assert arrests["acled"] == {"event_type": "Strategic developments", "sub_event_type": "Arrests"}
    # counts missing from Event.counts are still present, as null
    assert arrests["counts"]["participants"] is None
    assert [a["role"] for a in arrests["actors"]] == ["source", "target"]


def test_every_quote_is_the_text_it_points_at(make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    text = result.document.text
    for ev in result.events:
        rec = event_record(ev, result.document)
        assert rec["evidence"], "an event without evidence"
        for item in rec["evidence"]:
            assert item["quote"] == text[item["start"] : item["end"]]
        assert any(item["field"] == "type" for item in rec["evidence"])


def test_mismatched_quote_is_refused(make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    ev = result.events[0]
    shifted = dataclasses.replace(
        ev.evidence[0], start=ev.evidence[0].start + 1, end=ev.evidence[0].end + 1
    )
    with pytest.raises(ValueError, match="does not match"):
        event_record(dataclasses.replace(ev, evidence=(shifted,)), result.document)


def test_unknown_fields_are_null(make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    ev = dataclasses.replace(result.events[0], date=None, place=None, context=())
    rec = event_record(ev, result.document)
    assert rec["date"] is None and rec["place"] is None
    _check_shape(rec)


def test_doc_language_overrides_event_language(make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    rec = event_record(result.events[0], result.document, doc_language="it")
    assert rec["sources"][0]["language"] == "it" and rec["language"] == "en"
