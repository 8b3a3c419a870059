from django.apps import AppConfig


class CapabilityConfig(AppConfig):
    name = "innocities.capability"
    label = "capability"

    def ready(self):
        from . import extensions

        extensions.register()
