"""press-monitor's Django project; the Celery app loads with Django so tasks can be sent from any process."""

from .celery import app as celery_app

__all__ = ("celery_app",)
