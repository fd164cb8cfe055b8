"""Bytes to text: UTF-8 first, a BOM when present, cp1252 as the fallback older saves need."""

from __future__ import annotations

import codecs

from .errors import ParseError

# Above this share of control characters the file is not text, whatever it decodes to.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


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
            # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it cannot fail.
            try:
                text, note = data.decode("cp1252"), "decoded as cp1252 (not valid UTF-8)"
            except UnicodeDecodeError:
                text, note = data.decode("latin-1"), "decoded as latin-1 (not valid UTF-8)"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ParseError("empty file", source=source)
    controls = sum(1 for char in text if char < " " and char not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ParseError("binary file (mostly non-text bytes), not text", source=source)
    return text, note
