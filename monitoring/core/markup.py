"""HTML written in Python for the few places a template loop costs more than the page's queries (a select's
hundreds of options, a chart's table of hundreds of cells): the same markup, the same escaping and number formats
as the template language, without its per-value overhead (variable lookup, lazy-argument checks, locale look-ups).
"""

import html

from django.conf import settings
from django.utils import formats, timezone


def escaped(value) -> str:
    """`value` escaped for HTML unless it is already safe, as django.utils.html.conditional_escape does."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def shown(value) -> str:
    """`value` as `{{ value }}` writes it: local time, localized, escaped. An int is its digits whenever thousands
    separators are off, which is what `formats.localize` returns for it after three format look-ups."""
    if type(value) is not int or settings.USE_THOUSAND_SEPARATOR:
        value = formats.localize(timezone.template_localtime(value))
    return escaped(value)
