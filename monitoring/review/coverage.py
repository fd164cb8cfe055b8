"""Coverage data changed through the admin, under the same rules and services as the pages.

The admin's change forms and inlines hand what a person changed to these functions instead of saving it themselves.
Decisions on quotes, roles and tags go to the review services (permission check, event, and they count as having
worked on the item for four eyes); every other change of an item's coverage data (headline, photos, mentions, a
quote's cue...) is checked with `permissions.article_content_check` on the locked article row and recorded as a
"changed coverage data" event, which counts as work on the item too. Workflow fields never change here, and a
refusal leaves nothing behind: the admin saves a form and its inlines in one transaction.
"""

from django.core.exceptions import PermissionDenied

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.core import permissions
from monitoring.core.roles import EDITOR
from monitoring.people.models import Quote, Role, SuggestionStatus
from monitoring.rollups.services import rollups_atomic

from . import services
from .models import WorkflowAction

# Moved only by the workflow's transitions (monitoring.review.services.article_transition).
WORKFLOW_FIELDS = ("status", "assignee", "approved_at", "version")
# Set by editors on open items (permissions.article_planning_check); not analysis work.
PLANNING_FIELDS = ("due_on", "priority")
# Quote and role fields whose change is a decision: the review services' edits, which confirm the item.
QUOTE_EDIT_FIELDS = ("speaker", "group", "kind", "start", "end", "text")  # the model keeps text == its span
ROLE_EDIT_FIELDS = ("title", "organization")
DECISION_FIELD = "status"


def article_of(obj) -> Article:
    """The article a piece of coverage data belongs to (the article itself for an article)."""
    if isinstance(obj, Article):
        return obj
    if isinstance(obj, TaggedArticle):
        return obj.content_object
    return obj.article


def coverage_editable(user, article: Article) -> bool:
    """Whether `user` may change the article's coverage data now (for showing forms editable or read-only; the
    functions below check again on the locked row)."""
    try:
        permissions.article_content_check(user, article)
    except PermissionDenied:
        return False
    return True


def readonly_fields(model, user, *, saved: bool) -> tuple[str, ...]:
    """Fields the admin shows but never lets change on a form of `model`: the workflow's (and the planning ones but
    for editors); an article's text, which quotes, annotations and search hang on by character offsets (a changed
    source comes through re-import); the article a saved item belongs to."""
    if model is Article:
        fields = WORKFLOW_FIELDS if permissions.has_role(user, EDITOR) else WORKFLOW_FIELDS + PLANNING_FIELDS
        return fields + (("body", "subheadings") if saved else ())
    return ("article",) if saved and model is not TaggedArticle else ()


def _subject(obj, fields) -> str:
    if isinstance(obj, Article):
        label = "article"
    elif isinstance(obj, TaggedArticle):
        label = f"tag {obj.tag.name}"
    else:
        label = f"{obj._meta.verbose_name} #{obj.pk}"
    return f"{label}: {', '.join(fields)}" if fields else label


def _differing(current, edited, fields: list[str]) -> list[str]:
    """The fields whose edited value differs from the stored one (a form may call a field changed that is not, e.g.
    a JSON list posted back as text): saving what already holds changes and records nothing."""
    many = {field.name for field in current._meta.many_to_many}  # compared by the form only
    return [field for field in fields if field in many or getattr(current, field) != getattr(edited, field)]


def _locked_check(obj, user) -> Article:
    """Lock the article the object belongs to and check the user may change its coverage data now."""
    article = services.article_lock(article_of(obj))
    permissions.article_content_check(user, article)
    return article


def _fields_apply(obj, user, fields: list[str]) -> None:
    """Copy the changed fields from the form's object (validated by its form) onto its current row and save that,
    never stale workflow or decision fields; record the change."""
    if not fields:
        return
    article = _locked_check(obj, user)
    current = type(obj).objects.select_for_update().get(pk=obj.pk)
    fields = _differing(current, obj, fields)
    if not fields:
        return
    many = {field.name for field in obj._meta.many_to_many}
    for field in fields:
        if field not in many:  # many-to-many values are written by the form's save_m2m, after this check
            setattr(current, field, getattr(obj, field))
    current._history_user = user
    current.save()
    services.event_record(article, user=user, action=WorkflowAction.CHANGE, subject=_subject(obj, fields))


def _decide(obj, user, *, confirm, reject) -> None:
    """Apply the decision the form asks for through the review service; a decision is never undone to 'suggested'
    (reject the item instead, or let the analyst re-decide after a return)."""
    wanted = obj.status
    current = type(obj).objects.get(pk=obj.pk).status
    if wanted == SuggestionStatus.SUGGESTED:
        if current != SuggestionStatus.SUGGESTED:
            raise PermissionDenied("A decision cannot be taken back to 'suggested'; confirm or reject the item.")
        return
    if wanted == SuggestionStatus.CONFIRMED:
        confirm()
    else:
        reject()


def article_add(*, article: Article, user) -> Article:
    """An article added by hand comes in like an import: new, for an analyst to claim."""
    permissions.import_check(user)
    article._history_user = user
    article.save()
    return article


