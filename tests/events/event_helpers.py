"""Run a short report through the real pipeline, checking every evidence quote on the way.

Shared by the event tests of every language: ``events(text)`` is what a test
asserts on, and an offset bug anywhere in the pipeline fails it.
"""

import datetime as dt

from contention.model import Event
from contention.pipeline.core import process_text

P = dt.date(2024, 3, 15)  # a Friday


def events(text: str, published: dt.date | None = P, title: str | None = None) -> list[Event]:
    result = process_text(text, published=published, title=title)
    for e in result.events:
        for ev in e.evidence:
            assert result.document.text[ev.start : ev.end] == ev.quote
    return result.events


def kinds(evs: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.type, e.mode) for e in evs}
