"""Organisations and countries named in a text, counted; people named in a photo caption."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from .article import Mention
from .gazetteer import COUNTRY_ALIASES, COUNTRY_CODES, ORGANIZATION_ALIASES
from .speech import COMMON_OWNERS, NAME_RUN, NOT_NAME_WORDS, ORG_WORDS, PLACE_WORDS, TITLE_HEADS, clean_name


class _Gazetteer:
    """Whole-word lookup of many names, linear in the text.

    One regex alternation of hundreds of names is tried name by name at every position; here
    only names sharing the first two letters of a capitalised word are compared.
    """

    _WORD_START = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ]")

    def __init__(self, names: Iterable[str]) -> None:
        self.by_prefix: dict[str, list[str]] = {}
        for name in sorted(set(names), key=len, reverse=True):
            self.by_prefix.setdefault(name[:2], []).append(name)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        covered_to = 0
        length = len(text)
        by_prefix = self.by_prefix
        for match in self._WORD_START.finditer(text):
            start = match.start()
            candidates = by_prefix.get(text[start : start + 2])
            if not candidates or start < covered_to:
                continue
            for name in candidates:
                end = start + len(name)
                # Hyphens count as word characters: "Guinea" is not in "Guinea-Bissau".
                if text.startswith(name, start) and (end >= length or not (text[end].isalnum() or text[end] in "-_")):
                    yield start, end, name
                    covered_to = end
                    break


# One pass finds both: a country alias and an organisation alias never share a spelling.
_GAZETTEER = _Gazetteer([*COUNTRY_ALIASES, *ORGANIZATION_ALIASES])


_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-ÖØ-Þ][\w'’&\-]*)"
# Capitalised runs that may hold "of", "for", "the" inside: "Ministry of Foreign Affairs". Not "and":
# "the UN and the World Bank" are two bodies.
_ORG_RUN_RE = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|for|de)(?:[ \t]+the)?[ \t]+)?{_CAP_WORD})*")
_CONNECTORS = {"of", "for", "and", "on", "in", "de", "the"}


def _org_from_run(run: str) -> str | None:
    """The organisation a capitalised run names, or None when it names none."""
    if " " not in run and run not in ORG_WORDS:
        return ORGANIZATION_ALIASES.get(run.rstrip("."))  # most single capitalised words are no body
    words = run.split()
    # "Kenya's Foreign Ministry": the owner is a country, the organisation starts after it.
    for index, word in enumerate(words):
        if word.endswith(("'s", "’s")) and word[:-2] not in COMMON_OWNERS:
            words = words[index + 1 :]
            break
    while words and (words[0] in NOT_NAME_WORDS or words[0] in _CONNECTORS):
        words.pop(0)
    while words and words[-1] in _CONNECTORS:
        words.pop()
    if not words:
        return None
    name = " ".join(words).rstrip(".")
    if name in ORGANIZATION_ALIASES:
        return ORGANIZATION_ALIASES[name]
    if any(word.strip("'’.") in ORG_WORDS for word in words if word not in _CONNECTORS):
        if len(words) == 1 and words[0] in ORG_WORDS:
            return None  # "Parliament" alone is a common noun at a sentence start
        return name
    return None


def mentions_count(text: str, extra_organizations: Iterable[str] = ()) -> tuple[list[Mention], list[Mention]]:
    """(organisations, countries) named in the text with counts, from one scan of the gazetteers.

    Organisations come from the gazetteer (aliases fold: UN -> United Nations) and from
    capitalised names holding "Ministry", "Party", "League" ...; ``extra_organizations`` (from
    speaker titles) are counted even when the patterns miss them.
    """
    found: list[tuple[int, int, str]] = []
    country_counts: Counter[str] = Counter()
    for start, end, alias in _GAZETTEER.finditer(text):
        if alias in ORGANIZATION_ALIASES:
            found.append((start, end, ORGANIZATION_ALIASES[alias]))
        else:
            country_counts[COUNTRY_ALIASES[alias][0]] += 1
    for match in _ORG_RUN_RE.finditer(text):
        name = _org_from_run(match.group())
        if name:
            found.append((match.start(), match.end(), name))
    # Overlaps: the longest span wins ("United Nations Security Council" over "United Nations").
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    counts: Counter[str] = Counter()
    covered_to = -1
    for start, end, name in found:
        if start < covered_to:
            continue
        counts[name] += 1
        covered_to = end
    for name in extra_organizations:
        if name not in counts:
            counts[name] = max(1, text.count(name))
    organizations = [Mention(name, count) for name, count in counts.most_common()]
    countries = [Mention(name, count, COUNTRY_CODES[name]) for name, count in country_counts.most_common()]
    return organizations, countries


def organizations_count(text: str, extra: Iterable[str] = ()) -> list[Mention]:
    """Organisations with how often they are named; aliases fold into one name (UN -> United Nations)."""
    return mentions_count(text, extra)[0]


def countries_count(text: str) -> list[Mention]:
    """Countries named, by name, alternative name or demonym, with ISO codes and counts."""
    return mentions_count(text)[1]


_PLACE_AFTER = re.compile(
    r"\s+(?:province|region|district|state|county|city|island|square|street|harbou?r|port|bay)\b", re.IGNORECASE
)
_PICTURED_RE = re.compile(rf"(?<![\w'’])({NAME_RUN})")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|from|to|near|of|outside|inside|across|into|on)\s+(?:the\s+)?)$")
_QUOTE_OR_SPEECH = re.compile(r"[\"“”]|\b(?:said|says|speaks|speaking|told|addresses|addressing)\b")


def caption_people(caption: str) -> list[str]:
    """Names of people in a caption: two or more capitalised words that are not places or bodies."""
    people: list[str] = []
    for match in _PICTURED_RE.finditer(caption):
        split = clean_name(match.group(1))
        if split is None:
            continue
        title_words, name_words = split
        if len(name_words) < 2 or _PLACE_BEFORE.search(caption[: match.start()]):
            continue
        name = " ".join(name_words)
        if name in COUNTRY_ALIASES or name in ORGANIZATION_ALIASES:
            continue
        if any(word.strip("'’.") in ORG_WORDS or word in TITLE_HEADS or word in PLACE_WORDS for word in name_words):
            continue
        after = caption[match.end() : match.end() + 12]
        if _PLACE_AFTER.match(after):
            continue
        if name not in people:
            people.append(name)
    return people
