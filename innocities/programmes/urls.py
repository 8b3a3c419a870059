from django.urls import path

from . import views

# Included by the site (innocities/site/urls.py) beside the pages it composes.
urlpatterns = [
    path("new/", views.programme_create, name="create"),
    path("methods/", views.method_list, name="methods"),
    path("methods/<int:pk>/", views.method_detail, name="method"),
    path("<slug:slug>/edit/", views.programme_edit, name="edit"),
    path("<slug:slug>/evaluations/", views.evaluation_add, name="evaluation_add"),
    path("<slug:slug>/method/", views.method_adapt, name="method_adapt"),
    path("<slug:slug>/method/phases/<int:phase_pk>/", views.phase_rename, name="phase_rename"),
    path("<slug:slug>/method/phases/<int:phase_pk>/criteria/", views.criterion_add, name="criterion_add"),
    path(
        "<slug:slug>/method/criteria/<int:criterion_pk>/remove/",
        views.criterion_remove,
        name="criterion_remove",
    ),
]
