from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "innocities.evaluation"
    label = "evaluation"
