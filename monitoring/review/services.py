"""Every write of the review workflow.

One function per action, each holding the permission check, the change and its audit record in one
transaction, so admin actions, the web pages and any API behave alike. Writes lock the article row first
(then the object itself), always in that order, so two people acting at once are serialised on PostgreSQL:
the second waits, then is checked against the first one's result and refused with a message.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from monitoring.articles.models import Article
from monitoring.codebook.models import Tag, TaggedArticle, TagStatus
from monitoring.core import permissions
from monitoring.core.models import Country
from monitoring.core.text import name_key, occurrence_nearest, opening_words
from monitoring.core.workflow import TRANSITIONS
from monitoring.people.models import Organization, Person, PersonAlias, Quote, Role, SuggestionStatus
from monitoring.people.services import person_merge
from monitoring.rollups.services import rollups_atomic

from .models import Annotation, AnnotationComment, Stance, WorkflowAction, WorkflowEvent


class EditConflict(Exception):
    """A stale form: someone saved a newer version of the object since the page was loaded."""


# Workflow transitions -------------------------------------------------------------------------------------


def article_lock(article: Article) -> Article:
    """The article's current row, locked until the transaction ends (a no-op on SQLite, which locks the file)."""
    return Article.objects.select_for_update().get(pk=article.pk)


def _article_move(
    article: Article,
    *,
    user,
    action: WorkflowAction,
    to_status: str,
    comment: str = "",
    assignee=None,
    **changes,
) -> Article:
    from_status = article.status
    article.status = to_status
    for field, value in changes.items():
        setattr(article, field, value)
    article.version += 1
    article._history_user = user
    article._change_reason = action.label
    article.save()
    WorkflowEvent.objects.create(
        article=article,
        actor=user,
        action=action,
        from_status=from_status,
        to_status=to_status,
        assignee=assignee,
        comment=comment,
    )
    return article


def article_pending_count(*, article: Article) -> int:
    """How many quote, role and tag suggestions on the article nobody has decided yet."""
    return (
        Quote.objects.filter(article=article).pending().count()
        + Role.objects.filter(article=article, status=SuggestionStatus.SUGGESTED).count()
        + TaggedArticle.objects.filter(content_object=article, status=TagStatus.SUGGESTED).count()
    )


def _transition_changes(action: str, *, user, assignee) -> dict:
    """Fields a transition sets besides the status."""
    if action == "claim":
        return {"assignee_id": user.pk}
    if action == "assign":
        return {"assignee_id": assignee.pk}
    if action == "approve":
        return {"approved_at": timezone.now()}
    if action == "reopen":
        return {"approved_at": None}
    return {}


def article_transition(*, article: Article, user, action: str, comment: str = "", assignee=None) -> Article:
    """Take a workflow action on an article, as the table in monitoring.core.workflow allows.

    The one entry point for the web form, admin actions, bulk actions and any API: locks the article, checks the
    user may take the action now (role, state, holder, four eyes), applies it and records the event.
    """
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ValidationError(f"Unknown action {action!r}.")
    if transition.needs_assignee and assignee is None:
        raise ValidationError("Choose the analyst to assign the article to.")
    with rollups_atomic():
        article = article_lock(article)
        permissions.transition_check(user, article, action, assignee=assignee)
        if transition.needs_comment and not comment.strip():
            raise ValidationError(f"Say why you {transition.label.lower()}: a comment is required.")
        if action == "submit" and (pending := article_pending_count(article=article)):
            raise PermissionDenied(
                f"{pending} suggestion(s) are still pending: confirm or reject them before submitting."
            )
        event_assignee = user if action == "claim" else assignee
        return _article_move(
            article,
            user=user,
            action=WorkflowAction(action),
            to_status=transition.to_state(article.status),
            comment=comment.strip(),
            assignee=event_assignee if transition.action in ("claim", "assign") else None,
            **_transition_changes(action, user=user, assignee=assignee),
        )


def article_claim(*, article: Article, user) -> Article:
    """An analyst takes a new (or unassigned) article into analysis."""
    return article_transition(article=article, user=user, action="claim")


def article_submit(*, article: Article, user, comment: str = "") -> Article:
    """The analyst hands the article to review; every suggestion must be decided first."""
    return article_transition(article=article, user=user, action="submit", comment=comment)


def article_approve(*, article: Article, user, comment: str = "") -> Article:
    """A reviewer who did not work on the article approves it; only approved articles count in figures."""
    return article_transition(article=article, user=user, action="approve", comment=comment)


