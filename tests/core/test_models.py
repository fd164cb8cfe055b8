import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from monitoring.articles.models import Article
from monitoring.core.text import name_key
from monitoring.people.models import Person, PersonAlias, Quote
from monitoring.people.services import person_merge
from tests.factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, RoleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "a,b",
    [("Jean-Luc Moreau", "jean luc  MOREAU"), ("Ana de la Cruz", "Ána De La Crúz"), ("Wang Lihua", " wang   lihua ")],
)
def test_name_key_ignores_case_accents_spacing_and_hyphens(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("Ana Cruz") != name_key("Ana de la Cruz")


def test_duplicate_person_is_refused_with_a_pointer_to_the_existing_one():
    existing = PersonFactory(name="Marta Okonkwo")
    duplicate = Person(name="  MARTA okonkwó ")
    with pytest.raises(ValidationError) as exc:
        duplicate.full_clean()
    assert f"#{existing.pk}" in str(exc.value) and "Marta Okonkwo" in str(exc.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_person_name_matching_an_alias_is_refused():
    person = PersonFactory(name="Lin Weiguo")
    PersonAlias.objects.create(person=person, name="Weiguo Lin")
    with pytest.raises(ValidationError):
        Person(name="weiguo lin").full_clean()


def test_quote_needs_a_speaker_or_a_group():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article=article, text="Delegations", start=0, end=11)
    Quote.objects.create(article=article, group="officials", text="Delegations", start=0, end=11)


def test_quote_offsets_must_match_the_body():
    quote = QuoteFactory()
    quote.start += 1
    with pytest.raises(ValidationError):
        quote.full_clean()


def test_article_url_unique_only_when_present():
    ArticleFactory(url="")
    ArticleFactory(url="")
    ArticleFactory(url="https://example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://example.org/a")


def test_with_counts_ignores_rejected_quotes():
    article = ArticleFactory()
    QuoteFactory(article=article)
    QuoteFactory(article=article, status="rejected")
    PhotoFactory(article=article)
    annotated = Article.objects.with_counts().get(pk=article.pk)
    assert (annotated.quote_count, annotated.photo_count) == (1, 1)


def test_paragraph_offsets_point_into_the_body():
    article = ArticleFactory(body="First.\n\nSecond one.\n\nThird")
    for offset, text in article.paragraphs():
        assert article.body[offset : offset + len(text)] == text


def test_person_merge_moves_quotes_roles_aliases_and_photos(analyst):
    survivor, other = PersonFactory(name="Amara Keita"), PersonFactory(name="A. Keita")
    PersonAlias.objects.create(person=other, name="Amara Keïta-Diallo")
    QuoteFactory(speaker=other)
    shared = ArticleFactory()
    RoleFactory(person=survivor, article=shared, title="secretary-general")
    RoleFactory(person=other, article=shared, title="secretary-general")
    RoleFactory(person=other)
    photo = PhotoFactory()
    photo.pictured.add(other)

    person_merge(survivor=survivor, others=[other], user=analyst)

    assert not Person.objects.filter(pk=other.pk).exists()
    assert survivor.quotes.count() == 1
    assert survivor.roles.count() == 2
    assert set(survivor.aliases.values_list("name", flat=True)) == {"A. Keita", "Amara Keïta-Diallo"}
    assert list(photo.pictured.all()) == [survivor]


def test_person_merge_requires_a_role(reviewer):
    a, b = PersonFactory(), PersonFactory()
    with pytest.raises(PermissionDenied):
        person_merge(survivor=a, others=[b], user=reviewer)
    assert Person.objects.filter(pk=b.pk).exists()
