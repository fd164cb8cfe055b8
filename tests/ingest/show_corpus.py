"""Print what the parser extracts from corpus files: `python tests/ingest/show_corpus.py [NAME ...]`."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.ingest.corpus_scoring import corpus_articles, quotes_score, speakers_score  # noqa: E402

items = corpus_articles()
selected = [item for item in items if not sys.argv[1:] or any(arg in item[0] for arg in sys.argv[1:])]
for name, article, _ in selected:
    data = article.to_dict()
    data.pop("body")
    print(name, json.dumps(data, ensure_ascii=False, indent=1))
for score in (speakers_score(selected), quotes_score(selected)):
    print(f"P={score.precision:.3f} R={score.recall:.3f}", *score.misses, sep="\n  ")
