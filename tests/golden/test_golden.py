"""End to end: every bundled sample through the real pipeline, scored against its golden case.

One test per ``tests/golden/*.json``.  The golden files were written by people
reading the articles (see ``what_it_tests`` and each event's ``note``), so a
failure here means the engine disagrees with a careful human coder: read the
assertion message, which lists missed, duplicated, forbidden and unexpected
events with the field that failed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contention.eval.golden import GoldenCase, load_cases, run_case, samples_dir

GOLDEN_DIR = Path(__file__).parent
CASES = load_cases(GOLDEN_DIR)


def test_every_sample_has_a_golden_case() -> None:
    samples = {p.name for p in samples_dir().iterdir() if p.suffix in {".txt", ".html", ".jsonl"}}
    covered = {c.file for c in CASES}
    assert samples, "no bundled samples found"
    assert samples == covered, (
        f"samples without golden: {samples - covered}; goldens without sample: {covered - samples}"
    )


def test_golden_cases_are_well_formed() -> None:
    assert len(CASES) >= 10
    for case in CASES:
        assert case.name == Path(case.file).stem, f"{case.name} must be named after {case.file}"
        assert case.what_it_tests.strip()
        assert case.published is not None or case.documents, f"{case.name}: no publication date"
        for exp in (*case.events, *case.optional):
            assert exp.note.strip(), f"{case.name}: {exp.label()} has no note"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: GoldenCase) -> None:
    result, _ = run_case(case)
    assert result.passed, result.summary()


# Words that appear only in the page furniture of the HTML samples (ticker, related
# links, "most read", cookie banner, share bar, photo credit, footer): the article
# text handed to the engine must not contain them, or their headlines become events.
BOILERPLATE = {
    "en_lisbon_housing_march.html": (
        "Antwerp",
        "Calais",
        "Brussels",
        "Greece",
        "Madrid",
        "Benfica",
        "cookies",
        "Share on",
        "Photo:",
        "All rights reserved",
    ),
    "bilingual_logistics_strike.html": ("Comunicati", "Contatti"),
    "feed_two_articles.jsonl": ("Uganda", "Kampala"),
}


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_page_furniture_is_not_article_text(name: str) -> None:
    from contention.extract import to_document
    from contention.ingest import iter_inputs

    texts = [to_document(raw).text for raw in iter_inputs([str(samples_dir() / name)])]
    assert texts
    for word in BOILERPLATE[name]:
        assert not any(word in t for t in texts), f"{name}: boilerplate {word!r} kept in the text"
