from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "innocities.programmes"
    label = "programmes"
