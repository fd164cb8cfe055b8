"""The language of an article: as the input gives it, or detected from the text with lingua.

Quote and speaker extraction is written for English; an article in another language gets a
warning instead of quotes that would be noise.
"""

from __future__ import annotations

import functools
import re

# Too little text to tell languages apart reliably: such an article is taken as English.
MIN_DETECT_WORDS = 12
# Enough text to decide; longer articles are not read further.
_DETECT_CHARS = 2000
# Below this confidence the detector is not trusted, and the article is taken as English.
_MIN_CONFIDENCE = 0.5
_ENGLISH_NAMES = {"en", "eng", "english"}
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")

# The languages the detector chooses among (fewer candidates: faster and fewer confusions).
_LANGUAGES = (
    "ENGLISH FRENCH GERMAN SPANISH PORTUGUESE ITALIAN DUTCH RUSSIAN UKRAINIAN BELARUSIAN KAZAKH "
    "TURKISH ARABIC PERSIAN URDU HINDI BENGALI CHINESE JAPANESE KOREAN VIETNAMESE INDONESIAN MALAY "
    "POLISH CZECH SLOVAK HUNGARIAN ROMANIAN BULGARIAN SERBIAN CROATIAN GREEK SWEDISH DANISH "
    "BOKMAL FINNISH HEBREW THAI SWAHILI TAGALOG AZERBAIJANI GEORGIAN ARMENIAN MONGOLIAN"
).split()


# The commonest English words; together a third of running English text and rare in other languages.
_ENGLISH_WORDS = set(
    "the and of to in that is was for on with as by at said he she his her it from be are have has not "
    "will this but they were would which who their been had an or its after".split()
)
_ENGLISH_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LANGUAGES if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def language_detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:_DETECT_CHARS]
    if len(sample.split()) < MIN_DETECT_WORDS and not _mostly_non_latin(sample):
        return None
    words = _WORD.findall(sample.casefold())
    if words and sum(1 for word in words if word in _ENGLISH_WORDS) >= _ENGLISH_SHARE * len(words):
        return "en"  # plainly English (a fifth of the words are "the", "and", "said" ...): no model needed
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < _MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()


def _mostly_non_latin(text: str) -> bool:
    """Chinese or Japanese text has few spaces: judge it by its letters, not its words."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 20 and sum(1 for char in letters if ord(char) > 0x2E80) > len(letters) / 2


def is_english(language: str | None) -> bool:
    """Whether a given or detected language is English; None (unknown) counts as English."""
    if not language:
        return True
    value = language.strip().casefold()
    if value in _ENGLISH_NAMES:
        return True
    return bool(_CODE.match(value)) and re.split(r"[-_]", value)[0] in _ENGLISH_NAMES


def english_only_warning(language: str) -> str:
    return f"quotes and speakers not extracted: the article is in '{language}', and extraction reads English only"
