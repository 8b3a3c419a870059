from django.urls import path

from . import indicator_views, views

app_name = "sustainability"
urlpatterns = [
    path("sdg/", views.goal_list, name="goals"),
    path("indicators/", indicator_views.indicator_list, name="indicators"),
    path("indicators/new/", indicator_views.indicator_create, name="indicator_create"),
    path("indicators/import/", indicator_views.measurements_import, name="import"),
    path("indicators/export.<str:fmt>", indicator_views.measurements_export, name="export"),
    path("indicators/<int:pk>/", indicator_views.indicator_detail, name="indicator"),
    path(
        "projects/<int:pk>/outcomes/<str:what>/", indicator_views.project_outcome_add, name="project_outcome"
    ),
    path("indicators/<int:pk>/edit/", indicator_views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/<str:what>/", indicator_views.indicator_add, name="indicator_add"),
    path("sdg/<int:number>/", views.goal_detail, name="goal"),
    path("networks/<slug:slug>/dimensions/", views.dimension_map, name="dimension_map"),
    path("programmes/<slug:slug>/sustainability/", views.programme_portfolio, name="programme_portfolio"),
    path(
        "organisations/<slug:slug>/sustainability/",
        views.organisation_portfolio,
        name="organisation_portfolio",
    ),
    path("projects/<int:pk>/assessments/", views.project_assessments, name="project_assessments"),
    path("projects/<int:pk>/assessments/new/", views.assessment_start, name="start"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/board/", views.assessment_board, name="board"),
    path("assessments/<int:pk>/goals/", views.relevance, name="relevance"),
    path("assessments/<int:pk>/goals/<int:number>/", views.goal_step, name="goal_step"),
    path("assessments/<int:pk>/actions/", views.action_list, name="actions"),
    path("assessments/<int:pk>/actions/<int:action_pk>/remove/", views.action_remove, name="action_remove"),
    path("assessments/<int:pk>/compare/<int:other_pk>/", views.compare, name="compare"),
]
