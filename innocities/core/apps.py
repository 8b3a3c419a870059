from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "innocities.core"
    label = "core"
