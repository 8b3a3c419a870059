"""What the insight layer adds: the dashboards' place in the menu."""

from django.utils.translation import gettext_lazy as _

from innocities.accounts import nav as can
from innocities.core import registry


def register() -> None:
    registry.add_nav(
        registry.NavItem(
            key="dashboards",
            order=35,
            label=_("Dashboards"),
            url_name="insight:index",
            visible=can.staff_or_operator,
            group="main",
        )
    )
