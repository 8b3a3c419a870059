from django.apps import AppConfig


class SustainabilityConfig(AppConfig):
    name = "innocities.sustainability"
    label = "sustainability"

    def ready(self):
        from . import extensions

        extensions.register()
