"""The reports: meeting packs, annual reports, one-pagers and result boards (PDF, XLSX)."""

from django.urls import path

from . import views_reports as views

urlpatterns = [
    path("programmes/<slug:slug>/meeting-pack/", views.meeting_pack, name="meeting_pack"),
    path("programmes/<slug:slug>/meeting-pack.pdf", views.meeting_pack_pdf, name="meeting_pack_pdf"),
    path(
        "dashboards/<str:kind>/<slug:slug>/annual-report/<int:year>.pdf",
        views.annual_report_pdf,
        name="annual_report_pdf",
    ),
    path(
        "dashboards/<str:kind>/<slug:slug>/annual-report/<int:year>.xlsx",
        views.annual_report_xlsx,
        name="annual_report_xlsx",
    ),
    path("projects/<int:pk>/one-pager.pdf", views.one_pager, name="one_pager"),
    path("assessments/<int:pk>/board.pdf", views.board_pdf, name="board_pdf"),
]
