from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("catalogue/", views.index, name="index"),
    path("catalogue/challenges/", views.challenges, name="challenges"),
    path("catalogue/projects/<int:pk>/", views.project, name="project"),
    path("catalogue/projects/<int:pk>/reuse/", views.reuse, name="reuse"),
    path("catalogue/challenges/<int:pk>/", views.challenge, name="challenge"),
    path("catalogue/organisations/", views.organisations, name="organisations"),
    path("catalogue/organisations/<slug:slug>/", views.organisation, name="organisation"),
    path("catalogue/feed/", views.feed, name="feed"),
    path("similar/", views.similar_fragment, name="similar"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/catalog.jsonld", views.dcat, name="dcat"),
    path("open-data/<slug:key>.<str:fmt>", views.dataset, name="dataset"),
]
