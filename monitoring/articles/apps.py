from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "monitoring.articles"
    label = "articles"