def article_return(*, article: Article, user, comment: str) -> Article:
    """A reviewer who did not work on the article sends it back to its analyst, saying why."""
    return article_transition(article=article, user=user, action="return", comment=comment)


def article_reopen(*, article: Article, user, comment: str = "") -> Article:
    """An editor takes an approved or archived article back into analysis (it stops counting)."""
    return article_transition(article=article, user=user, action="reopen", comment=comment)


def article_archive(*, article: Article, user, comment: str = "") -> Article:
    return article_transition(article=article, user=user, action="archive", comment=comment)


def article_assign(*, article: Article, user, assignee, comment: str = "") -> Article:
    """An editor gives the article to an analyst; a new article goes into analysis with it."""
    return article_transition(article=article, user=user, action="assign", comment=comment, assignee=assignee)


@dataclass
class BulkOutcome:
    """What a bulk action did: the articles it moved, and each one it could not move with the reason."""

    done: list = dataclass_field(default_factory=list)  # Article
    refused: list = dataclass_field(default_factory=list)  # (article id, headline or "", message)


def _articles_each(article_ids, act) -> BulkOutcome:
    """Call `act(article)` on each article, one transaction per article (the service's own): a refusal leaves that
    article unchanged and is reported for it, with its headline; an article gone since the page was shown too."""
    outcome = BulkOutcome()
    ids = sorted({int(pk) for pk in article_ids})
    found = Article.objects.only("pk", "headline").in_bulk(ids)
    for pk in ids:
        article = found.get(pk)
        if article is None:
            outcome.refused.append((pk, "", "This article no longer exists."))
            continue
        try:
            done = act(article)
        except REFUSALS as exc:
            outcome.refused.append((pk, article.headline, refusal_message(exc)))
        else:
            outcome.done.append(done)
    return outcome


def articles_transition_bulk(*, article_ids, user, action: str, comment: str = "", assignee=None) -> BulkOutcome:
    """Take `action` on each article through `article_transition`, one transaction per article: a refusal (the
    permission check, a missing assignee, an article gone or changed since the page was shown) leaves that article
    unchanged and is reported for it; the others go through."""
    return _articles_each(
        article_ids,
        lambda article: article_transition(
            article=article, user=user, action=action, comment=comment, assignee=assignee
        ),
    )


def articles_tag_bulk(*, article_ids, user, tag: Tag) -> BulkOutcome:
    """Add the codebook tag to each article through `tag_add`, one transaction per article, each refusal reported
    for its article; `done` lists the articles that have the tag confirmed now (added, confirmed, or already so)."""

    def act(article: Article) -> Article:
        tag_add(article=article, user=user, tag=tag)
        return article

    return _articles_each(article_ids, act)


# Extraction review: suggested quotes, roles and tags --------------------------------------------------------
#
# Decisions are idempotent: asking for what already holds (confirming a confirmed quote, rejecting a rejected role,
# an edit that changes nothing) changes nothing and records nothing, whichever door it comes through. Every check
# comes before the first write, inside the transaction, so a refusal leaves no trace. The analyst holding the item
# or an editor (while it is open) decides, as for any coverage data (permissions.article_content_check).


def event_record(article: Article, *, user, action: WorkflowAction, subject: str, comment: str = "") -> None:
    WorkflowEvent.objects.create(
        article=article,
        actor=user,
        action=action,
        from_status=article.status,
        to_status=article.status,
        subject=subject[:300],
        comment=comment,
    )


def _version_check(obj, version: int | None, *, label: str) -> None:
    if version is not None and obj.version != version:
        raise EditConflict(
            f"Someone changed this {label} since you loaded the page; reload to see their change, then retry."
        )


def _versioned_lock(model, pk: int, version: int | None, *, label: str):
    obj = model.objects.select_for_update().get(pk=pk)
    _version_check(obj, version, label=label)
    return obj


def _quote_subject(quote: Quote) -> str:
    """A readable label for the history: who, and the quote's opening words (never a bare id, never a cut word)."""
    return f"quote by {quote.speaker_label}: “{opening_words(quote.text)}”"


def _role_subject(role: Role) -> str:
    return f"role of {role.person.name}: {opening_words(role.title)}"


def _fields_of(obj, fields: tuple[str, ...]) -> tuple:
    return tuple(getattr(obj, name) for name in fields)


QUOTE_DECIDED_FIELDS = ("speaker_id", "group", "kind", "start", "end", "text", "orphaned", "status")
ROLE_DECIDED_FIELDS = ("title", "organization_id", "status")


