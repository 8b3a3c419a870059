from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "innocities.catalogue"
    label = "catalogue"
    verbose_name = _("Catalogue and search")

    def ready(self):
        from . import extensions

        extensions.register()
