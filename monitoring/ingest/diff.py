"""A word-level comparison of two texts, for showing a held source next to the reviewed one (plain Python).

The parts are plain text: the template escapes every one of them (article text is untrusted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORDS = re.compile(r"\S+\s*|\s+")
_SENTENCES = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)\s*")
SAME, ADDED, REMOVED, GAP = "same", "added", "removed", "gap"
MAX_WORDS = 100_000  # past this (both texts), the page says the text is too long to compare
BLOCK_WORDS = 2_000  # a changed stretch longer than this is shown as removed and added whole, not word by word


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


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCES.findall(text) if s]


def _count(tokens: list[str]) -> int:
    return sum(1 for token in tokens if not token.isspace())


def _changes(old: str, new: str) -> list[tuple[str, list[str]]]:
    """(op, words) runs: sentences are matched first, then the words of each changed stretch, which keeps the cost
    of a long article with a few edits small."""
    runs: list[tuple[str, list[str]]] = []
    a, b = _sentences(old), _sentences(new)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            runs.append((SAME, _words("".join(a[i1:i2]))))
            continue
        wa, wb = _words("".join(a[i1:i2])), _words("".join(b[j1:j2]))
        if len(wa) + len(wb) > BLOCK_WORDS:
            runs += [(REMOVED, wa), (ADDED, wb)]
            continue
        for op2, k1, k2, m1, m2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
            if op2 == "equal":
                runs.append((SAME, wa[k1:k2]))
            else:
                runs += [(REMOVED, wa[k1:k2]), (ADDED, wb[m1:m2])]
    merged: list[tuple[str, list[str]]] = []
    for op, tokens in runs:
        if not tokens:
            continue
        if merged and merged[-1][0] == op == SAME:
            merged[-1][1].extend(tokens)
        else:
            merged.append((op, list(tokens)))
    return merged


def words_diff(old: str, new: str, *, context: int = 12) -> WordsDiff:
    """The words removed from `old` and added in `new`, with up to `context` unchanged words around each change."""
    if len(old.split()) + len(new.split()) > MAX_WORDS:
        return WordsDiff(parts=[], too_long=old != new)
    parts: list[DiffPart] = []
    added = removed = 0
    runs = _changes(old, new)
    for index, (op, tokens) in enumerate(runs):
        if op == REMOVED:
            parts.append(DiffPart(REMOVED, "".join(tokens)))
            removed += _count(tokens)
        elif op == ADDED:
            parts.append(DiffPart(ADDED, "".join(tokens)))
            added += _count(tokens)
        else:
            head = [] if index == 0 else tokens[:context]
            tail = [] if index == len(runs) - 1 else tokens[-context:]
            if len(tokens) <= 2 * context or len(tokens) <= len(head) + len(tail):
                parts.append(DiffPart(SAME, "".join(tokens)))
                continue
            if head:
                parts.append(DiffPart(SAME, "".join(head)))
            parts.append(DiffPart(GAP, f"… {_count(tokens) - _count(head) - _count(tail)} unchanged words … "))
            if tail:
                parts.append(DiffPart(SAME, "".join(tail)))
    return WordsDiff(parts=parts, added=added, removed=removed)
