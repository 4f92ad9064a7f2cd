"""How the suites call the engine and which coded events they count.

One rule for every suite: an event *counts* when the text says it happened —
its context includes ``asserted`` or ``historical`` and none of ``negated``,
``future`` or ``hypothetical``.  Gold annotations in these sets mark events that
took place; a called-off march or a threatened strike is not one of them.

State forces are the actor classes ``police``, ``security_forces`` and
``military``; crowds are ``protesters``, ``workers``, ``students``,
``unemployed``, ``union`` and ``civilians``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from contention.model import Context, DocumentResult, Event

STATE_FORCES = frozenset({"police", "security_forces", "military"})
CROWDS = frozenset({"protesters", "workers", "students", "unemployed", "union", "civilians"})
PROTESTERS = frozenset({"protesters", "workers", "students", "unemployed", "union"})
_HAPPENED = frozenset({Context.ASSERTED, Context.HISTORICAL})
_NOT_HAPPENED = frozenset({Context.NEGATED, Context.FUTURE, Context.HYPOTHETICAL})


def happened(event: Event) -> bool:
    """True when the event counts (asserted or historical, and not negated/future/hypothetical)."""
    ctx = set(event.context)
    return bool(ctx & _HAPPENED) and not ctx & _NOT_HAPPENED


def counted(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if happened(e)]


def source_classes(event: Event) -> set[str]:
    return {a.cls for a in event.actors if a.role == "source"}


def target_classes(event: Event) -> set[str]:
    return {a.cls for a in event.actors if a.role == "target"}


def by_state_forces(event: Event) -> bool:
    return bool(source_classes(event) & STATE_FORCES)


def fatalities(event: Event) -> int:
    """Best fatality count of the event (0 when unknown)."""
    c = event.counts.get("fatalities")
    if c is None:
        return 0
    best = c.best if c.best is not None else c.low
    return best or 0


def trigger_spans(event: Event) -> list[tuple[int, int]]:
    """Character spans of the words that gave the event its type."""
    return [(e.start, e.end) for e in event.evidence if e.field == "type"]


@dataclass(slots=True)
class Engine:
    """Calls ``process_text`` and counts documents it failed on (scored as empty)."""

    errors: int = 0
    first_error: str | None = None

    def run(
        self, text: str, *, url: str = "eval:", published: dt.date | None = None
    ) -> DocumentResult | None:
        from contention.pipeline.core import process_text

        try:
            return process_text(text, url=url, published=published)
        except Exception as exc:  # a crash on one case must not stop the suite
            self.errors += 1
            if self.first_error is None:
                self.first_error = f"{url}: {type(exc).__name__}: {exc}"
            return None

    def events(
        self, text: str, *, url: str = "eval:", published: dt.date | None = None
    ) -> list[Event]:
        result = self.run(text, url=url, published=published)
        return list(result.events) if result is not None else []

    def note(self) -> list[str]:
        if not self.errors:
            return []
        return [
            f"engine failed on {self.errors} case(s), scored as empty; first: {self.first_error}"
        ]
