from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

# The admin signs in through allauth: its rate limits and second factor, never a login of its own.
admin.site.login = secure_admin_login(admin.site.login)
admin.autodiscover()

urlpatterns = [
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
    path("notifications/", include("innocities.notifications.urls")),
    path("", include("innocities.insight.urls")),
    path("admin/", admin.site.urls),
]
