"""Saving parsed articles: match or create outlet, article, persons, roles, quotes, photos, mentions and tags."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice, zip_longest
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from monitoring.articles.models import Article, CountryMention, Outlet
from monitoring.codebook.models import Tag, TaggedArticle, TagStatus
from monitoring.core import permissions
from monitoring.core.figures import figures_changed
from monitoring.core.models import Country
from monitoring.core.text import name_key, occurrence_nearest
from monitoring.core.workflow import NEW, REVIEWED_STATES
from monitoring.dashboards.search import search_index_refresh, search_index_repair
from monitoring.people.models import (
    Organization,
    OrganizationKind,
    OrganizationMention,
    Person,
    PersonAlias,
    Quote,
    Role,
    SuggestionStatus,
)
from monitoring.photos.images import image_check
from monitoring.photos.models import Photo
from monitoring.review.models import WorkflowAction
from monitoring.review.services import EditConflict, ReanchorResult, annotations_reanchor, event_record
from monitoring.rollups.services import articles_changed, rollups_atomic

from .models import RevisionStatus, SourceRevision
from .parsers import ParsedArticle, ParseError, content_fingerprint, exception_summary
from .parsers.gazetteer import ORGANIZATION_ALIASES
from .sources import ImportUnit

UNKNOWN_OUTLET = "Unknown outlet"
IMPORT_REASON = "import"
HELD_MESSAGE = (
    "its changed source is held, not applied: once the article is returned or reopened to analysis, its holder or "
    "an editor accepts it on the article's page"
)
BATCH_SIZE = 100
HISTORY_CHUNK = 500  # ids per INSERT ... SELECT of history records
RETRIES = 2  # an article meeting a parallel import of itself is matched again this many times


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"  # a changed source of a reviewed article, kept for a person to accept (SourceRevision)
    SYNDICATED = "syndicated"
    FAILED = "failed"


class ImportFailure(Exception):
    """An article that cannot be saved; the message names the file, record and line."""


@dataclass(slots=True)
class ImportOptions:
    outlet: str | None = None
    tags: list[str] = field(default_factory=list)
    dry_run: bool = False


@dataclass(slots=True, frozen=True)
class UnitOutcome:
    """What became of one file or record: for import jobs' per-file outcomes and `-v 2` listings."""

    source: str
    outcome: str
    article_id: int | None = None
    message: str = ""


@dataclass(slots=True)
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    outcomes: list[UnitOutcome] = field(default_factory=list)

    def record(self, source: str, outcome: Outcome, article_id: int | None = None, message: str = "") -> None:
        self.counts[outcome] += 1
        self.outcomes.append(UnitOutcome(source, outcome.value, article_id, message))

    def summary(self) -> str:
        return ", ".join(f"{outcome.value} {self.counts[outcome]}" for outcome in Outcome)

    def merge(self, other: ImportReport) -> None:
        """Add another run's counts, messages and outcomes to this one (a job imported in chunks)."""
        self.counts.update(other.counts)
        self.errors.extend(other.errors)
        self.notes.extend(other.notes)
        self.outcomes.extend(other.outcomes)


def history_bulk_create(objs: list, model) -> list:
    """Insert rows and their 'created' history records in two queries.

    simple_history's own bulk helper re-reads every row to find its id, which costs more than the import itself.
    """
    created = model.objects.bulk_create(objs)
    history_records_create(created, model)
    return created


def history_records_create(created: list, model) -> None:
    """'Created' history records for rows inserted in bulk (which skips simple_history's signals), copied from the
    rows by the database (INSERT ... SELECT): no Python object per history record."""
    if not created or not hasattr(model, "history"):
        return
    history = model.history.model
    quote = connection.ops.quote_name
    columns = [quote(field.column) for field in history.tracked_fields]
    into = ", ".join([*columns, quote("history_date"), quote("history_type"), quote("history_change_reason")])
    ids = [obj.pk for obj in created]
    with connection.cursor() as cursor:
        for start in range(0, len(ids), HISTORY_CHUNK):
            chunk = ids[start : start + HISTORY_CHUNK]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({into}) "
                f"SELECT {', '.join(columns)}, %s, '+', %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [timezone.now(), IMPORT_REASON, *chunk],
            )


