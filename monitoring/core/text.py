"""Plain-Python text helpers shared by models and the import parsers (no Django imports)."""

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def name_key(name: str) -> str:
    """Normalise a name so spellings differing only in case, accents, spacing or punctuation compare equal."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()
