from django.apps import AppConfig


class RollupsConfig(AppConfig):
    name = "monitoring.rollups"
    label = "rollups"

    def ready(self):
        from . import signals

        signals.connect()
