from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "innocities.engagement"
    label = "engagement"

    def ready(self):
        from . import extensions

        extensions.register()
