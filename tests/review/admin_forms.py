"""POST data for the admin's change forms, built from the rows as they are, with fields overridden by name.

Built from the database rather than from a rendered page, so the same data is posted whether the page would have
been editable for that user or not (a refused POST must change nothing either way).
"""

from monitoring.articles.models import Article
from monitoring.people.models import Person


def _blank(value):
    return "" if value is None else value


def _management(data: dict, prefix: str, rows: list) -> None:
    data[f"{prefix}-TOTAL_FORMS"] = len(rows)
    data[f"{prefix}-INITIAL_FORMS"] = len(rows)
    data[f"{prefix}-MIN_NUM_FORMS"] = 0
    data[f"{prefix}-MAX_NUM_FORMS"] = 1000


def _rows(data: dict, prefix: str, rows: list, fk: str, parent_pk: int, fields) -> None:
    _management(data, prefix, rows)
    for i, row in enumerate(rows):
        data[f"{prefix}-{i}-id"] = row.pk
        data[f"{prefix}-{i}-{fk}"] = parent_pk
        for name, value in fields(row).items():
            data[f"{prefix}-{i}-{name}"] = _blank(value)


def article_form(article: Article, **overrides) -> dict:
    """The article change page's form and its five inlines, as stored; `overrides` set fields by their POST name
    (e.g. headline="...", **{"quotes-0-status": "confirmed"})."""
    article = Article.objects.get(pk=article.pk)
    data = {
        "headline": article.headline,
        "outlet": article.outlet_id,
        "bylines": "[]",
        "published_on": _blank(article.published_on),
        "updated_on": _blank(article.updated_on),
        "url": article.url,
        "language": article.language,
        "body": article.body,
        "subheadings": "[]",
        "rights": article.rights,
        "due_on": _blank(article.due_on),
        "priority": article.priority,
        "syndicated_from": "",
    }
    _rows(
        data,
        "photos",
        list(article.photos.order_by("order", "pk")),
        "article",
        article.pk,
        lambda p: {
            "caption": p.caption,
            "credit": p.credit,
            "photographer": p.photographer,
            "agency": p.agency,
            "order": p.order,
        },
    )
    _rows(
        data,
        "quotes",
        list(article.quotes.all()),
        "article",
        article.pk,
        lambda q: {"kind": q.kind, "text": q.text, "cue": q.cue, "channel": q.channel, "status": q.status},
    )
    _rows(
        data,
        "roles",
        list(article.roles.all()),
        "article",
        article.pk,
        lambda r: {"title": r.title, "status": r.status},
    )
    _rows(
        data,
        "tagged_items",
        list(article.tagged_items.order_by("pk")),
        "content_object",
        article.pk,
        lambda t: {"tag": t.tag_id, "status": t.status},
    )
    _rows(
        data,
        "country_mentions",
        list(article.country_mentions.order_by("pk")),
        "article",
        article.pk,
        lambda m: {"country": m.country_id, "count": m.count},
    )
    data.update(overrides)
    return data


def person_form(person: Person, **overrides) -> dict:
    """The person change page's form with its aliases, roles and quotes inlines."""
    data = {"name": person.name, "country": _blank(person.country_id), "description": person.description}
    _rows(data, "aliases", list(person.aliases.all()), "person", person.pk, lambda a: {"name": a.name})
    _rows(
        data,
        "roles",
        list(person.roles.all()),
        "person",
        person.pk,
        lambda r: {"article": r.article_id, "title": r.title, "organization": r.organization_id, "status": r.status},
    )
    _rows(
        data,
        "quotes",
        list(person.quotes.all()),
        "speaker",
        person.pk,
        lambda q: {"article": q.article_id, "kind": q.kind, "text": q.text, "status": q.status},
    )
    data.update(overrides)
    return data


def quote_form(quote, **overrides) -> dict:
    data = {
        "article": quote.article_id,
        "speaker": _blank(quote.speaker_id),
        "group": quote.group,
        "kind": quote.kind,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
        "channel": quote.channel,
        "status": quote.status,
    }
    data.update(overrides)
    return data


def role_form(role, **overrides) -> dict:
    data = {
        "person": role.person_id,
        "article": role.article_id,
        "title": role.title,
        "organization": _blank(role.organization_id),
        "status": role.status,
    }
    data.update(overrides)
    return data


def photo_form(photo, **overrides) -> dict:
    data = {
        "article": photo.article_id,
        "caption": photo.caption,
        "credit": photo.credit,
        "photographer": photo.photographer,
        "agency": photo.agency,
        "order": photo.order,
        "alt_text": photo.alt_text,
    }
    data.update(overrides)
    return data
