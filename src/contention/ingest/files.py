"""Local inputs: files, folders, JSON Lines archives and standard input.

:func:`iter_inputs` never raises for a bad input: every path that cannot be
read becomes a :class:`~contention.model.Failure` in the stream (with the
code of the matching :mod:`contention.errors` class) and the run goes on.
Order is deterministic (arguments in the given order, folder contents sorted
by path) so that two runs over the same tree give the same ids in the same
order.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from contention.errors import (
    EmptyDocument,
    InputError,
    MalformedRecord,
    MissingInput,
    TooLarge,
    UnsupportedInput,
)
from contention.ingest.raw import Kind, RawDocument, parse_published, sniff_kind
from contention.model import Failure

STAGE = "ingest"
DEFAULT_MAX_BYTES = 20_000_000

_KIND_BY_SUFFIX: dict[str, Kind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def _failure(source: str, exc: InputError) -> Failure:
    return Failure(source=source, stage=STAGE, error=str(exc), code=exc.code)


def _is_hidden(path: Path, root: Path) -> bool:
    """Hidden means any component below ``root`` starts with a dot (.git, .DS_Store)."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(root: Path) -> Iterator[Path]:
    """Regular files under ``root``, sorted by path, hidden ones skipped silently."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and not _is_hidden(path, root):
            yield path


def iter_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Failure]:
    """Yield one :class:`RawDocument` per readable article, a ``Failure`` otherwise.

    ``paths`` holds files, folders (read recursively) and ``-`` for standard
    input.  Files are read by extension: ``.html``/``.htm``/``.xhtml`` as
    HTML, ``.txt`` as text, ``.jsonl``/``.ndjson`` as one article a line
    (see :func:`iter_jsonl`); any other extension is reported as E104.
    ``max_bytes`` bounds one article (one file, or one JSON Lines record):
    larger ones are reported as E102 without being read into memory.
    Missing paths are E100, empty files E101.
    """
    for arg in paths:
        if arg == "-":
            yield _read_stdin(max_bytes)
            continue
        path = Path(arg).expanduser()
        if path.is_dir():
            root = path.resolve()
            for child in _walk(root):
                yield from _read_path(child, max_bytes)
        else:
            yield from _read_path(path, max_bytes)


def _read_path(path: Path, max_bytes: int) -> Iterator[RawDocument | Failure]:
    path = path.resolve() if path.exists() else path.absolute()
    source = path.as_uri()
    suffix = path.suffix.lower()
    if not path.is_file():
        yield _failure(source, MissingInput(f"no such file: {path}"))
        return
    if suffix in _JSONL_SUFFIXES:
        yield from iter_jsonl(path, max_bytes=max_bytes)
        return
    kind = _KIND_BY_SUFFIX.get(suffix)
    if kind is None:
        yield _failure(source, UnsupportedInput(f"unsupported file type {suffix or '(none)'!r}"))
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{size} bytes is over the limit of {max_bytes}")
        data = path.read_bytes()
    except InputError as exc:
        yield _failure(source, exc)
        return
    except OSError as exc:
        yield _failure(source, MissingInput(f"cannot read {path}: {exc.strerror or exc}"))
        return
    if not data.strip():
        yield _failure(source, EmptyDocument("empty file"))
        return
    yield RawDocument(source=source, data=data, kind=kind)


def _read_stdin(max_bytes: int) -> RawDocument | Failure:
    """Read at most ``max_bytes + 1`` bytes so an oversize pipe is detected, not buffered."""
    source = "stdin"
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, ValueError, AttributeError) as exc:
        return _failure(source, MissingInput(f"cannot read standard input: {exc}"))
    if len(data) > max_bytes:
        return _failure(source, TooLarge(f"standard input is over the limit of {max_bytes} bytes"))
    if not data.strip():
        return _failure(source, EmptyDocument("standard input is empty"))
    return RawDocument(source=source, data=data, kind=sniff_kind(data))


def iter_jsonl(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Failure]:
    """One article per line: ``{"url", "title", "published", "html" | "text"}``.

    A line that is not a JSON object, or has neither a non-empty ``html`` nor
    ``text`` string, becomes an E105 failure for that line only; the rest of
    the file goes on.  Blank lines are skipped.  When a record has both
    fields, ``html`` wins: it carries metadata that ``text`` has lost.  The
    file is streamed, so ``max_bytes`` applies per line, not per file.
    """
    base = path.as_uri()
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield _failure(base, MissingInput(f"cannot read {path}: {exc.strerror or exc}"))
        return
    seen_any = False
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            seen_any = True
            source = f"{base}#L{lineno}"
            if len(line) > max_bytes:
                yield _failure(source, TooLarge(f"record is over the limit of {max_bytes} bytes"))
                continue
            try:
                yield _record(source, line)
            except InputError as exc:
                yield _failure(source, exc)
    if not seen_any:
        yield _failure(base, EmptyDocument("empty file"))


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return (value.strip() or None) if isinstance(value, str) else None


def _record(source: str, line: bytes) -> RawDocument:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedRecord(f"not valid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise MalformedRecord("a record must be a JSON object")
    body: str | None = None
    kind: Kind = "text"
    for key in ("html", "text"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            body, kind = value, "html" if key == "html" else "text"
            break
    if body is None:
        if any(isinstance(record.get(k), str) for k in ("html", "text")):
            raise EmptyDocument("record has an empty html/text field")
        raise MalformedRecord("record has neither an 'html' nor a 'text' string")
    return RawDocument(
        source=source,
        data=body.encode("utf-8"),
        kind=kind,
        url=_optional_str(record, "url"),
        title=_optional_str(record, "title"),
        published=parse_published(record.get("published")),
    )
