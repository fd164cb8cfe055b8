"""Exports stream every filtered row as CSV or JSON."""

import csv
import io
import json

from monitoring.dashboards.search import search_index_refresh
from tests.factories import ArticleFactory, OutletFactory, QuoteFactory


def body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_article_csv_has_every_filtered_row_beyond_a_page(db, login, analyst):
    wanted, other = OutletFactory(name="Wanted"), OutletFactory(name="Other")
    ArticleFactory.create_batch(60, outlet=wanted)
    ArticleFactory.create_batch(3, outlet=other)
    response = login(analyst).get(f"/export/articles.csv?outlet={wanted.pk}&unreviewed=on")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert len(rows) == 60
    assert {row["outlet"] for row in rows} == {"Wanted"}


def test_quote_json_follows_the_search(db, login, analyst):
    hit = ArticleFactory(headline="Harbour strike", body="Dockers walked out.\n\nMore.")
    miss = ArticleFactory(headline="Budget", body="Budget passed.\n\nMore.")
    QuoteFactory(article=hit)
    QuoteFactory(article=miss)
    search_index_refresh([hit.pk, miss.pk])
    data = json.loads(body(login(analyst).get("/export/quotes.json?q=strike&unreviewed=on")))
    assert [row["article_id"] for row in data] == [hit.pk]
    assert data[0]["text"] == "Dockers walked out"


def test_persons_export_counts_quotes(db, login, analyst):
    quote = QuoteFactory()
    QuoteFactory(speaker=quote.speaker)
    data = json.loads(body(login(analyst).get("/export/persons.json?unreviewed=on")))
    assert data == [
        {
            "id": quote.speaker_id,
            "name": quote.speaker.name,
            "country": "",
            "quotes": 2,
            "direct_quotes": 2,
            "articles": 2,
            "first_quoted": data[0]["first_quoted"],
            "last_quoted": data[0]["last_quoted"],
        }
    ]


def test_csv_neutralises_spreadsheet_formulas(db, login, analyst):
    ArticleFactory(headline='=HYPERLINK("http://evil.example","click")')
    rows = list(csv.DictReader(io.StringIO(body(login(analyst).get("/export/articles.csv?unreviewed=on")))))
    assert rows[0]["headline"].startswith("'=")


def test_empty_json_export_is_valid(db, login, analyst):
    assert json.loads(body(login(analyst).get("/export/articles.json"))) == []
