"""Our own PLOVER-labelled sentences: the loader and the suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from contention.eval import own_plover


def test_unknown_types_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "xx.toml"
    p.write_text('[[case]]\ntypes = ["DEMAND"]\ntext = "They asked for more."\n', encoding="utf-8")
    with pytest.raises(ValueError, match="DEMAND"):
        own_plover.load(p)


def test_scores_a_small_set(tmp_path: Path) -> None:
    (tmp_path / "en.toml").write_text(
        "[[case]]\n"
        'types = ["PROTEST"]\n'
        'text = "Thousands of teachers marched through Lisbon on Tuesday against the pay freeze."\n'
        "[[case]]\n"
        "types = []\n"
        'text = "The striker scored twice as Benfica beat Porto on Sunday."\n',
        encoding="utf-8",
    )
    res = own_plover.run(tmp_path)
    assert res.n == 2
    assert res.metrics["en.PROTEST.f1"] == 1.0


def test_the_bundled_sets_parse() -> None:
    files = sorted(own_plover.default_dir().glob("*.toml"))
    assert files, "tests/eval_data/plover holds no language file"
    for f in files:
        assert len(own_plover.load(f)) >= 80
