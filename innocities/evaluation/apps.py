from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "innocities.evaluation"
    label = "evaluation"

    def ready(self):
        from . import extensions

        extensions.register()
