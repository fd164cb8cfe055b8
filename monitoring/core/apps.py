from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "monitoring.core"
    label = "core"
