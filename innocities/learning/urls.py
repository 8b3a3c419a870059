from django.urls import path

from . import views

app_name = "learning"
urlpatterns = [
    path("lessons/", views.lesson_list, name="lessons"),
    path("lessons/<int:pk>/", views.lesson_detail, name="lesson"),
    path("lessons/<int:pk>/edit/", views.lesson_edit, name="lesson_edit"),
    path("projects/<int:pk>/lessons/new/", views.lesson_create, name="lesson_create"),
]
