from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("searches/", views.searches, name="searches"),
    path("searches/save/", views.search_save, name="save"),
    path("searches/<int:pk>/", views.search_open, name="open"),
    path("searches/<int:pk>/alerts/", views.search_alerts, name="alerts"),
    path("searches/<int:pk>/delete/", views.search_delete, name="delete"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="read"),
]
