import json

import pytest
from django.core.management import CommandError, call_command

from monitoring.articles.models import Article, Outlet
from monitoring.codebook.models import TaggedArticle
from monitoring.people.models import Organization, OrganizationMention, Person, PersonAlias, Quote, Role
from monitoring.photos.models import Photo
from tests.factories import TagFactory

from .conftest import STORY, jpeg

pytestmark = pytest.mark.django_db


def run_import(*args, **kwargs):
    """Run import_articles; return (stdout, stderr, failed)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err, **kwargs)
        failed = False
    except CommandError:
        failed = True
    return out.getvalue(), err.getvalue(), failed


def table_counts():
    return [m.objects.count() for m in (Article, Person, Quote, Role, Photo, Organization, Outlet, TaggedArticle)]


def test_press_text_import_saves_the_whole_extraction(story_dir):
    TagFactory(name="Water sharing", keywords="water-level\nriparian")
    out, err, failed = run_import(story_dir)
    assert not failed and err == ""
    assert "created 1" in out
    article = Article.objects.get()
    assert article.outlet.name == "Lakeside Courier"
    assert str(article.published_on) == "2024-05-06"
    assert article.rights.startswith("Copyright")
    assert "Copyright" not in article.body
    photo = article.photos.get()
    assert (photo.credit, photo.photographer, photo.agency) == ("MIRA HOLT/RIVERPRESS", "Mira Holt", "Riverpress")
    assert (photo.width, photo.height) == (120, 80) and photo.thumbnail
    assert [p.name for p in photo.pictured.all()] == ["Teodor Varga"]
    varga = Person.objects.get(name="Teodor Varga")
    assert varga.roles.get().organization.name == "Danube Lakes Commission"
    for quote in Quote.objects.all():
        assert article.body[quote.start : quote.end] == quote.text
        assert quote.status == "suggested"
    direct = Quote.objects.get(kind="direct")
    assert (direct.speaker, direct.channel) == (varga, "speech")
    assert Quote.objects.filter(speaker__name="Ilse Brandauer", kind="indirect").exists()
    assert Quote.objects.filter(speaker=None, group__icontains="experts").exists()
    assert not Person.objects.filter(name__icontains="experts").exists()
    assert OrganizationMention.objects.filter(organization__name="Danube Lakes Commission").exists()
    assert article.country_mentions.filter(country__code="AT").exists()
    assert list(article.tagged_items.values_list("tag__name", "status")) == [("Water sharing", "suggested")]


def test_reimporting_the_same_file_changes_nothing(story_dir):
    run_import(story_dir)
    before = table_counts()
    out, _, failed = run_import(story_dir)
    assert not failed and "unchanged 1" in out and "created 0" in out
    assert table_counts() == before


def test_changed_file_updates_the_article_without_duplicates(story_dir):
    run_import(story_dir)
    confirmed = Quote.objects.get(kind="direct")
    confirmed.status = "confirmed"
    confirmed.save()
    before = table_counts()
    edited = STORY.replace("Officials from five", "A new opening paragraph was added.\n\nOfficials from five")
    (story_dir / "lakes.txt").write_text(edited, encoding="utf-8")
    out, _, failed = run_import(story_dir)
    assert not failed and "updated 1" in out
    assert table_counts() == before
    article = Article.objects.get()
    confirmed.refresh_from_db()
    assert confirmed.status == "confirmed"
    assert article.body[confirmed.start : confirmed.end] == confirmed.text
    assert article.version == 2


def test_same_text_in_another_outlet_is_a_syndicated_copy(story_dir, tmp_path_factory):
    run_import(story_dir)
    other = tmp_path_factory.mktemp("copy")
    (other / "copy.txt").write_text(STORY.replace("Lakeside Courier", "Basin Wire"), encoding="utf-8")
    out, _, _ = run_import(other)
    assert "syndicated 1" in out
    copy = Article.objects.get(outlet__name="Basin Wire")
    assert copy.syndicated_from == Article.objects.get(outlet__name="Lakeside Courier")
    assert copy.quotes.count() == 0
    assert Article.objects.originals().count() == 1


def test_persons_are_matched_across_articles_and_aliases(story_dir, tmp_path_factory):
    varga = Person.objects.create(name="Teodor Várga")
    PersonAlias.objects.create(person=Person.objects.create(name="Ilse Brandauer-Koch"), name="Ilse Brandauer")
    run_import(story_dir)
    assert Person.objects.filter(key=varga.key).count() == 1
    assert Quote.objects.filter(speaker=varga).exists()
    assert Quote.objects.filter(speaker__name="Ilse Brandauer-Koch").exists()


def test_json_and_jsonl_records_with_photos_and_tags(tmp_path):
    jpeg(tmp_path / "summit.jpg")
    record = {
        "headline": "Ministers meet on grain corridor",
        "body": 'Talks resumed.\n\n"We will keep the corridor open," said Olena Marchuk, minister of trade.',
        "outlet": "Grain Herald",
        "published": "2024-02-03",
        "url": "https://example.org/grain",
        "byline": ["Ana Ruiz", "Tom Bell"],
        "tags": ["Food security"],
        "photos": [{"file": "summit.jpg", "caption": "Ministers at the table.", "credit": "ANA RUIZ/GRAIN HERALD"}],
    }
    (tmp_path / "one.json").write_text(json.dumps([record]), encoding="utf-8")
    second = dict(record, url="https://example.org/grain-2", headline="Second", body="Nothing said here.", photos=[])
    (tmp_path / "more.jsonl").write_text(json.dumps(second) + "\n", encoding="utf-8")
    out, err, failed = run_import(tmp_path)
    assert not failed, err
    article = Article.objects.get(url="https://example.org/grain")
    assert article.bylines == ["Ana Ruiz", "Tom Bell"]
    assert article.photos.get().image
    assert article.tagged_items.get().status == "confirmed"
    assert Quote.objects.get().speaker.name == "Olena Marchuk"
    assert Article.objects.filter(url="https://example.org/grain-2").exists()


def test_outlet_and_tag_options_override(story_dir):
    run_import(story_dir, outlet="Morning Desk", tag=["Campaign 2024"])
    article = Article.objects.get()
    assert article.outlet.name == "Morning Desk"
    assert article.tagged_items.get(tag__name="Campaign 2024").status == "confirmed"


def test_dry_run_saves_nothing(story_dir):
    out, _, failed = run_import(story_dir, dry_run=True)
    assert not failed and "dry run" in out and "created 1" in out
    assert table_counts()[:6] == [0, 0, 0, 0, 0, 0]


def test_standard_input(monkeypatch, tmp_path):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    out, _, failed = run_import("-")
    assert not failed and Article.objects.get().headline.startswith("Lake commission")


BAD_INPUTS = [
    ("empty.txt", b"", "empty.txt: "),
    ("binary.txt", b"\x00\x01\x02\x03PK\x00\x00" * 50, "binary.txt: "),
    ("broken.json", b'{"headline": "x", "body": ', "broken.json"),
    ("nohead.json", b'{"body": "Text."}', 'nohead.json: record 1 (line 1): missing "headline"'),
    ("date.json", b'{"headline": "H", "body": "B.", "published": "the 45th of Maytember"}', "unparseable date"),
    (
        "escape.json",
        b'{"headline": "H", "body": "B.", "photos": [{"file": "../../etc/passwd"}]}',
        "outside the import folder",
    ),
    ("notimage.json", b'{"headline": "H", "body": "B.", "photos": [{"file": "fake.jpg"}]}', "not an image"),
]


@pytest.mark.parametrize("name,content,message", BAD_INPUTS)
def test_bad_input_fails_alone_with_a_clear_message(tmp_path, name, content, message):
    (tmp_path / "fake.jpg").write_bytes(b"plain text pretending to be a jpeg")
    sub = tmp_path / "in"
    sub.mkdir()
    (sub / name).write_bytes(content)
    (sub / "good.txt").write_text(STORY, encoding="utf-8")
    if name == "notimage.json":
        (sub / "fake.jpg").write_bytes(b"plain text pretending to be a jpeg")
    out, err, failed = run_import(sub)
    assert failed
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert "created 1" in out and "failed 1" in out
    assert Article.objects.count() == 1


def test_bad_jsonl_line_does_not_stop_the_other_lines(tmp_path):
    good = json.dumps({"headline": "Fine", "body": "Fine body."})
    (tmp_path / "mixed.jsonl").write_text(
        f"{good}\n{{not json\n{json.dumps({'headline': 'Also fine', 'body': 'B.'})}\n"
    )
    out, err, failed = run_import(tmp_path)
    assert failed and "mixed.jsonl: record 2 (line 2)" in err
    assert Article.objects.count() == 2


def test_oversized_photo_is_refused(tmp_path, settings):
    settings.PHOTO_MAX_BYTES = 100
    (tmp_path / "lakes.txt").write_text(STORY, encoding="utf-8")
    jpeg(tmp_path / "lakes.jpg")
    out, err, failed = run_import(tmp_path)
    assert failed and "over the limit" in err
    assert Article.objects.count() == 0 and Person.objects.count() == 0


def test_invalid_utf8_falls_back_and_says_so(tmp_path):
    (tmp_path / "latin.txt").write_bytes(
        STORY.replace("©", "(c)").replace("Várga", "Varga").encode("cp1252").replace(b"Szeged", b"Sz\xe9ged")
    )
    out, err, failed = run_import(tmp_path)
    assert not failed
    assert "latin.txt" in out and "cp1252" in out
    assert "Széged" in Photo.objects.get().caption


def test_missing_path_is_reported(tmp_path):
    _, err, failed = run_import(tmp_path / "nowhere")
    assert failed and "nowhere" in err


def test_parse_article_prints_the_extraction_without_writing(story_dir):
    import io

    out = io.StringIO()
    call_command("parse_article", str(story_dir / "lakes.txt"), stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) >= {
        "headline",
        "outlet",
        "published",
        "updated",
        "bylines",
        "subheadings",
        "rights",
        "body",
        "photos",
        "speakers",
        "quotes",
        "organizations",
        "countries",
        "tags",
    }
    assert (data["published"], data["updated"]) == (None, "2024-05-06")
    for quote in data["quotes"]:
        assert data["body"][quote["start"] : quote["end"]] == quote["text"]
    assert "experts" in [s["name"].lower() for s in data["speakers"] if s["kind"] == "group"]
    assert Article.objects.count() == 0


def test_parse_article_explain_names_the_rule_of_each_quote_and_speaker(tmp_path):
    import io

    (tmp_path / "pier.txt").write_text(
        "Pier repairs start in May\n\n"
        "Ivo Brandt, chairman of the Valley Growers League, said the pier was unsafe.\n\n"
        '"We will not wait," he said.\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("parse_article", str(tmp_path / "pier.txt"), "--explain", stdout=out)
    text = out.getvalue()
    assert "quotes (2):" in text and "speakers (1):" in text
    assert "indirect | Ivo Brandt | rule: subject_before_verb/appositive_before" in text
    assert "direct | Ivo Brandt | rule: subject_before_verb/pronoun_before" in text
    assert "read at: cue [51-55] 'said' | source [0-50] 'Ivo Brandt, chairman of the Valley Growers League,'" in text
    assert "read at: cue [101-105] 'said' | source [98-100] 'he'" in text
    assert (
        "Ivo Brandt (person) | titles: chairman of the Valley Growers League | rule: subject_before_verb/appositive_before"
        in text
    )
    assert Article.objects.count() == 0


def test_parse_article_reports_bad_files(tmp_path):
    (tmp_path / "x.json").write_text("{oops")
    with pytest.raises(CommandError, match="x.json"):
        call_command("parse_article", str(tmp_path / "x.json"))


def test_an_outlet_the_monitor_knows_is_never_saved_as_a_speaker(tmp_path):
    Outlet.objects.create(name="Lakeside Voice")
    (tmp_path / "story.txt").write_text(
        "Grain talks stall\n\n2024-03-04 Harbour Times\n\n"
        "The grain talks stalled again on Monday, Lakeside Voice said.\n\n"
        '"We will try again in June," said Daulet Serikov, the deputy minister.\n'
    )
    out, err, failed = run_import(tmp_path)
    assert not failed, err
    assert list(Quote.objects.values_list("speaker__name", flat=True)) == ["Daulet Serikov"]
    assert not Person.objects.filter(name="Lakeside Voice").exists()
