from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The top layer: composes pages from what the modules register, and holds setup and the demo."""

    name = "innocities.site"
    label = "site"
