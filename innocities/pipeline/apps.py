from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "innocities.pipeline"
    label = "pipeline"
