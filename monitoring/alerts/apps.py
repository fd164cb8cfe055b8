from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "monitoring.alerts"
    label = "alerts"
    verbose_name = "Saved searches and alerts"
