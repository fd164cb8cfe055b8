"""Settings shared by every environment; the others import and override these."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str:
    """Read a setting from the environment; a missing required one stops start-up with its name."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "taggit",
    "django_filters",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "monitoring.core",
    "monitoring.codebook",
    "monitoring.articles",
    "monitoring.photos",
    "monitoring.people",
    "monitoring.ingest",
    "monitoring.review",
    "monitoring.rollups",
    "monitoring.dashboards",
    "monitoring.intake",
    "monitoring.alerts",
    "monitoring.briefings",
    "monitoring.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "monitoring.core.middleware.RoleRequiredMiddleware",
    "monitoring.core.db.ReplicaReadsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a refused (locked-out) login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "monitoring.alerts.context_processors.unread_notifications",
            ],
        },
    },
]


def database(url: str, *, pool: str = "", conn_max_age: int = 60, random_page_cost: str = "") -> dict:
    """One DATABASES entry. `pool` ("MIN:MAX", e.g. "2:10") turns on psycopg's connection pool on PostgreSQL
    (Django's OPTIONS["pool"]; persistent connections are then off, the pool keeps them). `random_page_cost` sets
    PostgreSQL's planner cost of a page read out of order for each connection (empty: the server's own)."""
    config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if config["ENGINE"] != "django.db.backends.postgresql":
        return config
    options = config.setdefault("OPTIONS", {})
    if pool:
        low, _, high = pool.partition(":")
        config["CONN_MAX_AGE"] = 0
        options["pool"] = {"min_size": int(low), "max_size": int(high or low)}
    if random_page_cost:
        try:
            cost = float(random_page_cost)
        except ValueError:
            raise ImproperlyConfigured(
                f"DATABASE_RANDOM_PAGE_COST must be a number, not {random_page_cost!r}."
            ) from None
        options["options"] = f"{options.get('options', '')} -c random_page_cost={cost:g}".strip()
    return config


