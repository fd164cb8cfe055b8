from django.db import DatabaseError

from monitoring.codebook.models import Tag


def keyword_rules() -> list[tuple[str, list[str]]]:
    """The codebook's keyword rules (tag name, keywords) for tag suggestions; none when the database is not set up."""
    try:
        return [(tag.name, tag.keyword_list) for tag in Tag.objects.exclude(keywords="").only("name", "keywords")]
    except DatabaseError:
        return []
