"""The batch runner: every input ends saved or recorded as a failure, in order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from contention.errors import ExtractionError, StoreError
from contention.model import Document, DocumentResult
from contention.pipeline.run import Outcome, run
from contention.store.db import Store

TEXT = (
    "Dock workers in Genoa walked out on 3 March 2023 over pay, and about 2,000 people "
    "marched to the port authority behind the USB union banner.\n\n"
    "Police arrested 12 protesters near the Lanterna after clashes in the afternoon.\n"
)


@pytest.fixture
def process(make_result: Callable[..., DocumentResult]) -> Callable[[Document], DocumentResult]:
    def fake(doc: Document) -> DocumentResult:
        if "explode" in doc.text:
            raise KeyError("lexicon")
        if "refuse" in doc.text:
            raise ExtractionError("stage refused the text")
        if "walked out" not in doc.text:
            return DocumentResult(doc, [], [], unsupported_sentences=2)
        return dataclasses.replace(make_result(doc.text), document=doc)

    return fake


def _files(tmp_path: Path, **texts: str) -> list[str]:
    out = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(str(path))
    return out


def test_counts_and_progress(tmp_path: Path, process: Callable[[Document], DocumentResult]) -> None:
    paths = _files(tmp_path, a=TEXT, b="Nothing happened in Turin today.\n", c="explode\n")
    seen: list[Outcome] = []
    with Store(tmp_path / "r.db") as store:
        stats = run(paths, store, progress=seen.append, process=process)
        assert (stats.documents, stats.new_documents, stats.events, stats.failures) == (2, 2, 2, 1)
        assert stats.unsupported_sentences == 2 and stats.sentences == 2
        assert [o.failure is None for o in seen] == [True, True, False]
        failure = store.failures()[0]
        assert failure["code"] == "E900" and failure["stage"] == "process"
        assert failure["error"] == "KeyError: 'lexicon'"
        again = run(paths, store, process=process)
        assert (again.documents, again.new_documents, again.new_events) == (2, 0, 0)
        assert store.counts()["failures"] == 2  # failures are a log: both runs recorded


def test_contention_errors_keep_their_code(
    tmp_path: Path, process: Callable[[Document], DocumentResult]
) -> None:
    paths = _files(tmp_path, r="please refuse this\n")
    with Store(tmp_path / "r.db") as store:
        assert run(paths, store, process=process).failures == 1
        f = store.failures()[0]
        assert (f["code"], f["stage"], f["error"]) == ("E200", "process", "stage refused the text")


def test_store_errors_are_per_document(
    tmp_path: Path,
    process: Callable[[Document], DocumentResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = _files(tmp_path, a=TEXT, b=TEXT.replace("Genoa", "Genoa, Italy,"))
    with Store(tmp_path / "r.db") as store:
        real_save = store.save
        calls = []

        def flaky(result: DocumentResult) -> object:
            calls.append(result.document.id)
            if len(calls) == 1:
                raise StoreError("disk full")
            return real_save(result)

        monkeypatch.setattr(store, "save", flaky)
        stats = run(paths, store, process=process)
        assert (stats.documents, stats.failures) == (1, 1)
        assert store.failures()[0]["stage"] == "store"
        assert store.counts()["documents"] == 1


def test_published_reaches_the_document(
    tmp_path: Path, process: Callable[[Document], DocumentResult]
) -> None:
    got: list[dt.date | None] = []

    def spy(doc: Document) -> DocumentResult:
        got.append(doc.published)
        return process(doc)

    with Store(tmp_path / "r.db") as store:
        run(_files(tmp_path, a=TEXT), store, published=dt.date(2023, 3, 4), process=spy)
    assert got == [dt.date(2023, 3, 4)]


def test_ingest_failures_are_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        stats = run([str(tmp_path / "absent.txt")], store)
        assert stats.failures == 1 and stats.documents == 0
        assert store.failures()[0]["stage"] == "ingest"


def test_known_documents_skip_the_pipeline_unless_reprocess(
    tmp_path: Path, process: Callable[[Document], DocumentResult]
) -> None:
    calls: list[str] = []

    def counting(doc: Document) -> DocumentResult:
        calls.append(doc.id)
        return process(doc)

    paths = _files(tmp_path, a=TEXT)
    with Store(tmp_path / "r.db") as store:
        run(paths, store, process=counting)
        seen: list[Outcome] = []
        again = run(paths, store, process=counting, progress=seen.append)
        assert len(calls) == 1  # not processed twice
        assert (again.documents, again.new_documents, again.events, again.sentences) == (1, 0, 2, 2)
        assert seen[0].known is not None and len(seen[0].event_ids) == 2
        forced = run(paths, store, process=counting, reprocess=True)
        assert len(calls) == 2 and (forced.events, forced.new_events) == (2, 0)