class ImportCache:
    """Lookups kept for one import run, so a large import asks the database once per outlet, person or tag.

    Imports run in parallel (several workers, or two runs of the same folder). Each batch therefore creates the
    outlets, persons, organizations, countries and tags it names first (`prime`), each kind in short
    transactions of its own, in key order, taking whatever another process created at the same moment: the batch's
    own transaction then inserts only its articles and their rows, and never waits on another batch's uncommitted
    lookups (which deadlocked).
    """

    def __init__(self) -> None:
        self.index_repaired = False  # once a run, by its first call of units_import
        self.reset()

    def reset(self) -> None:
        """Forget everything: after a rollback, cached ids may name rows that no longer exist."""
        self.outlets: dict[str, Outlet] = {}
        self.persons: dict[str, int] = dict(Person.objects.values_list("key", "id"))
        self.persons.update(PersonAlias.objects.values_list("key", "person_id"))
        self.organizations: dict[str, int] = dict(Organization.objects.values_list("key", "id"))
        self.countries: dict[str, int] = dict(Country.objects.values_list("code", "id"))
        self.tags: dict[str, int] = {name.casefold(): pk for name, pk in Tag.objects.values_list("name", "id")}

    def prime(self, units: list[ImportUnit], options: ImportOptions) -> None:
        """Create, each kind in its own committed transaction, every lookup these units name (but their outlet,
        taken when the unit is checked)."""
        parsed = [unit.parsed for unit in units]
        persons, organizations = names_of(parsed)
        with transaction.atomic():
            self.person_ids(persons)
        with transaction.atomic():
            self.organization_ids(organizations)
        for code, name in sorted({(m.code, m.name) for p in parsed for m in p.countries if m.code}):
            with transaction.atomic():
                self.country_id(code, name)
        tags = {
            name.casefold(): name for unit in units for name in [*options.tags, *unit.given_tags, *unit.parsed.tags]
        }
        for key in sorted(tags):
            with transaction.atomic():
                self.tag_id(tags[key])

    def outlet(self, name: str) -> Outlet:
        if name not in self.outlets:
            self.outlets[name], _ = Outlet.objects.get_or_create(name=name)
        return self.outlets[name]

    def person_ids(self, names: Iterable[str]) -> dict[str, int]:
        """Person ids for printed names, creating the persons not seen before."""
        wanted = {name_key(name): name for name in names if name_key(name)}
        missing = sorted(key for key in wanted if key not in self.persons)
        if missing:
            self.persons.update(keyed_create(Person, {key: {"name": wanted[key]} for key in missing}))
        return {name: self.persons[key] for key, name in wanted.items()}

    def organization_ids(self, names: Iterable[str]) -> dict[str, int]:
        wanted = {name_key(name): name for name in names if name_key(name)}
        missing = sorted(key for key in wanted if key not in self.organizations)
        if missing:
            fields = {key: {"name": wanted[key], "kind": organization_kind(wanted[key])} for key in missing}
            self.organizations.update(keyed_create(Organization, fields))
        return {name: self.organizations[key] for key, name in wanted.items()}

    def country_id(self, code: str, name: str) -> int:
        if code not in self.countries:
            country, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
            self.countries[code] = country.pk
        return self.countries[code]

    def tag_id(self, name: str) -> int:
        if name.casefold() not in self.tags:
            tag = Tag.objects.filter(name__iexact=name).first()
            if tag is None:
                try:
                    with transaction.atomic():
                        tag = Tag.objects.create(name=name, slug=_unique_slug(name))
                except IntegrityError:  # created by another import at the same moment
                    tag = Tag.objects.get(name__iexact=name)
            self.tags[name.casefold()] = tag.pk
        return self.tags[name.casefold()]


def names_of(parsed: list[ParsedArticle]) -> tuple[list[str], set[str]]:
    """The person names (speakers, then the pictured, in reading order) and organization names (speakers' and
    mentioned) that these articles' rows refer to."""
    persons = [s.name for p in parsed for s in p.speakers if s.kind == "person"]
    persons += [name for p in parsed for photo in p.photos for name in photo.pictured]
    organizations = {org for p in parsed for s in p.speakers for org in s.organizations}
    return persons, organizations | {m.name for p in parsed for m in p.organizations}


