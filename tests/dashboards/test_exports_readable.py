"""Exports for reading: outlet kinds by label, absolute links, countries filled, and the annotations export."""

import csv
import io
import json

import pytest

from monitoring.review.models import Annotation
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    CountryMentionFactory,
    OutletFactory,
    PersonFactory,
    QuoteFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db
SITE = "https://monitor.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE + "/"


def body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


def test_articles_export_is_readable(login, analyst):
    kenya = CountryFactory(code="KE", name="Kenya")
    article = ArticleFactory(outlet=OutletFactory(name="Coastwire", kind="wire_agency", country=kenya))
    [row] = csv_rows(login(analyst).get("/export/articles.csv?unreviewed=on"))
    assert row["outlet_kind"] == "Wire agency"
    assert row["outlet_country"] == "Kenya"
    assert row["page"] == f"{SITE}/articles/{article.pk}/"


def test_quotes_export_links_to_the_article(login, analyst):
    quote = QuoteFactory()
    [row] = json.loads(body(login(analyst).get("/export/quotes.json?unreviewed=on")))
    assert row["page"] == f"{SITE}/articles/{quote.article_id}/"


def test_person_country_is_the_most_mentioned_in_their_quoted_articles(login, analyst):
    kenya, mali, chad = (CountryFactory(code=c, name=n) for c, n in (("KE", "Kenya"), ("ML", "Mali"), ("TD", "Chad")))
    speaker, recorded = PersonFactory(name="Ana Lima"), PersonFactory(name="Ben Cole", country=chad)
    first, second, unquoted = (ArticleFactory(status="approved") for _ in range(3))
    for article in (first, second):
        QuoteFactory(article=article, speaker=speaker, status="confirmed")
        QuoteFactory(article=article, speaker=speaker, status="confirmed")  # two quotes: mentions count once
    QuoteFactory(article=first, speaker=recorded, status="confirmed")
    CountryMentionFactory(article=first, country=mali, count=3)
    CountryMentionFactory(article=second, country=kenya, count=2)
    CountryMentionFactory(article=second, country=mali, count=0)
    CountryMentionFactory(article=unquoted, country=kenya, count=9)  # not one of their articles
    client = login(analyst)
    exported = {row["name"]: row["country"] for row in csv_rows(client.get("/export/persons.csv"))}
    assert exported == {"Ana Lima": "Mali", "Ben Cole": "Chad"}  # a recorded country comes first
    html = client.get("/people/").content.decode()
    assert ">Mali</td>" in html and ">Chad</td>" in html
    # The filters narrow the articles the country is read from.
    exported = {
        row["name"]: row["country"] for row in csv_rows(client.get(f"/export/persons.csv?q=&outlet={second.outlet_id}"))
    }
    assert exported == {"Ana Lima": "Kenya"}


def test_person_country_is_read_once_per_person_not_per_quote():
    """The country subquery stays out of GROUP BY: grouping by it ran it once per quote row (110 s for /people/ at
    10,000 synthetic articles on PostgreSQL; 0.3 s once per person)."""
    from django.http import QueryDict

    from monitoring.dashboards.selectors import filters_bind, people_rows

    grouped = people_rows(filters_bind(QueryDict(""))).query.group_by
    assert [getattr(column, "target", None) and column.target.name for column in grouped] == ["speaker", "name", "name"]


@pytest.fixture
def annotated(analyst):
    frame = TagFactory(name="economic threat", slug="economic-threat", category="frame")
    target = PersonFactory(name="Marta Okonkwo")
    approved = ArticleFactory(status="approved", headline="Fisheries deal signed", body="The deal was signed today.")
    pending = ArticleFactory(status="in_analysis", headline="Talks go on", body="Talks continue in Lagos.")
    coded = Annotation.objects.create(
        article=approved,
        tag=frame,
        author=analyst,
        start=4,
        end=8,
        text="deal",
        note="=framed as a loss",
        stance="critical",
        target_person=target,
    )
    Annotation.objects.create(article=pending, tag=frame, author=analyst, start=0, end=5, text="Talks")
    return coded


def test_annotations_export_csv_counts_reviewed_work(login, analyst, annotated):
    response = login(analyst).get("/export/annotations.csv")
    assert response["X-Press-Monitor-Counting"] == "reviewed"
    assert "press-monitor-annotations-reviewed-" in response["Content-Disposition"]
    [row] = csv_rows(response)
    assert row == {
        "id": str(annotated.pk),
        "article_id": str(annotated.article_id),
        "headline": "Fisheries deal signed",
        "outlet": annotated.article.outlet.name,
        "published_on": annotated.article.published_on.isoformat(),
        "code": "economic threat",
        "category": "Frame",
        "text": "deal",
        "note": "'=framed as a loss",  # neutralised for spreadsheets
        "stance": "Critical",
        "target": "Marta Okonkwo",
        "target_type": "person",
        "analyst": "ana",
        "created": row["created"],
        "orphaned": "False",
        "page": f"{SITE}/articles/{annotated.article_id}/#annotation-{annotated.pk}",
    }
    assert row["created"] == annotated.created.isoformat()  # ISO 8601, as in JSON


def test_annotations_export_json_with_unreviewed_and_filters(login, analyst, annotated):
    client = login(analyst)
    data = json.loads(body(client.get("/export/annotations.json?unreviewed=on")))
    assert sorted(row["headline"] for row in data) == ["Fisheries deal signed", "Talks go on"]
    assert data[0]["created"][:4].isdigit() and "T" in data[0]["created"]  # ISO 8601
    data = json.loads(body(client.get("/export/annotations.json?unreviewed=on&status=in_analysis")))
    assert [row["headline"] for row in data] == ["Talks go on"]
    assert data[0]["stance"] == "" and data[0]["target"] == ""
    assert json.loads(body(client.get("/export/annotations.json?status=bogus"))) == []


@pytest.mark.parametrize("size", [1, 20])
def test_annotations_export_query_count_is_fixed(size, login, analyst, django_assert_max_num_queries):
    frame = TagFactory(name="frame", slug="frame")
    for n in range(size):
        Annotation.objects.create(
            article=ArticleFactory(status="approved"),
            tag=frame,
            author=analyst,
            start=0,
            end=4,
            text="Dele",
            target_person=PersonFactory(name=f"Target {n}"),
        )
    client = login(analyst)
    # session, user, role check; the rows in one query (joined).
    with django_assert_max_num_queries(4):
        rows = csv_rows(client.get("/export/annotations.csv"))
    assert len(rows) == size
