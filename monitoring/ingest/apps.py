from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "monitoring.ingest"
    label = "ingest"
