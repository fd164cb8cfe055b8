"""Dates as outlets print them: ISO, "March 18, 2024", "18 March 2024", with an optional time."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ZONE = r"(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|EET|EEST|BST|IST|JST|KST|MSK|HKT|SGT|AEST|AEDT)"
_TIME = rf"(?:[ ,T]+\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE}\b)?)?"

# Anchored at the start: the dateline parser needs to know where the date ends.
DATE_RE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:"
    rf"(?P<iso>(?P<y1>\d{{4}})-(?P<m1>\d{{1,2}})-(?P<d1>\d{{1,2}}))"
    rf"|(?P<mdy>{_MONTH.replace('month', 'month2')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))"
    rf"|(?P<dmy>(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+(?P<y3>\d{{4}}))"
    r")"
    rf"{_TIME}",
    re.IGNORECASE,
)


def date_match(text: str, pos: int = 0) -> tuple[dt.date, int] | None:
    """The date printed at ``pos`` and the index where it ends, or None."""
    match = DATE_RE.match(text, pos)
    if match is None:
        return None
    if match["iso"]:
        year, month, day = int(match["y1"]), int(match["m1"]), int(match["d1"])
    else:
        month_name = (match["month2"] if match["mdy"] else match["month"]).lower()
        if month_name not in _MONTHS:
            return None
        month = _MONTHS[month_name]
        year, day = (int(match["y2"]), int(match["d2"])) if match["mdy"] else (int(match["y3"]), int(match["d3"]))
    try:
        return dt.date(year, month, day), match.end()
    except ValueError:
        return None


def date_parse(value: str) -> dt.date | None:
    """The date in a whole string (ISO date or datetime, or a written date), or None."""
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = date_match(value)
    if found is None or value[found[1] :].strip():
        return None
    return found[0]
