"""Import jobs: every import is a job with per-file outcomes, run through the importer's one service."""

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.intake import services
from monitoring.intake.models import FileState, ImportJob, JobSource, JobState
from monitoring.intake.uploads import UploadLimits, UploadRefused, uploads_store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
STORY = (FIXTURES / "01-nhp-health-dialogue.txt").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    for name in ("01-nhp-health-dialogue", "02-nhp-infrastructure-forum"):
        shutil.copy(FIXTURES / f"{name}.txt", tmp_path)
        shutil.copy(FIXTURES / f"{name}.jpg", tmp_path)
    (tmp_path / "broken.json").write_text('{"headline": "No body"}', encoding="utf-8")
    return tmp_path


def test_job_records_each_files_outcome(db, folder, analyst):
    job = services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(folder)], label="folder")
    assert job.total == 3 and job.state == JobState.QUEUED
    job = services.job_run(job)
    assert (job.state, job.done) == (JobState.DONE, 3)
    files = {f.name: f for f in job.files.all()}
    assert files["01-nhp-health-dialogue.txt"].outcome == "created"
    assert files["01-nhp-health-dialogue.txt"].article.headline.startswith("Foreign party leaders")
    assert files["broken.json"].outcome == "failed"
    assert 'missing "body"' in files["broken.json"].message
    assert Article.objects.count() == 2


def test_rerun_of_a_job_imports_nothing_twice(db, folder, analyst):
    services.job_run(services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(folder)]))
    again = services.job_run(services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(folder)]))
    outcomes = dict(again.files.values_list("name", "outcome"))
    assert outcomes["01-nhp-health-dialogue.txt"] == "unchanged"
    assert Article.objects.count() == 2


def test_a_redelivered_chunk_skips_finished_files(db, folder, analyst):
    job = services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(folder)])
    ids = list(job.files.values_list("pk", flat=True))
    services.files_import(job_id=job.pk, file_ids=ids)
    services.files_import(job_id=job.pk, file_ids=ids)  # as a task delivered twice would
    job.refresh_from_db()
    assert job.done == 3
    assert set(job.files.values_list("attempts", flat=True)) == {1}


def test_retry_failed_runs_the_failed_files_again(db, folder, analyst):
    job = services.job_run(services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(folder)]))
    (folder / "broken.json").write_text(
        '{"headline": "Fixed record", "body": "Officials met on Monday to talk about the river."}', encoding="utf-8"
    )
    assert services.job_retry_failed(job) == 1
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.done == 3
    assert job.files.get(name="broken.json").outcome == "created"


def test_upload_page_imports_files_and_shows_the_job(db, login, analyst):
    client = login(analyst)
    upload = SimpleUploadedFile("story.txt", STORY.encode(), content_type="text/plain")
    response = client.post(reverse("intake:new"), {"files": [upload]})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    page = client.get(job.get_absolute_url())
    assert page.status_code == 200
    assert b'data-outcome="created"' in page.content
    assert job.files.get().state == FileState.DONE
    assert Article.objects.count() == 1


def test_pasted_text_is_imported(db, login, editor):
    response = login(editor).post(reverse("intake:new"), {"text": STORY})
    assert response.status_code == 302
    assert ImportJob.objects.get().source == JobSource.PASTE
    assert Article.objects.count() == 1


def test_job_page_polls_while_running_only(db, login, analyst, folder):
    client = login(analyst)
    job = services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(folder)])
    fragment = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert b'hx-trigger="every 2s"' in fragment.content and b"<html" not in fragment.content
    services.job_run(job)
    assert b"hx-trigger" not in client.get(job.get_absolute_url()).content


@pytest.mark.parametrize("role_user", ["reviewer", "outsider"])
def test_only_analysts_and_editors_import(db, login, request, role_user):
    client = login(request.getfixturevalue(role_user))
    response = client.post(reverse("intake:new"), {"text": STORY})
    assert response.status_code == 403
    assert not ImportJob.objects.exists() and not Article.objects.exists()


def test_list_of_jobs_runs_fixed_queries(db, login, analyst, folder, django_assert_max_num_queries):
    client = login(analyst)
    for _ in range(3):
        services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(folder)])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("intake:jobs"))
    assert response.content.count(b"data-job-id") == 3


# Uploads: limits, names and zip archives --------------------------------------------------------------------

LIMITS = UploadLimits(
    max_files=3,
    max_file_bytes=100_000,
    max_total_bytes=200_000,
    zip_max_entries=5,
    zip_max_bytes=150_000,
    zip_max_ratio=50,
)


