from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "innocities.core"
    label = "core"

    def ready(self):
        from . import aggregates, boundaries, extensions, observability

        extensions.register()
        boundaries.install()
        aggregates.install()
        observability.install()
