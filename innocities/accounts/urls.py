from django.urls import path

from . import views

urlpatterns = [
    path("me/data/", views.my_data, name="account_data"),
    path("me/data/download/", views.my_data_download, name="account_data_download"),
    path("me/tokens/", views.api_tokens, name="account_tokens"),
    path("me/tokens/<int:pk>/revoke/", views.api_token_revoke, name="account_token_revoke"),
]
