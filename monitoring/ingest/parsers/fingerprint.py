"""Fingerprints and keyword tags: cheap, deterministic signals computed from the text alone."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def content_fingerprint(headline: str, body: str) -> str:
    """sha256 of the body with case and spacing normalised, so syndicated copies match.

    The headline is used only when there is no body: outlets rewrite headlines of the
    same wire text, so including it would hide syndication.
    """
    text = body if body.strip() else headline
    normalised = _SPACES.sub(" ", text.casefold()).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@lru_cache(maxsize=512)
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({keyword.strip() for keyword in keywords if keyword.strip()}, key=len, reverse=True)
    if not words:
        return None
    # Spaces in a phrase match any run of whitespace, so line breaks do not hide a phrase.
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def suggest_tags(text: str, keyword_rules: Iterable[tuple[str, list[str]]]) -> list[str]:
    """Tag names whose keywords occur in the text as whole words or phrases, in rule order."""
    tags: list[str] = []
    for tag_name, keywords in keyword_rules:
        pattern = _keyword_pattern(tuple(keywords))
        if pattern is not None and tag_name not in tags and pattern.search(text):
            tags.append(tag_name)
    return tags
