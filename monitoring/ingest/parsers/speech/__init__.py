"""Who said what: direct, partial and indirect quotes and their speakers, found by rules.

The package reads a body in the steps of ``pipeline``; the words it knows are in ``lexicon``
(reporting verbs) and ``vocabulary`` (names, titles, groups), its regular expressions in
``patterns``, the ordered rules in ``rules`` and the persons met so far in ``registry``.
"""

from .entities import clean_name, title_organizations
from .patterns import NAME_RUN
from .pipeline import speech_extract
from .spans import quote_spans
from .vocabulary import COMMON_OWNERS, NOT_NAME_WORDS, ORG_WORDS, PLACE_WORDS, TITLE_HEADS

__all__ = [
    "COMMON_OWNERS",
    "NAME_RUN",
    "NOT_NAME_WORDS",
    "ORG_WORDS",
    "PLACE_WORDS",
    "TITLE_HEADS",
    "clean_name",
    "quote_spans",
    "speech_extract",
    "title_organizations",
]
