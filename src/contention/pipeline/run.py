"""The batch runner: inputs → documents → events → store, one document at a time.

A bad document never stops a run.  Whatever goes wrong with one input — an
unreadable file (ingest), binary bytes (extract), a crash in a stage, a write
the database refuses — becomes a :class:`~contention.model.Failure` in the
store's ``failures`` table and the next input is read.  Errors the package
raises on purpose keep their own code (E1xx, E2xx, E4xx); anything else is
recorded as ``E900`` with the exception class, because it is a bug to report,
not a property of the input.  Only a failure to record a failure (the database
itself is gone) or an interrupt ends the run early; every document saved before
that stays saved (the store commits per document).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from contention.errors import ContentionError
from contention.model import Document, DocumentResult, Failure
from contention.store.db import SaveStats, Store, StoredDocument

log = logging.getLogger(__name__)

UNEXPECTED = "E900"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: ``result`` and ``saved`` when it was processed,
    ``known`` when it was already stored (and skipped), else ``failure``."""

    source: str
    result: DocumentResult | None = None
    saved: SaveStats | None = None
    failure: Failure | None = None
    known: StoredDocument | None = None

    @property
    def event_ids(self) -> tuple[str, ...]:
        """Ids of this document's events (processed now or stored before)."""
        if self.result is not None:
            return tuple(e.id for e in self.result.events)
        return self.known.event_ids if self.known is not None else ()


ProgressFn = Callable[[Outcome], None]
ProcessFn = Callable[[Document], DocumentResult]


@dataclass(slots=True)
class RunStats:
    """Totals of one run.  ``documents`` counts inputs processed without error
    (already stored ones included); ``new_*`` counts what the store gained."""

    documents: int = 0
    new_documents: int = 0
    events: int = 0
    new_events: int = 0
    failures: int = 0
    sentences: int = 0
    unsupported_sentences: int = 0


def run(
    paths: Sequence[str],
    store: Store,
    published: dt.date | None = None,
    progress: ProgressFn | None = None,
    *,
    max_bytes: int | None = None,
    process: ProcessFn | None = None,
    reprocess: bool = False,
) -> RunStats:
    """Ingest ``paths`` (files, folders, JSON Lines, ``-``) into ``store``.

    ``published`` overrides every document's publication date (the anchor for
    relative dates).  ``progress`` is called once per input, after it has been
    saved or recorded as a failure.  ``process`` replaces the per-document
    pipeline (default :func:`contention.pipeline.core.process_document`).

    A document whose id (a hash of its text) is already stored is not run
    through the pipeline again unless ``reprocess`` is set; even then stored
    rows are never changed, only events the store lacks are added.
    """
    from contention.extract import to_document
    from contention.ingest import iter_inputs

    if process is None:
        from contention.pipeline.core import process_document

        process = process_document
    stats = RunStats()
    inputs = iter_inputs(paths) if max_bytes is None else iter_inputs(paths, max_bytes=max_bytes)
    for item in inputs:
        if isinstance(item, Failure):
            outcome = Outcome(item.source, failure=item)
        else:
            outcome = _one(
                item.source, partial(to_document, item, published), process, store, reprocess
            )
        if outcome.failure is not None:
            store.record_failure(outcome.failure)
            stats.failures += 1
        elif outcome.known is not None:
            stats.documents += 1
            stats.events += len(outcome.known.event_ids)
            stats.sentences += outcome.known.sentences
            stats.unsupported_sentences += outcome.known.unsupported_sentences
        elif outcome.result is not None and outcome.saved is not None:
            stats.documents += 1
            stats.new_documents += int(outcome.saved.document_new)
            stats.events += len(outcome.result.events)
            stats.new_events += outcome.saved.events_new
            stats.sentences += len(outcome.result.sentences)
            stats.unsupported_sentences += outcome.result.unsupported_sentences
        if progress is not None:
            progress(outcome)
    return stats


def _one(
    source: str,
    extract: Callable[[], Document],
    process: ProcessFn,
    store: Store,
    reprocess: bool,
) -> Outcome:
    """Extract, process and save one input; any error becomes a Failure of the stage it hit."""
    stage = "extract"
    try:
        doc = extract()
        if not reprocess:
            stage = "store"
            known = store.stored_document(doc.id)
            if known is not None:
                return Outcome(source, known=known)
        stage = "process"
        result = process(doc)
        stage = "store"
        saved = store.save(result)
    except ContentionError as exc:
        return Outcome(source, failure=Failure(source, stage, str(exc), exc.code))
    except Exception as exc:  # one bad document must not end the run
        log.debug("unexpected error on %s", source, exc_info=True)
        message = f"{type(exc).__name__}: {exc}"
        return Outcome(source, failure=Failure(source, stage, message, UNEXPECTED))
    return Outcome(source, result=result, saved=saved)
