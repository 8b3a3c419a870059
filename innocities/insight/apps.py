from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "innocities.insight"
    label = "insight"

    def ready(self):
        from . import extensions

        extensions.register()
