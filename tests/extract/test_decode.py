"""decode: BOMs, declared charsets, fallbacks and binary garbage."""

from __future__ import annotations

import codecs
import random

import pytest

from contention.errors import UndecodableBytes
from contention.extract.decode import declared_charset, decode

ITALIAN = "Lo sciopero è proseguito a Taranto: “Perché non ci pagano”, dicono gli operai."


def test_utf8_plain_and_with_bom() -> None:
    assert decode(ITALIAN.encode("utf-8")) == ITALIAN
    assert decode(codecs.BOM_UTF8 + ITALIAN.encode("utf-8")) == ITALIAN


def test_utf16_with_bom() -> None:
    assert decode(codecs.BOM_UTF16_LE + ITALIAN.encode("utf-16-le")) == ITALIAN
    assert decode(codecs.BOM_UTF16_BE + ITALIAN.encode("utf-16-be")) == ITALIAN


def test_windows_1252_without_declaration() -> None:
    data = ITALIAN.encode("cp1252")  # curly quotes are 0x93/0x94, è is 0xE8
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == ITALIAN


def test_declared_charset_wins_over_fallback() -> None:
    text = "<html><head><meta charset='koi8-r'></head><body>Забастовка шахтёров</body></html>"
    assert decode(text.encode("koi8_r")) == text
    http_equiv = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<p>“Sciopero” à Milano</p>"
    )
    assert decode(http_equiv.encode("cp1252")) == http_equiv


def test_stale_latin1_declaration_loses_to_valid_utf8() -> None:
    page = f'<meta charset="iso-8859-1"><p>{ITALIAN}</p>'
    assert decode(page.encode("utf-8")) == page


def test_declared_charset_parsing() -> None:
    assert declared_charset(b'<meta charset="UTF-8">') == "utf-8"
    assert declared_charset(b"<?xml version='1.0' encoding='ISO-8859-1'?>") == "iso8859-1"
    assert declared_charset(b'<meta charset="no-such-codec">') is None
    assert declared_charset(b"plain text") is None


def test_binary_garbage_is_refused() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(UndecodableBytes):
        decode(noise)
    with pytest.raises(UndecodableBytes):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100)


def test_control_characters_in_latin1_are_refused() -> None:
    # bytes undefined in cp1252 fall through to latin-1 as C1 controls: binary, not text
    with pytest.raises(UndecodableBytes):
        decode(b"ab\x81\x8d\x8f\x90\x9d" * 20)


def test_a_stray_control_character_is_tolerated() -> None:
    text = "Workers gathered outside the plant." * 10 + "\x07"
    assert decode(text.encode()) == text
