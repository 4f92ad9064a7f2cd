"""Content-derived identifiers: the same input gives the same id on any machine."""

from __future__ import annotations

import hashlib


def digest(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts, joined unambiguously (unit separator)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def document_id(text: str) -> str:
    """A document is identified by its cleaned text, so re-ingesting it is a no-op."""
    return "doc_" + digest(text)


def event_id(doc_id: str, type_: str, mode: str | None, anchor: int) -> str:
    """An event is identified by its document, its coding and its first trigger offset."""
    return "evt_" + digest(doc_id, type_, mode or "", anchor)
