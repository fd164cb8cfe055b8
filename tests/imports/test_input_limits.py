"""Bad input fails alone: each bad file or record is one line naming it, and the files around it are imported."""

import io
import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

from monitoring.articles.models import Article
from monitoring.ingest import services, sources
from monitoring.photos.models import Photo

from .conftest import STORY, jpeg

pytestmark = pytest.mark.django_db

DEEP = 100_000
QUIET = "Harbour council meets\n\nUpdated: 2024-05-07 Harbour Times\n\nThe council met on Tuesday and adjourned.\n"
OTHER = "Dock board elects a chair\n\nUpdated: 2024-05-08 Harbour Times\n\nThe board chose its oldest member.\n"


def run_import(*args):
    """Run import_articles; return (stdout, stderr lines, failed)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
        failed = False
    except CommandError:
        failed = True
    return out.getvalue(), err.getvalue().splitlines(), failed


def between_good_files(folder: Path, name: str, content: bytes | str) -> Path:
    """The bad file sorted between two good ones, so a run that stops at it loses the second."""
    folder.mkdir(exist_ok=True)
    (folder / "a-good.txt").write_text(QUIET, encoding="utf-8")
    (folder / "z-good.txt").write_text(OTHER, encoding="utf-8")
    bad = folder / name
    bad.write_bytes(content.encode() if isinstance(content, str) else content)
    return bad


def assert_failed_alone(out: str, err: list[str], failed: bool, message: str, *, created: int = 2) -> None:
    assert failed
    assert err == [message]
    assert f"created {created}," in out and "failed 1" in out
    assert Article.objects.count() == created


def record(headline: str, **extra) -> str:
    return json.dumps({"headline": headline, "body": f"{headline} was agreed on Monday.", **extra})


def deep_value(levels: int = DEEP) -> str:
    return "[" * levels + "]" * levels


def test_deeply_nested_json_file_fails_alone(tmp_path):
    between_good_files(tmp_path, "m-deep.json", '{"headline": "H", "body": "B.", "x": ' + deep_value() + "}")
    out, err, failed = run_import(tmp_path)
    message = f"{tmp_path / 'm-deep.json'}: line 1: 100,001 levels of nesting is over IMPORT_MAX_JSON_DEPTH (64)"
    assert_failed_alone(out, err, failed, message)


def test_deeply_nested_jsonl_record_fails_alone(tmp_path):
    lines = [record("First"), '{"headline": "H", "body": "B.", "x": ' + deep_value() + "}", record("Third")]
    between_good_files(tmp_path, "m-feed.jsonl", "\n".join(lines))
    out, err, failed = run_import(tmp_path)
    message = (
        f"{tmp_path / 'm-feed.jsonl'}: record 2 (line 2): 100,001 levels of nesting is over IMPORT_MAX_JSON_DEPTH (64)"
    )
    assert_failed_alone(out, err, failed, message, created=4)
    assert set(Article.objects.values_list("headline", flat=True)) >= {"First", "Third"}


@pytest.mark.parametrize(
    ("escaped", "field"),
    [("\\ud800", "lone surrogate"), ("\\udfff", "lone low surrogate"), ("\\u0000", "NUL")],
)
def test_unstorable_characters_are_replaced_and_noted(tmp_path, escaped, field):
    """The same on SQLite and PostgreSQL (which refuses NUL): replaced by U+FFFD, never a traceback."""
    text = (
        '{"headline": "Talks'
        + escaped
        + ' end", "body": "Delegates '
        + escaped
        + ' agreed.", "tags": ["T'
        + escaped
        + '"]}'
    )
    bad = between_good_files(tmp_path, "m-odd.json", text)
    out, err, failed = run_import(tmp_path)
    assert not failed and err == []
    assert "created 3," in out
    assert f"{bad}: record 1 (line 1): replaced 3 NUL or lone surrogate character(s) with U+FFFD" in out
    article = Article.objects.get(headline="Talks\ufffd end")
    assert article.body == "Delegates \ufffd agreed."
    assert list(article.tagged_items.values_list("tag__name", flat=True)) == ["T\ufffd"]


def test_lone_surrogate_among_jsonl_records_keeps_every_record(tmp_path):
    lines = [record("First"), '{"headline": "Odd", "body": "Broken \\ud83d pair."}', record("Third")]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    out, err, failed = run_import(tmp_path)
    assert not failed and "created 3," in out
    assert Article.objects.get(headline="Odd").body == "Broken \ufffd pair."


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = between_good_files(tmp_path, "m-big.txt", b"")
    os.truncate(big, 50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    real_open = Path.open

    def open_checked(path, *args, **kwargs):
        handle = real_open(path, *args, **kwargs)
        if path == big:
            handle.read = None  # reading it at all would fail the test with a TypeError message
        return handle

    monkeypatch.setattr(Path, "open", open_checked)
    out, err, failed = run_import(tmp_path)
    assert_failed_alone(out, err, failed, f"{big}: 52,428,800 bytes is over IMPORT_MAX_BYTES (5,242,880)")


def test_size_limit_is_configurable(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = len(STORY.encode()) - 1
    bad = between_good_files(tmp_path, "m-story.txt", STORY)
    out, err, failed = run_import(tmp_path)
    limit = settings.IMPORT_MAX_BYTES
    assert_failed_alone(out, err, failed, f"{bad}: {limit + 1:,} bytes is over IMPORT_MAX_BYTES ({limit:,})")


def test_json_record_over_the_size_limit_fails_alone(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 2_000
    big = record("Big", tags=["x" * 3_000])
    bad = between_good_files(tmp_path, "m-feed.json", "[" + ",\n".join([record("First"), big, record("Third")]) + "]")
    out, err, failed = run_import(tmp_path)
    message = f"{bad}: record 2 (line 2): {len(big):,} bytes is over IMPORT_MAX_BYTES (2,000)"
    assert_failed_alone(out, err, failed, message, created=4)


def test_json_file_of_many_records_may_exceed_the_record_limit(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 2_000
    records = [record(f"Story {n}") for n in range(40)]
    (tmp_path / "feed.jsonl").write_text("\n".join(records))
    assert (tmp_path / "feed.jsonl").stat().st_size > 2_000
    out, err, failed = run_import(tmp_path)
    assert not failed and "created 40," in out


def test_json_file_over_the_file_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_FILE_BYTES = 100
    bad = between_good_files(tmp_path, "m-feed.jsonl", "\n".join([record("First"), record("Second")]))
    out, err, failed = run_import(tmp_path)
    size = bad.stat().st_size
    assert_failed_alone(out, err, failed, f"{bad}: {size:,} bytes is over IMPORT_MAX_FILE_BYTES (100)")


def test_standard_input_over_the_limit_is_refused(monkeypatch, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1_000
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode() * 2)))
    out, err, failed = run_import("-")
    assert failed and err == ["<stdin>: more than 1,000 bytes is over IMPORT_MAX_FILE_BYTES (1,000)"]
    assert Article.objects.count() == 0


def test_press_text_on_standard_input_is_held_to_the_article_limit(monkeypatch, settings):
    settings.IMPORT_MAX_BYTES = 500
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    out, err, failed = run_import("-")
    assert failed and err == [f"<stdin>: {len(STORY.encode()):,} bytes is over IMPORT_MAX_BYTES (500)"]


def test_article_with_too_many_quotes_fails_alone(tmp_path, settings):
    settings.IMPORT_MAX_QUOTES = 2
    bad = between_good_files(tmp_path, "m-story.txt", STORY)
    out, err, failed = run_import(tmp_path)
    [message] = err
    assert message.startswith(f"{bad}: ") and message.endswith(" quotes is over IMPORT_MAX_QUOTES (2)")
    assert_failed_alone(out, err, failed, message)


def test_json_record_with_too_many_quotes_fails_alone(tmp_path, settings):
    settings.IMPORT_MAX_QUOTES = 1
    body = " ".join(f'"Point {n} stands," said Ana Ruiz, the mayor.' for n in range(3))
    lines = [record("First"), json.dumps({"headline": "Many", "body": body}), record("Third")]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    out, err, failed = run_import(tmp_path)
    assert failed and len(err) == 1
    assert err[0].startswith(f"{tmp_path / 'feed.jsonl'}: record 2 (line 2): ")
    assert err[0].endswith(" quotes is over IMPORT_MAX_QUOTES (1)")
    assert "created 2," in out


def test_same_stem_image_linked_outside_the_folder_is_refused(tmp_path):
    outside = jpeg(tmp_path / "private.jpg")
    folder = tmp_path / "in"
    between_good_files(folder, "m-lakes.txt", STORY)
    (folder / "m-lakes.jpg").symlink_to(outside)
    out, err, failed = run_import(folder)
    message = f"{folder / 'm-lakes.txt'}: photo 'm-lakes.jpg' is outside the import folder {folder.resolve()}"
    assert_failed_alone(out, err, failed, message)
    assert Photo.objects.count() == 0
    assert not any(path.is_file() for path in Path(django_settings.MEDIA_ROOT).rglob("m-lakes*"))


def test_same_stem_image_linked_inside_the_folder_is_used(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lakes.txt").write_text(STORY, encoding="utf-8")
    jpeg(folder / "kept.jpg")
    (folder / "lakes.jpg").symlink_to(folder / "kept.jpg")
    out, err, failed = run_import(folder)
    assert not failed and Photo.objects.get().image


def test_json_photo_linked_outside_the_folder_is_refused(tmp_path):
    jpeg(tmp_path / "private.jpg")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inside.jpg").symlink_to(tmp_path / "private.jpg")
    lines = [record("First"), record("Linked", photos=[{"file": "inside.jpg", "caption": "C"}]), record("Third")]
    (folder / "feed.jsonl").write_text("\n".join(lines))
    out, err, failed = run_import(folder)
    assert failed and err == [
        f"{folder / 'feed.jsonl'}: record 2 (line 2): photo 'inside.jpg' is outside the import folder {folder.resolve()}"
    ]
    assert "created 2," in out and Photo.objects.count() == 0


def test_missing_path_does_not_stop_the_paths_after_it(tmp_path):
    between_good_files(tmp_path / "in", "m-good.txt", STORY)
    out, err, failed = run_import(tmp_path / "nowhere.txt", tmp_path / "in")
    assert failed and err == [f"{tmp_path / 'nowhere.txt'}: no such file, folder or matching pattern"]
    assert "created 3," in out


def test_file_name_that_is_not_utf8_is_imported_under_a_printable_name(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
        handle.write(QUIET.encode())
    out, err, failed = run_import(tmp_path)
    assert not failed and "created 1," in out
    assert Article.objects.get().source_name == "caf\ufffd.txt"


def test_unexpected_error_while_parsing_fails_that_file_alone(tmp_path, monkeypatch):
    real = sources.parse_press_text

    def parse_or_crash(text, **kwargs):
        if kwargs["source"].endswith("m-crash.txt"):
            raise ValueError("parser bug\nsecond line")
        return real(text, **kwargs)

    monkeypatch.setattr(sources, "parse_press_text", parse_or_crash)
    bad = between_good_files(tmp_path, "m-crash.txt", STORY)
    out, err, failed = run_import(tmp_path)
    assert_failed_alone(out, err, failed, f"{bad}: could not be read (ValueError: parser bug)")


def test_unexpected_error_while_importing_fails_that_unit_alone(tmp_path, monkeypatch):
    real = services.article_fields_set

    def set_or_crash(article, prepared):
        if prepared.unit.source.endswith("m-crash.txt"):
            raise ValueError("importer bug")
        real(article, prepared)

    monkeypatch.setattr(services, "article_fields_set", set_or_crash)
    bad = between_good_files(tmp_path, "m-crash.txt", STORY)
    out, err, failed = run_import(tmp_path)
    assert_failed_alone(out, err, failed, f"{bad}: could not be imported (ValueError: importer bug)")


def test_interrupt_still_stops_the_run(tmp_path, monkeypatch):
    def interrupted(text, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(sources, "parse_press_text", interrupted)
    between_good_files(tmp_path, "m-story.txt", STORY)
    with pytest.raises(KeyboardInterrupt):
        run_import(tmp_path)
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.json", '{"headline": "H", "body": "B.", "x": ' + deep_value() + "}", "IMPORT_MAX_JSON_DEPTH (64)"),
        ("feed.jsonl", record("A") + '\n{"headline": "H", "body": "' + "x" * 6_000_000 + '"}', "IMPORT_MAX_BYTES"),
    ],
)
def test_parse_article_reports_limits_without_a_traceback(tmp_path, name, content, message):
    (tmp_path / name).write_text(content)
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("parse_article", str(tmp_path / name), stdout=io.StringIO())


def test_parse_article_prints_repaired_text(tmp_path):
    (tmp_path / "odd.json").write_text('{"headline": "Talks\\ud800 end", "body": "Delegates\\u0000 agreed."}')
    out = io.StringIO()
    call_command("parse_article", str(tmp_path / "odd.json"), stdout=out)
    data = json.loads(out.getvalue())
    assert (data["headline"], data["body"]) == ("Talks\ufffd end", "Delegates\ufffd agreed.")


@pytest.mark.parametrize("option", [{"outlet": "Courier\udce9"}, {"tag": ["ok", "T\udce9"]}])
def test_options_that_cannot_be_stored_are_refused_before_anything_is_read(story_dir, option):
    with pytest.raises(CommandError, match="cannot be stored"):
        call_command("import_articles", str(story_dir), stdout=io.StringIO(), stderr=io.StringIO(), **option)
    assert Article.objects.count() == 0


def test_text_file_linked_outside_the_folder_is_refused(tmp_path):
    (tmp_path / "private.txt").write_text(STORY, encoding="utf-8")
    folder = tmp_path / "in"
    between_good_files(folder, "m-placeholder.txt", QUIET).unlink()
    (folder / "m-story.txt").symlink_to(tmp_path / "private.txt")
    out, err, failed = run_import(folder)
    assert_failed_alone(
        out, err, failed, f"{folder / 'm-story.txt'}: links to a file outside the import folder {folder.resolve()}"
    )
    assert not Article.objects.filter(headline__startswith="Lake commission").exists()
