"""Plain-Python text helpers shared by models and the import parsers (no Django imports)."""

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=8192)  # the same names recur in every article of an import batch
def name_key(name: str) -> str:
    """Normalise a name so spellings differing only in case, accents, spacing or punctuation compare equal.

    "Jean-Luc  Moréau" -> "jean luc moreau".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def occurrence_nearest(body: str, text: str, near: int) -> int | None:
    """Offset of the occurrence of `text` in `body` closest to `near`, or None when it is not there."""
    best, position = None, body.find(text)
    while position != -1:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        position = body.find(text, position + 1)
    return best


def opening_words(text: str, limit: int = 60) -> str:
    """The text's opening words up to about `limit` characters, never cutting a word; "…" when shortened."""
    words = text.split()
    shown: list[str] = []
    length = 0
    for word in words:
        if shown and length + 1 + len(word) > limit:
            break
        shown.append(word)
        length += len(word) + (1 if len(shown) > 1 else 0)
    label = " ".join(shown)
    return label if len(shown) == len(words) else label + "…"
