from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("networks/<slug:slug>/", views.network_detail, name="network"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/members/", views.member_add, name="member_add"),
    path("<slug:slug>/goals/", views.goal_add, name="goal_add"),
]
