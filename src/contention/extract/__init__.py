"""extract stage: raw bytes → :class:`~contention.model.Document`."""

from contention.extract.decode import decode
from contention.extract.document import extract, to_document

__all__ = ["decode", "extract", "to_document"]
