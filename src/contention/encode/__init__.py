"""Multilingual sentence encoder (optional extra ``[encoder]``): see :mod:`.encoder`."""

from contention.encode.encoder import (
    Encoder,
    EncoderUnavailable,
    UseEncoder,
    available,
    embed,
    get_encoder,
    set_encoder,
    similarity,
    similarity_matrix,
)

__all__ = [
    "Encoder",
    "EncoderUnavailable",
    "UseEncoder",
    "available",
    "embed",
    "get_encoder",
    "set_encoder",
    "similarity",
    "similarity_matrix",
]
