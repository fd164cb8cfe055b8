from django.urls import path

from . import views

app_name = "briefings"
urlpatterns = [path("", views.briefing, name="briefing")]
