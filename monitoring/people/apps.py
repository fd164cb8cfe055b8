from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "monitoring.people"
    label = "people"
