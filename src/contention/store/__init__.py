"""store stage: events and documents in SQLite (default) or PostgreSQL."""

from contention.store.db import DEFAULT_DB, ENV_VAR, SaveStats, Store

__all__ = ["DEFAULT_DB", "ENV_VAR", "SaveStats", "Store"]
