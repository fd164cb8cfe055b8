"""Saving parsed articles: match or create outlet, article, persons, roles, quotes, photos, mentions and tags."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice, zip_longest
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify

from monitoring.articles.models import Article, CountryMention, Outlet
from monitoring.codebook.models import Tag, TaggedArticle, TagStatus
from monitoring.core.models import Country
from monitoring.core.text import name_key
from monitoring.people.models import (
    Organization, OrganizationKind, OrganizationMention, Person, PersonAlias, Quote, Role, SuggestionStatus,
)
from monitoring.photos.images import image_check
from monitoring.photos.models import Photo

from .parsers import ParseError, ParsedArticle, content_fingerprint
from .parsers.gazetteer import ORGANIZATION_ALIASES
from .sources import ImportUnit

UNKNOWN_OUTLET = "Unknown outlet"
IMPORT_REASON = "import"
BATCH_SIZE = 100


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SYNDICATED = "syndicated"
    FAILED = "failed"


class ImportFailure(Exception):
    """An article that cannot be saved; the message names the file, record and line."""


@dataclass(slots=True)
class ImportOptions:
    outlet: str | None = None
    tags: list[str] = field(default_factory=list)
    dry_run: bool = False


@dataclass(slots=True)
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return ", ".join(f"{outcome.value} {self.counts[outcome]}" for outcome in Outcome)


def history_bulk_create(objs: list, model) -> list:
    """Insert rows and their 'created' history records in two queries.

    simple_history's own bulk helper re-reads every row to find its id, which costs more than the import itself.
    """
    created = model.objects.bulk_create(objs)
    history = model.history.model
    fields = [field.attname for field in history.tracked_fields]
    now = timezone.now()
    history.objects.bulk_create(
        history(history_date=now, history_type="+", history_change_reason=IMPORT_REASON,
                **{name: getattr(obj, name) for name in fields})
        for obj in created
    )
    return created


class ImportCache:
    """Lookups kept for one import run, so a large import asks the database once per outlet, person or tag."""

    def __init__(self) -> None:
        self.outlets: dict[str, Outlet] = {}
        self.persons: dict[str, int] = dict(Person.objects.values_list("key", "id"))
        self.persons.update(PersonAlias.objects.values_list("key", "person_id"))
        self.organizations: dict[str, int] = dict(Organization.objects.values_list("key", "id"))
        self.countries: dict[str, int] = dict(Country.objects.values_list("code", "id"))
        self.tags: dict[str, int] = {name.casefold(): pk for name, pk in Tag.objects.values_list("name", "id")}

    def outlet(self, name: str) -> Outlet:
        if name not in self.outlets:
            self.outlets[name], _ = Outlet.objects.get_or_create(name=name)
        return self.outlets[name]

    def person_ids(self, names: Iterable[str]) -> dict[str, int]:
        """Person ids for printed names, creating the persons not seen before."""
        wanted = {name_key(name): name for name in names if name_key(name)}
        missing = [Person(name=name, key=key) for key, name in wanted.items() if key not in self.persons]
        for person in history_bulk_create(missing, Person):
            self.persons[person.key] = person.pk
        return {name: self.persons[key] for key, name in wanted.items()}

    def organization_ids(self, names: Iterable[str]) -> dict[str, int]:
        wanted = {name_key(name): name for name in names if name_key(name)}
        for key, name in wanted.items():
            if key not in self.organizations:
                org = Organization.objects.create(name=name, kind=organization_kind(name))
                self.organizations[key] = org.pk
        return {name: self.organizations[key] for key, name in wanted.items()}

    def country_id(self, code: str, name: str) -> int:
        if code not in self.countries:
            country, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
            self.countries[code] = country.pk
        return self.countries[code]

    def tag_id(self, name: str) -> int:
        if name.casefold() not in self.tags:
            tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
                name=name, slug=_unique_slug(name)
            )
            self.tags[name.casefold()] = tag.pk
        return self.tags[name.casefold()]


def _unique_slug(name: str) -> str:
    base = slugify(name)[:90] or "tag"
    slug, n = base, 1
    while Tag.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


_KIND_WORDS = [
    ("party", OrganizationKind.POLITICAL_PARTY), ("front", OrganizationKind.POLITICAL_PARTY),
    ("ministry", OrganizationKind.MINISTRY), ("university", OrganizationKind.ACADEMIC),
    ("institute", OrganizationKind.ACADEMIC), ("academy", OrganizationKind.ACADEMIC),
    ("times", OrganizationKind.MEDIA_OUTLET), ("news", OrganizationKind.MEDIA_OUTLET),
    ("wire", OrganizationKind.MEDIA_OUTLET), ("radio", OrganizationKind.MEDIA_OUTLET),
    ("parliament", OrganizationKind.GOVERNMENT_BODY), ("government", OrganizationKind.GOVERNMENT_BODY),
    ("commission", OrganizationKind.GOVERNMENT_BODY), ("company", OrganizationKind.COMPANY),
    ("corporation", OrganizationKind.COMPANY), ("foundation", OrganizationKind.NGO),
]
_INTERNATIONAL = {name_key(name) for name in ORGANIZATION_ALIASES.values()}


def organization_kind(name: str) -> str:
    """A first guess at an organization's kind from its name; analysts correct it in the admin."""
    if name_key(name) in _INTERNATIONAL:
        return OrganizationKind.INTERNATIONAL_BODY
    words = set(name_key(name).split())
    return next((kind for word, kind in _KIND_WORDS if word in words), OrganizationKind.OTHER)


