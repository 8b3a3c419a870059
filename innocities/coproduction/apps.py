from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    name = "innocities.coproduction"
    label = "coproduction"

    def ready(self):
        from . import extensions

        extensions.register()
