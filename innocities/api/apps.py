from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "innocities.api"
    label = "api"
