"""A word-level comparison of two texts, for showing a held source next to the reviewed one (plain Python).

The parts are plain text: the template escapes every one of them (article text is untrusted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORDS = re.compile(r"\S+\s*|\s+")
SAME, ADDED, REMOVED, GAP = "same", "added", "removed", "gap"
MAX_WORDS = 50_000  # past this, comparing word by word costs more than a page view should


@dataclass(frozen=True, slots=True)
class DiffPart:
    op: str  # same, added, removed, or gap (unchanged words left out)
    text: str


@dataclass(frozen=True, slots=True)
class WordsDiff:
    parts: list[DiffPart]
    added: int = 0  # words
    removed: int = 0
    too_long: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.too_long)


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


def _count(tokens: list[str]) -> int:
    return sum(1 for token in tokens if not token.isspace())


def words_diff(old: str, new: str, *, context: int = 12) -> WordsDiff:
    """The words removed from `old` and added in `new`, with up to `context` unchanged words around each change."""
    a, b = _words(old), _words(new)
    if len(a) + len(b) > 2 * MAX_WORDS:
        return WordsDiff(parts=[], too_long=old != new)
    parts: list[DiffPart] = []
    added = removed = 0
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            same = a[i1:i2]
            head = [] if index == 0 else same[:context]
            tail = [] if index == len(opcodes) - 1 else same[-context:]
            if len(same) <= len(head) + len(tail) or len(same) <= 2 * context:
                parts.append(DiffPart(SAME, "".join(same)))
                continue
            if head:
                parts.append(DiffPart(SAME, "".join(head)))
            parts.append(DiffPart(GAP, f"… {_count(same) - _count(head) - _count(tail)} unchanged words … "))
            if tail:
                parts.append(DiffPart(SAME, "".join(tail)))
            continue
        if i2 > i1:
            parts.append(DiffPart(REMOVED, "".join(a[i1:i2])))
            removed += _count(a[i1:i2])
        if j2 > j1:
            parts.append(DiffPart(ADDED, "".join(b[j1:j2])))
            added += _count(b[j1:j2])
    return WordsDiff(parts=parts, added=added, removed=removed)
