import datetime

from django import template
from django.utils.safestring import SafeString, mark_safe

from monitoring.core.figures import figures_cached
from monitoring.core.markup import shown

register = template.Library()


@register.filter
def pretty_duration(value: datetime.timedelta | None) -> str:
    """A duration the way an editor says it: "3 d 4 h", "5 h 10 min", "12 min"."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


@register.filter
def chart_table_rows(chart) -> SafeString:
    """The body rows of a chart's table, as a template loop over rows and cells would write them: a person page's
    weekly quotes over the years are hundreds of rows of three numbers, 18 ms in the template language, a tenth of
    that here (tests/dashboards/test_chart_table.py holds the two to the same markup)."""
    rows = []
    for label, link, values in chart.rows:
        name = f'<a href="{shown(link)}">{shown(label)}</a>' if link else f"<span>{shown(label)}</span>"
        cells = "".join(f'<td class="n">{shown(value)}</td>' for value in values)
        rows.append(f'\n        <tr><th scope="row" title="{shown(label)}">{name}</th>{cells}</tr>\n      ')
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


class FiguresFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, key: list):
        self.nodelist, self.name, self.key = nodelist, name, key

    def render(self, context) -> str:
        key = [part.resolve(context) for part in self.key]
        return figures_cached(f"html:{self.name}", key, lambda: self.nodelist.render(context))


@register.tag
def figures_fragment(parser, token):
    """`{% figures_fragment "name" value... %}…{% endfigures_fragment %}`: the enclosed HTML, kept in the figures
    cache (monitoring/core/figures.py) under the name, the values and the data version, so it is never older than
    the last change to the data; rendered every time when that cache is off (no shared cache, no REDIS_URL).

    The values must determine everything the fragment shows (the filters' query, the page number...): nothing
    that differs between users or requests (a CSRF token, the user's roles) belongs inside."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a fragment name, then the values it varies with")
    name, *key = bits[1:]
    nodelist = parser.parse(("endfigures_fragment",))
    parser.delete_first_token()
    return FiguresFragmentNode(nodelist, name.strip("\"'"), [parser.compile_filter(part) for part in key])
