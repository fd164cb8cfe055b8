"""The key that decides whether two printed names are the same person."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)  # the same names recur in every article of a batch
def normalise_name(name: str) -> str:
    """Casefold, strip accents and punctuation, collapse spaces: "Jean-Luc  Moréau" -> "jean luc moreau"."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", bare.casefold()).strip()
