"""The one place that answers 'may this user do this?': views, admin and commands all ask here."""

from django.core.exceptions import PermissionDenied

from .roles import ANALYST, EDITOR, REVIEWER
from .workflow import (
    EDITOR_EDIT_STATES,
    HOLDER_EDIT_STATES,
    IN_ANALYSIS,
    TRANSITIONS,
    Transition,
    transitions_from,
)


def user_roles(user) -> frozenset[str]:
    """The role names a user holds (cached on the user object for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset({ANALYST, REVIEWER, EDITOR})
        else:
            cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_cache = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def role_require(user, *roles: str, doing: str) -> None:
    """Raise PermissionDenied with a readable message unless the user holds one of the roles."""
    if not has_role(user, *roles):
        raise PermissionDenied(f"Only {' or '.join(r.lower() + 's' for r in roles)} may {doing}.")


NO_ROLE_MESSAGE = (
    "Your account has no role yet, so it cannot see the team's data. "
    "Ask an editor to give you a role (Analyst, Reviewer or Editor)."
)


def site_access_check(user) -> None:
    """Every page but logging in and out is for team members: a signed-in user holding no role sees no data (the
    pages, the admin and the API all refuse with this one message)."""
    if user.is_authenticated and not user_roles(user):
        raise PermissionDenied(NO_ROLE_MESSAGE)


def person_merge_check(user) -> None:
    role_require(user, ANALYST, EDITOR, doing="merge persons")


def import_check(user) -> None:
    """Analysts and editors bring coverage in (uploads, pasted text, import jobs)."""
    role_require(user, ANALYST, EDITOR, doing="import articles")


def feed_manage_check(user) -> None:
    role_require(user, EDITOR, doing="manage feeds")


# Review workflow. Each check raises PermissionDenied with a message meant for the person refused; the
# services in monitoring.review call them inside their transaction, after locking the article row, so the
# answer reflects the current state and not the one the page was rendered from. Who may take which transition
# from which state is read from the one table in monitoring.core.workflow.


def _status_require(article, *statuses: str, doing: str) -> None:
    if article.status not in statuses:
        raise PermissionDenied(f"Cannot {doing}: the article is {article.get_status_display().lower()} now.")


def article_workers(article) -> set[int]:
    """Ids of the users who analysed or annotated the article (four eyes: they may not approve or return it)."""
    from monitoring.review.models import Annotation, WorkflowEvent

    events = WorkflowEvent.objects.filter(article=article).worker_ids()
    authors = Annotation.objects.filter(article=article).values_list("author_id", flat=True)
    return events | set(authors) | ({article.assignee_id} - {None})


def transition_check(user, article, action: str, *, assignee=None, workers: set[int] | None = None) -> Transition:
    """Raise PermissionDenied unless `user` may take `action` on `article` now; returns the table's transition.

    `workers` (the ids of article_workers) may be passed when the caller already has them, to spare the queries.
    """
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise PermissionDenied(f"Unknown action {action!r}.")
    doing = f"{transition.label.lower()} this article"
    role_require(user, transition.role, doing=doing)
    _status_require(article, *transition.from_states, doing=doing)
    if action in ("claim", "assign") and article.syndicated_from_id:
        raise PermissionDenied(
            f"Cannot {doing}: it is a syndicated copy of another article, whose statements are reviewed on the "
            "original; open the original instead."
        )
    if action == "claim":
        if article.assignee_id and article.assignee_id != user.pk:
            raise PermissionDenied(f"{article.assignee} already works on this article; an editor can reassign it.")
        if article.assignee_id == user.pk and article.status == IN_ANALYSIS:
            raise PermissionDenied("You already work on this article.")
    if transition.holder_only and article.assignee_id != user.pk:
        who = f"with {article.assignee}" if article.assignee_id else "not claimed by anyone"
        raise PermissionDenied(f"Cannot {doing}: the article is {who}; claim it or ask an editor to assign it.")
    if transition.four_eyes and user.pk in (article_workers(article) if workers is None else workers):
        raise PermissionDenied(
            f"You analysed or annotated this article, so someone else must {transition.label.lower()} it (four eyes)."
        )
    if transition.needs_assignee and assignee is not None and not has_role(assignee, ANALYST):
        raise PermissionDenied(f"{assignee} is not an analyst; only analysts can be assigned articles.")
    return transition


def articles_workable(user, queryset, action: str):
    """`queryset` narrowed to the articles `user` may take `action` on now: `transition_check` as one query, for
    queues (an editor's or reviewer's "to review" lists only what they may approve). Same rules, same table."""
    from django.db.models import Exists, OuterRef, Q

    from monitoring.review.models import Annotation, WorkflowEvent

    transition = TRANSITIONS[action]
    if not user.is_authenticated or transition.role not in user_roles(user):
        return queryset.none()
    queryset = queryset.filter(status__in=transition.from_states)
    if action == "claim":
        queryset = queryset.filter(Q(assignee__isnull=True) | Q(assignee=user)).exclude(
            assignee=user, status=IN_ANALYSIS
        )
    if transition.holder_only:
        queryset = queryset.filter(assignee=user)
    if transition.four_eyes:  # article_workers, as subqueries
        worked = WorkflowEvent.objects.filter(article=OuterRef("pk")).by_worker(user)
        annotated = Annotation.objects.filter(article=OuterRef("pk"), author=user)
        queryset = queryset.exclude(assignee=user).exclude(Exists(worked)).exclude(Exists(annotated))
    return queryset


def transitions_allowed(user, article, *, workers: set[int]) -> list[Transition]:
    """The transitions `user` may take on `article` now (for buttons and bulk actions); the services check again."""
    allowed = []
    for transition in transitions_from(article.status, user_roles(user)):
        try:
            transition_check(user, article, transition.action, workers=workers)
        except PermissionDenied:
            continue
        allowed.append(transition)
    return allowed


def article_analysis_check(user, article, *, doing: str) -> None:
    """Analysis work (annotating, deciding suggestions, submitting) is for the analyst the article is with."""
    role_require(user, ANALYST, doing=doing)
    _status_require(article, *HOLDER_EDIT_STATES, doing=doing)
    if article.assignee_id != user.pk:
        who = f"with {article.assignee}" if article.assignee_id else "not claimed by anyone"
        raise PermissionDenied(f"Cannot {doing}: the article is {who}; claim it or ask an editor to assign it.")


def article_content_check(user, article, *, doing: str = "change this article's coverage data") -> None:
    """Coverage data (headline, text, photos, quotes, roles, tags) is edited by the analyst holding the item while it
    is in analysis, or by an editor while it is open; approved and archived items are read-only until reopened."""
    if has_role(user, EDITOR) and article.status in EDITOR_EDIT_STATES:
        return
    if article.status not in EDITOR_EDIT_STATES:
        raise PermissionDenied(
            f"Cannot {doing}: the article is {article.get_status_display().lower()}; an editor must reopen it first."
        )
    article_analysis_check(user, article, doing=doing)


def source_accept_check(user, article) -> None:
    """A changed source held for a reviewed article is accepted once the article is back in analysis (after a return
    or a reopen), by the analyst holding it or by an editor: accepting changes coverage, so it is analysis work."""
    doing = "accept the changed source"
    if article.status != IN_ANALYSIS:
        raise PermissionDenied(
            f"Cannot {doing}: the article is {article.get_status_display().lower()}; it must be returned or "
            "reopened to analysis first, then its holder or an editor accepts it."
        )
    if has_role(user, EDITOR):
        return
    article_analysis_check(user, article, doing=doing)


def article_planning_check(user, article) -> None:
    """Due dates and priorities are set by editors, on open items."""
    doing = "change this article's due date or priority"
    role_require(user, EDITOR, doing=doing)
    _status_require(article, *EDITOR_EDIT_STATES, doing=doing)


def article_claim_check(user, article) -> None:
    transition_check(user, article, "claim")


def article_submit_check(user, article) -> None:
    transition_check(user, article, "submit")


def article_approve_check(user, article) -> None:
    transition_check(user, article, "approve")


def article_return_check(user, article) -> None:
    transition_check(user, article, "return")


def article_reopen_check(user, article) -> None:
    transition_check(user, article, "reopen")


def article_archive_check(user, article) -> None:
    transition_check(user, article, "archive")


def article_assign_check(user, article, assignee) -> None:
    transition_check(user, article, "assign", assignee=assignee)


def annotation_change_check(user, annotation, *, doing: str = "change this annotation") -> None:
    """Authors edit and delete their own annotations, while the article is in analysis."""
    role_require(user, ANALYST, doing=doing)
    if annotation.author_id != user.pk:
        raise PermissionDenied(f"Cannot {doing}: only its author, {annotation.author}, may.")
    _status_require(annotation.article, "in_analysis", doing=doing)


def annotation_comment_check(user, annotation) -> None:
    role_require(user, REVIEWER, EDITOR, doing="comment on annotations")
