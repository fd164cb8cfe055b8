from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "monitoring.api"
    label = "api"
    verbose_name = "REST API"
