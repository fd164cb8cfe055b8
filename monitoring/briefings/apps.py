from django.apps import AppConfig


class BriefingsConfig(AppConfig):
    name = "monitoring.briefings"
    label = "briefings"
    verbose_name = "Briefings"
