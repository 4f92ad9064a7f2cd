"""Items: folding, tokens, what is kept of a record, and the stored JSON round trip."""

from __future__ import annotations

import datetime as dt

from dedup_helpers import Ev, item, make_doc

from contention.dedup.items import Item, fold, item_from_record, tokens, who_text
from contention.export.records import event_record


def test_fold_meets_spellings_across_scripts() -> None:
    assert fold("Tokaïev") == "tokaiev"
    assert fold("Токаев") == "tokaev"
    assert fold("Straße") == "strasse"


def test_tokens_cut_words_and_normalise_figures() -> None:
    toks = tokens("Strikers struck in Almaty; 8,000 detained, then 8 000.")
    assert "strike" in toks and "almaty" in toks
    assert "#8000" in toks
    assert "in" not in toks  # below the length floor


def test_item_from_record_keeps_what_the_rules_compare() -> None:
    res = make_doc(
        "Teachers in London marched on 1 February 2023.\n",
        "2023-02-01",
        [
            Ev(
                "marched",
                mode="demonstrate",
                day="2023-02-01",
                place="London",
                actors=[("workers", "Teachers"), ("protesters", "crowd")],
            )
        ],
    )
    rec = event_record(res.events[0], res.document)
    it = item_from_record(rec, "Teachers in London marched")
    assert it.block == "happened|GB|PROTEST"
    assert it.day_start == it.day_end == dt.date(2023, 2, 1).toordinal()
    assert it.actors == frozenset({"workers"})  # generic classes left out
    assert it.who == frozenset({"teache"})
    assert it.published == dt.date(2023, 2, 1).toordinal()
    assert who_text(rec) == "Teachers"


def test_vague_or_unplaced_items_have_no_block() -> None:
    assert item(day_start=1, day_end=100).block is None
    assert item(country=None).block is None
    assert item(day_start=None, day_end=None).block is None


def test_json_round_trip_keeps_vectors_to_half_precision() -> None:
    it = item(vector=(0.6, 0.8), who_vector=(1.0, 0.0), tokens=frozenset({"a", "b"}))
    back = Item.from_json(it.to_json())
    assert back.tokens == it.tokens and back.block == it.block
    assert back.vector is not None and abs(back.vector[0] - 0.6) < 1e-3
    assert back.who_vector == (1.0, 0.0)
    assert Item.from_json(item().to_json()) == item()