def article_change(*, article: Article, user, changed: list[str]) -> Article:
    """Save the admin form's changes to an article's coverage data (and, for editors, its due date and priority)."""
    changed = [field for field in changed if field not in WORKFLOW_FIELDS]
    with rollups_atomic():
        current = services.article_lock(article)
        changed = _differing(current, article, changed)
        if not changed:
            return current
        planning = [field for field in changed if field in PLANNING_FIELDS]
        content = [field for field in changed if field not in PLANNING_FIELDS]
        if content:
            permissions.article_content_check(user, current)
        if planning:
            permissions.article_planning_check(user, current)
        for field in changed:
            setattr(current, field, getattr(article, field))
        current.version += 1
        current._history_user = user
        current._change_reason = "Changed in the admin"
        current.save()
        for action, fields in ((WorkflowAction.CHANGE, content), (WorkflowAction.PLAN, planning)):
            if fields:
                services.event_record(current, user=user, action=action, subject=_subject(current, fields))
        return current


def quote_change(*, quote: Quote, user, changed: list[str]) -> None:
    """A quote's speaker, kind or span go through quote_update (an edit, which confirms it), its status through
    quote_confirm or quote_reject, anything else (cue, channel) as a recorded change."""
    edits = [field for field in changed if field in QUOTE_EDIT_FIELDS]
    other = [field for field in changed if field not in QUOTE_EDIT_FIELDS and field != DECISION_FIELD]
    with rollups_atomic():
        if edits:
            span = bool({"start", "end", "text"} & set(edits))
            services.quote_update(
                quote=quote,
                user=user,
                version=None,
                speaker=quote.speaker if "speaker" in edits else None,
                group=quote.group if "group" in edits else "",
                kind=quote.kind if "kind" in edits else None,
                start=quote.start if span else None,
                end=quote.end if span else None,
            )
        _fields_apply(quote, user, other)
        if DECISION_FIELD in changed:
            _decide(
                quote,
                user,
                confirm=lambda: services.quote_confirm(quote=quote, user=user),
                reject=lambda: services.quote_reject(quote=quote, user=user),
            )


def role_change(*, role: Role, user, changed: list[str]) -> None:
    """A role's title or organization go through role_update (which confirms it), its status through role_confirm or
    role_reject, anything else (the person) as a recorded change."""
    edits = [field for field in changed if field in ROLE_EDIT_FIELDS]
    other = [field for field in changed if field not in ROLE_EDIT_FIELDS and field != DECISION_FIELD]
    with rollups_atomic():
        if edits:
            services.role_update(role=role, user=user, title=role.title, organization=role.organization)
        _fields_apply(role, user, other)
        if DECISION_FIELD in changed:
            _decide(
                role,
                user,
                confirm=lambda: services.role_confirm(role=role, user=user),
                reject=lambda: services.role_reject(role=role, user=user),
            )


def tag_change(*, tagged: TaggedArticle, user, changed: list[str]) -> None:
    """A suggested tag set to confirmed goes through tag_confirm; another tag in its place is a recorded change."""
    with rollups_atomic():
        _fields_apply(tagged, user, [field for field in changed if field != DECISION_FIELD])
        if DECISION_FIELD in changed:
            if tagged.status == TagStatus.SUGGESTED:
                raise PermissionDenied("A confirmed tag cannot be taken back to 'suggested'; remove it instead.")
            services.tag_confirm(tagged=tagged, user=user)


def item_add(*, obj, user) -> None:
    """A photo, mention, tag, quote or role added by hand to an article whose coverage the user may change."""
    with rollups_atomic():
        article = _locked_check(obj, user)
        obj._history_user = user
        obj.save()
        services.event_record(article, user=user, action=WorkflowAction.CHANGE, subject=f"added {_subject(obj, ())}")


def coverage_save(*, obj, user, changed: list[str], adding: bool) -> None:
    """Save what an admin form changed on a piece of coverage data, by the rules above."""
    if isinstance(obj, Article):
        if adding:
            article_add(article=obj, user=user)
        else:
            article_change(article=obj, user=user, changed=changed)
    elif adding:
        item_add(obj=obj, user=user)
    elif isinstance(obj, Quote):
        quote_change(quote=obj, user=user, changed=changed)
    elif isinstance(obj, Role):
        role_change(role=obj, user=user, changed=changed)
    elif isinstance(obj, TaggedArticle):
        tag_change(tagged=obj, user=user, changed=changed)
    else:
        with rollups_atomic():
            _fields_apply(obj, user, changed)


def coverage_delete(*, obj, user) -> None:
    """Remove a piece of coverage data: a tag is rejected (tag_reject); quotes and roles are rejected, never deleted;
    a photo or mention is removed with a recorded change; an article goes only while its coverage may change."""
    if isinstance(obj, (Quote, Role)):
        raise PermissionDenied("Quotes and roles are not deleted: reject them, so the decision stays on record.")
    if isinstance(obj, TaggedArticle):
        services.tag_reject(tagged=obj, user=user)
        return
    with rollups_atomic():
        article = _locked_check(obj, user)
        if isinstance(obj, Article):
            article.delete()
            return
        subject = f"removed {_subject(obj, ())}"
        obj.delete()
        services.event_record(article, user=user, action=WorkflowAction.CHANGE, subject=subject)


def formset_save(formset, *, user) -> None:
    """Save an inline formset of the article page row by row through the functions above (and leave on it what the
    admin's change message reads, as formset.save() would)."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    deleted = formset.deleted_forms if formset.can_delete else []
    for form in formset.initial_forms:
        if form in deleted:
            coverage_delete(obj=form.instance, user=user)
            formset.deleted_objects.append(form.instance)
        elif form.has_changed():
            coverage_save(obj=form.instance, user=user, changed=form.changed_data, adding=False)
            formset.changed_objects.append((form.instance, form.changed_data))
    for form in formset.extra_forms:
        if form.has_changed() and form not in deleted:
            coverage_save(obj=form.instance, user=user, changed=form.changed_data, adding=True)
            formset.new_objects.append(form.instance)
