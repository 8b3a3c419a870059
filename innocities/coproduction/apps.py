from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    name = "innocities.coproduction"
    label = "coproduction"