def _decision_action(before: tuple, after: tuple) -> WorkflowAction:
    """An edit that only sets the status (the status is last in the field tuples) is a plain decision."""
    if before[:-1] == after[:-1]:
        return WorkflowAction.CONFIRM if after[-1] == SuggestionStatus.CONFIRMED else WorkflowAction.REJECT
    return WorkflowAction.EDIT


def _quote_save(quote: Quote, article: Article, *, user, version: int | None, before: tuple) -> Quote:
    """Record the quote's decision unless it changes nothing; a stale form is refused only when it would."""
    after = _fields_of(quote, QUOTE_DECIDED_FIELDS)
    if after == before:
        return quote
    _version_check(quote, version, label="quote")
    quote.version += 1
    action = _decision_action(before, after)
    if action == WorkflowAction.EDIT:
        quote.full_clean()
    quote._history_user = user
    quote.save()
    event_record(article, user=user, action=action, subject=_quote_subject(quote))
    return quote


def _quote_decide(*, quote: Quote, user, version: int | None, status: str, doing: str) -> Quote:
    with rollups_atomic():
        article = article_lock(quote.article)
        permissions.article_content_check(user, article, doing=doing)
        quote = Quote.objects.select_for_update().get(pk=quote.pk)
        quote.article = article
        before = _fields_of(quote, QUOTE_DECIDED_FIELDS)
        quote.status = status
        return _quote_save(quote, article, user=user, version=version, before=before)


def quote_confirm(*, quote: Quote, user, version: int | None = None) -> Quote:
    """Confirm a quote; confirming a confirmed one changes and records nothing."""
    return _quote_decide(
        quote=quote, user=user, version=version, status=SuggestionStatus.CONFIRMED, doing="confirm quotes"
    )


def quote_reject(*, quote: Quote, user, version: int | None = None) -> Quote:
    """Mark a suggested quote wrong; it is kept (rejected) so a re-import does not suggest it again."""
    return _quote_decide(
        quote=quote, user=user, version=version, status=SuggestionStatus.REJECTED, doing="reject quotes"
    )


def person_for_name(name: str) -> Person:
    """The person known by this name or alias, created if nobody is; call it inside the caller's transaction, after
    its permission check, so a refused or failed action creates nobody."""
    key = name_key(name)
    person = Person.objects.filter(key=key).first()
    if person is None:
        alias = PersonAlias.objects.filter(key=key).select_related("person").first()
        person = alias.person if alias else None
    if person is None:
        person = Person(name=name.strip())
        person.full_clean()
        person.save()
    return person


