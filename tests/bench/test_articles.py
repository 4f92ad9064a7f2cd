"""The benchmark's article generator: deterministic, ~600 words, real work for every stage.

Nothing here is timed: speed is measured by ``contention bench``, not by tests.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from contention.bench.articles import MAX_WORDS, MIN_WORDS, generate, generate_one
from contention.ingest.raw import RawDocument


def _raw(index: int, seed: int = 7) -> RawDocument:
    a = generate_one(index, seed)
    return RawDocument(source=a.url, data=a.html.encode("utf-8"), kind="html", url=a.url)


def test_same_seed_same_pages_whatever_n() -> None:
    first = generate(6, seed=7)
    again = generate(6, seed=7)
    assert [a.html for a in first] == [a.html for a in again]
    # A page depends on (index, seed) only, not on how many pages were asked for.
    assert generate_one(4, seed=7) == first[4]


def test_other_seed_other_pages() -> None:
    assert generate_one(0, seed=7).html != generate_one(0, seed=8).html
    assert len({a.html for a in generate(20)}) == 20


def test_word_count_near_600() -> None:
    words = [a.words for a in generate(40)]
    assert all(450 <= w <= 750 for w in words), words
    assert all(MIN_WORDS <= w <= MAX_WORDS + 80 for w in words), words


def test_both_languages_and_real_city_in_body() -> None:
    pages = generate(30)
    assert {a.language for a in pages} == {"en", "it"}
    for a in pages:
        assert a.city in a.body
        assert f'<html lang="{a.language}">' in a.html


def test_italian_article_fusion() -> None:
    from contention.bench.articles import _fuse

    assert _fuse("da", "lo Spi Cgil") == "dallo Spi Cgil"
    assert _fuse("a", "la prefettura") == "alla prefettura"
    assert _fuse("di", "l'Autorità portuale") == "dell'Autorità portuale"
    assert _fuse("a", "Palazzo Marino") == "a Palazzo Marino"


def test_page_carries_furniture_outside_the_body() -> None:
    a = generate_one(3)
    for marker in (
        "<nav",
        "<footer",
        'class="related"',
        'class="most-read"',
        "cookie-banner",
        "<figcaption>",
        'id="comments"',
        "application/ld+json",
    ):
        assert marker in a.html, marker
    # Every body paragraph is in the page, HTML-escaped.
    import html as html_lib

    for para in a.body.split("\n\n"):
        assert html_lib.escape(para) in a.html


def test_extraction_keeps_the_article_and_drops_the_furniture() -> None:
    from contention.extract import to_document

    a = generate_one(1)
    doc = to_document(_raw(1))
    paragraphs = a.body.split("\n\n")
    assert paragraphs[0] in doc.text
    assert paragraphs[-1] in doc.text
    for furniture in ("Accept all", "Accetta tutti", "Cookie settings", "Impostazioni cookie"):
        assert furniture not in doc.text
    assert doc.published == a.published


@pytest.mark.parametrize("index", [0, 1, 2])
def test_generated_page_runs_through_the_pipeline(index: int) -> None:
    from contention.extract import to_document
    from contention.pipeline.core import process_document

    result = process_document(to_document(_raw(index)))
    assert result.sentences
    assert result.events, "a page about a strike or march should yield at least one event"
    for ev in result.events:
        for e in ev.evidence:
            assert result.document.text[e.start : e.end] == e.quote


def test_bench_command_options() -> None:
    from contention.cli.bench_cmd import bench_cmd

    out = CliRunner().invoke(bench_cmd, ["--help"])
    assert out.exit_code == 0
    for option in ("--n", "--seed", "--json"):
        assert option in out.output
    assert CliRunner().invoke(bench_cmd, ["--n", "0"]).exit_code == 2
