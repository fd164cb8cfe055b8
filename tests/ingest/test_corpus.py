"""The parser scored over the hand-written corpus: speakers and quotes, plus article fields."""

import pytest

from monitoring.ingest.parsers import normalise_name

from .corpus_scoring import corpus_articles, quotes_score, speakers_score

ITEMS = corpus_articles()
FIELDS = ("headline", "outlet", "published", "updated", "bylines", "subheadings", "rights", "tags", "warnings")


def test_corpus_has_fifteen_articles_in_all_formats():
    names = [name for name, _, _ in ITEMS]
    assert len(names) >= 15
    assert any(".json#" in name for name in names) and any(".jsonl#" in name for name in names)


def test_corpus_speakers_precision_and_recall():
    score = speakers_score(ITEMS)
    assert score.precision >= 0.95, score.misses
    assert score.recall >= 0.95, score.misses


def test_corpus_quotes_precision_and_recall():
    score = quotes_score(ITEMS)
    assert score.precision >= 0.95, score.misses
    assert score.recall >= 0.95, score.misses


@pytest.mark.parametrize(("name", "article", "expected"), ITEMS, ids=[item[0] for item in ITEMS])
def test_corpus_article_fields(name, article, expected):
    data = article.to_dict()
    for field in FIELDS:
        if field in expected:
            assert data[field] == expected[field], field
    for got, want in zip(data["photos"], expected.get("photos", []), strict=True):
        for key, value in want.items():
            assert got[key] == value, key


@pytest.mark.parametrize(("name", "article", "expected"), ITEMS, ids=[item[0] for item in ITEMS])
def test_corpus_quote_offsets_and_kinds(name, article, expected):
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text
    gold_kinds = {(normalise_name(q["speaker"]), q["text"]): q["kind"] for q in expected["quotes"]}
    got_kinds = {(normalise_name(q.speaker), q.text): q.kind for q in article.quotes}
    for key, kind in gold_kinds.items():
        if key in got_kinds:
            assert got_kinds[key] == kind, key
