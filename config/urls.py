from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("innocities.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("innocities.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("organisations/", include("innocities.organisations.urls")),
    path("programmes/", include("innocities.programmes.urls")),
    path("", include("innocities.pipeline.urls")),
    path("", include("innocities.coproduction.urls")),
    path("", include("innocities.engagement.urls")),
    path("", include("innocities.evaluation.urls")),
    path("", include("innocities.sustainability.urls")),
    path("", include("innocities.capability.urls")),
    path("notifications/", include("innocities.notifications.urls")),
    path("admin/", admin.site.urls),
]
