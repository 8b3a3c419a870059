from django.urls import include, path

from . import urls_evidence, urls_reports, views

app_name = "insight"
KIND = "<str:kind>/<slug:slug>"
urlpatterns = [
    path("dashboards/", views.index, name="index"),
    path(f"dashboards/{KIND}/", views.board, name="dashboard"),
    path(f"dashboards/{KIND}/projects/", views.drill, name="drill"),
    path(f"dashboards/{KIND}/dashboard.xlsx", views.workbook, name="workbook"),
    path(f"dashboards/{KIND}/figures/<slug:key>.csv", views.figure_csv, name="figure_csv"),
    path("", include(urls_reports)),
    path("", include(urls_evidence)),
]
