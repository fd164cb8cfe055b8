"""The Celery app. With CELERY_BROKER_URL unset (the default, and `make demo`), tasks run in the calling process
(eager), so nothing but Python is needed; set it to a Redis URL and start workers with `make worker`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("press_monitor")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