def keyed_create(model, fields: dict[str, dict]) -> dict[str, int]:
    """Ids of the rows with these unique keys, inserting the missing ones (in key order, taking rows another process
    inserts meanwhile rather than failing); a 'created' history record for each row this call inserted."""
    keys = sorted(fields)
    existing = set(model.objects.filter(key__in=keys).values_list("key", flat=True))
    model.objects.bulk_create(
        [model(key=key, **fields[key]) for key in keys if key not in existing], ignore_conflicts=True
    )
    rows = list(model.objects.filter(key__in=keys))
    history_records_create([row for row in rows if row.key not in existing], model)
    return {row.key: row.pk for row in rows}


def outlet_name(unit: ImportUnit, options: ImportOptions) -> str:
    return (options.outlet or unit.parsed.outlet or UNKNOWN_OUTLET)[:200]


def _unique_slug(name: str) -> str:
    base = slugify(name)[:90] or "tag"
    slug, n = base, 1
    while Tag.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


_KIND_WORDS = [
    ("party", OrganizationKind.POLITICAL_PARTY),
    ("front", OrganizationKind.POLITICAL_PARTY),
    ("ministry", OrganizationKind.MINISTRY),
    ("university", OrganizationKind.ACADEMIC),
    ("institute", OrganizationKind.ACADEMIC),
    ("academy", OrganizationKind.ACADEMIC),
    ("times", OrganizationKind.MEDIA_OUTLET),
    ("news", OrganizationKind.MEDIA_OUTLET),
    ("wire", OrganizationKind.MEDIA_OUTLET),
    ("radio", OrganizationKind.MEDIA_OUTLET),
    ("parliament", OrganizationKind.GOVERNMENT_BODY),
    ("government", OrganizationKind.GOVERNMENT_BODY),
    ("commission", OrganizationKind.GOVERNMENT_BODY),
    ("company", OrganizationKind.COMPANY),
    ("corporation", OrganizationKind.COMPANY),
    ("foundation", OrganizationKind.NGO),
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
    payload = json.dumps(
        [unit.parsed.to_dict(), outlet, sorted(tags), unit.given_tags, files], sort_keys=True, default=str
    )
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


@dataclass(slots=True)
class Prepared:
    """A unit checked and keyed, ready to be matched against the database."""

    unit: ImportUnit
    outlet: Outlet
    fingerprint: str
    digest: str

    @property
    def source_name(self) -> str:
        name = Path(self.unit.source).name
        return f"{name}#{self.unit.record}" if self.unit.record else name


@dataclass(slots=True)
class Rows:
    """The rows a number of articles add, written together in a few bulk inserts."""

    photos: list[Photo] = field(default_factory=list)
    pictured: list[tuple[Photo, list[int]]] = field(default_factory=list)
    tagged: list[TaggedArticle] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)

    def write(self) -> None:
        Photo.objects.bulk_create(self.photos)
        through = Photo.pictured.through
        through.objects.bulk_create(
            through(photo_id=photo.pk, person_id=pk) for photo, ids in self.pictured for pk in dict.fromkeys(ids)
        )
        TaggedArticle.objects.bulk_create(self.tagged)
        history_bulk_create(self.roles, Role)
        history_bulk_create(self.quotes, Quote)
        OrganizationMention.objects.bulk_create(self.organizations)
        CountryMention.objects.bulk_create(self.countries)


def unit_prepare(unit: ImportUnit, *, cache: ImportCache, options: ImportOptions) -> Prepared:
    unit_check(unit)
    outlet = outlet_name(unit, options)
    return Prepared(
        unit=unit,
        outlet=cache.outlet(outlet),
        fingerprint=content_fingerprint(unit.parsed.headline, unit.parsed.body),
        digest=import_digest(unit, outlet=outlet, tags=options.tags),
    )


def article_match(prepared: Prepared) -> Article | None:
    """The article this input already created: same URL, else same source file, else same text in the outlet."""
    # FOR NO KEY UPDATE: rows of a parallel import that refer to this article (a syndicated copy) are not blocked.
    articles = Article.objects.select_for_update(no_key=True)
    if prepared.unit.parsed.url:
        found = articles.filter(url=prepared.unit.parsed.url).first()
        if found:
            return found
    same_outlet = articles.filter(outlet=prepared.outlet)
    return (
        same_outlet.filter(source_name=prepared.source_name).first()
        or same_outlet.filter(fingerprint=prepared.fingerprint).first()
    )


