"""Every API endpoint for every role: the same answers as the web pages, 403 with a message where the web refuses.

The endpoints come from the API's router, so a new endpoint without a case here fails
`test_every_registered_endpoint_has_a_case`. Each case builds its data twice (once for the web page, once for the
API: a write changes it), asks both as the same user and compares the outcomes: success, 400, 403, 404, or "log
in first" (the web redirects to the login page, the API answers 401). A refusal carries the same message on both.
"""

import html
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from monitoring.alerts.models import SavedSearch
from monitoring.api.urls import router
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.intake.models import ImportJob, JobSource
from monitoring.people.models import Role
from monitoring.review import services
from monitoring.review.models import Annotation
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    TagFactory,
)

ROLES = ["analyst", "reviewer", "editor", "outsider", "anonymous"]
TEAM = ("analyst", "reviewer", "editor")
STORY = b"""Lake commission agrees to share water-level readings

Updated: 2024-05-06 Lakeside Courier

Officials from five riparian states agreed on Monday to publish daily water-level readings.
"""


def registered_operations() -> set[str]:
    """`<url name> <METHOD>` for every operation the router serves (format-suffix duplicates collapse)."""
    operations = set()
    for pattern in router.urls:
        actions = getattr(pattern.callback, "actions", None) or {"get": "root"}
        for method in actions:
            if method != "head":  # DRF adds HEAD to GET views on their first request
                operations.add(f"{pattern.name} {method.upper()}")
    return operations


@dataclass
class Call:
    api: tuple  # (method, url, data)
    web: tuple | None = None  # (method, url, data): the page doing the same, if there is one
    api_format: str | None = None


@dataclass
class Case:
    operation: str
    label: str
    build: object  # build(users, actor) -> Call
    ok: dict  # role -> the API's success status; other team roles are refused with 403
    refused: dict = field(default_factory=dict)  # role -> another refusal status (400, 404)


# Data builders ------------------------------------------------------------------------------------------------


def held(users):
    """An article in analysis with the analyst, with a suggested quote, role and tag."""
    article = ArticleFactory()
    services.article_claim(article=article, user=users["analyst"])
    article.refresh_from_db()
    return article


def in_review(users):
    article = held(users)
    services.article_submit(article=article, user=users["analyst"])
    article.refresh_from_db()
    return article


def suggested_quote(users):
    article = held(users)
    return QuoteFactory(article=article, status="suggested")


def suggested_role(users):
    article = held(users)
    return Role.objects.create(
        person=PersonFactory(), article=article, title="spokesperson", organization=OrganizationFactory()
    )


def suggested_tag(users):
    article = held(users)
    return TaggedArticle.objects.create(content_object=article, tag=TagFactory(), status=TagStatus.SUGGESTED)


def owned_search(actor, users):
    owner = actor or users["analyst"]
    name = f"Water {SavedSearch.objects.count()}"
    return SavedSearch.objects.create(owner=owner, name=name, path="/articles/", params="tag=water")


def transition(action, article_build, **data):
    def build(users, actor):
        article = article_build(users)
        payload = {"action": action, **data}
        if "assignee" in data:
            payload["assignee"] = users["analyst"].pk
        url_api = reverse("api:article-transition", args=[article.pk])
        url_web = reverse("articles:transition", args=[article.pk])
        return Call(api=("post", url_api, payload), web=("post", url_web, payload))

    return build


def read(api_name, web=None, *, obj=None):
    """A GET of a list (obj None) or of one object made by `obj(users)`; `web(obj)` names the matching page."""

    def build(users, actor):
        thing = obj(users) if obj else None
        args = [] if thing is None else [thing.slug if api_name == "api:tag-detail" else thing.pk]
        page = web(thing) if web else None
        return Call(api=("get", reverse(api_name, args=args), {}), web=("get", page, {}) if page else None)

    return build


def decision(api_name, web_name, obj_build, decision_name, **data):
    def build(users, actor):
        obj = obj_build(users)
        article_id = obj.content_object_id if isinstance(obj, TaggedArticle) else obj.article_id
        payload = {key: (value(obj) if callable(value) else value) for key, value in data.items()}
        return Call(
            api=("post", reverse(api_name, args=[obj.pk]), payload),
            web=("post", reverse(web_name, args=[article_id, obj.pk, decision_name]), payload),
        )

    return build


