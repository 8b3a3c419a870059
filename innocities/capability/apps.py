from django.apps import AppConfig


class CapabilityConfig(AppConfig):
    name = "innocities.capability"
    label = "capability"