def batch_split(prepared: list[Prepared]) -> tuple[list[Prepared], list[Prepared]]:
    """Split a batch into articles certainly new (bulk-inserted together) and the rest (matched one by one).

    New means: no article in the database shares its URL, its source file in the outlet, or its text, and no
    earlier unit of the batch shares them either (that one could be its original or its previous version).
    """
    urls = {p.unit.parsed.url for p in prepared if p.unit.parsed.url}
    known = Article.objects.filter(
        Q(url__in=urls)
        | Q(source_name__in={p.source_name for p in prepared})
        | Q(fingerprint__in={p.fingerprint for p in prepared})
    ).values_list("url", "outlet_id", "source_name", "fingerprint")
    seen = set()
    for url, outlet_id, source_name, fingerprint in known:
        seen.update({("url", url), ("source", outlet_id, source_name), ("text", fingerprint)} - {("url", "")})
    fresh, rest = [], []
    for p in prepared:
        keys = {("source", p.outlet.pk, p.source_name), ("text", p.fingerprint)}
        if p.unit.parsed.url:
            keys.add(("url", p.unit.parsed.url))
        (rest if keys & seen else fresh).append(p)
        seen |= keys
    return fresh, rest


def articles_create(batch: list[Prepared], *, cache: ImportCache, options: ImportOptions) -> list[Article]:
    """Insert new articles with everything extracted from them in a fixed number of queries."""
    persons, organizations = names_of([p.unit.parsed for p in batch])
    cache.person_ids(persons)
    cache.organization_ids(organizations)
    articles = []
    for p in batch:
        article = Article(outlet=p.outlet)
        article_fields_set(article, p)
        articles.append(article)
    history_bulk_create(articles, Article)
    rows = Rows()
    for article, p in zip(articles, batch):
        extraction_rows(article, p.unit, rows, cache=cache, options=options)
    rows.write()
    return articles


def article_import(prepared: Prepared, *, cache: ImportCache, options: ImportOptions) -> tuple[Outcome, Article]:
    """Save one article that may already exist, in its own savepoint."""
    with transaction.atomic():
        article = article_match(prepared)
        if article is not None and article.import_digest == prepared.digest:
            return Outcome.UNCHANGED, article
        if article is not None and article.status in REVIEWED_STATES:
            return revision_hold(article, prepared, options=options), article
        if article is not None:
            article_update(article, prepared, cache=cache, options=options)
            SourceRevision.objects.pending().filter(article=article).update(
                status=RevisionStatus.SUPERSEDED, decided_at=timezone.now()
            )
            return Outcome.UPDATED, article
        rows = Rows()
        original = (
            Article.objects.filter(fingerprint=prepared.fingerprint, syndicated_from__isnull=True)
            .exclude(outlet=prepared.outlet)
            .order_by("pk")
            .first()
        )
        article = Article(outlet=prepared.outlet, syndicated_from=original)
        article_fields_set(article, prepared)
        article.save()
        extraction_rows(article, prepared.unit, rows, cache=cache, options=options, statements=original is None)
        rows.write()
        return (Outcome.SYNDICATED if original else Outcome.CREATED), article


@dataclass(frozen=True, slots=True)
class UpdateResult:
    annotations: ReanchorResult
    orphaned_quotes: int = 0


def article_update(
    article: Article, prepared: Prepared, *, cache: ImportCache, options: ImportOptions, user=None, reason: str = ""
) -> UpdateResult:
    """Apply a changed source to its article: new text and extraction, reviewed quotes and annotations re-anchored
    by their text (those whose text is gone are kept, marked orphaned). The caller holds the article's row lock."""
    old_body = article.body
    article_fields_set(article, prepared)
    article.version += 1
    if user is not None:
        article._history_user = user
    if reason:
        article._change_reason = reason
    article.save()
    rows = Rows()
    orphaned_quotes = extraction_replace(article, prepared.unit, rows, cache=cache, old_body=old_body, options=options)
    rows.write()
    anchors = ReanchorResult()
    if old_body != article.body:
        anchors = annotations_reanchor(article=article, old_body=old_body, user=user)
    return UpdateResult(annotations=anchors, orphaned_quotes=orphaned_quotes)


def article_fields_set(article: Article, prepared: Prepared) -> None:
    parsed = prepared.unit.parsed
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
    article.fingerprint = prepared.fingerprint
    article.import_digest = prepared.digest
    article.source_name = prepared.source_name
    article.imported_at = timezone.now()


