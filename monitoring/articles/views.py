"""The article reader page and its actions. Thin: forms parse, services decide and write, views answer."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from monitoring.codebook.models import Tag, TaggedArticle
from monitoring.ingest import services as ingest
from monitoring.ingest.models import SourceRevision
from monitoring.ingest.selectors import held_source
from monitoring.people.models import Quote, QuoteKind, Role
from monitoring.review import services
from monitoring.review.forms import (
    AnnotationForm,
    AnnotationUpdateForm,
    CommentForm,
    MergeForm,
    QuoteUpdateForm,
    RoleUpdateForm,
    TransitionForm,
    VersionForm,
    form_errors,
)
from monitoring.review.models import Annotation, Stance
from monitoring.review.selectors import reader_page

from .models import Article


def _reader_context(request, pk) -> dict:
    page = reader_page(article_id=pk, user=request.user)
    return {
        "page": page,
        "article": page.article,
        "held": held_source(article=page.article, user=request.user),
        "kinds": QuoteKind.choices,
        "stances": Stance.choices,
    }


def article_detail(request, pk):
    """The reader page: body with highlighted quotes and annotations, photos, extraction review, workflow."""
    try:
        context = _reader_context(request, pk)
    except Article.DoesNotExist:
        raise Http404("No such article.") from None
    return render(request, "articles/detail.html", context)


def _htmx(request) -> bool:
    """A request htmx sent from the reader page (it answers with a fragment, a plain form post with a redirect)."""
    return request.headers.get("HX-Request") == "true"


# The part of the reader page each htmx answer replaces (its other changes go out of band, see _fragment.html).
SECTION_TARGETS = {"reader": "#reader", "extraction": "#extraction", "annotations": "#annotations"}


def _fragment(request, article: Article, section: str, done: str) -> HttpResponse:
    try:
        context = _reader_context(request, article.pk)
    except Article.DoesNotExist:  # deleted meanwhile: let the browser load whatever is there now
        return HttpResponse(headers={"HX-Redirect": article.get_absolute_url()})
    context.update(section=section, done=done)
    response = render(request, "articles/_fragment.html", context)
    response["HX-Retarget"] = SECTION_TARGETS[section]
    response["HX-Reswap"] = "outerHTML"
    return response


def _refused(request, article: Article, message: str, status: int) -> HttpResponse:
    """A refused action changes nothing and says why, with the HTTP status an API client can rely on; on the reader
    page (htmx) the message replaces the status line."""
    context = {"article": article, "message": message, "status": status, "refused": True}
    if _htmx(request):
        response = render(request, "articles/_status.html", context, status=status)
        response["HX-Retarget"] = "#reader-status"
        response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "review/refused.html", context, status=status)


def _act(
    request,
    article: Article,
    action: Callable[[], object],
    done: str | Callable[[], str],
    *,
    anchor: str = "",
    section: str = "reader",
) -> HttpResponse:
    try:
        action()
    except PermissionDenied as exc:
        return _refused(request, article, services.refusal_message(exc), 403)
    except services.EditConflict as exc:
        return _refused(request, article, str(exc), 409)
    except ValidationError as exc:
        return _refused(request, article, services.refusal_message(exc), 400)
    if callable(done):  # a message that depends on what the action did
        done = done()
    if _htmx(request):
        return _fragment(request, article, section, done)
    messages.success(request, done)
    return redirect(article.get_absolute_url() + anchor)


def _invalid(request, article: Article, form) -> HttpResponse:
    return _refused(request, article, form_errors(form), 400)


@require_POST
def article_transition(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _invalid(request, article, form)
    data = form.cleaned_data
    return _act(
        request,
        article,
        lambda: services.article_transition(
            article=article,
            user=request.user,
            action=data["action"],
            comment=data["comment"],
            assignee=data["assignee"],
        ),
        f"Done: {data['action']}.",
    )


@require_POST
def source_accept(request, pk, revision_id):
    """Accept the changed source held for the article: applied as an import would, with re-anchoring."""
    revision = get_object_or_404(SourceRevision.objects.select_related("article"), pk=revision_id, article_id=pk)
    return _act(
        request,
        revision.article,
        lambda: ingest.revision_accept(revision=revision, user=request.user),
        "Changed source accepted: the text, extraction and tags were updated; check what is marked orphaned.",
    )


@require_POST
def annotation_create(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = AnnotationForm(request.POST)
    if not form.is_valid():
        return _invalid(request, article, form)
    return _act(
        request,
        article,
        lambda: services.annotation_create(article=article, user=request.user, **form.cleaned_data),
        "Annotation saved.",
        anchor="#annotations",
        section="annotations",
    )


def _annotation(pk: int, annotation_id: int) -> Annotation:
    return get_object_or_404(Annotation.objects.select_related("article", "author"), pk=annotation_id, article_id=pk)


@require_POST
def annotation_update(request, pk, annotation_id):
    annotation = _annotation(pk, annotation_id)
    form = AnnotationUpdateForm(request.POST)
    if not form.is_valid():
        return _invalid(request, annotation.article, form)
    data = form.cleaned_data
    if data["start"] is None or data["end"] is None:
        data.update(start=None, end=None, text=None)
    return _act(
        request,
        annotation.article,
        lambda: services.annotation_update(annotation=annotation, user=request.user, **data),
        "Annotation updated.",
        anchor=f"#annotation-{annotation.pk}",
        section="annotations",
    )


@require_POST
def annotation_delete(request, pk, annotation_id):
    annotation = _annotation(pk, annotation_id)
    form = VersionForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    return _act(
        request,
        annotation.article,
        lambda: services.annotation_delete(annotation=annotation, user=request.user, version=version),
        "Annotation deleted.",
        anchor="#annotations",
        section="annotations",
    )


@require_POST
def annotation_comment(request, pk, annotation_id):
    annotation = _annotation(pk, annotation_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _invalid(request, annotation.article, form)
    return _act(
        request,
        annotation.article,
        lambda: services.annotation_comment_add(
            annotation=annotation, user=request.user, text=form.cleaned_data["text"]
        ),
        "Comment added.",
        anchor=f"#annotation-{annotation.pk}",
        section="annotations",
    )


def _decided(kind: str, decision: str, *, already: bool) -> str:
    """The message after a decision; repeating one (a second click, an old tab) is said to have changed nothing."""
    if already:
        return f"{kind} was already {decision}ed: nothing changed."
    return f"{kind} {decision}ed."


@require_POST
def quote_decide(request, pk, quote_id, decision):
    quote = get_object_or_404(Quote.objects.select_related("article", "speaker"), pk=quote_id, article_id=pk)
    article = quote.article
    anchor = f"#quote-{quote.pk}"
    if decision in ("confirm", "reject"):
        form = VersionForm(request.POST)
        version = form.cleaned_data["version"] if form.is_valid() else None
        service = services.quote_confirm if decision == "confirm" else services.quote_reject
        return _act(
            request,
            article,
            lambda: service(quote=quote, user=request.user, version=version),
            _decided("Quote", decision, already=quote.status == f"{decision}ed"),
            anchor=anchor,
            section="extraction",
        )
    if decision != "update":
        raise Http404("Unknown decision.")
    form = QuoteUpdateForm(request.POST)
    if not form.is_valid():
        return _invalid(request, article, form)
    data = form.cleaned_data
    return _act(
        request,
        article,
        lambda: services.quote_update(
            quote=quote,
            user=request.user,
            version=data["version"],
            speaker=data["speaker"],
            speaker_name=data["speaker_name"],
            group=data["group"],
            kind=data["kind"] or None,
            start=data["start"],
            end=data["end"],
        ),
        "Quote saved and confirmed.",
        anchor=anchor,
        section="extraction",
    )


@require_POST
def role_decide(request, pk, role_id, decision):
    role = get_object_or_404(Role.objects.select_related("article", "person"), pk=role_id, article_id=pk)
    article = role.article
    anchor = f"#role-{role.pk}"
    if decision in ("confirm", "reject"):
        service = services.role_confirm if decision == "confirm" else services.role_reject
        return _act(
            request,
            article,
            lambda: service(role=role, user=request.user),
            _decided("Role", decision, already=role.status == f"{decision}ed"),
            anchor=anchor,
            section="extraction",
        )
    if decision != "update":
        raise Http404("Unknown decision.")
    form = RoleUpdateForm(request.POST)
    if not form.is_valid():
        return _invalid(request, article, form)
    return _act(
        request,
        article,
        lambda: services.role_update(role=role, user=request.user, **form.cleaned_data),
        "Role saved and confirmed.",
        anchor=anchor,
        section="extraction",
    )


@require_POST
def tag_decide(request, pk, tagged_id, decision):
    service = {"confirm": services.tag_confirm, "reject": services.tag_reject, "update": services.tag_update}.get(
        decision
    )
    if service is None:
        raise Http404("Unknown decision.")
    article = get_object_or_404(Article, pk=pk)
    tagged = TaggedArticle.objects.select_related("tag").filter(pk=tagged_id, content_object=article).first()
    if tagged is None and decision in ("confirm", "update"):
        return _refused(request, article, "That tag was removed from the article meanwhile; reload the page.", 409)
    if decision == "update":
        value = request.POST.get("tag", "")
        tag = Tag.objects.filter(pk=value).first() if value.isdigit() else None
        if tag is None:
            return _refused(request, article, "Choose a tag of the codebook.", 400)
        tagged.content_object = article
        return _act(
            request,
            article,
            lambda: service(tagged=tagged, user=request.user, tag=tag),
            f"Tag saved as {tag.name} and confirmed.",
            anchor="#tags",
            section="extraction",
        )
    if tagged is None:
        # A rejected tag is removed, so a second Reject finds no row: the service still checks who asks, then
        # changes and records nothing.
        tagged = TaggedArticle(pk=tagged_id, content_object=article)
        done = "That tag was already removed: nothing changed."
    else:
        tagged.content_object = article
        done = _decided(f"Tag {tagged.tag.name}", decision, already=tagged.status == f"{decision}ed")
    return _act(
        request, article, lambda: service(tagged=tagged, user=request.user), done, anchor="#tags", section="extraction"
    )


@require_POST
def suggestions_confirm_all(request, pk, kind):
    """Confirm every pending quote, role or tag of the article at once (one recorded event lists them)."""
    article = get_object_or_404(Article, pk=pk)
    if kind not in services.SUGGESTION_KINDS:
        raise Http404("Unknown kind of suggestion.")
    confirmed: list[str] = []

    def confirm_all():
        confirmed.extend(services.suggestions_confirm_all(article=article, user=request.user, kind=kind))

    return _act(
        request,
        article,
        confirm_all,
        lambda: f"Confirmed {len(confirmed)} {kind}." if confirmed else f"No {kind} were pending: nothing changed.",
        anchor=f"#{kind}",
        section="extraction",
    )


@require_POST
def persons_merge(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _invalid(request, article, form)
    survivor, other = form.cleaned_data["survivor"], form.cleaned_data["other"]
    return _act(
        request,
        article,
        lambda: services.article_persons_merge(article=article, survivor=survivor, others=[other], user=request.user),
        f"Merged {other.name} into {survivor.name}.",
        anchor="#extraction",
    )
