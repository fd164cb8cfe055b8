"""One date format everywhere: ISO 8601 (2024-03-18), on pages, in the admin and in filter inputs; exports too.

Django's own English formats ("18 March 2024") would otherwise win over the DATE_FORMAT setting, since locale
formats always apply; this module (FORMAT_MODULE_PATH) replaces them. Templates print dates as they are
(`{{ article.published_on }}`) or with `|date:"DATE_FORMAT"`, never with a format of their own.
"""

DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "m-d"
YEAR_MONTH_FORMAT = "Y-m"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as ISO weeks and the charts' weeks
DATE_INPUT_FORMATS = ["%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]
