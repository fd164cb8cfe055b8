from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "monitoring.dashboards"
    label = "dashboards"
