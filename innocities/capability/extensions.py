"""What capability adds to the house: its menu entry, surveys waiting on "my work", and invitations
as personal data (answers are anonymous: nothing links them to a person)."""

from django.utils.translation import gettext_lazy as _

from innocities.accounts import nav as can
from innocities.core import registry

from .models import Invitation, SurveyRound
from .queries import pending_invitations


def _my_work(request, user):
    pending = list(pending_invitations(user))
    return {"pending": pending} if pending else None


def _invitations(user):
    return [
        {"round": str(i.survey), "organisation": i.survey.organisation.name, "answered": i.answered}
        for i in Invitation.objects.filter(user=user)
        .select_related("survey__organisation")
        .order_by("-survey__opens_on", "survey_id", "pk")
    ]


def register() -> None:
    registry.add_nav(
        registry.NavItem(
            key="capability",
            order=40,
            label=_("Capability"),
            url_name="capability:overview",
            visible=can.is_staff_member,
            group="more",
        )
    )
    registry.add_panel(
        "my_work",
        registry.Panel(
            key="capability", order=20, template="capability/_my_work_panel.html", context=_my_work
        ),
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="capability.Invitation",
            fields=("user",),
            section="capability_invitations",
            export=_invitations,
            erase=lambda user, successor: Invitation.objects.filter(user=user).delete(),
        )
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="capability.SurveyRound",
            fields=("created_by",),
            section="capability_rounds_started",
            # the round is the organisation's record: it stays, naming the pseudonymised account
            export=lambda user: [{"round": str(r)} for r in SurveyRound.objects.filter(created_by=user)],
        )
    )
