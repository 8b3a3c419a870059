from django.urls import path

from . import views

app_name = "pipeline"
urlpatterns = [
    path("my-work/", views.my_work, name="my_work"),
    path("programmes/<slug:slug>/board/", views.board, name="board"),
    path("challenges/", views.challenge_list, name="challenges"),
    path("challenges/new/", views.challenge_create, name="challenge_create"),
    path("challenges/<int:pk>/", views.challenge_detail, name="challenge"),
    path("challenges/<int:pk>/edit/", views.challenge_edit, name="challenge_edit"),
    path("ideas/", views.idea_list, name="ideas"),
    path("ideas/new/", views.idea_create, name="idea_create"),
    path("ideas/<int:pk>/", views.idea_detail, name="idea"),
    path("ideas/<int:pk>/edit/", views.idea_edit, name="idea_edit"),
    path("ideas/<int:pk>/status/", views.idea_status, name="idea_status"),
    path("ideas/<int:pk>/promote/", views.idea_promote, name="idea_promote"),
    path("projects/", views.project_list, name="projects"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/<int:pk>/", views.project_detail, name="project"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/gate/", views.gate_decide, name="gate"),
    path("projects/<int:pk>/updates/", views.project_update, name="project_update"),
    path("projects/<int:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path(
        "projects/<int:pk>/milestones/<int:milestone_pk>/done/", views.milestone_done, name="milestone_done"
    ),
    path("projects/<int:pk>/funding/", views.funding_add, name="funding_add"),
    path("projects/<int:pk>/funding/<int:line_pk>/", views.funding_edit, name="funding_edit"),
    path(
        "projects/<int:pk>/milestones/<int:milestone_pk>/edit/", views.milestone_edit, name="milestone_edit"
    ),
    path("projects/<int:pk>/gate/<int:decision_pk>/annul/", views.gate_annul, name="gate_annul"),
    path("projects/<int:pk>/team/", views.team_add, name="team_add"),
    path("projects/<int:pk>/team/<int:user_pk>/remove/", views.team_remove, name="team_remove"),
    path("projects/<int:pk>/scaled/", views.project_scaled, name="project_scaled"),
]