def extraction_rows(
    article: Article,
    unit: ImportUnit,
    rows: Rows,
    *,
    cache: ImportCache,
    options: ImportOptions,
    statements: bool = True,
    created: bool = True,
    keep: Iterable[Quote] = (),
) -> None:
    """Add the rows for photos, tags and (unless the article is a syndicated copy) roles, quotes and mentions."""
    parsed = unit.parsed
    photos_rows(article, unit, rows, cache=cache, dry_run=options.dry_run, created=created)
    tags_rows(article, parsed, rows, cache=cache, extra=options.tags + unit.given_tags, created=created)
    if not statements:
        return
    persons = cache.person_ids(s.name for s in parsed.speakers if s.kind == "person")
    organizations = cache.organization_ids(
        {org for s in parsed.speakers for org in s.organizations} | {m.name for m in parsed.organizations}
    )
    taken = set() if created else set(article.roles.values_list("person_id", "title"))
    for speaker in parsed.speakers:
        for title in speaker.titles if speaker.name in persons else ():
            key = (persons[speaker.name], title[:500])
            if key not in taken:
                taken.add(key)
                org = organizations.get(speaker.organizations[0]) if speaker.organizations else None
                rows.roles.append(Role(person_id=key[0], article=article, title=key[1], organization_id=org))
    kept = {(q.start, q.end) for q in keep}
    rows.quotes += [
        Quote(
            article=article,
            speaker_id=persons.get(q.speaker),
            group="" if q.speaker in persons else q.speaker,
            text=q.text,
            kind=q.kind,
            start=q.start,
            end=q.end,
            cue=(q.cue or "")[:100],
            channel=(q.channel or "")[:200],
        )
        for q in parsed.quotes
        if (q.start, q.end) not in kept and q.end > q.start
    ]
    rows.organizations += [
        OrganizationMention(article=article, organization_id=organizations[m.name], count=m.count)
        for m in parsed.organizations
        if m.name in organizations
    ]
    rows.countries += [
        CountryMention(article=article, country_id=cache.country_id(m.code, m.name), count=m.count)
        for m in parsed.countries
        if m.code
    ]


def photos_rows(
    article: Article, unit: ImportUnit, rows: Rows, *, cache: ImportCache, dry_run: bool, created: bool
) -> None:
    """Match photos by position: caption i goes with image file i; a re-import updates them in place."""
    existing = {} if created else {photo.order: photo for photo in article.photos.all()}
    for order, (parsed_photo, file) in enumerate(zip_longest(unit.parsed.photos, unit.photo_files)):
        photo = existing.pop(order, None) or Photo(article=article, order=order)
        if parsed_photo is not None:
            photo.caption = parsed_photo.caption or ""
            photo.credit = (parsed_photo.credit or "")[:300]
            photo.photographer = (parsed_photo.photographer or "")[:200]
            photo.agency = (parsed_photo.agency or "")[:200]
            photo.alt_text = photo.caption[:500]
        if file is not None and not dry_run and (not photo.image or Path(photo.image.name).stem != file.stem):
            with file.open("rb") as handle:
                photo.image.save(file.name, File(handle), save=False)
                photo.thumbnail_refresh()
        pictured = list(cache.person_ids(parsed_photo.pictured).values()) if parsed_photo else []
        if photo.pk:
            photo.save()
            photo.pictured.set(pictured)
        else:
            rows.photos.append(photo)
            rows.pictured.append((photo, pictured))
    if existing:
        Photo.objects.filter(pk__in=[photo.pk for photo in existing.values()]).delete()


def tags_rows(
    article: Article, parsed: ParsedArticle, rows: Rows, *, cache: ImportCache, extra: list[str], created: bool
) -> None:
    """Codebook suggestions stay 'suggested'; tags named in the record or with --tag are taken as given on a new
    item, and arrive as suggestions on any item past New (nothing unreviewed is confirmed behind a person's back)."""
    given = {name.casefold(): name for name in extra}
    present = set() if created else set(article.tagged_items.values_list("tag_id", flat=True))
    as_given = article.status == NEW
    for name in list(given.values()) + parsed.tags:
        tag_id = cache.tag_id(name)
        if tag_id not in present:
            present.add(tag_id)
            status = TagStatus.CONFIRMED if as_given and name.casefold() in given else TagStatus.SUGGESTED
            rows.tagged.append(TaggedArticle(content_object=article, tag_id=tag_id, status=status))