def annotation_create(users, actor):
    article = held(users)
    tag = TagFactory()
    span = {"start": 0, "end": 10, "text": article.body[:10]}
    return Call(
        api=("post", reverse("api:annotation-list"), {"article": article.pk, "tag": tag.slug, **span}),
        web=("post", reverse("articles:annotation_create", args=[article.pk]), {"tag": tag.pk, **span}),
    )


def import_create(users, actor):
    def upload():
        return SimpleUploadedFile("lake.txt", STORY)

    return Call(
        api=("post", reverse("api:import-list"), {"files": [upload()]}),
        web=("post", reverse("intake:new"), {"files": [upload()]}),
        api_format="multipart",
    )


def import_job(users):
    return ImportJob.objects.create(created_by=users["analyst"], source=JobSource.UPLOAD, label="x")


def held_source(users, actor):
    """An article back in analysis with the analyst, whose changed source was held while it was approved."""
    import tempfile
    from pathlib import Path

    from django.core.management import call_command

    from monitoring.articles.models import Article
    from monitoring.ingest.models import SourceRevision

    folder = Path(tempfile.mkdtemp())
    n = Article.objects.count()
    story = STORY.decode().replace("Lake commission", f"Lake commission {n}", 1)
    (folder / f"lake-{n}.txt").write_text(story)
    call_command("import_articles", str(folder), "-v", "0")
    article = Article.objects.get(source_name=f"lake-{n}.txt")
    Article.objects.filter(pk=article.pk).update(status="approved")
    (folder / f"lake-{n}.txt").write_text(story.replace("agrees", "finally agrees", 1))
    call_command("import_articles", str(folder), "-v", "0")
    Article.objects.filter(pk=article.pk).update(status="in_analysis", assignee=users["analyst"])
    revision = SourceRevision.objects.pending().get(article=article)
    return Call(
        api=("post", reverse("api:article-accept-source", args=[article.pk]), {"revision": revision.pk}),
        web=("post", reverse("articles:source_accept", args=[article.pk, revision.pk]), {}),
    )


def search_create(users, actor):
    data = {"name": "Water", "path": "/articles/", "params": "tag=water"}
    return Call(api=("post", reverse("api:search-list"), data), web=("post", reverse("alerts:save"), data))


def search_read(users, actor):
    search = owned_search(actor, users)
    detail = reverse("api:search-detail", args=[search.pk])
    return Call(api=("get", detail, {}), web=("get", search.get_absolute_url(), {}))


def search_alerts(users, actor):
    search = owned_search(actor, users)
    return Call(
        api=("patch", reverse("api:search-detail", args=[search.pk]), {"alert_mode": "daily", "daily_briefing": True}),
        web=("post", reverse("alerts:alerts", args=[search.pk]), {"alert_mode": "daily", "daily_briefing": "on"}),
    )


def search_delete(users, actor):
    search = owned_search(actor, users)
    return Call(
        api=("delete", reverse("api:search-detail", args=[search.pk]), {}),
        web=("post", reverse("alerts:delete", args=[search.pk]), {}),
    )


def article(users):
    return ArticleFactory(status="approved")


def quote(users):
    return QuoteFactory()


def photo(users):
    return PhotoFactory()


def annotation(users):
    article = held(users)
    tag = TagFactory()
    return Annotation.objects.create(
        article=article, tag=tag, author=users["analyst"], start=0, end=10, text=article.body[:10]
    )


EVERYONE = dict.fromkeys(TEAM, 200)  # reads: every role holder; the import pages only for those who import
DETAIL = "/articles/{}/"

