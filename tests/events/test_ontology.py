from contention.events.ontology import MODES, TYPES, acled_for, cameo_for


def test_every_type_has_a_cameo_root() -> None:
    for t in TYPES:
        code = cameo_for(t, None)
        assert code is not None and len(code) == 2


def test_modes_refine_cameo_codes() -> None:
    assert cameo_for("PROTEST", "strike") == "143"
    assert cameo_for("PROTEST", "riot") == "145"
    assert cameo_for("COERCE", "arrest") == "173"
    assert cameo_for("NOPE", None) is None
    assert all(cameo_for(t, m) for t, modes in MODES.items() for m in modes)


def test_acled_follows_who_hit_whom() -> None:
    assert acled_for("PROTEST", "riot") == ("Riots", "Violent demonstration")
    assert acled_for("PROTEST", "strike") == ("Protests", "Peaceful protest")
    assert acled_for("ASSAULT", "firearms", (), "police", "protesters") == (
        "Protests",
        "Excessive force against protesters",
    )
    assert acled_for("ASSAULT", "beat", (), "protesters", "police") == ("Riots", "Mob violence")
    assert acled_for("COERCE", "arrest") == ("Strategic developments", "Arrests")


def test_acled_codes_only_what_happened() -> None:
    assert acled_for("PROTEST", "strike", ("future",)) is None
    assert acled_for("COERCE", "arrest", ("negated",)) is None
    assert acled_for("PROTEST", "strike", ("historical",)) == ("Protests", "Peaceful protest")


def test_armed_groups_fighting_armed_forces_are_battles() -> None:
    from contention.events.ontology import acled_for

    def code(source: str | None, target: str | None) -> tuple[str, str] | None:
        return acled_for("ASSAULT", "kill", source_class=source, target_class=target)

    battle = ("Battles", "Armed clash")
    assert code("armed_group", "military") == battle
    assert code("police", "armed_group") == battle
    assert code("armed_group", "armed_group") == battle
    vac = ("Violence against civilians", "Attack")
    assert code("armed_group", "civilians") == vac
    assert code("armed_group", None) == vac
