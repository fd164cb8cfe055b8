"""Settings for the test suite: fast hashing, throwaway media folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-press-monitor-key-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="press-monitor-media-"))
os.environ.setdefault("IMPORT_ROOT", tempfile.mkdtemp(prefix="press-monitor-imports-"))

from .base import *  # noqa: E402,F401,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_SQLITE_NAME", "")}  # noqa: F405