def extraction_replace(
    article: Article, unit: ImportUnit, rows: Rows, *, cache: ImportCache, old_body: str, options: ImportOptions
) -> int:
    """After a change: drop unreviewed suggestions, re-anchor reviewed quotes, extract anew.

    A confirmed quote whose text is gone is kept, marked orphaned, for a person to re-anchor or reject (never
    deleted); a rejected one whose text is gone is dropped, as there is nothing left to suggest again. Returns how
    many quotes are orphaned.
    """
    article.quotes.filter(status=SuggestionStatus.SUGGESTED).delete()
    article.roles.filter(status=SuggestionStatus.SUGGESTED).delete()
    article.organization_mentions.all().delete()
    article.country_mentions.all().delete()
    reviewed, orphaned = [], 0
    for quote in article.quotes.all():
        start = occurrence_nearest(article.body, quote.text, quote.start)
        if start is None and quote.status == SuggestionStatus.REJECTED:
            quote.delete()
            continue
        if start is None:
            orphaned += 1
            if not quote.orphaned:
                quote.orphaned = True
                quote._change_reason = "Orphaned: text not found after the source changed"
                quote.save(update_fields=["orphaned"])
            continue
        if start != quote.start or quote.orphaned:
            quote.start, quote.end, quote.orphaned = start, start + len(quote.text), False
            quote.save(update_fields=["start", "end", "orphaned"])
        reviewed.append(quote)
    extraction_rows(
        article,
        unit,
        rows,
        cache=cache,
        options=options,
        statements=article.syndicated_from_id is None,
        created=False,
        keep=reviewed,
    )
    return orphaned


def units_import(
    units: Iterable[ImportUnit | ParseError],
    *,
    options: ImportOptions,
    report: ImportReport | None = None,
    batch_size: int = BATCH_SIZE,
    cache: ImportCache | None = None,
) -> ImportReport:
    """Import a stream of units batch by batch; every article is atomic on its own and a bad one fails alone.

    `cache` carries lookups over from an earlier call of the same run (the chunks of a job run in one process).
    """
    report = report or ImportReport()
    cache = cache or ImportCache()
    if not (options.dry_run or cache.index_repaired):
        search_index_repair()  # articles left out of search (a kill under an earlier version, raw SQL)
        cache.index_repaired = True
    stream = iter(units)  # one iterator for all batches: re-iterating a progress bar would start it over
    while batch := list(islice(stream, batch_size)):
        batch_import(batch, cache=cache, options=options, report=report)
        if options.dry_run:
            cache.reset()  # the rolled-back batch's outlets and persons do not exist
    return report


def batch_import(batch: list, *, cache: ImportCache, options: ImportOptions, report: ImportReport) -> None:
    """Check the batch's units, create the lookups they name (each committed on its own, see `ImportCache`), then
    write their articles and search rows in one transaction (a kill leaves all or none of them), with a savepoint
    for each article that is not certainly new, so a bad one fails alone. A dry run does it all in one transaction
    and rolls it back."""
    with rollups_atomic() if options.dry_run else nullcontext():
        prepared = [p for p in (unit_ready(unit, cache=cache, options=options, report=report) for unit in batch) if p]
        if not options.dry_run:
            try:
                cache.prime([p.unit for p in prepared], options)
            except Exception:  # noqa: BLE001 - a name the database refuses fails its unit below, not the batch
                cache.reset()
        if options.dry_run:
            articles_write(prepared, cache=cache, options=options, report=report)
            transaction.set_rollback(True)
        else:
            batch_commit(prepared, cache=cache, options=options, report=report)


def batch_commit(prepared: list[Prepared], *, cache: ImportCache, options: ImportOptions, report) -> None:
    """Write the batch and its search rows in one transaction. Checks the database defers to the commit may find
    a parallel import in the way (a deadlock, one side rolled back): the batch is then written again, and after
    the retries each of its units fails with the reason, rather than the run stopping."""
    for attempt in range(RETRIES + 1):
        written = ImportReport()
        try:
            with rollups_atomic():
                ids = articles_write(prepared, cache=cache, options=options, report=written)
                search_index_refresh(ids)
                articles_changed(ids)  # the rollups of the batch's days and outlets, in its transaction
                figures_changed()
        except OperationalError as exc:
            cache.reset()
            if attempt == RETRIES:
                for p in prepared:
                    report_failure(
                        report, f"{p.unit.where}: could not be saved ({str(exc).splitlines()[0]})", source=p.unit.source
                    )
        else:
            report.merge(written)
            return


