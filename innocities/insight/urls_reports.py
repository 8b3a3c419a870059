"""The reports: meeting packs, annual reports, one-pagers and result boards (PDF, XLSX)."""

urlpatterns = []
