"""Reads for the review pages: work queues, the reader page's data and the admin timeline."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from monitoring.articles.models import Article, ArticleStatus
from monitoring.codebook.models import Tag, TaggedArticle
from monitoring.core.models import Country
from monitoring.core.permissions import article_content_check, articles_workable, transitions_allowed, user_roles
from monitoring.core.roles import ANALYST, EDITOR, REVIEWER
from monitoring.people.models import OrganizationMention, Quote, Role, SuggestionStatus

from .highlighting import Span, paragraphs_segment
from .models import ANALYSIS_ACTIONS, Annotation, AnnotationComment, WorkflowAction, WorkflowEvent

OPEN_STATUSES = (ArticleStatus.NEW, ArticleStatus.IN_ANALYSIS, ArticleStatus.IN_REVIEW)
TRANSITION_ACTIONS = (
    WorkflowAction.CLAIM,
    WorkflowAction.SUBMIT,
    WorkflowAction.APPROVE,
    WorkflowAction.RETURN,
    WorkflowAction.REOPEN,
    WorkflowAction.ARCHIVE,
    WorkflowAction.ASSIGN,
)


def _queue_base() -> QuerySet[Article]:
    return Article.objects.select_related("outlet", "assignee")


def _by_due_date(queryset: QuerySet[Article]) -> QuerySet[Article]:
    return queryset.order_by(F("due_on").asc(nulls_last=True), "-priority", "pk")


def queue_my_work(*, user) -> QuerySet[Article]:
    """Articles in analysis with me, soonest due first."""
    return _by_due_date(_queue_base().filter(assignee=user, status=ArticleStatus.IN_ANALYSIS))


def queue_to_review(*, user) -> QuerySet[Article]:
    """Articles waiting for review that I may approve: I hold the reviewer role and did not work on them (four
    eyes). The permission check as a query (`permissions.articles_workable`), so an editor who is not a reviewer, or
    who analysed an item, never sees it offered."""
    return _by_due_date(articles_workable(user, _queue_base(), "approve"))


INBOX_PER_PAGE = 50


def queue_inbox() -> QuerySet[Article]:
    """New items nobody has taken yet, most urgent first, then in the order they were imported (oldest first).
    Syndicated copies are left out: their statements belong to the original, which is the one to analyse."""
    return (
        _queue_base()
        .originals()
        .filter(status=ArticleStatus.NEW)
        .order_by("-priority", F("imported_at").asc(nulls_last=True), "pk")
    )


def queue_returned(*, user) -> QuerySet[Article]:
    """My articles whose last transition was a reviewer returning them, with the reviewer's comment."""
    last = WorkflowEvent.objects.filter(article=OuterRef("pk"), action__in=TRANSITION_ACTIONS).order_by(
        "-created", "-pk"
    )
    return _by_due_date(
        _queue_base()
        .filter(assignee=user, status=ArticleStatus.IN_ANALYSIS)
        .annotate(last_action=Subquery(last.values("action")[:1]), return_comment=Subquery(last.values("comment")[:1]))
        .filter(last_action=WorkflowAction.RETURN)
    )


def queue_overdue(*, today: datetime.date | None = None) -> QuerySet[Article]:
    """Open articles past their due date, team-wide."""
    today = today or timezone.localdate()
    return _by_due_date(_queue_base().filter(status__in=OPEN_STATUSES, due_on__lt=today))


def analysts() -> QuerySet:
    return get_user_model().objects.filter(groups__name=ANALYST, is_active=True).order_by("username").distinct()


def bulk_actions(user, *, claim: bool = True, tag: bool = True) -> dict:
    """What a list's bulk bar offers `user` (the services check each item again): claim for analysts (where `claim`),
    assign and archive for editors, add a tag for analysts and editors (where `tag`; the analyst's own items only,
    editors' open ones). The assignee and tag choices are one query each, whatever the list's length."""
    roles = user_roles(user)
    is_editor = EDITOR in roles
    can_tag = tag and bool(roles & {ANALYST, EDITOR})
    return {
        "can_claim": claim and ANALYST in roles,
        "is_editor": is_editor,
        "can_tag": can_tag,
        "assignable": list(analysts()) if is_editor else [],
        "tag_choices": list(Tag.objects.only("pk", "name", "category")) if can_tag else [],
    }


# The reader page ------------------------------------------------------------------------------------------


