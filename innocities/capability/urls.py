from django.urls import path

from . import views

app_name = "capability"
urlpatterns = [
    path("capability/", views.overview, name="overview"),
    path("capability/rounds/", views.round_start, name="start"),
    path("capability/rounds/<int:pk>/", views.round_detail, name="round"),
    path("capability/rounds/<int:pk>/answer/", views.answer, name="answer"),
    path("capability/rounds/<int:pk>/close/", views.round_close, name="close"),
]
