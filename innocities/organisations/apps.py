from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "innocities.organisations"
    label = "organisations"

    def ready(self):
        from . import extensions

        extensions.register()