# PostgreSQL's default random_page_cost (4) prices a read out of order as on a spinning disk: at 10,000 articles the
# organization page's queries then read the whole article table rather than its few hundred articles by key (their
# SQL took 40 ms instead of 14). 1.1 is the usual value where the data sits on SSD or in memory. Empty keeps the
# server's value (behind a pooler that refuses connection options, set it on the database: ALTER DATABASE ... SET).
DATABASE_SETTINGS = {
    "pool": env("DATABASE_POOL", ""),
    "conn_max_age": int(env("CONN_MAX_AGE", "60")),
    "random_page_cost": env("DATABASE_RANDOM_PAGE_COST", "1.1"),
}
DATABASES = {"default": database(env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), **DATABASE_SETTINGS)}
# A read replica for the dashboards' reads (overview, lists, entity pages, exports): see monitoring/core/db.py.
if env("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = database(env("DATABASE_REPLICA_URL"), **DATABASE_SETTINGS)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["monitoring.core.db.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The rollups' covering indexes hold their read columns on PostgreSQL (INCLUDE); SQLite indexes the key alone, as
# intended (see rollups.models._covering): its warning for each of them said nothing to act on at every command.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out username/address pair before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboards:overview"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes), on the site and the admin login alike: after AXES_FAILURE_LIMIT failed
# attempts for one username from one address, that pair is refused for AXES_COOLOFF_MINUTES (each further try
# restarts the wait); other users and other addresses are unaffected. An editor unlocks early by deleting the
# access attempt in the admin (Axes > Access attempts).
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind the TLS proxy every request comes from the proxy's address, so one username's lock would hold for every
# client: with TRUST_X_FORWARDED_FOR on, the address the proxy adds to X-Forwarded-For counts instead
# (config/client_address.py). Leave it off when no proxy sets that header, or clients could pick their address.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR")
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"

# Content-Security-Policy (django-csp 4 format): scripts, styles and everything else only from this site's own
# files; templates hold no inline <script> code, <style> blocks or style= attributes (tests/core/test_csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
# One date format everywhere (pages, admin, filter inputs): ISO 8601, set in config/formats/ because locale formats
# win over these settings; the settings say the same for code that reads them directly. Exports write ISO too.
FORMAT_MODULE_PATH = ["config.formats"]
DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "monitoring" / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# Field history (django-simple-history) is shown in the admin but never restored: an old version would bring back
# its status, assignee and coverage past the workflow. The admin's history base class refuses the revert form's POST
# whatever this says (monitoring/core/admin.py).
SIMPLE_HISTORY_REVERT_DISABLED = True

# Uploaded and imported photos: refuse anything larger before Pillow decodes it.
PHOTO_MAX_BYTES = int(env("PHOTO_MAX_BYTES", str(10 * 1024 * 1024)))
PHOTO_MAX_PIXELS = int(env("PHOTO_MAX_PIXELS", str(40_000_000)))
DATA_UPLOAD_MAX_MEMORY_SIZE = PHOTO_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Imports: an input over a limit fails alone, with a message naming the setting (README, "Limits").
IMPORT_MAX_BYTES = int(env("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))  # a press-text file or one JSON/JSONL record
IMPORT_MAX_FILE_BYTES = int(env("IMPORT_MAX_FILE_BYTES", str(200 * 1024 * 1024)))  # a JSON/JSONL file of records
IMPORT_MAX_JSON_DEPTH = int(env("IMPORT_MAX_JSON_DEPTH", "64"))
IMPORT_MAX_QUOTES = int(env("IMPORT_MAX_QUOTES", "500"))

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Django's cache: Redis (Django's own backend) when REDIS_URL is set, shared by every process; else per process.
REDIS_URL = env("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Seconds dashboard figures stay cached (see monitoring/core/figures.py); off unless the cache is shared.
FIGURES_CACHE_SECONDS = int(env("FIGURES_CACHE_SECONDS", "300" if REDIS_URL else "0"))
# Dashboards read the rollup tables (monitoring/rollups) whenever the filters allow; off, every figure is computed
# from the raw rows (slower at scale, same answers).
DASHBOARD_ROLLUPS = env_bool("DASHBOARD_ROLLUPS", True)

# Search on PostgreSQL ranks and pages this many of the most recently added matches (monitoring/dashboards/search.py),
# so a page of hits for a word in every article costs what one for a rarer word does; SQLite ranks every match.
SEARCH_RANKED_MATCHES = max(1, int(env("SEARCH_RANKED_MATCHES", "1000")))

# Background work: Celery with Redis when CELERY_BROKER_URL is set; without it tasks run in the calling process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A dead worker's unacknowledged task is delivered again once it is CELERY_VISIBILITY_TIMEOUT seconds old; workers
# look for such tasks every 10 x CELERY_RESTORE_INTERVAL seconds (kombu's Redis sweep, throttled tenfold).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", "3600")),
    "unacked_restore_interval": int(env("CELERY_RESTORE_INTERVAL", "10")),
}
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", "press-monitor")
CELERY_TIMEZONE = TIME_ZONE

# Files uploaded for import are kept here, outside MEDIA_ROOT (which a web server may publish); shared by every web
# and worker machine, like MEDIA_ROOT.
IMPORT_ROOT = Path(env("IMPORT_ROOT", str(BASE_DIR / "imports")))
IMPORT_UPLOAD_MAX_FILES = int(env("IMPORT_UPLOAD_MAX_FILES", "200"))
IMPORT_UPLOAD_MAX_FILE_BYTES = int(env("IMPORT_UPLOAD_MAX_FILE_BYTES", str(50 * 1024 * 1024)))
IMPORT_UPLOAD_MAX_TOTAL_BYTES = int(env("IMPORT_UPLOAD_MAX_TOTAL_BYTES", str(200 * 1024 * 1024)))
IMPORT_ZIP_MAX_ENTRIES = int(env("IMPORT_ZIP_MAX_ENTRIES", "5000"))
IMPORT_ZIP_MAX_BYTES = int(env("IMPORT_ZIP_MAX_BYTES", str(500 * 1024 * 1024)))
IMPORT_ZIP_MAX_RATIO = int(env("IMPORT_ZIP_MAX_RATIO", "100"))
DATA_UPLOAD_MAX_NUMBER_FILES = IMPORT_UPLOAD_MAX_FILES + 1

# Feeds: how pages are fetched (see monitoring/intake/fetch.py) and how often Celery beat looks for due feeds.
FEED_FETCH_TIMEOUT = float(env("FEED_FETCH_TIMEOUT", "15"))
FEED_MAX_BYTES = int(env("FEED_MAX_BYTES", str(5 * 1024 * 1024)))
FEED_MAX_REDIRECTS = int(env("FEED_MAX_REDIRECTS", "5"))
CELERY_BEAT_SCHEDULE = {
    "feeds-poll": {"task": "monitoring.intake.tasks.feeds_poll", "schedule": int(env("FEED_POLL_SECONDS", "300"))},
    "alerts-send": {"task": "monitoring.alerts.tasks.alerts_send", "schedule": int(env("ALERTS_SECONDS", "300"))},
}

# Links in emails and briefings point here.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Email: the console in development; SMTP from the environment in production (see prod.py).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "press-monitor <noreply@localhost>")

# REST API: token (editors create them in the admin or with `manage.py drf_create_token USER`) or session auth,
# the same role checks as the pages, throttled per user.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "monitoring.api.permissions.HoldsARole",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": env("API_THROTTLE_USER", "5000/hour")},
    "EXCEPTION_HANDLER": "monitoring.api.errors.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "press-monitor API",
    "DESCRIPTION": "Coverage, quotes, people and the review workflow of press-monitor.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "monitoring.core.workflow.ArticleStatus",
        "SuggestionStatusEnum": "monitoring.people.models.SuggestionStatus",
        "TagStatusEnum": "monitoring.codebook.models.TagStatus",
        "QuoteKindEnum": "monitoring.people.models.QuoteKind",
        "OutletKindEnum": "monitoring.articles.models.OutletKind",
        "OrganizationKindEnum": "monitoring.people.models.OrganizationKind",
    },
}
