from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "innocities.accounts"
    label = "accounts"