CASES = [
    Case("api-root GET", "index", read("api:api-root"), EVERYONE),
    Case("article-list GET", "list", read("api:article-list", lambda _: "/articles/"), EVERYONE),
    Case(
        "article-detail GET", "detail", read("api:article-detail", lambda a: DETAIL.format(a.pk), obj=article), EVERYONE
    ),
    Case("quote-list GET", "list", read("api:quote-list", lambda _: "/export/quotes.json"), EVERYONE),
    Case(
        "quote-detail GET",
        "detail",
        read("api:quote-detail", lambda q: DETAIL.format(q.article_id), obj=quote),
        EVERYONE,
    ),
    Case("person-list GET", "list", read("api:person-list", lambda _: "/people/"), EVERYONE),
    Case(
        "person-detail GET",
        "detail",
        read("api:person-detail", lambda p: f"/people/{p.pk}/", obj=lambda u: PersonFactory()),
        EVERYONE,
    ),
    Case("organization-list GET", "list", read("api:organization-list"), EVERYONE),
    Case(
        "organization-detail GET",
        "detail",
        read("api:organization-detail", lambda o: f"/organizations/{o.pk}/", obj=lambda u: OrganizationFactory()),
        EVERYONE,
    ),
    Case("outlet-list GET", "list", read("api:outlet-list"), EVERYONE),
    Case(
        "outlet-detail GET",
        "detail",
        read("api:outlet-detail", lambda o: f"/outlets/{o.pk}/", obj=lambda u: article(u).outlet),
        EVERYONE,
    ),
    Case("tag-list GET", "list", read("api:tag-list"), EVERYONE),
    Case(
        "tag-detail GET",
        "detail",
        read("api:tag-detail", lambda t: f"/tags/{t.slug}/", obj=lambda u: TagFactory()),
        EVERYONE,
    ),
    Case("photo-list GET", "list", read("api:photo-list"), EVERYONE),
    Case(
        "photo-detail GET",
        "detail",
        read("api:photo-detail", lambda p: DETAIL.format(p.article_id), obj=photo),
        EVERYONE,
    ),
    Case("annotation-list GET", "list", read("api:annotation-list"), EVERYONE),
    Case(
        "annotation-detail GET",
        "detail",
        read("api:annotation-detail", lambda a: DETAIL.format(a.article_id), obj=annotation),
        EVERYONE,
    ),
    Case("annotation-list POST", "create", annotation_create, {"analyst": 201}),
    Case("import-list POST", "create", import_create, {"analyst": 201, "editor": 201}),
    Case(
        "import-detail GET",
        "detail",
        read("api:import-detail", lambda job: f"/imports/{job.pk}/", obj=import_job),
        {"analyst": 200, "editor": 200},
    ),
    Case("search-list GET", "list", read("api:search-list", lambda _: "/searches/"), EVERYONE),
    Case("search-list POST", "create", search_create, dict.fromkeys(TEAM, 201)),
    Case("search-detail GET", "own", search_read, EVERYONE),
    Case("search-detail PATCH", "own", search_alerts, EVERYONE),
    Case("search-detail DELETE", "own", search_delete, dict.fromkeys(TEAM, 204)),
    Case("article-accept-source POST", "held", held_source, {"analyst": 200, "editor": 200}),
    Case("article-transition POST", "claim", transition("claim", lambda u: ArticleFactory()), {"analyst": 200}),
    Case("article-transition POST", "submit", transition("submit", held), {"analyst": 200}),
    Case("article-transition POST", "approve", transition("approve", in_review), {"reviewer": 200}),
    Case(
        "article-transition POST",
        "return",
        transition("return", in_review, comment="Check the second quote."),
        {"reviewer": 200},
    ),
    Case("article-transition POST", "return without comment", transition("return", in_review), {}, {"reviewer": 400}),
    Case(
        "article-transition POST",
        "reopen",
        transition("reopen", lambda u: ArticleFactory(status="approved")),
        {"editor": 200},
    ),
    Case("article-transition POST", "archive", transition("archive", lambda u: ArticleFactory()), {"editor": 200}),
    Case(
        "article-transition POST",
        "assign",
        transition("assign", lambda u: ArticleFactory(), assignee=None),
        {"editor": 200},
    ),
    # Coverage data is decided by the analyst holding the item, or by an editor while it is open.
    Case(
        "quote-confirm POST",
        "suggested",
        decision("api:quote-confirm", "articles:quote_decide", suggested_quote, "confirm"),
        {"analyst": 200, "editor": 200},
    ),
    Case(
        "quote-reject POST",
        "suggested",
        decision("api:quote-reject", "articles:quote_decide", suggested_quote, "reject"),
        {"analyst": 200, "editor": 200},
    ),
    Case(
        "quote-edit POST",
        "kind",
        decision(
            "api:quote-edit",
            "articles:quote_decide",
            suggested_quote,
            "update",
            version=lambda q: q.version,
            speaker=lambda q: q.speaker_id,
            kind="indirect",
        ),
        {"analyst": 200, "editor": 200},
    ),
    Case(
        "role-confirm POST",
        "suggested",
        decision("api:role-confirm", "articles:role_decide", suggested_role, "confirm"),
        {"analyst": 200, "editor": 200},
    ),
    Case(
        "role-reject POST",
        "suggested",
        decision("api:role-reject", "articles:role_decide", suggested_role, "reject"),
        {"analyst": 200, "editor": 200},
    ),
    Case(
        "tagged-confirm POST",
        "suggested",
        decision("api:tagged-confirm", "articles:tag_decide", suggested_tag, "confirm"),
        {"analyst": 200, "editor": 200},
    ),
    Case(
        "tagged-reject POST",
        "suggested",
        decision("api:tagged-reject", "articles:tag_decide", suggested_tag, "reject"),
        {"analyst": 200, "editor": 200},
    ),
]


