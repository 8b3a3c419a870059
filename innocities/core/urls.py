from django.urls import path
from django.views.generic import RedirectView

from . import views_pages

urlpatterns = [
    path("", views_pages.home, name="home"),
    path("favicon.ico", RedirectView.as_view(url="/static/img/favicon.svg", permanent=True)),
]