def articles_write(prepared: list[Prepared], *, cache: ImportCache, options: ImportOptions, report) -> list[int]:
    """Write the batch's articles; returns the ids of those written."""
    ids: list[int] = []
    fresh, rest = batch_split(prepared)
    try:
        with transaction.atomic():
            created = articles_create(fresh, cache=cache, options=options)
        ids += [article.pk for article in created]
        for article, p in zip(created, fresh):
            report.record(p.unit.source, Outcome.CREATED, article.pk)
    except Exception:  # a database error or any other: retried one by one below, so the bad unit fails alone
        cache.reset()  # ids cached inside the rolled-back savepoint do not exist
        rest = fresh + rest  # one by one, so the bad article fails alone
    for p in rest:
        outcome = prepared_import(p, cache=cache, options=options, report=report)
        if outcome is not None:
            ids.append(outcome.pk)
    return ids


def unit_ready(unit: ImportUnit | ParseError, *, cache, options, report) -> Prepared | None:
    """Check a unit before any write; a failure is counted and reported here."""
    if isinstance(unit, ParseError):
        return report_failure(report, str(unit), source=unit.source)
    for note in [unit.note, *unit.parsed.warnings]:  # what parse_article would warn about, said here too
        if note:
            report.notes.append(f"{unit.where}: {note}")
    try:
        return unit_prepare(unit, cache=cache, options=options)
    except ImportFailure as exc:
        return report_failure(report, str(exc), source=unit.source)
    except Exception as exc:  # whatever else one unit raises fails that unit alone; interrupts still stop the run
        message = f"{unit.where}: could not be imported ({exception_summary(exc)})"
        return report_failure(report, message, source=unit.source)


def prepared_import(prepared: Prepared, *, cache, options, report) -> Article | None:
    """Import one article on its own; returns it when something was written."""
    for attempt in range(RETRIES + 1):
        try:
            outcome, article = article_import(prepared, cache=cache, options=options)
            break
        except (IntegrityError, OperationalError) as exc:
            # Most often another import wrote this article, or took a lock it needed, at the same moment: match
            # again, and it is found. Past the retries, a real conflict (another article has this text or file).
            cache.reset()
            if attempt == RETRIES:
                message = f"{prepared.unit.where}: could not be saved ({conflict_message(exc)})"
                return report_failure(report, message, source=prepared.unit.source)
        except DatabaseError as exc:
            cache.reset()
            message = f"{prepared.unit.where}: could not be saved ({str(exc).splitlines()[0]})"
            return report_failure(report, message, source=prepared.unit.source)
        except Exception as exc:  # rolled back with its savepoint: the unit fails alone and the batch goes on
            cache.reset()
            message = f"{prepared.unit.where}: could not be imported ({exception_summary(exc)})"
            return report_failure(report, message, source=prepared.unit.source)
    message = ""
    if outcome is Outcome.HELD:
        message = (
            f"{prepared.unit.where}: article #{article.pk} is {article.get_status_display().lower()}; {HELD_MESSAGE}"
        )
        report.notes.append(message)
    report.record(prepared.unit.source, outcome, article.pk, message)
    return None if outcome in (Outcome.UNCHANGED, Outcome.HELD) else article


CONFLICTS = {
    "unique_article_url": "another article has this URL",
    "unique_article_source": "another article of this outlet was imported from a file of this name",
    "unique_article_text": "another article of this outlet has this text",
}


def conflict_message(exc: Exception) -> str:
    text = str(exc)
    return next((said for name, said in CONFLICTS.items() if name in text), text.splitlines()[0] if text else "")


def report_failure(report: ImportReport, message: str, *, source: str = "") -> None:
    report.record(source, Outcome.FAILED, message=message)
    report.errors.append(message)


# Held sources of reviewed articles ------------------------------------------------------------------------


def _path_keep(file: Path | None) -> str | None:
    """A photo file's path as JSON can hold it; a name that is not UTF-8 is not kept (its photo is left as is)."""
    if file is None:
        return None
    try:
        return os.fspath(file).encode("utf-8").decode("utf-8")
    except UnicodeEncodeError:
        return None