def quote_update(
    *,
    quote: Quote,
    user,
    version: int | None,
    speaker: Person | None = None,
    speaker_name: str = "",
    group: str = "",
    kind: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Quote:
    """Correct a quote (speaker, a speaker by name, or group; kind; span) and confirm it: an edited suggestion is a
    decision. A speaker named but not known becomes a person, only once the edit is allowed and valid."""
    with rollups_atomic():
        article = article_lock(quote.article)
        permissions.article_content_check(user, article, doing="edit quotes")
        quote = Quote.objects.select_for_update().get(pk=quote.pk)
        quote.article = article
        before = _fields_of(quote, QUOTE_DECIDED_FIELDS)
        if speaker_name.strip():
            speaker = person_for_name(speaker_name)
        if speaker is not None:
            quote.speaker, quote.group = speaker, ""
        elif group.strip():
            quote.speaker, quote.group = None, group.strip()
        if kind:
            quote.kind = kind
        if start is not None and end is not None:
            quote.start, quote.end, quote.text = start, end, article.body[start:end]
            quote.orphaned = False  # re-anchored by a person
        quote.status = SuggestionStatus.CONFIRMED
        return _quote_save(quote, article, user=user, version=version, before=before)


def _role_decide(*, role: Role, user, status: str, doing: str, **changes) -> Role:
    with rollups_atomic():
        article = article_lock(role.article)
        permissions.article_content_check(user, article, doing=doing)
        role = Role.objects.select_for_update().get(pk=role.pk)
        before = _fields_of(role, ROLE_DECIDED_FIELDS)
        for field, value in changes.items():
            setattr(role, field, value)
        role.status = status
        after = _fields_of(role, ROLE_DECIDED_FIELDS)
        if after == before:
            return role
        role.full_clean()
        role._history_user = user
        role.save()
        event_record(article, user=user, action=_decision_action(before, after), subject=_role_subject(role))
        return role


def role_confirm(*, role: Role, user) -> Role:
    """Confirm a role; confirming a confirmed one changes and records nothing."""
    return _role_decide(role=role, user=user, status=SuggestionStatus.CONFIRMED, doing="confirm roles")


def role_reject(*, role: Role, user) -> Role:
    return _role_decide(role=role, user=user, status=SuggestionStatus.REJECTED, doing="reject roles")


def role_update(*, role: Role, user, title: str, organization: Organization | None = None) -> Role:
    """Correct a role's title or organization, which confirms it."""
    if not title.strip():
        raise ValidationError("A role needs a title.")
    return _role_decide(
        role=role,
        user=user,
        status=SuggestionStatus.CONFIRMED,
        doing="edit roles",
        title=title.strip(),
        organization=organization,
    )


def tag_confirm(*, tagged: TaggedArticle, user) -> TaggedArticle:
    """Confirm a suggested tag; confirming a confirmed one changes and records nothing."""
    with rollups_atomic():
        article = article_lock(tagged.content_object)
        permissions.article_content_check(user, article, doing="confirm tags")
        tagged = TaggedArticle.objects.select_for_update().select_related("tag").get(pk=tagged.pk)
        if tagged.status == TagStatus.CONFIRMED:
            return tagged
        tagged.status = TagStatus.CONFIRMED
        tagged.save(update_fields=["status"])
        event_record(article, user=user, action=WorkflowAction.CONFIRM, subject=f"tag {tagged.tag.name}")
        return tagged


def tag_add(*, article: Article, user, tag: Tag) -> TaggedArticle:
    """Give the article the codebook tag, confirmed: coverage work by the analyst holding it or an editor while it is
    open (it counts as analysis for four eyes, as any coverage change). A tag already confirmed on the article
    changes and records nothing; a suggested one is confirmed through tag_confirm."""
    with rollups_atomic():
        article = article_lock(article)
        permissions.article_content_check(user, article, doing="add tags")
        tagged = TaggedArticle.objects.select_for_update().filter(content_object=article, tag=tag).first()
        if tagged is not None:
            if tagged.status == TagStatus.SUGGESTED:
                return tag_confirm(tagged=tagged, user=user)
            return tagged
        tagged = TaggedArticle.objects.create(content_object=article, tag=tag, status=TagStatus.CONFIRMED)
        event_record(article, user=user, action=WorkflowAction.CHANGE, subject=f"added tag {tag.name}")
        return tagged


def tag_update(*, tagged: TaggedArticle, user, tag: Tag) -> TaggedArticle:
    """Correct a tag to another codebook tag, confirmed (editing a suggestion confirms it, as for quotes and roles).
    The same tag confirms it; a tag the article already has absorbs this one. One recorded event."""
    with rollups_atomic():
        article = article_lock(tagged.content_object)
        permissions.article_content_check(user, article, doing="change tags")
        tagged = TaggedArticle.objects.select_for_update().select_related("tag").get(pk=tagged.pk)
        if tagged.tag_id == tag.pk:
            return tag_confirm(tagged=tagged, user=user)
        old = tagged.tag.name
        existing = TaggedArticle.objects.select_for_update().filter(content_object=article, tag=tag).first()
        if existing is not None:
            tagged.delete()
            tagged = existing
        tagged.tag, tagged.status = tag, TagStatus.CONFIRMED
        tagged.save(update_fields=["tag", "status"])
        event_record(article, user=user, action=WorkflowAction.CHANGE, subject=f"tag {old} changed to {tag.name}")
        return tagged


def tag_reject(*, tagged: TaggedArticle, user) -> None:
    """Remove a tag; the event keeps its name, so the decision stays on record. A tag already removed (a second
    click) is left alone, with no second event."""
    with rollups_atomic():
        article = article_lock(tagged.content_object)
        permissions.article_content_check(user, article, doing="reject tags")
        tagged = TaggedArticle.objects.select_for_update().select_related("tag").filter(pk=tagged.pk).first()
        if tagged is None:
            return
        name = tagged.tag.name
        tagged.delete()
        event_record(article, user=user, action=WorkflowAction.REJECT, subject=f"tag {name}")


SUGGESTION_KINDS = {"quotes": "quotes", "roles": "roles", "tags": "tags"}


def _pending_locked(article: Article, kind: str) -> list:
    """The article's pending suggestions of one kind, locked, in reading order (orphaned quotes need a person)."""
    if kind == "quotes":
        rows = Quote.objects.filter(article=article, orphaned=False).pending().select_related("speaker")
        return list(rows.select_for_update(of=("self",)).order_by("start", "pk"))
    if kind == "roles":
        rows = Role.objects.filter(article=article, status=SuggestionStatus.SUGGESTED).select_related("person")
        return list(rows.select_for_update(of=("self",)).order_by("pk"))
    rows = TaggedArticle.objects.filter(content_object=article, status=TagStatus.SUGGESTED).select_related("tag")
    return list(rows.select_for_update(of=("self",)).order_by("tag__name"))


def suggestions_confirm_all(*, article: Article, user, kind: str) -> list[str]:
    """Confirm every suggestion of one kind (quotes, roles or tags) still pending on the article, recorded as ONE
    event whose comment lists what it confirmed. With nothing pending it changes and records nothing (a second
    click, an old tab). Returns the readable labels of what it confirmed."""
    if kind not in SUGGESTION_KINDS:
        raise ValidationError(f"Unknown kind of suggestion {kind!r}: quotes, roles or tags.")
    with rollups_atomic():
        article = article_lock(article)
        permissions.article_content_check(user, article, doing=f"confirm {kind}")
        rows = _pending_locked(article, kind)
        labels = []
        for row in rows:
            if kind == "tags":
                row.status = TagStatus.CONFIRMED
                row.save(update_fields=["status"])
                labels.append(f"tag {row.tag.name}")
                continue
            row.status = SuggestionStatus.CONFIRMED
            if kind == "quotes":
                row.version += 1
                labels.append(_quote_subject(row))
            else:
                labels.append(_role_subject(row))
            row._history_user = user
            row._change_reason = "Confirmed with all remaining"
            row.save()
        if labels:
            event_record(
                article,
                user=user,
                action=WorkflowAction.CONFIRM,
                subject=f"all remaining {kind} ({len(labels)})",
                comment="\n".join(labels),
            )
        return labels


def article_persons_merge(*, article: Article, survivor: Person, others: list[Person], user) -> Person:
    """Merge persons while reviewing an article's extraction (e.g. two spellings of one speaker)."""
    with rollups_atomic():
        article = article_lock(article)
        permissions.article_analysis_check(user, article, doing="merge persons here")
        names = ", ".join(p.name for p in others if p.pk != survivor.pk)
        survivor = person_merge(survivor=survivor, others=others, user=user)
        event_record(article, user=user, action=WorkflowAction.MERGE, subject=f"{names} into {survivor.name}")
        return survivor


# Annotations ----------------------------------------------------------------------------------------------


def _span_check(body: str, start: int, end: int, text: str | None) -> str:
    """The passage at [start, end); when the client sent the text it saw, it must be that passage."""
    if not 0 <= start < end <= len(body):
        raise ValidationError("The selected passage is outside the article body.")
    passage = body[start:end]
    # Browsers report a selection across paragraphs without the blank line between them (Range.toString
    # joins text nodes), so compare the text with all whitespace removed.
    if text is not None and "".join(text.split()) != "".join(passage.split()):
        raise ValidationError("The selected passage does not match the article body; reload the page and retry.")
    return passage


def _target_check(target_person, target_organization, target_country) -> None:
    if sum(t is not None for t in (target_person, target_organization, target_country)) > 1:
        raise ValidationError("Choose at most one target: a person, an organization or a country.")


def _stance_check(stance: str) -> None:
    if stance and stance not in Stance.values:
        raise ValidationError(f"Unknown stance {stance!r}.")


def annotation_create(
    *,
    article: Article,
    user,
    tag: Tag,
    start: int,
    end: int,
    text: str | None = None,
    note: str = "",
    stance: str = "",
    target_person: Person | None = None,
    target_organization: Organization | None = None,
    target_country: Country | None = None,
) -> Annotation:
    """Code a passage of the article with a tag from the codebook."""
    with rollups_atomic():
        article = article_lock(article)
        permissions.article_analysis_check(user, article, doing="annotate this article")
        passage = _span_check(article.body, start, end, text)
        _target_check(target_person, target_organization, target_country)
        _stance_check(stance)
        annotation = Annotation(
            article=article,
            tag=tag,
            author=user,
            start=start,
            end=end,
            text=passage,
            note=note.strip(),
            stance=stance,
            target_person=target_person,
            target_organization=target_organization,
            target_country=target_country,
        )
        annotation._history_user = user
        annotation.save()
        event_record(
            article, user=user, action=WorkflowAction.ANNOTATE, subject=f"{tag.name}: “{opening_words(passage)}”"
        )
        return annotation


_UNSET = object()


def annotation_update(
    *,
    annotation: Annotation,
    user,
    version: int | None,
    tag: Tag | None = None,
    note: str | None = None,
    stance: str | None = None,
    target_person=_UNSET,
    target_organization=_UNSET,
    target_country=_UNSET,
    start: int | None = None,
    end: int | None = None,
    text: str | None = None,
) -> Annotation:
    """Change one's own annotation; a new span re-anchors it (and clears 'orphaned')."""
    with rollups_atomic():
        article = article_lock(annotation.article)
        annotation = _versioned_lock(Annotation, annotation.pk, version, label="annotation")
        annotation.article = article
        permissions.annotation_change_check(user, annotation)
        if tag is not None:
            annotation.tag = tag
        if note is not None:
            annotation.note = note.strip()
        if stance is not None:
            _stance_check(stance)
            annotation.stance = stance
        for field, value in (
            ("target_person", target_person),
            ("target_organization", target_organization),
            ("target_country", target_country),
        ):
            if value is not _UNSET:
                setattr(annotation, field, value)
        _target_check(annotation.target_person, annotation.target_organization, annotation.target_country)
        if start is not None and end is not None:
            annotation.text = _span_check(article.body, start, end, text)
            annotation.start, annotation.end, annotation.orphaned = start, end, False
        annotation.version += 1
        annotation._history_user = user
        annotation.save()
        return annotation


def annotation_delete(*, annotation: Annotation, user, version: int | None = None) -> None:
    """Delete one's own annotation; its history keeps the deleted version."""
    with rollups_atomic():
        article = article_lock(annotation.article)
        annotation = _versioned_lock(Annotation, annotation.pk, version, label="annotation")
        annotation.article = article
        permissions.annotation_change_check(user, annotation, doing="delete this annotation")
        annotation._history_user = user
        annotation.delete()


def annotation_comment_add(*, annotation: Annotation, user, text: str) -> AnnotationComment:
    permissions.annotation_comment_check(user, annotation)
    if not text.strip():
        raise ValidationError("A comment cannot be empty.")
    return AnnotationComment.objects.create(annotation=annotation, author=user, text=text.strip())


@dataclass(frozen=True)
class ReanchorResult:
    kept: int = 0
    moved: int = 0
    orphaned: int = 0


def _expected_offset(start: int, old_body: str, new_body: str) -> int:
    """Where the passage should be now, judging by the unchanged head and tail of the two bodies."""
    head = 0
    limit = min(len(old_body), len(new_body))
    while head < limit and old_body[head] == new_body[head]:
        head += 1
    tail = 0
    while tail < limit - head and old_body[-1 - tail] == new_body[-1 - tail]:
        tail += 1
    if start >= len(old_body) - tail:
        return start + len(new_body) - len(old_body)
    return start


def annotations_reanchor(*, article: Article, old_body: str, user=None) -> ReanchorResult:
    """After a re-import replaced the body: move each annotation to its text (nearest its old place) or orphan it.

    Never deletes: an annotation whose passage is gone is marked orphaned, keeping its text, for a person to fix.
    """
    body = article.body
    kept = moved = orphaned = 0
    with rollups_atomic():
        for annotation in Annotation.objects.select_for_update().filter(article=article):
            if body == old_body and not annotation.orphaned:
                kept += 1
                continue
            near = _expected_offset(annotation.start, old_body, body)
            position = occurrence_nearest(body, annotation.text, near) if annotation.text else None
            if position is None:
                orphaned += 1
                if annotation.orphaned:
                    continue
                annotation.orphaned = True
                reason = "Orphaned: passage not found after re-import"
            elif position == annotation.start and not annotation.orphaned:
                kept += 1
                continue
            else:
                moved += 1
                annotation.start, annotation.end = position, position + len(annotation.text)
                annotation.orphaned = False
                reason = "Re-anchored after re-import"
            annotation.version += 1
            annotation._history_user = user
            annotation._change_reason = reason
            annotation.save()
    return ReanchorResult(kept=kept, moved=moved, orphaned=orphaned)


def refusal_message(exc: Exception) -> str:
    """The readable message of a refused action, whatever exception carried it."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or "You may not do that."


REFUSALS = (PermissionDenied, ValidationError, EditConflict, models.ObjectDoesNotExist)
