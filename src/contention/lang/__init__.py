"""Per-language resources: one folder per ISO 639-1 code, one TOML file per stage.

A stage asks for ``load("it", "dates")`` and gets the parsed contents of
``lang/it/dates.toml`` (an empty dict when that language has no such file, so
a missing resource degrades to "nothing found" rather than a crash).  Adding a
language means adding a folder here with the same file names as ``en/``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

SUPPORTED: tuple[str, ...] = ("en", "it", "es", "fr", "de", "ru", "pt")


@cache
def load(language: str, name: str) -> dict[str, Any]:
    """Parsed ``lang/<language>/<name>.toml``; ``{}`` when absent."""
    path = resources.files(__package__).joinpath(language, f"{name}.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)
