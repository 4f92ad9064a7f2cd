"""Russian actor phrases: declined class nouns, titles, names and nationality adjectives."""

from __future__ import annotations

from contention.annotate.actors import find_actors
from contention.model import ActorMention, Sentence


def actors(text: str) -> list[ActorMention]:
    found = find_actors(text, [Sentence(0, 0, len(text), 0, "ru")])
    for a in found:
        assert a.span.quote == text[a.span.start : a.span.end]
    return found


def table(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(a.span.quote, a.cls, a.name, a.country) for a in actors(text)]


def test_class_nouns_in_several_cases() -> None:
    got = table("Полиция задержала протестующих, а нефтяники продолжили забастовку.")
    assert got == [
        ("Полиция", "police", None, None),
        ("протестующих", "protesters", None, None),
        ("нефтяники", "workers", None, None),
    ]


def test_nationality_adjective_gives_the_country() -> None:
    got = table("Российские военные прибыли в Алма-Ату по просьбе президента Токаева.")
    assert got == [
        ("Российские военные", "military", None, "RU"),
        ("президента Токаева", "head_of_state", "Tokayev", "KZ"),
    ]


def test_country_as_state_only_outside_a_locative() -> None:
    assert table("Россия направила десантников.")[0][1:] == ("foreign_state", "Россия", "RU")
    assert all(cls != "foreign_state" for _, cls, _, _ in table("Войска прибыли в Казахстан."))


def test_named_organisations() -> None:
    got = table("Миротворцы ОДКБ охраняли объекты, а Кремль поддержал Токаева.")
    names = {(cls, name) for _, cls, name, _ in got}
    assert ("international_org", "CSTO") in names
    assert ("government", "Kremlin") in names
    assert ("head_of_state", "Tokayev") in names


def test_union_and_employer() -> None:
    got = table("Профсоюз обвинил руководство шахты в задержке зарплаты.")
    assert [(q, cls) for q, cls, _, _ in got] == [
        ("Профсоюз", "union"),
        ("руководство шахты", "company"),
    ]
