"""TempEval-3: TimeML parsing (text without tags, TIMEX3 offsets, DCT) and the real set."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from contention.eval import tempeval

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2019-10-18" functionInDocument="CREATION_TIME">'
    "October 18, 2019</TIMEX3></DCT>\n"
    '<TEXT>Students in Santiago <EVENT eid="e1">marched</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="2019-10-18">Friday</TIMEX3> and again '
    '<TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> later.</TEXT>\n'
    "</TimeML>\n"
)


def test_parse_tml(tmp_path: Path) -> None:
    p = tmp_path / "doc.tml"
    p.write_text(TML, encoding="utf-8")
    doc = tempeval.parse_tml(p)
    assert doc.dct == dt.date(2019, 10, 18)
    assert doc.text == "Students in Santiago marched on Friday and again two days later."
    assert [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2019-10-18"),
        ("two days", "DURATION", "P2D"),
    ]


def test_run_on_hand_made_document(tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    res = tempeval.run(tmp_path)
    assert res.n == 1
    assert res.metrics["strict.f1"] <= res.metrics["relaxed.f1"]
    assert 0.0 <= res.metrics["value_accuracy"] <= 1.0


def test_real_set(eval_dir: Callable[[str], Path]) -> None:
    data = eval_dir("tempeval3-platinum")
    docs = tempeval.load(data)
    assert len(docs) == 20
    assert sum(len(d.timexes) for d in docs) == 138  # 158 TIMEX3 minus the 20 DCTs
    assert all(d.dct is not None for d in docs)
    for d in docs:
        assert all(d.text[t.start : t.end].strip() for t in d.timexes)
