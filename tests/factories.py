"""factory_boy factories for the coverage models; tests build their data with these."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from monitoring.articles.models import Article, CountryMention, Outlet
from monitoring.codebook.models import Tag
from monitoring.core.models import Country
from monitoring.people.models import Organization, Person, Quote, Role
from monitoring.photos.models import Photo


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests-123")
    is_staff = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name = factory.Sequence(lambda n: f"Country {n}")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    kind = "independent"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    headline = factory.Sequence(lambda n: f"Ministers meet for talks round {n}")
    body = factory.Sequence(
        lambda n: f'Delegations met in round {n} of the talks.\n\n"We made progress," said a spokesperson.'
    )
    published_on = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 180))
    fingerprint = factory.Sequence(lambda n: f"{n:064x}")
    word_count = 12


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Speaker Number{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Party of Progress {n}")
    kind = "political_party"


class QuoteFactory(factory.django.DjangoModelFactory):
    """A quote over the first sentence of its article's body."""

    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(PersonFactory)
    kind = "direct"
    start = 0
    end = factory.LazyAttribute(lambda o: o.article.body.index("."))
    text = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])
    cue = "said"


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    article = factory.SubFactory(ArticleFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = factory.LazyAttribute(lambda o: f"chairman of the {o.organization.name}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    article = factory.SubFactory(ArticleFactory)
    caption = "Delegates arrive at the conference hall."
    credit = "LIAM FERREIRA/COASTWIRE"
    photographer = "Liam Ferreira"
    agency = "Coastwire"


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    category = "topic"


class CountryMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryMention

    article = factory.SubFactory(ArticleFactory)
    country = factory.SubFactory(CountryFactory)
    count = 2
