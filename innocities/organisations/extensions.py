"""What organisations declares: a network operator's seat is personal data, removed with the account."""

from django.utils.translation import gettext_lazy

from innocities.accounts import nav as can
from innocities.core import registry

from .models import Network

NAV = [
    registry.NavItem(
        key="organisations",
        order=70,
        label=gettext_lazy("Organisations"),
        url_name="organisations:list",
        visible=can.staff_or_operator,
        group="more",
    ),
]


def register() -> None:
    for item in NAV:
        registry.add_nav(item)
    registry.add_personal_data(
        registry.PersonalData(
            model="organisations.Network",
            fields=("operators",),
            section="networks_operated",
            export=lambda user: [
                {"network": n.name} for n in Network.objects.filter(operators=user).order_by("name", "pk")
            ],
            erase=lambda user, successor: user.operated_networks.clear(),
        )
    )
