"""What the insight layer adds: the dashboards' place in the menu and the network benchmark figure."""

from django.utils.translation import gettext_lazy as _

from innocities.accounts import nav as can
from innocities.core import registry

from .benchmark import network_benchmark

BENCHMARK = registry.Figure(
    key="network_benchmark",
    order=200,
    section="benchmark",
    label=_("Beside the network"),
    rule=_(
        "The organisation's rates in the period beside the median of the organisations in its networks "
        "(each organisation one value, from the projects you may see: for other organisations, those they "
        "share). Implementation rate: implemented out of implemented and stopped; gate conversion: go and "
        "go with conditions out of all decisions; coverage: projects with a completed sustainability "
        "assessment today. Shown only where at least five organisations contribute."
    ),
    compute=network_benchmark,
    scopes=("organisation",),
)


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
    registry.add_figure("dashboard", BENCHMARK)
