"""export stage: EVENT_FORMAT records and the files derived from them."""

from contention.export.records import FORMAT_VERSION, event_record
from contention.export.writers import FORMATS, WriteStats, write

__all__ = ["FORMATS", "FORMAT_VERSION", "WriteStats", "event_record", "write"]
