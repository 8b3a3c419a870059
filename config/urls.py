from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from innocities.api import views as api_views
from innocities.api.main import api
from innocities.catalogue import views as catalogue_views
from innocities.catalogue.sitemaps import SITEMAPS
from innocities.core import health, observability

# The admin signs in through allauth: its rate limits and second factor, never a login of its own.
admin.site.login = secure_admin_login(admin.site.login)
admin.autodiscover()

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", observability.metrics, name="metrics"),  # Prometheus; 404 unless allowed
    path("", include("innocities.site.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("innocities.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("innocities.pipeline.urls")),
    path("", include("innocities.coproduction.urls")),
    path("", include("innocities.engagement.urls")),
    path("", include("innocities.evaluation.urls")),
    path("", include("innocities.sustainability.urls")),
    path("", include("innocities.capability.urls")),
    path("", include("innocities.learning.urls")),
    path("notifications/", include("innocities.notifications.urls")),
    path("", include("innocities.insight.urls")),
    path("", include("innocities.catalogue.urls")),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        catalogue_views.sitemap,
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("api/v1/docs", api_views.docs, name="api_docs"),
    path("api/v1/docs/try", api_views.explorer, name="api_explorer"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

# A lost database answers 503 with Retry-After and a plain page; any other error the 500 page.
handler500 = "innocities.core.observability.server_error"
