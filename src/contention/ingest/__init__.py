"""ingest stage: paths, folders, JSON Lines and stdin → :class:`RawDocument` or Failure."""

from contention.ingest.files import iter_inputs
from contention.ingest.raw import RawDocument

__all__ = ["RawDocument", "iter_inputs"]
