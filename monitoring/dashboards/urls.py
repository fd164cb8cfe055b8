from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("articles/", views.article_list, name="article_list"),
    path("people/", views.people_list, name="people"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("organizations/", views.organization_index, name="organizations"),
    path("outlets/", views.outlet_index, name="outlets"),
    path("tags/", views.tag_index, name="tags"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("outlets/<int:pk>/", views.outlet_detail, name="outlet"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    # /export/articles.csv?<filters>: datasets articles, quotes, persons, annotations; formats csv, json.
    path("export/<slug:dataset>.<slug:fmt>", views.export, name="export"),
]
