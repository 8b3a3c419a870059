from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "innocities.learning"
    label = "learning"
    verbose_name = _("Lessons learned")

    def ready(self):
        from . import extensions

        extensions.register()
