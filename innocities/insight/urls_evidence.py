"""Evidence of what works, and the anonymised research dataset."""

from django.urls import path

from . import views_evidence as views

KIND = "<str:kind>/<slug:slug>"
urlpatterns = [
    path(f"dashboards/{KIND}/evidence/", views.evidence_page, name="evidence"),
    path(f"dashboards/{KIND}/evidence/projects/", views.evidence_projects, name="evidence_projects"),
    path(f"dashboards/{KIND}/research/", views.research_page, name="research"),
    path(f"dashboards/{KIND}/research.csv", views.research_csv, name="research_csv"),
]
