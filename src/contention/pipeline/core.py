"""The whole per-document pipeline: extract → segment → annotate → detect/code → assemble.

``process`` never raises for a bad document: it returns a :class:`Failure`
instead, so that a run over a folder or an archive goes on and records why
one document was skipped.  Stages are plain functions of plain records, so a
distributed runner can call ``process`` on any worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contention.model import (
    ActorMention,
    CountMention,
    DateMention,
    Document,
    DocumentResult,
    PlaceMention,
    Sentence,
)


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything the annotate stage found in one document (absolute offsets)."""

    places: tuple[PlaceMention, ...]
    dates: tuple[DateMention, ...]
    counts: tuple[CountMention, ...]
    actors: tuple[ActorMention, ...]


def annotate(doc: Document, sentences: list[Sentence]) -> Annotations:
    from contention.annotate.actors import find_actors
    from contention.annotate.counts import find_counts
    from contention.annotate.dates import find_dates
    from contention.annotate.places import find_places

    return Annotations(
        places=tuple(find_places(doc.text, sentences)),
        dates=tuple(find_dates(doc.text, sentences, doc.published)),
        counts=tuple(find_counts(doc.text, sentences)),
        actors=tuple(find_actors(doc.text, sentences)),
    )


def process_document(doc: Document) -> DocumentResult:
    """Run segment → annotate → detect → assemble on an extracted document."""
    from contention.events.assemble import assemble
    from contention.events.detect import detect
    from contention.segment.sentences import segment

    sentences = segment(doc.text)
    ann = annotate(doc, sentences)
    mentions = detect(doc, sentences, ann)
    events = assemble(doc, sentences, ann, mentions)
    unsupported = sum(1 for s in sentences if s.language == "und")
    return DocumentResult(doc, sentences, events, unsupported)


def process_text(
    text: str,
    *,
    url: str = "memory:",
    published: dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> DocumentResult:
    """Convenience entry point for plain text (tests, evaluation adapters)."""
    from contention.ids import document_id

    doc = Document(
        id=document_id(text),
        url=url,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        published_source="argument" if published else None,
    )
    return process_document(doc)
