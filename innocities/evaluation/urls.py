from django.urls import path

from . import views

app_name = "evaluation"
urlpatterns = [
    path("challenges/<int:pk>/evaluation/", views.evaluation_round, name="round"),
    path("challenges/<int:pk>/evaluation/criteria/", views.criteria, name="criteria"),
    path("challenges/<int:pk>/evaluation/evaluators/", views.invite, name="invite"),
    path("challenges/<int:pk>/evaluation/ideas/<int:idea_pk>/", views.score, name="score"),
]