def zip_bytes(entries: dict[str, bytes], *, link: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = 0o120777 << 16
            archive.writestr(info, "/etc/passwd")
    return out.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_zip_is_unpacked_with_its_images(tmp_path):
    data = zip_bytes({"story/a.txt": STORY.encode(), "story/a.jpg": b"\xff\xd8jpeg", "style.css": b"body{}"})
    uploads_store([upload("batch.zip", data)], tmp_path / "job", limits=LIMITS)
    assert sorted(p.relative_to(tmp_path / "job").as_posix() for p in (tmp_path / "job").rglob("*.*")) == [
        "story/a.jpg",
        "story/a.txt",
    ]


@pytest.mark.parametrize(
    "entries, link, message",
    [
        ({"../evil.txt": b"x"}, None, "outside the archive"),
        ({"/etc/evil.txt": b"x"}, None, "outside the archive"),
        ({"ok.txt": b"x"}, "link.txt", "is a link"),
        ({f"{n}.txt": b"x" for n in range(6)}, None, "6 entries"),
        ({"bomb.txt": b"0" * 140_000}, None, "expands more than 50 times"),
        ({"a.txt": b"0" * 90_000, "b.txt": b"1" * 90_000}, None, "over the limit of 150,000"),
    ],
)
def test_dangerous_zips_are_refused_and_leave_nothing(tmp_path, entries, link, message):
    with pytest.raises(UploadRefused, match=message):
        uploads_store([upload("batch.zip", zip_bytes(entries, link=link))], tmp_path / "job", limits=LIMITS)
    assert not (tmp_path / "job").exists()


@pytest.mark.parametrize(
    "files, message",
    [
        ([upload(f"{n}.txt", b"x") for n in range(4)], "4 files is more than the 3"),
        ([upload("big.txt", b"x" * 100_001)], "big.txt: 100,001 bytes is over the limit"),
        ([upload("tool.exe", b"MZ")], "cannot import .exe"),
        ([upload("broken.zip", b"PK not a zip")], "not a readable zip"),
    ],
)
def test_upload_limits(tmp_path, files, message):
    with pytest.raises(UploadRefused, match=message):
        uploads_store(files, tmp_path / "job", limits=LIMITS)


def test_uploaded_names_cannot_escape_the_folder(tmp_path):
    uploads_store([upload("../../etc/passwd.txt", b"x"), upload("a b.txt", b"y")], tmp_path / "job", limits=LIMITS)
    assert sorted(p.name for p in (tmp_path / "job").iterdir()) == ["a_b.txt", "passwd.txt"]


def test_upload_refusal_is_shown_on_the_form(db, login, analyst):
    data = zip_bytes({"../evil.txt": b"x"})
    response = login(analyst).post(reverse("intake:new"), {"files": [upload("batch.zip", data)]})
    assert response.status_code == 400
    assert "outside the archive" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_saved_web_page_imports_with_its_files_folder(db, tmp_path, analyst):
    from tests.imports.conftest import jpeg

    page = Path(__file__).resolve().parents[1] / "ingest" / "html" / "wordpress-summit.html"
    shutil.copy(page, tmp_path)
    (tmp_path / "wordpress-summit_files").mkdir()
    jpeg(tmp_path / "wordpress-summit_files" / "almaty-talks.jpg")
    (tmp_path / "wordpress-summit_files" / "style.css").write_text("body {}")
    job = services.job_run(services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(tmp_path)]))
    assert dict(job.files.values_list("name", "outcome")) == {"wordpress-summit.html": "created"}
    article = Article.objects.get()
    assert article.url == "https://steppe-herald.example/2024/03/12/river-data-sharing-almaty/"
    photo = article.photos.get()
    assert (photo.photographer, photo.agency) == ("Timur Bekov", "Steppe Herald")
    assert photo.image and photo.width == 120


def test_import_articles_background_records_a_job_and_prints_its_address(db, folder, settings, monkeypatch):
    from django.core.management import call_command

    settings.SITE_URL = "https://pm.example.org"
    monkeypatch.chdir(folder.parent)
    out = io.StringIO()
    call_command("import_articles", folder.name, "--background", "--tag", "Batch", stdout=out)
    job = ImportJob.objects.get()
    assert out.getvalue().strip().endswith(f"https://pm.example.org/imports/{job.pk}/")
    assert job.source == JobSource.FOLDER and job.total == 3
    assert all(Path(path).is_absolute() for path in job.files.values_list("path", flat=True))
    assert job.options == {"tags": ["Batch"]}
    # No broker configured in the tests: the job ran in this process, as `make demo` would.
    assert job.state == JobState.DONE and Article.objects.count() == 2
    assert set(Article.objects.values_list("tags__name", flat=True)) >= {"Batch"}


@pytest.mark.parametrize("extra", [["--dry-run"], ["-"]])
def test_import_articles_background_refuses_what_it_cannot_queue(db, folder, extra):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("import_articles", str(folder), "--background", *extra)
    assert not ImportJob.objects.exists()


def test_import_articles_records_a_job_when_run_in_the_process(db, folder):
    from django.core.management import CommandError, call_command

    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):  # broken.json fails: exit status 1, the rest imported
        call_command("import_articles", str(folder), stdout=out, stderr=err)
    job = ImportJob.objects.get()
    assert job.state == JobState.DONE and job.done == job.total == 3
    assert "created 2" in out.getvalue() and 'missing "body"' in err.getvalue()
    assert services.job_summary_line(job.files.all()) == out.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize("name", ["plain/story.txt", "caf\udce9/r\udcc3sum\u00e9.txt", "%41 odd.txt"])
def test_stored_paths_come_back_as_they_were(name):
    path = Path("/srv/imports") / name
    stored = services.path_store(path)
    stored.encode("utf-8")  # the database can hold it
    assert services.path_load(stored) == path


def test_tasks_take_more_files_as_a_job_grows_but_small_jobs_still_spread():
    from monitoring.intake.services import CHUNK_FILES, CHUNK_FILES_MAX, chunk_size

    assert chunk_size(200) == CHUNK_FILES  # four tasks: both workers busy
    assert chunk_size(2_000) == 100
    assert chunk_size(10_000) == chunk_size(1_000_000) == CHUNK_FILES_MAX
