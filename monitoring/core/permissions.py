"""The one place that answers 'may this user do this?': views, admin and commands all ask here."""

from django.core.exceptions import PermissionDenied

from .roles import ANALYST, EDITOR, REVIEWER


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


def person_merge_check(user) -> None:
    role_require(user, ANALYST, EDITOR, doing="merge persons")


# Review workflow. Each check raises PermissionDenied with a message meant for the person refused; the
# services in monitoring.review call them inside their transaction, after locking the article row, so the
# answer reflects the current state and not the one the page was rendered from.


def _status_require(article, *statuses: str, doing: str) -> None:
    if article.status not in statuses:
        raise PermissionDenied(f"Cannot {doing}: the article is {article.get_status_display().lower()} now.")


def article_workers(article) -> set[int]:
    """Ids of the users who analysed or annotated the article (four eyes: they may not approve it)."""
    from monitoring.review.models import Annotation, WorkflowEvent

    events = WorkflowEvent.objects.filter(article=article).worker_ids()
    authors = Annotation.objects.filter(article=article).values_list("author_id", flat=True)
    return events | set(authors) | ({article.assignee_id} - {None})


def article_claim_check(user, article) -> None:
    role_require(user, ANALYST, doing="claim articles")
    _status_require(article, "new", "in_analysis", doing="claim this article")
    if article.assignee_id and article.assignee_id != user.pk:
        raise PermissionDenied(f"{article.assignee} already works on this article; an editor can reassign it.")
    if article.assignee_id == user.pk and article.status == "in_analysis":
        raise PermissionDenied("You already work on this article.")


def article_analysis_check(user, article, *, doing: str) -> None:
    """Analysis work (annotating, deciding suggestions, submitting) is for the analyst the article is with."""
    role_require(user, ANALYST, doing=doing)
    _status_require(article, "in_analysis", doing=doing)
    if article.assignee_id != user.pk:
        who = f"with {article.assignee}" if article.assignee_id else "not claimed by anyone"
        raise PermissionDenied(f"Cannot {doing}: the article is {who}; claim it or ask an editor to assign it.")


def article_submit_check(user, article) -> None:
    article_analysis_check(user, article, doing="submit this article for review")


def article_approve_check(user, article) -> None:
    role_require(user, REVIEWER, doing="approve articles")
    _status_require(article, "in_review", doing="approve this article")
    if user.pk in article_workers(article):
        raise PermissionDenied("You analysed or annotated this article, so someone else must approve it (four eyes).")


def article_return_check(user, article) -> None:
    role_require(user, REVIEWER, doing="return articles to analysis")
    _status_require(article, "in_review", doing="return this article")


def article_reopen_check(user, article) -> None:
    role_require(user, EDITOR, doing="reopen articles")
    _status_require(article, "approved", "archived", doing="reopen this article")


def article_archive_check(user, article) -> None:
    role_require(user, EDITOR, doing="archive articles")
    if article.status == "archived":
        raise PermissionDenied("The article is already archived.")


def article_assign_check(user, article, assignee) -> None:
    role_require(user, EDITOR, doing="assign articles")
    _status_require(article, "new", "in_analysis", "in_review", doing="assign this article")
    if not has_role(assignee, ANALYST):
        raise PermissionDenied(f"{assignee} is not an analyst; only analysts can be assigned articles.")


def annotation_change_check(user, annotation, *, doing: str = "change this annotation") -> None:
    """Authors edit and delete their own annotations, while the article is in analysis."""
    role_require(user, ANALYST, doing=doing)
    if annotation.author_id != user.pk:
        raise PermissionDenied(f"Cannot {doing}: only its author, {annotation.author}, may.")
    _status_require(annotation.article, "in_analysis", doing=doing)


def annotation_comment_check(user, annotation) -> None:
    role_require(user, REVIEWER, EDITOR, doing="comment on annotations")
