from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "innocities.organisations"
    label = "organisations"
