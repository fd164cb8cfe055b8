"""Intake pages: upload or paste coverage, follow a job's progress, list past jobs. Thin: services do the work."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monitoring.core.permissions import import_check

from . import services
from .forms import UploadForm
from .models import ImportJob, JobSource
from .uploads import UploadLimits, UploadRefused, uploads_store

JOBS_PER_PAGE = 30


def _refused(request, message: str, status: int = 403):
    return render(request, "intake/refused.html", {"message": message}, status=status)


@require_http_methods(["GET", "POST"])
def import_new(request):
    try:
        import_check(request.user)
    except PermissionDenied as exc:
        return _refused(request, str(exc))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        folder = settings.IMPORT_ROOT / uuid.uuid4().hex
        try:
            if data["files"]:
                uploads_store(data["files"], folder, limits=UploadLimits.from_settings())
            if data["text"].strip():
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "pasted.txt").write_text(data["text"], encoding="utf-8")
        except UploadRefused as exc:
            form.add_error("files", str(exc))
        else:
            names = [f.name for f in data["files"]] + (["pasted text"] if data["text"].strip() else [])
            job = services.job_create(
                user=request.user,
                source=JobSource.UPLOAD if data["files"] else JobSource.PASTE,
                paths=[str(folder)],
                label=", ".join(names)[:500],
                options={"outlet": data["outlet"] or None, "format": data["format"] or None},
            )
            services.job_enqueue(job)
            return redirect(job)
    return render(request, "intake/new.html", {"form": form}, status=400 if form.errors else 200)


def _job_context(job: ImportJob) -> dict:
    files = list(job.files.select_related("article").order_by("pk"))
    return {"job": job, "files": files, "summary": services.job_summary_line(files)}


@require_GET
def job_detail(request, pk):
    try:
        import_check(request.user)
    except PermissionDenied as exc:
        return _refused(request, str(exc))
    job = get_object_or_404(ImportJob.objects.select_related("created_by", "feed"), pk=pk)
    template = "intake/_job_progress.html" if request.headers.get("HX-Request") else "intake/job.html"
    return render(request, template, _job_context(job))


@require_POST
def job_retry(request, pk):
    try:
        import_check(request.user)
    except PermissionDenied as exc:
        return _refused(request, str(exc))
    job = get_object_or_404(ImportJob, pk=pk)
    count = services.job_retry_failed(job)
    messages.info(request, f"{count} failed file(s) queued again." if count else "No failed file to retry.")
    return redirect(job)


@require_GET
def job_list(request):
    try:
        import_check(request.user)
    except PermissionDenied as exc:
        return _refused(request, str(exc))
    jobs = ImportJob.objects.select_related("created_by", "feed").order_by("-created", "-pk")
    page = Paginator(jobs, JOBS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "intake/list.html", {"page_obj": page})
