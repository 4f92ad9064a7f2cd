"""GeoWebNews: gold toponyms from the XML (only geocoded ones), and a run on two articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contention.eval import geowebnews

XML = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>t</title>
    <text>Farmers drove tractors into Lyon and the French capital.</text>
    <toponyms>
      <toponym><extractedName>Lyon</extractedName><type>Literal</type>
        <start>28</start><end>32</end><latitude>45.75</latitude><longitude>4.85</longitude></toponym>
      <toponym><extractedName>French capital</extractedName><type>Literal_Expression</type>
        <start>41</start><end>55</end></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_load_keeps_only_geocoded_toponyms(tmp_path: Path) -> None:
    (tmp_path / geowebnews.FILE).write_text(XML, encoding="utf-8")
    [art] = geowebnews.load(tmp_path)
    assert art.ident == "7"
    assert [(t.name, t.start, t.end) for t in art.toponyms] == [("Lyon", 28, 32)]
    assert art.text[28:32] == "Lyon"


def test_run_on_hand_made_article(tmp_path: Path) -> None:
    (tmp_path / geowebnews.FILE).write_text(XML, encoding="utf-8")
    res = geowebnews.run(tmp_path)
    assert res.n == 1
    # whatever the recogniser finds, the figures are well-formed
    assert 0.0 <= res.metrics["overlap.f1"] <= 1.0
    assert res.metrics["exact.r"] <= res.metrics["overlap.r"]


def test_real_set(eval_dir: Callable[[str], Path]) -> None:
    data = eval_dir("geowebnews")
    articles = geowebnews.load(data)
    assert len(articles) == 200
    assert sum(len(a.toponyms) for a in articles) == 2601
    res = geowebnews.run(data, limit=2)
    assert res.n == 2
    assert 0.0 <= res.metrics["acc_161km"] <= 1.0
