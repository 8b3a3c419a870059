from django.urls import path

from . import views

# Included by the site (innocities/site/urls.py) beside the pages it composes.
urlpatterns = [
    path("new/", views.organisation_create, name="create"),
    path("<slug:slug>/members/", views.member_add, name="member_add"),
    path("<slug:slug>/members/<int:pk>/role/", views.member_role, name="member_role"),
    path("<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("<slug:slug>/goals/", views.goal_add, name="goal_add"),
    path("<slug:slug>/data-protection/", views.data_protection, name="data_protection"),
    path("<slug:slug>/sign-on/", views.sign_on, name="sign_on"),
    path("sign-in/", views.sign_in, name="sign_in"),
]
