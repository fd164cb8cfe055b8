from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "monitoring.intake"
    label = "intake"
    verbose_name = "Intake: import jobs and feeds"
