"""Organisations and countries named in a text, counted; people named in a photo caption."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .article import Mention
from .gazetteer import COUNTRY_ALIASES, ORGANIZATION_ALIASES
from .speech import NAME_RUN, TITLE_HEADS, _NOT_NAME_WORDS, _ORG_WORDS, _clean_name


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


# Hyphens count as word characters at the edges so "Guinea" does not match in "Guinea-Bissau".
_COUNTRY_RE = re.compile(rf"(?<![\w-])(?:{_alternation(COUNTRY_ALIASES)})(?![\w-])")
_GAZETTEER_ORG_RE = re.compile(rf"(?<![\w.-])(?:{_alternation(ORGANIZATION_ALIASES)})(?![\w-]|\.\w)")
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-ÖØ-Þ][\w'’&\-]*)"
# Capitalised runs that may hold "of", "for", "the" inside: "Ministry of Foreign Affairs". Not "and":
# "the UN and the World Bank" are two bodies.
_ORG_RUN_RE = re.compile(
    rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|for|on|de)(?:[ \t]+the)?[ \t]+)?{_CAP_WORD})*"
)
_CONNECTORS = {"of", "for", "and", "on", "in", "de", "the"}


def _org_from_run(run: str) -> str | None:
    """The organisation a capitalised run names, or None when it names none."""
    words = run.split()
    # "Kenya's Foreign Ministry": the owner is a country, the organisation starts after it.
    for index, word in enumerate(words):
        if word.endswith(("'s", "’s")):
            words = words[index + 1:]
            break
    while words and (words[0] in _NOT_NAME_WORDS or words[0] in _CONNECTORS):
        words.pop(0)
    while words and words[-1] in _CONNECTORS:
        words.pop()
    if not words:
        return None
    name = " ".join(words).rstrip(".")
    if name in ORGANIZATION_ALIASES:
        return ORGANIZATION_ALIASES[name]
    if any(word.strip("'’.") in _ORG_WORDS for word in words if word not in _CONNECTORS):
        if len(words) == 1 and words[0] in _ORG_WORDS:
            return None  # "Parliament" alone is a common noun at a sentence start
        return name
    return None


def organizations_count(text: str, extra: Iterable[str] = ()) -> list[Mention]:
    """Organisations with how often they are named; aliases fold into one name (UN -> United Nations)."""
    found: list[tuple[int, int, str]] = []
    for match in _ORG_RUN_RE.finditer(text):
        name = _org_from_run(match.group())
        if name:
            found.append((match.start(), match.end(), name))
    for match in _GAZETTEER_ORG_RE.finditer(text):
        found.append((match.start(), match.end(), ORGANIZATION_ALIASES[match.group()]))
    # Overlaps: the longest span wins ("United Nations Security Council" over "United Nations").
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    counts: Counter[str] = Counter()
    covered_to = -1
    for start, end, name in found:
        if start < covered_to:
            continue
        counts[name] += 1
        covered_to = end
    for name in extra:
        if name not in counts:
            counts[name] = max(1, text.count(name))
    return [Mention(name, count) for name, count in counts.most_common()]


def countries_count(text: str) -> list[Mention]:
    """Countries named, by name, alternative name or demonym, with ISO codes and counts."""
    counts: Counter[str] = Counter()
    for match in _COUNTRY_RE.finditer(text):
        counts[COUNTRY_ALIASES[match.group()][0]] += 1
    codes = {name: code for name, code in COUNTRY_ALIASES.values()}
    return [Mention(name, count, codes[name]) for name, count in counts.most_common()]


_PICTURED_RE = re.compile(rf"(?<![\w'’])({NAME_RUN})")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|from|to|near|of|outside|inside|across|into|on)\s+(?:the\s+)?)$")
_QUOTE_OR_SPEECH = re.compile(r"[\"“”]|\b(?:said|says|speaks|speaking|told|addresses|addressing)\b")


def caption_people(caption: str) -> list[str]:
    """Names of people in a caption: two or more capitalised words that are not places or bodies."""
    people: list[str] = []
    for match in _PICTURED_RE.finditer(caption):
        split = _clean_name(match.group(1))
        if split is None:
            continue
        title_words, name_words = split
        if len(name_words) < 2 or _PLACE_BEFORE.search(caption[: match.start()]):
            continue
        name = " ".join(name_words)
        if name in COUNTRY_ALIASES or name in ORGANIZATION_ALIASES:
            continue
        if any(word.strip("'’.") in _ORG_WORDS or word in TITLE_HEADS for word in name_words):
            continue
        after = caption[match.end(): match.end() + 12]
        if re.match(r"\s+(?:province|region|district|state|county|city|island|square|street|harbou?r|port|bay)\b", after, re.I):
            continue
        if name not in people:
            people.append(name)
    return people
