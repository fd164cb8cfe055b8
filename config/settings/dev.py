"""Local demo settings: never use these on a server."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-press-monitor-demo-key-0123456789")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from .base import *  # noqa: E402,F401,F403