def revision_hold(article: Article, prepared: Prepared, *, options: ImportOptions) -> Outcome:
    """Keep a changed source of a reviewed article as its pending revision, with a 'source changed' event.

    The same source held again holds nothing new (unchanged); a different one supersedes the pending revision.
    The caller holds the article's row lock, so two imports of the same article are serialised.
    """
    pending = SourceRevision.objects.select_for_update().pending().filter(article=article).first()
    if pending is not None and pending.digest == prepared.digest:
        return Outcome.UNCHANGED
    if pending is not None:
        pending.status, pending.decided_at = RevisionStatus.SUPERSEDED, timezone.now()
        pending.save(update_fields=["status", "decided_at"])
    unit = prepared.unit
    SourceRevision.objects.create(
        article=article,
        digest=prepared.digest,
        source=unit.source[:1000],
        source_name=prepared.source_name[:500],
        headline=unit.parsed.headline,
        body=unit.parsed.body,
        payload={
            "parsed": unit.parsed.to_dict(),
            "record": unit.record,
            "line": unit.line,
            "photo_files": [_path_keep(file) for file in unit.photo_files],
            "given_tags": list(unit.given_tags),
            "tags": list(options.tags),
            "outlet": prepared.outlet.name,
        },
    )
    event_record(
        article,
        user=None,
        action=WorkflowAction.SOURCE_CHANGED,
        subject=f"{prepared.source_name}: held until accepted",
        comment="Superseded the changed source held before." if pending is not None else "",
    )
    return Outcome.HELD


def revision_prepared(revision: SourceRevision, *, cache: ImportCache) -> Prepared:
    """The held source as the importer had it, ready to apply (photo files that are gone leave their photo as is)."""
    payload = revision.payload
    parsed = ParsedArticle.from_dict(payload["parsed"])
    files = [Path(name) if name and Path(name).is_file() else None for name in payload.get("photo_files", [])]
    unit = ImportUnit(
        source=revision.source,
        parsed=parsed,
        record=payload.get("record"),
        line=payload.get("line"),
        photo_files=files,
        given_tags=list(payload.get("given_tags", [])),
    )
    unit_check(unit)
    return Prepared(
        unit=unit,
        outlet=cache.outlet(payload.get("outlet") or UNKNOWN_OUTLET),
        fingerprint=content_fingerprint(parsed.headline, parsed.body),
        digest=revision.digest,
    )


def revision_accept(*, revision: SourceRevision, user) -> SourceRevision:
    """Apply a held source to its article, as an import would, with a 'source accepted' event.

    Allowed once the article is back in analysis, to its holder or an editor (permissions.source_accept_check);
    checked before any write, so a refusal changes nothing. Accepting an accepted revision changes nothing; a
    superseded one is refused as stale (a newer source is pending).
    """
    with rollups_atomic():
        article = Article.objects.select_for_update(of=("self",)).select_related("assignee").get(pk=revision.article_id)
        permissions.source_accept_check(user, article)
        revision = SourceRevision.objects.select_for_update().get(pk=revision.pk)
        if revision.status == RevisionStatus.ACCEPTED:
            return revision
        if revision.status == RevisionStatus.SUPERSEDED:
            raise EditConflict("A newer source of this article was imported since you loaded the page; reload it.")
        cache = ImportCache()
        options = ImportOptions(tags=list(revision.payload.get("tags", [])))
        try:
            with transaction.atomic():
                prepared = revision_prepared(revision, cache=cache)
                result = article_update(
                    article, prepared, cache=cache, options=options, user=user, reason="Source accepted"
                )
        except ImportFailure as exc:
            raise ValidationError(f"The held source cannot be applied: {exc}") from None
        except IntegrityError:
            raise ValidationError(
                "The held source cannot be applied: another article already has its URL or identity."
            ) from None
        revision.status, revision.decided_at, revision.decided_by = RevisionStatus.ACCEPTED, timezone.now(), user
        revision.save(update_fields=["status", "decided_at", "decided_by"])
        orphans = result.annotations.orphaned + result.orphaned_quotes
        event_record(
            article,
            user=user,
            action=WorkflowAction.SOURCE_ACCEPTED,
            subject=f"{revision.source_name}: {orphans} quote(s) or annotation(s) orphaned",
        )
        search_index_refresh([article.pk])  # with the accepted text, in the same transaction
        return revision
