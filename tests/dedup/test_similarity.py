"""The linking rules: what links, what is vetoed, and that every rule is symmetric."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from dedup_helpers import item

from contention.dedup.similarity import haversine_km, link, score

D = dt.date(2022, 1, 5).toordinal()


def test_same_day_same_place_links() -> None:
    assert link(item("evt_a"), item("evt_b"))


def test_one_day_apart_needs_one_more_agreeing_detail() -> None:
    a, b = item("evt_a", mode=None), item("evt_b", mode=None, day_start=D + 1, day_end=D + 1)
    assert not link(a, b)
    assert link(item("evt_a"), item("evt_b", day_start=D + 1, day_end=D + 1))  # same mode


def test_two_days_apart_or_another_country_never_link() -> None:
    assert score(item("evt_a"), item("evt_b", day_start=D + 2, day_end=D + 2)) is None
    assert score(item("evt_a"), item("evt_b", country="KG")) is None
    assert score(item("evt_a"), item("evt_b", reality="future")) is None


def test_a_strike_and_a_march_on_one_day_are_two_events() -> None:
    assert score(item("evt_a", mode="strike"), item("evt_b", mode="demonstrate")) is None
    assert link(item("evt_a", mode="riot"), item("evt_b", mode="demonstrate"))


def test_different_participants_keep_same_day_strikes_apart() -> None:
    teachers = item("evt_a", mode="strike", place="london", who=frozenset({"teache"}))
    drivers = item("evt_b", mode="strike", place="london", who=frozenset({"driver"}))
    assert not link(teachers, drivers)
    assert link(teachers, item("evt_c", mode="strike", place="london", who=frozenset({"teache"})))


def test_students_and_workers_are_not_one_crowd() -> None:
    assert not link(
        item("evt_a", actors=frozenset({"students"})), item("evt_b", actors=frozenset({"workers"}))
    )
    assert link(
        item("evt_a", actors=frozenset({"workers"})), item("evt_b", actors=frozenset({"union"}))
    )


def test_a_country_level_report_needs_agreeing_words() -> None:
    country = dict(
        place="kazakhstan",
        place_precision="country",
        geonames_id=0,
        lat=None,
        lon=None,
        admin1=None,
    )
    words = frozenset({"almaty", "stormed", "mayor", "office", "burned"})
    assert not link(item("evt_a"), item("evt_b", **country))
    assert link(item("evt_a", tokens=words), item("evt_b", tokens=words, **country))


def test_nearby_cities_link_far_ones_do_not() -> None:
    near = item("evt_b", place="other", geonames_id=2, lat=43.30, lon=76.95)
    far = item("evt_b", place="other", geonames_id=2, lat=44.5, lon=78.0)
    assert link(item("evt_a"), near)
    assert score(item("evt_a"), far) is None
    assert 20 < haversine_km(41.89, 12.51, 42.14, 11.79) < 70


def test_dissimilar_vectors_subtract() -> None:
    a = item("evt_a", mode=None, vector=(1.0, 0.0))
    assert not link(a, item("evt_b", mode=None, vector=(0.0, 1.0)))
    assert link(a, item("evt_b", mode=None, vector=(1.0, 0.0)))


def test_score_is_symmetric() -> None:
    rng = random.Random(3)
    pool = [
        item(
            f"evt_{i}",
            mode=rng.choice([None, "riot", "demonstrate", "strike"]),
            day_start=D + (d := rng.choice([0, 0, 1])),
            day_end=D + d + rng.choice([0, 0, 3]),
            place=rng.choice(["almaty", "kazakhstan"]),
            place_precision=rng.choice(["city", "country"]),
            actors=frozenset(rng.sample(["workers", "students", "union"], rng.randrange(2))),
            tokens=frozenset(rng.sample(["a1", "b2", "c3", "d4", "e5"], 3)),
            language=rng.choice(["en", "it"]),
        )
        for i in range(30)
    ]
    for a, b in itertools.combinations(pool, 2):
        assert score(a, b) == score(b, a)
