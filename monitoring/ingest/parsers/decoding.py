"""Bytes to text: UTF-8 first, a BOM when present; else the detected legacy encoding (charset-normalizer) for
files long enough to tell, and cp1252 for shorter ones."""

from __future__ import annotations

import codecs
import re
from typing import Any

from .errors import ParseError

# Above this share of control characters the file is not text, whatever it decodes to.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
# Characters no text column stores alike on every backend: PostgreSQL refuses NUL, and a lone surrogate (a JSON
# "\ud800" escape) cannot be encoded as UTF-8 at all. They are replaced, never passed on.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str | None]:
    """Return the text and a note on how it was decoded (None for plain UTF-8)."""
    note: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text, note = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 BOM removed"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ParseError(f"invalid UTF-16 text ({error.reason})", source=source) from None
        note = "decoded as UTF-16 (BOM)"
    else:
        if b"\x00" in data:
            raise ParseError("binary file (contains NUL bytes), not text", source=source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, note = legacy_decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    text, replaced = text_repair(text)
    if replaced:
        note = "; ".join(filter(None, [note, repair_note(replaced)]))
    if not text.strip():
        raise ParseError("empty file", source=source)
    controls = sum(1 for char in text if char < " " and char not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ParseError("binary file (mostly non-text bytes), not text", source=source)
    return text, note


# Below this many bytes charset detection guesses wrong too often (Shift-JIS read as cp949, cp1252 as
# cp1250): a shorter file is read as cp1252, the encoding older Western saves use.
DETECT_MIN_BYTES = 400
# The legacy encodings press archives are saved in; a short list keeps look-alike code pages out.
DETECT_CANDIDATES = [
    "cp1252",
    "cp1250",
    "cp1251",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "gb18030",
    "big5",
    "cp932",
    "euc_jp",
    "cp949",
]
# Above this share of unlikely character sequences a detected encoding is not trusted.
_MAX_CHAOS = 0.1


def legacy_decode(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: its detected encoding when the file is long enough to tell, else cp1252."""
    if len(data) >= DETECT_MIN_BYTES:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=DETECT_CANDIDATES).best()
        if best is not None and best.chaos <= _MAX_CHAOS:
            text = str(best)
            encoding = best.encoding
            try:
                if encoding != "cp1252" and data.decode("cp1252") == text:
                    encoding = "cp1252"  # the same text either way: name the common encoding
            except UnicodeDecodeError:
                pass
            return text, f"decoded as {encoding} (detected; not valid UTF-8)"
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it cannot fail.
    try:
        return data.decode("cp1252"), "decoded as cp1252 (not valid UTF-8)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "decoded as latin-1 (not valid UTF-8)"


def text_repair(text: str) -> tuple[str, int]:
    """The text with NUL characters and lone surrogates replaced by U+FFFD, and how many were replaced."""
    return _UNSTORABLE.subn(REPLACEMENT, text)


def value_repair(value: Any) -> tuple[Any, int]:
    """A decoded JSON value with every string in it (keys too) repaired, and how many characters were replaced.

    Recursion is safe here: records are checked against the nesting limit before they are decoded.
    """
    if isinstance(value, str):
        return text_repair(value)
    if isinstance(value, list):
        items = [value_repair(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    if isinstance(value, dict):
        replaced, repaired = 0, {}
        for key, item in value.items():
            (key, key_count), (item, item_count) = text_repair(key), value_repair(item)
            repaired[key] = item
            replaced += key_count + item_count
        return repaired, replaced
    return value, 0


def repair_note(replaced: int) -> str:
    return f"replaced {replaced:,} NUL or lone surrogate character(s) with U+FFFD"