def test_every_registered_endpoint_has_a_case():
    assert registered_operations() == {case.operation for case in CASES}


@pytest.fixture
def users(db, analyst, reviewer, editor, outsider):
    return {"analyst": analyst, "reviewer": reviewer, "editor": editor, "outsider": outsider, "anonymous": None}


def api_ask(call: Call, user):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    method, url, data = call.api
    if method == "get":
        return client.get(url, data)
    return getattr(client, method)(url, data, format=call.api_format)


def web_ask(call: Call, user):
    client = Client()
    if user is not None:
        client.force_login(user)
    method, url, data = call.web
    return getattr(client, method)(url, data)


def outcome(response, *, api: bool) -> str:
    """What the answer means, whichever side gave it."""
    status = response.status_code
    if api and status == 401:
        return "log in"
    if not api and status == 302 and response["Location"].startswith(reverse("login")):
        return "log in"
    if status in (200, 201, 204, 302):
        return "done"
    return str(status)


def expected(case: Case, role: str) -> int:
    if role == "anonymous":
        return 401
    if role == "outsider":
        return 403
    return case.ok.get(role) or case.refused.get(role, 403)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[f"{c.operation} {c.label}" for c in CASES])
def test_endpoint_for_role_answers_as_the_web_does(case, role, users):
    user = users[role]
    api_response = api_ask(case.build(users, user), user)
    status = expected(case, role)
    assert api_response.status_code == status, api_response.content[:300]
    if status >= 400:
        detail = api_response.json()["detail"]
        assert detail.strip()
        if role == "outsider":
            assert "ask an editor" in detail.lower()
    web_call = case.build(users, user)
    if web_call.web is None:
        return
    web_response = web_ask(web_call, user)
    assert outcome(web_response, api=False) == outcome(api_response, api=True), web_response.content[:300]
    if status in (400, 403):
        # The same reason, word for word, on the page (escaped) as in the API's answer.
        assert html.escape(detail) in web_response.content.decode()


def test_four_eyes_refusal_is_the_same_on_the_web_and_in_the_api(db, reviewer):
    """A reviewer who also analysed the item may not approve it: the web and the API refuse alike."""
    from monitoring.core.roles import ANALYST
    from tests.conftest import user_make

    both = user_make("val", ANALYST)
    both.groups.add(*reviewer.groups.all())
    messages = []
    for ask in (web_ask, api_ask):
        article = ArticleFactory()
        services.article_claim(article=article, user=both)
        services.article_submit(article=article, user=both)
        url = reverse("articles:transition" if ask is web_ask else "api:article-transition", args=[article.pk])
        response = ask(Call(api=("post", url, {"action": "approve"}), web=("post", url, {"action": "approve"})), both)
        assert response.status_code == 403
        article.refresh_from_db()
        assert article.status == "in_review"
        messages.append(response.content.decode() if ask is web_ask else response.json()["detail"])
    web_page, api_detail = messages
    assert "four eyes" in api_detail and html.escape(api_detail) in web_page
