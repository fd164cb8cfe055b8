"""Score parser output against the hand-written expectations in ``corpus/`` (no Django)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitoring.ingest.parsers import (
    ParsedArticle,
    ParseError,
    iter_json_records,
    normalise_name,
    parse_press_text,
    parse_record,
)

CORPUS = Path(__file__).parent / "corpus"


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 1.0


def corpus_articles() -> list[tuple[str, ParsedArticle, dict[str, Any]]]:
    """(name, parsed article, expectation) for every article in the corpus."""
    items = []
    for path in sorted(CORPUS.iterdir()):
        if path.name.endswith(".expected.json") or path.suffix not in {".txt", ".json", ".jsonl"}:
            continue
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".txt":
            items.append((path.name, parse_press_text(text), expected))
            continue
        records = []
        for record_no, line_no, record in iter_json_records(text, source=path.name):
            if isinstance(record, ParseError):
                raise record
            records.append(parse_record(record, source=path.name, record_no=record_no, line=line_no))
        expectations = expected if isinstance(expected, list) else [expected]
        assert len(records) == len(expectations), path.name
        for number, (article, expectation) in enumerate(zip(records, expectations), start=1):
            items.append((f"{path.name}#{number}", article, expectation))
    return items


def speakers_score(items: list[tuple[str, ParsedArticle, dict[str, Any]]]) -> Score:
    score = Score()
    for name, article, expected in items:
        predicted = {(normalise_name(s.name), s.kind) for s in article.speakers}
        gold = {(normalise_name(s["name"]), s["kind"]) for s in expected["speakers"]}
        score.predicted += len(predicted)
        score.gold += len(gold)
        score.true_positive += len(predicted & gold)
        score.misses += [f"{name}: extra speaker {p}" for p in predicted - gold]
        score.misses += [f"{name}: missed speaker {g}" for g in gold - predicted]
    return score


def quotes_score(items: list[tuple[str, ParsedArticle, dict[str, Any]]]) -> Score:
    """A quote matches when the speaker is the same and the spans overlap by half the gold span."""
    score = Score()
    for name, article, expected in items:
        gold_spans = []
        for quote in expected["quotes"]:
            start = article.body.find(quote["text"])
            assert start >= 0, f"{name}: expected quote text not in body: {quote['text']!r}"
            gold_spans.append((normalise_name(quote["speaker"]), start, start + len(quote["text"]), quote["text"]))
        predicted = [(normalise_name(q.speaker), q.start, q.end, q.text) for q in article.quotes]
        used: set[int] = set()
        for speaker, start, end, text in gold_spans:
            for index, (p_speaker, p_start, p_end, _) in enumerate(predicted):
                overlap = min(end, p_end) - max(start, p_start)
                if index not in used and p_speaker == speaker and overlap * 2 >= end - start:
                    used.add(index)
                    break
            else:
                score.misses.append(f"{name}: missed quote [{speaker}] {text!r}")
        score.misses += [f"{name}: extra quote [{p[0]}] {p[3]!r}" for i, p in enumerate(predicted) if i not in used]
        score.predicted += len(predicted)
        score.gold += len(gold_spans)
        score.true_positive += len(used)
    return score
