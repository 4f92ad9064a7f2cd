"""The README documents every CLI command, argument and option (fails when one is added
without documentation), and starts with the two commands a fresh machine needs."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from contention.cli.main import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _sections() -> dict[str, str]:
    """README text under each ``### `contention <command>` `` heading."""
    text = README.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^### `contention (\w+)`\s*$", text)
    sections = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        sections[name] = re.split(r"(?m)^##", body, maxsplit=1)[0]
    return sections


def _commands() -> dict[str, click.Command]:
    assert isinstance(cli, click.Group)
    return dict(cli.commands)


def test_readme_starts_with_make_demo_and_make_test() -> None:
    head = README.read_text(encoding="utf-8")[:600]
    assert "make demo" in head and "make test" in head


def test_every_command_has_a_section() -> None:
    missing = set(_commands()) - set(_sections())
    assert not missing, f"README lacks a '### `contention <cmd>`' section for {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_and_argument_is_documented(name: str) -> None:
    section = _sections().get(name, "")
    command = _commands()[name]
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", section), (
                    f"README section of `contention {name}` does not mention {opt}"
                )
            if isinstance(param.type, click.Choice):
                for choice in param.type.choices:
                    assert str(choice) in section, f"{name} {param.opts[0]}: choice {choice}"
        elif isinstance(param, click.Argument):
            assert (param.name or "").upper() in section, f"{name}: argument {param.name}"


def test_section_parser_finds_known_text() -> None:
    # guards the guard: a broken heading pattern must not make the tests vacuous
    assert "--published" in _sections()["ingest"]
    assert "--published" not in _sections()["events"]