def import_digest(unit: ImportUnit, *, outlet: str, tags: list[str]) -> str:
    """Everything an import would write, hashed: equal digests mean re-importing changes nothing."""
    files = [(f.name, f.stat().st_size) if f else None for f in unit.photo_files]
    payload = json.dumps([unit.parsed.to_dict(), outlet, sorted(tags), unit.given_tags, files], sort_keys=True,
                         default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def unit_check(unit: ImportUnit) -> None:
    """Refuse what the database would refuse, with a message naming the input."""
    parsed = unit.parsed
    if len(parsed.headline) > Article._meta.get_field("headline").max_length:
        raise ImportFailure(f"{unit.where}: headline is longer than 500 characters")
    if parsed.url:
        try:
            URLValidator()(parsed.url)
        except ValidationError:
            raise ImportFailure(f"{unit.where}: {parsed.url!r} is not a valid URL") from None
    for file in unit.photo_files:
        if file is None:
            continue
        with file.open("rb") as handle:
            try:
                image_check(handle, name=file.name)
            except ValidationError as exc:
                raise ImportFailure(f"{unit.where}: photo {exc.messages[0]}") from None


def article_match(unit: ImportUnit, *, outlet: Outlet, fingerprint: str) -> Article | None:
    """The article this input already created: same URL, else same source file, else same text in the outlet."""
    articles = Article.objects.select_for_update()
    if unit.parsed.url:
        found = articles.filter(url=unit.parsed.url).first()
        if found:
            return found
    return (
        articles.filter(outlet=outlet, source_name=unit_source_name(unit)).first()
        or articles.filter(outlet=outlet, fingerprint=fingerprint).first()
    )


def unit_source_name(unit: ImportUnit) -> str:
    name = Path(unit.source).name
    return f"{name}#{unit.record}" if unit.record else name


def article_import(unit: ImportUnit, *, cache: ImportCache, options: ImportOptions) -> tuple[Outcome, Article]:
    """Save one parsed article in its own transaction (a savepoint inside the batch)."""
    unit_check(unit)
    parsed = unit.parsed
    outlet_name = (options.outlet or parsed.outlet or UNKNOWN_OUTLET)[:200]
    digest = import_digest(unit, outlet=outlet_name, tags=options.tags)
    fingerprint = content_fingerprint(parsed.headline, parsed.body)
    with transaction.atomic():
        outlet = cache.outlet(outlet_name)
        article = article_match(unit, outlet=outlet, fingerprint=fingerprint)
        if article is not None and article.import_digest == digest:
            return Outcome.UNCHANGED, article
        if article is not None:
            old_body = article.body
            article_fields_set(article, unit, fingerprint=fingerprint, digest=digest)
            article.version += 1
            article.save()
            extraction_replace(article, unit, cache=cache, old_body=old_body, options=options)
            return Outcome.UPDATED, article
        original = (
            Article.objects.filter(fingerprint=fingerprint, syndicated_from__isnull=True).exclude(outlet=outlet)
            .order_by("pk").first()
        )
        article = Article(outlet=outlet, syndicated_from=original)
        article_fields_set(article, unit, fingerprint=fingerprint, digest=digest)
        article.save()
        extraction_save(article, unit, cache=cache, options=options, statements=original is None)
        return (Outcome.SYNDICATED if original else Outcome.CREATED), article


def article_fields_set(article: Article, unit: ImportUnit, *, fingerprint: str, digest: str) -> None:
    parsed = unit.parsed
    article.headline = parsed.headline
    article.body = parsed.body
    article.bylines = parsed.bylines
    # An 'Updated:' dateline is the only date many saves carry: lists and charts need one to place the article.
    article.published_on = parsed.published or parsed.updated
    article.updated_on = parsed.updated
    article.url = parsed.url or ""
    article.language = parsed.language or "en"
    article.subheadings = parsed.subheadings
    article.rights = (parsed.rights or "")[:500]
    article.word_count = len(parsed.body.split())
    article.fingerprint = fingerprint
    article.import_digest = digest
    article.source_name = unit_source_name(unit)
    article.imported_at = timezone.now()


def extraction_save(article: Article, unit: ImportUnit, *, cache: ImportCache, options: ImportOptions,
                    statements: bool = True, keep: Iterable[Quote] = (), created: bool = True) -> None:
    """Write photos, tags and (unless the article is a syndicated copy) speakers, roles, quotes and mentions."""
    parsed = unit.parsed
    photos_save(article, unit, cache=cache, dry_run=options.dry_run, created=created)
    tags_save(article, parsed, cache=cache, extra=options.tags + unit.given_tags, created=created)
    if not statements:
        return
    persons = cache.person_ids(s.name for s in parsed.speakers if s.kind == "person")
    org_names = {org for s in parsed.speakers for org in s.organizations} | {m.name for m in parsed.organizations}
    organizations = cache.organization_ids(org_names)
    roles = {}
    taken = set(article.roles.values_list("person_id", "title")) if not created else set()
    for speaker in parsed.speakers:
        for title in speaker.titles if speaker.name in persons else ():
            key = (persons[speaker.name], title[:500])
            if key not in taken:
                org = organizations.get(speaker.organizations[0]) if speaker.organizations else None
                roles.setdefault(key, Role(person_id=key[0], article=article, title=key[1], organization_id=org))
    history_bulk_create(list(roles.values()), Role)
    kept = {(q.start, q.end) for q in keep}
    quotes = [
        Quote(article=article, speaker_id=persons.get(q.speaker), group="" if q.speaker in persons else q.speaker,
              text=q.text, kind=q.kind, start=q.start, end=q.end, cue=(q.cue or "")[:100],
              channel=(q.channel or "")[:200])
        for q in parsed.quotes if (q.start, q.end) not in kept and q.end > q.start
    ]
    history_bulk_create(quotes, Quote)
    OrganizationMention.objects.bulk_create(
        OrganizationMention(article=article, organization_id=organizations[m.name], count=m.count)
        for m in parsed.organizations if m.name in organizations
    )
    CountryMention.objects.bulk_create(
        CountryMention(article=article, country_id=cache.country_id(m.code, m.name), count=m.count)
        for m in parsed.countries if m.code
    )


def photos_save(article: Article, unit: ImportUnit, *, cache: ImportCache, dry_run: bool, created: bool) -> None:
    """Match photos by position: caption i goes with image file i; re-imports update them in place."""
    existing = {} if created else {photo.order: photo for photo in article.photos.all()}
    pairs = list(zip_longest(unit.parsed.photos, unit.photo_files))
    for order, (parsed_photo, file) in enumerate(pairs):
        photo = existing.pop(order, None) or Photo(article=article, order=order)
        if parsed_photo is not None:
            photo.caption = parsed_photo.caption or ""
            photo.credit = (parsed_photo.credit or "")[:300]
            photo.photographer = (parsed_photo.photographer or "")[:200]
            photo.agency = (parsed_photo.agency or "")[:200]
            photo.alt_text = photo.caption[:500]
        if file is not None and not dry_run and (not photo.image or Path(photo.image.name).stem != file.stem):
            with file.open("rb") as handle:
                photo.thumbnail = None
                photo.image.save(file.name, File(handle), save=False)
        photo.save()
        if parsed_photo is not None and parsed_photo.pictured:
            photo.pictured.set(cache.person_ids(parsed_photo.pictured).values())
    if existing:
        Photo.objects.filter(pk__in=[photo.pk for photo in existing.values()]).delete()


def tags_save(article: Article, parsed: ParsedArticle, *, cache: ImportCache, extra: list[str], created: bool) -> None:
    """Codebook suggestions stay 'suggested'; tags named in the record or with --tag are taken as given."""
    given = {name.casefold(): name for name in extra}
    present = set() if created else set(article.tagged_items.values_list("tag_id", flat=True))
    rows = []
    for name in list(given.values()) + parsed.tags:
        tag_id = cache.tag_id(name)
        if tag_id not in present:
            present.add(tag_id)
            status = TagStatus.CONFIRMED if name.casefold() in given else TagStatus.SUGGESTED
            rows.append(TaggedArticle(content_object=article, tag_id=tag_id, status=status))
    TaggedArticle.objects.bulk_create(rows)


def extraction_replace(article: Article, unit: ImportUnit, *, cache: ImportCache, old_body: str,
                       options: ImportOptions) -> None:
    """After a body change: drop unreviewed suggestions, re-anchor reviewed quotes and annotations, extract anew."""
    article.quotes.filter(status=SuggestionStatus.SUGGESTED).delete()
    article.roles.filter(status=SuggestionStatus.SUGGESTED).delete()
    article.organization_mentions.all().delete()
    article.country_mentions.all().delete()
    reviewed = list(article.quotes.all())
    for quote in reviewed:
        start = text_reanchor(article.body, quote.text, near=quote.start)
        if start is None:
            quote.delete()
        elif start != quote.start:
            quote.start, quote.end = start, start + len(quote.text)
            quote.save(update_fields=["start", "end"])
    statements = article.syndicated_from_id is None
    extraction_save(article, unit, cache=cache, options=options, statements=statements,
                    keep=[q for q in reviewed if q.pk], created=False)
    if old_body != article.body:
        annotations_follow(article, old_body=old_body)


def text_reanchor(body: str, text: str, *, near: int) -> int | None:
    """Offset of `text` in `body` closest to where it used to be, or None when it is gone."""
    starts, position = [], body.find(text)
    while position != -1:
        starts.append(position)
        position = body.find(text, position + 1)
    return min(starts, key=lambda s: abs(s - near)) if starts else None


def annotations_follow(article: Article, *, old_body: str) -> None:
    """Let the review app re-anchor or orphan annotations on a changed body."""
    try:
        from monitoring.review.services import annotations_reanchor
    except ImportError:
        return
    annotations_reanchor(article=article, old_body=old_body)


def search_refresh(article_ids: list[int]) -> None:
    try:
        from monitoring.dashboards.search import search_index_refresh
    except ImportError:
        return
    if article_ids:
        search_index_refresh(article_ids)


def units_import(units: Iterator[ImportUnit | ParseError], *, options: ImportOptions,
                 report: ImportReport | None = None, batch_size: int = BATCH_SIZE) -> ImportReport:
    """Import a stream of units in batches: each article is atomic on its own; a bad one fails alone."""
    report = report or ImportReport()
    cache = ImportCache()
    stream = iter(units)  # one iterator for all batches: re-iterating a progress bar would start it over
    while True:
        batch = list(islice(stream, batch_size))
        if not batch:
            return report
        batch_ids: list[int] = []
        with transaction.atomic():
            for unit in batch:
                unit_import(unit, cache=cache, options=options, report=report, batch_ids=batch_ids)
            if options.dry_run:
                transaction.set_rollback(True)
            else:
                transaction.on_commit(lambda ids=batch_ids: search_refresh(ids))
        report.article_ids.extend(batch_ids)


def unit_import(unit, *, cache, options, report, batch_ids) -> None:
    if isinstance(unit, ParseError):
        report.counts[Outcome.FAILED] += 1
        report.errors.append(str(unit))
        return
    if unit.note:
        report.notes.append(f"{unit.where}: {unit.note}")
    try:
        outcome, article = article_import(unit, cache=cache, options=options)
    except ImportFailure as exc:
        report.counts[Outcome.FAILED] += 1
        report.errors.append(str(exc))
        cache.__init__()  # ids cached inside the rolled-back savepoint may not exist
        return
    except DatabaseError as exc:
        report.counts[Outcome.FAILED] += 1
        report.errors.append(f"{unit.where}: could not be saved ({str(exc).splitlines()[0]})")
        cache.__init__()
        return
    report.counts[outcome] += 1
    if outcome is not Outcome.UNCHANGED:
        batch_ids.append(article.pk)
