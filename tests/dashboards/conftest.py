import datetime

import pytest
from django.utils import timezone

from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards.search import search_index_refresh
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    CountryMentionFactory,
    OrganizationFactory,
    OutletFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    RoleFactory,
    TagFactory,
)

TODAY = datetime.date(2024, 6, 30)


@pytest.fixture
def coverage_build(db, analyst):
    """Build `size` articles touching every relation the pages read: tags, quotes, roles, photos, countries."""

    def build(size: int) -> dict:
        outlets = [OutletFactory(name=f"Daily {n}", kind=kind) for n, kind in enumerate(["independent", "wire_agency"])]
        tags = [
            TagFactory(name="elections", slug="elections", category="topic"),
            TagFactory(name="sahel", slug="sahel", category="region"),
        ]
        countries = [CountryFactory(code="FR", name="France"), CountryFactory(code="ML", name="Mali")]
        people = [PersonFactory(name=f"Speaker {n}") for n in range(3)]
        organization = OrganizationFactory(name="Party of Progress")
        imported = timezone.make_aware(datetime.datetime(2024, 6, 1, 9))
        articles = []
        for n in range(size):
            article = ArticleFactory(
                outlet=outlets[n % 2],
                published_on=TODAY - datetime.timedelta(days=n % 20),
                status=["new", "in_analysis", "in_review", "approved"][n % 4],
                assignee=analyst if n % 3 else None,
                due_on=TODAY - datetime.timedelta(days=2 - n % 5),
                imported_at=imported,
                approved_at=imported + datetime.timedelta(hours=n + 1) if n % 4 == 3 else None,
            )
            articles.append(article)
            TaggedArticle.objects.create(content_object=article, tag=tags[n % 2], status="confirmed")
            for k in range(2):
                QuoteFactory(
                    article=article,
                    speaker=people[(n + k) % 3],
                    kind=["direct", "indirect"][k],
                    status=["confirmed", "suggested"][k],
                )
            RoleFactory(
                person=people[n % 3],
                article=article,
                organization=organization,
                title="spokesperson",
                status="confirmed",
            )
            PhotoFactory(article=article, caption=f"Crowd at rally {n}")
            CountryMentionFactory(article=article, country=countries[n % 2])
        search_index_refresh([a.pk for a in articles])
        return {
            "articles": articles,
            "outlets": outlets,
            "tags": tags,
            "people": people,
            "organization": organization,
            "countries": countries,
        }

    return build
