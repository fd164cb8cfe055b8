from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("", views.job_list, name="jobs"),
    path("new/", views.import_new, name="new"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/retry/", views.job_retry, name="retry"),
]
