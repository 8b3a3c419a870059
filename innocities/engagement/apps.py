from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "innocities.engagement"
    label = "engagement"
