from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.queues, name="queues"),
    path("inbox/", views.inbox, name="inbox"),
    path("bulk/", views.bulk_action, name="bulk"),
]
