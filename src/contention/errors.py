"""The exception tree, in one place.

    ContentionError            every error this package raises on purpose
    ├── InputError (E1xx)      a document could not be read or decoded
    │   ├── EmptyDocument      E101: nothing left after extraction
    │   ├── TooLarge           E102: over the configured size limit
    │   └── UndecodableBytes   E103: no encoding gives readable text
    ├── ExtractionError (E2xx) HTML or feed could not be turned into text
    └── StoreError (E4xx)      the database refused a write or a schema check

A document-level error is recorded as a :class:`~contention.model.Failure`
for that document and the run goes on; only configuration errors stop a run.
"""

from __future__ import annotations


class ContentionError(Exception):
    code = "E000"


class InputError(ContentionError):
    code = "E100"


class EmptyDocument(InputError):
    code = "E101"


class TooLarge(InputError):
    code = "E102"


class UndecodableBytes(InputError):
    code = "E103"


class ExtractionError(ContentionError):
    code = "E200"


class StoreError(ContentionError):
    code = "E400"


class MissingInput(InputError):
    """E100: a named input path does not exist or cannot be read."""

    code = "E100"


class UnsupportedInput(InputError):
    """E104: a file whose extension the ingest stage does not read."""

    code = "E104"


class MalformedRecord(InputError):
    """E105: one line of a JSON Lines input is not a usable article record."""

    code = "E105"
