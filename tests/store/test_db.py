"""Store contract on SQLite and PostgreSQL: idempotent saves, failures, filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from contention.errors import StoreError
from contention.model import DocumentResult, Failure
from contention.store.db import Store, normalize_url


def test_save_then_read_back(store: Store, make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    stats = store.save(result)
    assert stats.document_new and stats.events_new == 2 and stats.events_existing == 0
    records = store.events()
    assert [r["type"] for r in records] == ["COERCE", "PROTEST"] or [
        r["type"] for r in records
    ] == ["PROTEST", "COERCE"]
    strike = store.event(result.events[0].id)
    assert strike is not None
    assert strike["counts"]["participants"] == {
        "low": 2000,
        "high": None,
        "best": 2000,
        "text": "about 2,000",
    }
    assert strike["place"]["country"] == "IT"
    doc = store.document(result.document.id)
    assert doc is not None
    assert doc["text"] == result.document.text
    assert doc["published"] == "2023-03-04"
    assert doc["languages"] == ["en"]
    assert store.counts() == {
        "documents": 1,
        "sentences": 2,
        "events": 2,
        "evidence": 6,
        "failures": 0,
    }


def test_resave_is_a_no_op(store: Store, make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    store.save(result)
    before = store.counts()
    again = store.save(make_result())
    assert not again.document_new
    assert again.events_new == 0 and again.events_existing == 2
    assert store.counts() == before


def test_new_event_for_known_document_is_added_once(
    store: Store, make_result: Callable[..., DocumentResult]
) -> None:
    result = make_result()
    store.save(dataclasses.replace(result, events=result.events[:1]))
    stats = store.save(result)
    assert not stats.document_new and stats.events_new == 1
    assert store.counts()["events"] == 2
    assert store.counts()["sentences"] == 2


def test_bad_event_stores_nothing_of_its_document(
    store: Store, make_result: Callable[..., DocumentResult]
) -> None:
    result = make_result()
    ev = result.events[1]
    broken_ev = dataclasses.replace(
        ev, evidence=(dataclasses.replace(ev.evidence[0], quote="not in text"),)
    )
    with pytest.raises(ValueError, match="does not match"):
        store.save(dataclasses.replace(result, events=[result.events[0], broken_ev]))
    assert store.counts()["documents"] == 0


def test_failures_are_recorded(store: Store) -> None:
    store.record_failure(Failure("file:///tmp/a.bin", "extract", "binary data", "E103"))
    store.record_failure(Failure("file:///tmp/a.bin", "extract", "binary data", "E103"))
    rows = store.failures()
    assert len(rows) == 2
    assert rows[0]["code"] == "E103" and rows[0]["stage"] == "extract"
    assert rows[0]["source"] == "file:///tmp/a.bin"
    assert store.counts()["failures"] == 2


def test_filters(store: Store, make_result: Callable[..., DocumentResult]) -> None:
    store.save(make_result())
    other = make_result(
        "Dock workers in Lyon walked out on 3 March 2023 over pay; about 2,000 marched. "
        "Police arrested 12 protesters.",
        url="https://example.org/lyon",
        place_name="Lyon",
    )
    other_events = [
        dataclasses.replace(
            e,
            place=dataclasses.replace(e.place, country="FR") if e.place else None,
            date=dataclasses.replace(e.date, start=dt.date(2023, 5, 1), end=dt.date(2023, 5, 31))
            if e.date
            else None,
        )
        for e in other.events
    ]
    store.save(dataclasses.replace(other, events=other_events))
    assert len(store.events()) == 4
    assert {r["type"] for r in store.events(type="protest")} == {"PROTEST"}
    assert len(store.events(type="PROTEST")) == 2
    assert {r["place"]["country"] for r in store.events(country="fr")} == {"FR"}
    assert len(store.events(since=dt.date(2023, 4, 1))) == 2
    # overlap: an event spanning May is kept by a bound inside May
    assert len(store.events(since=dt.date(2023, 5, 15), until=dt.date(2023, 5, 20))) == 2
    assert len(store.events(until=dt.date(2023, 3, 3))) == 2
    assert store.events(type="ASSAULT") == []
    assert len(store.events(type="COERCE", country="IT")) == 1


def test_unknown_ids(store: Store) -> None:
    assert store.event("evt_missing") is None
    assert store.document("doc_missing") is None


def test_event_id_prefix(store: Store, make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    store.save(result)
    full = result.events[0].id
    assert store.event_ids(full[:8]) == sorted(e.id for e in result.events) or full in (
        store.event_ids(full[:8])
    )
    assert store.event_ids(full) == [full]
    assert store.event_ids("evt%") == []


def test_review_column_wins_over_stored_record(
    store: Store, make_result: Callable[..., DocumentResult]
) -> None:
    from sqlalchemy import update

    from contention.store import schema

    result = make_result()
    store.save(result)
    with store.engine.begin() as conn:
        conn.execute(
            update(schema.events)
            .where(schema.events.c.id == result.events[0].id)
            .values(review_status="confirmed", cluster_id="clu_1")
        )
    rec = store.event(result.events[0].id)
    assert rec is not None
    assert rec["review"]["status"] == "confirmed" and rec["cluster_id"] == "clu_1"
    store.save(make_result())  # re-ingest must not undo the review
    rec = store.event(result.events[0].id)
    assert rec is not None and rec["review"]["status"] == "confirmed"


def test_reopen_keeps_data_and_schema_version(
    tmp_path: Path, make_result: Callable[..., DocumentResult]
) -> None:
    path = tmp_path / "x.db"
    with Store(path) as s1:
        s1.save(make_result())
    with Store(f"sqlite:///{path}") as s2:
        assert s2.counts()["events"] == 2
        with s2.engine.connect() as conn:
            from sqlalchemy import select

            from contention.store import schema

            versions = list(conn.execute(select(schema.schema_version.c.version)).scalars())
        assert versions == [schema.SCHEMA_VERSION]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    from sqlalchemy import insert

    from contention.store import schema

    path = tmp_path / "x.db"
    with Store(path) as s1, s1.engine.begin() as conn:
        conn.execute(
            insert(schema.schema_version).values(
                version=schema.SCHEMA_VERSION + 1, applied_at=dt.datetime.now(dt.UTC)
            )
        )
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    from sqlalchemy import text

    with Store(tmp_path / "w.db") as st, st.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "x.db")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///rel.db", "sqlite:///rel.db"),
        (":memory:", "sqlite://"),
    ],
)
def test_normalize_url(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


def test_bare_path_becomes_absolute_sqlite_url(tmp_path: Path) -> None:
    assert normalize_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"


def test_iter_events_streams_in_batches(
    store: Store, make_result: Callable[..., DocumentResult]
) -> None:
    store.save(make_result())
    streamed = list(store.iter_events(batch=1))
    assert streamed == store.events() and len(streamed) == 2
    assert len(store.events(limit=1)) == 1


def test_stored_document(store: Store, make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    assert store.stored_document(result.document.id) is None
    store.save(result)
    known = store.stored_document(result.document.id)
    assert known is not None
    assert known.event_ids == tuple(sorted(e.id for e in result.events))
    assert (known.sentences, known.unsupported_sentences) == (2, 0)
