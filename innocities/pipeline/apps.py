from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "innocities.pipeline"
    label = "pipeline"

    def ready(self):
        from . import checks, extensions  # noqa: F401 - checks registers the system check

        extensions.register()
