from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "innocities.notifications"
    label = "notifications"

    def ready(self):
        from . import extensions

        extensions.register()
