from django.urls import path

from . import views

app_name = "coproduction"
urlpatterns = [
    path("actors/", views.actor_list, name="actors"),
    path("actors/new/", views.actor_create, name="actor_create"),
    path("actors/<int:pk>/", views.actor_detail, name="actor"),
    path("actors/<int:pk>/edit/", views.actor_edit, name="actor_edit"),
    path("projects/<int:pk>/participations/new/", views.participation_add, name="participation_add"),
    path(
        "projects/<int:pk>/participations/<int:participation_pk>/",
        views.participation_add,
        name="participation_edit",
    ),
    path(
        "projects/<int:pk>/participations/<int:participation_pk>/remove/",
        views.participation_remove,
        name="participation_remove",
    ),
    path("projects/<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/files/", views.attachment_add, name="attachment_add"),
    path("files/<int:pk>/", views.attachment_download, name="attachment"),
]