@dataclass
class ReaderPage:
    article: Article
    paragraphs: list
    photos: list
    quotes: list
    roles: list
    tagged: list
    annotations: list
    orphans: list
    events: list
    codebook: list
    countries: list
    organizations: list
    persons: list
    roles_held: frozenset
    user: object = None
    user_id: int | None = None
    workers: set = field(default_factory=set)
    assignable: list = field(default_factory=list)

    # These only decide which controls to show; the services check again when a form is posted.
    @property
    def can_analyse(self) -> bool:
        article = self.article
        return ANALYST in self.roles_held and article.status == "in_analysis" and article.assignee_id == self.user_id

    @cached_property
    def can_decide(self) -> bool:
        """May confirm, reject and edit quotes, roles and tags: the holder in analysis, an editor while open."""
        try:
            article_content_check(self.user, self.article)
        except PermissionDenied:
            return False
        return True

    @property
    def can_comment(self) -> bool:
        return bool({REVIEWER, EDITOR} & self.roles_held)

    @property
    def four_eyes_blocked(self) -> bool:
        return self.user_id in self.workers

    @cached_property
    def actions(self) -> list[tuple[str, str]]:
        """The transitions the user may take now, from the workflow table, as (action, button label).

        An approval or return the four-eyes rule refuses is left out; the hint says why."""
        allowed = transitions_allowed(self.user, self.article, workers=self.workers)
        return [(t.action, t.label) for t in allowed]

    @property
    def primary_action(self) -> str:
        """The transition the page offers first (focused): claiming a new item, or submitting once all is decided."""
        actions = [value for value, _ in self.actions]
        if "claim" in actions and self.article.assignee_id != self.user_id:
            return "claim"
        if "submit" in actions and not self.pending_count:
            return "submit"
        return ""

    @property
    def orphaned_quotes(self) -> int:
        """Reviewed quotes whose text was not found after the source changed, kept for a person to resolve."""
        return sum(q.orphaned and q.status != SuggestionStatus.REJECTED for q in self.quotes)

    @property
    def pending_quotes(self) -> int:
        return sum(q.status == SuggestionStatus.SUGGESTED and not q.orphaned for q in self.quotes)

    @property
    def pending_roles(self) -> int:
        return sum(r.status == SuggestionStatus.SUGGESTED for r in self.roles)

    @property
    def pending_tags(self) -> int:
        return sum(t.status == SuggestionStatus.SUGGESTED for t in self.tagged)

    @property
    def pending_count(self) -> int:
        suggested = SuggestionStatus.SUGGESTED
        return sum(q.status == suggested for q in self.quotes) + self.pending_roles + self.pending_tags

    @property
    def quote_groups(self) -> list["SpeakerQuotes"]:
        """The quotes grouped by speaker (or group), speakers in order of their first quote, each with the title
        the article gives them (a confirmed role first, else a suggested one)."""
        titles: dict[int, Role] = {}
        for role in sorted(self.roles, key=lambda r: r.status != SuggestionStatus.CONFIRMED):
            if role.status != SuggestionStatus.REJECTED:
                titles.setdefault(role.person_id, role)
        groups: dict[tuple, SpeakerQuotes] = {}
        for quote in self.quotes:
            key = ("person", quote.speaker_id) if quote.speaker_id else ("group", quote.group)
            if key not in groups:
                role = titles.get(quote.speaker_id) if quote.speaker_id else None
                groups[key] = SpeakerQuotes(speaker=quote.speaker_label, role=role, quotes=[])
            groups[key].quotes.append(quote)
        return list(groups.values())


@dataclass
class SpeakerQuotes:
    speaker: str
    role: Role | None
    quotes: list


