from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "monitoring.review"
    label = "review"
