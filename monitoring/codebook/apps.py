from django.apps import AppConfig


class CodebookConfig(AppConfig):
    name = "monitoring.codebook"
    label = "codebook"