def reader_page(*, article_id: int, user) -> ReaderPage:
    """Everything the reader page shows, in a fixed number of queries whatever the article holds."""
    article = Article.objects.select_related("outlet", "assignee", "syndicated_from").get(pk=article_id)
    photos = list(article.photos.all())
    quotes = list(Quote.objects.filter(article=article).select_related("speaker").order_by("start", "pk"))
    roles = list(Role.objects.filter(article=article).select_related("person", "organization"))
    tagged = list(TaggedArticle.objects.filter(content_object=article).select_related("tag").order_by("tag__name"))
    if article.syndicated_from_id:
        # A syndicated copy lists no statements of its own: they are reviewed on the original.
        quotes, roles, tagged = [], [], []
    comments = Prefetch("comments", queryset=AnnotationComment.objects.select_related("author"))
    annotations = list(
        Annotation.objects.filter(article=article)
        .select_related("tag", "author", "target_person", "target_organization", "target_country")
        .prefetch_related(comments)
    )
    events = list(WorkflowEvent.objects.filter(article=article).select_related("actor", "assignee"))
    mentions = OrganizationMention.objects.filter(article=article).select_related("organization")
    organizations = {m.organization.pk: m.organization for m in mentions}
    organizations.update({r.organization.pk: r.organization for r in roles if r.organization_id})
    persons = {q.speaker.pk: q.speaker for q in quotes if q.speaker_id}
    persons.update({r.person.pk: r.person for r in roles})

    spans = [
        Span(q.start, q.end, "quote", q.pk) for q in quotes if q.status != SuggestionStatus.REJECTED and not q.orphaned
    ]
    spans += [Span(a.start, a.end, "annotation", a.pk) for a in annotations if not a.orphaned]
    roles_held = user_roles(user)
    workers = {e.actor_id for e in events if e.action in ANALYSIS_ACTIONS} | {e.assignee_id for e in events}
    workers |= {a.author_id for a in annotations} | {article.assignee_id}
    paragraphs = paragraphs_segment(article.paragraphs(), spans)
    subheadings = set(article.subheadings or [])
    for paragraph, (_, text) in zip(paragraphs, article.paragraphs(), strict=True):
        paragraph.heading = text.strip() in subheadings
    return ReaderPage(
        article=article,
        paragraphs=paragraphs,
        photos=photos,
        quotes=quotes,
        roles=roles,
        tagged=tagged,
        annotations=[a for a in annotations if not a.orphaned],
        orphans=[a for a in annotations if a.orphaned],
        events=events,
        codebook=list(Tag.objects.order_by("category", "name")),
        countries=list(Country.objects.all()),
        organizations=sorted(organizations.values(), key=lambda o: o.name),
        persons=sorted(persons.values(), key=lambda p: p.name),
        roles_held=roles_held,
        user=user,
        user_id=user.pk,
        workers=workers - {None},
        assignable=list(analysts()) if EDITOR in roles_held else [],
    )


# The admin timeline ---------------------------------------------------------------------------------------


@dataclass
class TimelineEntry:
    when: datetime.datetime
    who: object
    kind: str
    what: str
    changes: list = field(default_factory=list)  # (field, old, new)
    comment: str = ""


def _history_entries(records, *, label) -> list[TimelineEntry]:
    """One entry per historical record, with the fields it changed compared to the record before it."""
    entries, previous = [], {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        older = previous.get(record.id)
        changes = []
        if older is not None:
            changes = [(c.field, c.old, c.new) for c in record.diff_against(older).changes]
        verb = {"+": "created", "~": "changed", "-": "deleted"}[record.history_type]
        entries.append(
            TimelineEntry(
                when=record.history_date,
                who=record.history_user,
                kind="history",
                what=f"{label(record)} {verb}",
                changes=changes,
                comment=record.history_change_reason or "",
            )
        )
        previous[record.id] = record
    return entries


def article_timeline(*, article: Article) -> list[TimelineEntry]:
    """Field-level history of the article, its quotes, roles and annotations, with workflow events and comments."""
    entries = _history_entries(article.history.select_related("history_user"), label=lambda r: "Article")
    entries += _history_entries(
        Quote.history.filter(article_id=article.pk).select_related("history_user"),
        label=lambda r: f"Quote #{r.id}",
    )
    entries += _history_entries(
        Role.history.filter(article_id=article.pk).select_related("history_user"),
        label=lambda r: f"Role #{r.id} ({r.title})",
    )
    entries += _history_entries(
        Annotation.history.filter(article_id=article.pk).select_related("history_user"),
        label=lambda r: f"Annotation #{r.id}",
    )
    for event in WorkflowEvent.objects.filter(article=article).select_related("actor", "assignee"):
        what = event.get_action_display()
        if event.assignee_id and event.action in (WorkflowAction.ASSIGN, WorkflowAction.CLAIM):
            what += f" (to {event.assignee})"
        if event.from_status != event.to_status:
            what += f": {event.from_status} → {event.to_status}"
        if event.subject:
            what += f": {event.subject}"
        entries.append(
            TimelineEntry(when=event.created, who=event.actor, kind="event", what=what, comment=event.comment)
        )
    for comment in AnnotationComment.objects.filter(annotation__article=article).select_related("author"):
        entries.append(
            TimelineEntry(
                when=comment.created,
                who=comment.author,
                kind="comment",
                what=f"Comment on annotation #{comment.annotation_id}",
                comment=comment.text,
            )
        )
    return sorted(entries, key=lambda e: e.when, reverse=True)
