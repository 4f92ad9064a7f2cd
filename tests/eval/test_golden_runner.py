"""The golden runner's plumbing (ingest → extract → process → export → score) with a stub engine.

The real engine is replaced by a stub that codes one strike per document, so
these tests check the runner, not the engine: documents and publication dates
come out of the real ingest and extract stages, records out of the real
exporter, and a bad evidence offset is reported instead of crashing the run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from contention.eval.golden import load_case, process_sample, run_case, samples_dir
from contention.ids import event_id
from contention.model import (
    Context,
    Document,
    DocumentResult,
    Event,
    EventDate,
    Evidence,
    Labour,
    Place,
    PlacePrecision,
    Precision,
    make_span,
)

GOLDEN = Path(__file__).parents[1] / "golden"


def _stub(doc: Document) -> DocumentResult:
    """One PROTEST strike per document whose text says 'strike' or 'sciopero'."""
    for word in ("went on strike", "hanno scioperato", "strike"):
        at = doc.text.find(word)
        if at >= 0:
            break
    else:
        return DocumentResult(doc)
    span = make_span(doc.text, at, at + len(word))
    event = Event(
        id=event_id(doc.id, "PROTEST", "strike", at),
        doc_id=doc.id,
        type="PROTEST",
        mode="strike",
        context=(Context.ASSERTED,),
        language="en",
        date=EventDate(dt.date(2024, 4, 11), dt.date(2024, 4, 11), Precision.DAY, "explicit"),
        place=Place("Castel San Giovanni", "IT", 45.06, 9.44, PlacePrecision.CITY),
        actors=(),
        counts={"participants": None},
        issue=None,
        labour=Labour(),
        confidence=0.5,
        evidence=(Evidence(doc.id, "type", span.start, span.end, span.quote),),
    )
    return DocumentResult(doc, events=[event])


@pytest.fixture
def stub_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("contention.pipeline.core.process_document", _stub)


@pytest.mark.usefixtures("stub_engine")
def test_runner_scores_real_ingest_and_export() -> None:
    case = load_case(GOLDEN / "bilingual_logistics_strike.json")
    result, processed = run_case(case)
    assert len(processed.documents) == 1
    assert processed.documents[0].published == dt.date(2024, 4, 12)
    assert not result.pipeline_errors and not result.evidence_errors
    assert [r["type"] for r in processed.records] == ["PROTEST"]
    # the stub has no counts, injuries or arrests: three expectations are missed
    assert not result.passed
    assert len(result.missed) == 3
    assert "count.participants" in result.summary()


@pytest.mark.usefixtures("stub_engine")
def test_jsonl_sample_gives_two_documents_with_their_dates() -> None:
    processed = process_sample(samples_dir() / "feed_two_articles.jsonl")
    assert [d.published for d in processed.documents] == [
        dt.date(2024, 6, 27),
        dt.date(2025, 1, 28),
    ]
    assert not processed.errors


def test_bad_evidence_becomes_a_pipeline_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Document) -> DocumentResult:
        result = _stub(doc)
        bad = [
            dataclasses.replace(
                e, evidence=(dataclasses.replace(e.evidence[0], quote="not in text"),)
            )
            for e in result.events
        ]
        return DocumentResult(doc, events=bad)

    monkeypatch.setattr("contention.pipeline.core.process_document", broken)
    processed = process_sample(samples_dir() / "bilingual_logistics_strike.html")
    assert processed.errors and processed.errors[0].startswith("export ")
    assert processed.records == []


def test_every_sample_extracts_with_its_golden_publication_date() -> None:
    for case in (load_case(p) for p in sorted(GOLDEN.glob("*.json"))):
        from contention.extract import to_document
        from contention.ingest import iter_inputs

        docs = [to_document(raw) for raw in iter_inputs([str(samples_dir() / case.file)])]
        if case.documents:
            assert [d.published for d in docs] == [g.published for g in case.documents], case.name
        else:
            assert [d.published for d in docs] == [case.published], case.name
