"""What co-production adds to the pipeline: its panels on the project page and the gate review, the
actors an idea gathered (they become co-creators of its project), activities that follow an adapted
method, and the personal data on participations, activities and files."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from innocities.accounts import nav as can
from innocities.accounts.roles import roles_of
from innocities.core import fragments, registry
from innocities.pipeline.access import visible_projects
from innocities.pipeline.models import Project
from innocities.pipeline.watch import watch_rows_of_projects

from . import figures
from .models import Activity, Actor, Attachment, Depth, Participation, ParticipationRole
from .queries import helix_balance, stakeholder_map


def _own_people(user, project) -> bool:
    """Actor names are shown only to the organisation's staff and the project's team."""
    return roles_of(user).is_full_member(project.organisation_id) or project.team.filter(user=user).exists()


def _project_panel(request, project):
    """The project's stakeholder map, helix balance and activities; actor names only for its own people."""
    return {
        "stakeholders": stakeholder_map(project),
        "balance": helix_balance(Project.objects.filter(pk=project.pk)),
        "activities": project.activities.select_related("phase"),
        "show_names": _own_people(request.user, project),
    }


def _gate_panel(request, project):
    return {
        "stakeholders": stakeholder_map(project),
        "balance": helix_balance(Project.objects.filter(pk=project.pk)),
        "programme_balance": helix_balance(
            visible_projects(request.user).filter(programme=project.programme)
        ),
        "show_names": _own_people(request.user, project),
    }


def _actors_become_co_creators(*, idea, project, actor) -> None:
    Participation.objects.bulk_create(
        [
            Participation(
                organisation_id=project.organisation_id,
                project=project,
                actor=a,
                role=ParticipationRole.CO_CREATOR,
                depth=Depth.INVOLVE,
            )
            for a in idea.actors.filter(organisation_id=project.organisation_id)
        ],
        ignore_conflicts=True,
    )


def _activities_follow(*, programme, phase_map, gate_map, actor) -> None:
    for old_pk, new_phase in phase_map.items():
        Activity.objects.filter(project__programme=programme, phase_id=old_pk).update(phase=new_phase)


PERSONAL_DATA = [
    registry.PersonalData(
        model="coproduction.Participation",
        fields=("person",),
        section="partner_participations",
        export=lambda u: registry.rows(
            Participation.objects.filter(person=u), "project__title", "actor__name", "role", "depth"
        ),
        # the actor's participation stays on the project; the link to the person goes
        erase=lambda user, successor: Participation.objects.filter(person=user).update(person=None),
    ),
    registry.PersonalData(
        model="coproduction.Activity",
        fields=("created_by",),
        section="activities_recorded",
        export=lambda u: registry.rows(
            Activity.objects.filter(created_by=u), "project__title", "title", "held_on"
        ),
    ),
    registry.PersonalData(
        model="coproduction.Attachment",
        fields=("uploaded_by",),
        section="files_uploaded",
        export=lambda u: registry.rows(
            Attachment.objects.filter(uploaded_by=u), "activity__title", "name", "uploaded_at"
        ),
    ),
]


NAV = [
    registry.NavItem(
        key="actors",
        order=10,
        label=_("Actors"),
        url_name="coproduction:actors",
        visible=can.is_staff_member,
        group="more",
    ),
]


def _actor_changed(sender, instance, **kwargs):
    fragments.touch("projects")


FIGURES = [
    registry.Figure(
        key="helix",
        order=110,
        section="coproduction",
        label=_("Helix sectors taking part"),
        rule=_(
            "Projects with at least one participation of an actor of the sector, and the mean IAP2 depth of "
            "those participations (1 inform … 5 empower). Not tied to the period."
        ),
        compute=figures.helix,
        drill=figures.drill,
        compares=False,
    ),
    registry.Figure(
        key="depth",
        order=120,
        section="coproduction",
        label=_("Deepest participation per project (IAP2)"),
        rule=_("Each project counted once, at the deepest level any actor takes part in it today."),
        compute=figures.depth,
        drill=figures.drill,
        compares=False,
    ),
    registry.Figure(
        key="reach",
        order=130,
        section="coproduction",
        label=_("Workshops and the people they reached"),
        rule=_(
            "Activities dated in the period and the participants recorded on them, by sector; a person at "
            "two workshops counts twice."
        ),
        compute=figures.reach,
        drill=figures.drill,
    ),
]


def register() -> None:
    for item in NAV:
        registry.add_nav(item)
    registry.add_panel(
        "project",
        registry.Panel(
            key="coproduction",
            order=30,
            template="coproduction/_project_panel.html",
            context=_project_panel,
            label=_("Co-production"),
        ),
    )
    registry.add_panel(
        "gate",
        registry.Panel(
            key="coproduction", order=20, template="coproduction/_gate_panel.html", context=_gate_panel
        ),
    )
    for figure in FIGURES:
        registry.add_figure("dashboard", figure)
    watch_rows_of_projects(Participation, Activity)
    for signal in (post_save, post_delete):  # an actor's sector counts in the helix figures
        signal.connect(_actor_changed, sender=Actor, dispatch_uid="fragments-Actor")
    registry.on("idea_promoted", _actors_become_co_creators)
    registry.on("method_adapted", _activities_follow)
    for entry in PERSONAL_DATA:
        registry.add_personal_data(entry)
