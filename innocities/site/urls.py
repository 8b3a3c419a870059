"""The site's URLs. Composed pages join their module's own patterns under the module's namespace,
after them, so "new/" or "methods/" is never taken for a slug."""

from django.urls import include, path
from django.views.generic import RedirectView

from innocities.organisations import urls as organisation_urls
from innocities.programmes import urls as programme_urls

from . import views, views_home

organisation_patterns = [
    path("", views.organisation_list, name="list"),
    *organisation_urls.urlpatterns,
    path("networks/<slug:slug>/", views.network_detail, name="network"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
]
programme_patterns = [
    path("", views.programme_list, name="list"),
    *programme_urls.urlpatterns,
    path("<slug:slug>/", views.programme_detail, name="detail"),
]

urlpatterns = [
    path("", views_home.home, name="home"),
    path("privacy/", views_home.privacy, name="privacy"),
    path("accessibility/", views_home.accessibility, name="accessibility"),
    path("bench/floor/", views_home.floor, name="floor"),
    path("favicon.ico", RedirectView.as_view(url="/static/img/favicon.svg", permanent=True)),
    path("organisations/", include((organisation_patterns, "organisations"))),
    path("programmes/", include((programme_patterns, "programmes"))),
]
