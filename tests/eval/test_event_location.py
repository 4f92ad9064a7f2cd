"""Event location: the two offset styles of the gold file, scoring rule, the real set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contention.eval import event_location as el

TEXT = "Riot police detained dozens of miners in Zhanaozen on Tuesday, officials in Aktau said."


def test_character_offsets_are_used_as_they_are() -> None:
    start = TEXT.index("Zhanaozen")
    span = {"start": start, "end": start + 9, "token_start": 7, "token_end": 7}
    assert el.location_span(TEXT, span) == (start, start + 9)
    with_text = dict(span, text="Zhanaozen")
    assert el.location_span(TEXT, with_text) == (start, start + 9)


def test_token_offsets_with_text_are_found_near_the_token() -> None:
    # "Aktau" is token 13: Riot police detained dozens of miners in Zhanaozen on
    # Tuesday , officials in Aktau
    span = {"start": 13, "end": 13, "token_start": 13, "token_end": 13, "text": "Aktau"}
    start = TEXT.index("Aktau")
    assert el.location_span(TEXT, span) == (start, start + 5)
    text2 = "Aktau workers struck; later Aktau police dispersed them."
    near_end = {"start": 5, "end": 5, "token_start": 5, "token_end": 5, "text": "Aktau"}
    assert el.location_span(text2, near_end) == (28, 33)


def test_parse_and_score() -> None:
    verb = TEXT.index("detained")
    loc = TEXT.index("Zhanaozen")
    rec = {
        "_id": "x ",
        "text": TEXT,
        "spans": [
            {"start": verb, "end": verb + 8, "label": "VERB"},
            {"start": loc, "end": loc + 9, "label": "LOCATION"},
        ],
    }
    case = el.parse(rec)
    assert case is not None and case.ident == "x"
    assert el._right((loc, loc + 4), case)
    assert not el._right(None, case)
    assert el._right("Zhanaozen", case)
    assert not el._right((TEXT.index("Aktau"), TEXT.index("Aktau") + 5), case)
    no_loc = el.parse(
        {"text": "They marched.", "spans": [{"start": 5, "end": 12, "label": "VERB"}]}
    )
    assert no_loc is not None and el._right(None, no_loc)
    assert el.parse({"text": "In the city"}) is None


def test_real_set(eval_dir: Callable[[str], Path]) -> None:
    data = eval_dir("event-location")
    cases, read = el.load(data)
    assert read == 496 and len(cases) == 494
    # every resolved gold location span quotes real text
    assert all(c.text[s:e].strip() for c in cases for s, e in c.locations)
    res = el.run(data, limit=10)
    assert res.n == 10
    assert 0.0 <= res.metrics["accuracy"] <= 1.0
