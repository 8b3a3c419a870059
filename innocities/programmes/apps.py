from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "innocities.programmes"
    label = "programmes"

    def ready(self):
        from . import extensions

        extensions.register()
