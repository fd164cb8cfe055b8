"""What import_articles tells the person who ran it: each article written (-v 2), parser warnings, empty input."""

import json

import pytest

from monitoring.articles.models import Article

from .test_import_articles import run_import

pytestmark = pytest.mark.django_db


def test_verbose_import_lists_each_article_written_with_its_address(story_dir, settings):
    settings.SITE_URL = "https://pm.example.org"
    out, _, failed = run_import(story_dir, verbosity=2)
    article = Article.objects.get()
    assert not failed
    assert f"created #{article.pk} https://pm.example.org/articles/{article.pk}/" in out
    out, _, _ = run_import(story_dir, verbosity=2)  # unchanged: nothing written, nothing listed
    assert f"#{article.pk}" not in out and "unchanged 1" in out


def test_default_verbosity_does_not_list_articles(story_dir):
    out, _, _ = run_import(story_dir)
    assert "#" not in out and "created 1" in out


def test_parser_warnings_appear_in_the_import_output(tmp_path):
    record = {"headline": "Delegates meet", "body": "Delegates met in Astana on Monday.", "colour": "blue"}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    out, _, failed = run_import(tmp_path)
    assert not failed
    assert 'one.json: record 1 (line 1): unknown key "colour" ignored' in out


def test_a_folder_with_nothing_importable_says_so(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    out, _, failed = run_import(tmp_path)
    assert "Nothing to import" in out and ".jsonl" in out
    assert not failed and not Article.objects.exists()
