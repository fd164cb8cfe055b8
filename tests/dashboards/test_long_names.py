"""Long names never clip: they wrap in their cell, and the full name is in a title attribute (shown on hover)."""

import html as html_lib
import re

from django.contrib.staticfiles import finders

from monitoring.codebook.models import TaggedArticle
from tests.factories import ArticleFactory, OutletFactory, PersonFactory, QuoteFactory, TagFactory

LONG = "Directorate-General for Maritime Affairs, Fisheries and Coastal Resilience of the Southern Region"


def titled(html: str) -> set[str]:
    return {html_lib.unescape(t) for t in re.findall(r'title="([^"]*)"', html)}


def test_long_names_carry_their_full_name_in_a_title(db, login, analyst):
    outlet = OutletFactory(name=LONG)
    article = ArticleFactory(outlet=outlet, status="approved", headline=LONG + " says talks failed")
    TaggedArticle.objects.create(
        content_object=article, tag=TagFactory(name=LONG[:90], slug="long"), status="confirmed"
    )
    QuoteFactory(article=article, speaker=PersonFactory(name=LONG[:150]), status="confirmed")
    client = login(analyst)
    overview = client.get("/?start=2024-01-01&end=2024-12-31").content.decode()
    assert {LONG, LONG[:90], LONG[:150]} <= titled(overview)  # the charts' tables
    assert LONG in titled(client.get("/outlets/").content.decode())
    assert LONG[:150] in titled(client.get("/people/").content.decode())


def test_name_cells_wrap_and_chart_tables_never_widen_their_figure():
    app = open(finders.find("css/app.css")).read()
    dashboards = open(finders.find("css/dashboards.css")).read()
    assert re.search(r"td\.name[^{]*\{[^}]*overflow-wrap: break-word", app)
    assert "grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr)" in dashboards
    assert re.search(r"\.topbar nav \{[^}]*flex-wrap: wrap", app)  # the longer nav wraps at 1280 px
