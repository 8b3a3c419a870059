from django.apps import AppConfig


class SustainabilityConfig(AppConfig):
    name = "innocities.sustainability"
    label = "sustainability"
