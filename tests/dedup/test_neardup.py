"""Wire copies by MinHash: found, confirmed, deterministic; own reports are not copies."""

from __future__ import annotations

from contention.dedup import neardup

WIRE = (
    "Thousands of protesters stormed the mayor's office in Almaty on Wednesday and set it on "
    "fire, as anger over a sharp rise in fuel prices turned into the worst unrest Kazakhstan "
    "has seen in decades. Police fired stun grenades and tear gas at crowds in the main square."
)
COPY = "Crowds burn Almaty mayor's office\n" + WIRE + " The president declared an emergency."
OWN = (
    "The calm returned on Monday to Almaty after a week of riots in which at least 164 people "
    "died, state television said, citing the health ministry; nearly 8,000 were detained."
)


def test_a_wire_copy_is_a_near_duplicate_and_an_own_report_is_not() -> None:
    sigs = {"doc_a": neardup.signature(WIRE), "doc_b": neardup.signature(COPY)}
    known = {"doc_c": neardup.signature(OWN)}
    pairs = neardup.near_duplicates(sigs, known)
    assert [(a, b) for a, b, _ in pairs] == [("doc_a", "doc_b")]
    assert pairs[0][2] >= neardup.THRESHOLD


def test_signatures_are_deterministic_and_survive_hex() -> None:
    a, b = neardup.signature(WIRE), neardup.signature(WIRE)
    assert (a == b).all()
    assert (neardup.from_hex(neardup.to_hex(a)) == a).all()
    assert neardup.jaccard(a, neardup.signature(OWN)) < 0.2


def test_groups_are_components_named_by_smallest_id() -> None:
    g = neardup.groups(["d3", "d1", "d2", "d4"], [("d1", "d3"), ("d2", "d3")])
    assert g == {"d1": "d1", "d2": "d1", "d3": "d1", "d4": "d4"}
