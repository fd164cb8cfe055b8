from django.apps import AppConfig


class PhotosConfig(AppConfig):
    name = "monitoring.photos"
    label = "photos"
