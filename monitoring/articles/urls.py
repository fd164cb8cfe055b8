from django.urls import path

from . import views

# The list at /articles/ belongs to the dashboards app: no "" pattern here.
app_name = "articles"
urlpatterns = [
    path("<int:pk>/", views.article_detail, name="detail"),
    path("<int:pk>/transition/", views.article_transition, name="transition"),
    path("<int:pk>/source/<int:revision_id>/accept/", views.source_accept, name="source_accept"),
    path("<int:pk>/annotations/", views.annotation_create, name="annotation_create"),
    path("<int:pk>/annotations/<int:annotation_id>/", views.annotation_update, name="annotation_update"),
    path("<int:pk>/annotations/<int:annotation_id>/delete/", views.annotation_delete, name="annotation_delete"),
    path("<int:pk>/annotations/<int:annotation_id>/comments/", views.annotation_comment, name="annotation_comment"),
    path("<int:pk>/quotes/<int:quote_id>/<slug:decision>/", views.quote_decide, name="quote_decide"),
    path("<int:pk>/roles/<int:role_id>/<slug:decision>/", views.role_decide, name="role_decide"),
    path("<int:pk>/tags/<int:tagged_id>/<slug:decision>/", views.tag_decide, name="tag_decide"),
    path("<int:pk>/suggestions/<slug:kind>/confirm-all/", views.suggestions_confirm_all, name="confirm_all"),
    path("<int:pk>/persons/merge/", views.persons_merge, name="persons_merge"),
]
