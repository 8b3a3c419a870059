"""What programmes declares: its menu entries, and programme seats and evaluations as personal data."""

from django.utils.translation import gettext_lazy

from innocities.accounts import nav as can
from innocities.core import registry

from .models import AnnualEvaluation, Programme

NAV = [
    registry.NavItem(
        key="programmes",
        order=20,
        label=gettext_lazy("Programmes"),
        url_name="programmes:list",
        visible=can.staff_or_operator,
        group="main",
    ),
    registry.NavItem(
        key="methods",
        order=60,
        label=gettext_lazy("Method guide"),
        url_name="programmes:methods",
        visible=can.staff_or_operator,
        group="more",
    ),
]


def _leave_programme_seats(*, user, organisation, **_) -> None:
    """Someone who leaves an organisation no longer coordinates or steers its programmes."""
    for programme in Programme.objects.filter(organisation=organisation):
        programme.coordinators.remove(user)
        programme.steering_group.remove(user)


def register() -> None:
    registry.on("member_leaving", _leave_programme_seats)
    for item in NAV:
        registry.add_nav(item)
    registry.add_personal_data(
        registry.PersonalData(
            model="programmes.Programme",
            fields=("coordinators", "steering_group"),
            section="programme_roles",
            export=lambda user: (
                [
                    {"programme": p.name, "role": "coordinator"}
                    for p in Programme.objects.filter(coordinators=user).order_by("name", "pk")
                ]
                + [
                    {"programme": p.name, "role": "steering_group"}
                    for p in Programme.objects.filter(steering_group=user).order_by("name", "pk")
                ]
            ),
            erase=lambda user, successor: (
                user.coordinated_programmes.clear(),
                user.steered_programmes.clear(),
            ),
        )
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="programmes.AnnualEvaluation",
            fields=("recorded_by",),
            section="annual_evaluations_recorded",
            # the programme's evaluation is its record: it stays, naming the pseudonymised account
            export=lambda user: [
                {"programme": e.programme.name, "held_on": e.held_on.isoformat()}
                for e in AnnualEvaluation.objects.filter(recorded_by=user)
                .select_related("programme")
                .order_by("-held_on", "pk")
            ],
        )
    )
