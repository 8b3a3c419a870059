"""What the pipeline declares to the house: its events, the gate evidence it checks itself, how its
rows follow an adapted method, and how the personal data on its rows is exported and erased."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innocities.accounts import nav as can
from innocities.accounts.models import Membership, Role, User
from innocities.core import events, registry
from innocities.core.i18n import pick

from . import figures, watch
from .models import (
    Challenge,
    Decision,
    FundingLine,
    FundingState,
    GateDecision,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    ProgressUpdate,
    Project,
    ProjectMember,
    TeamRole,
)

# --- events ------------------------------------------------------------------------------------------


def idea_url(idea) -> str:
    return idea.get_public_url() if idea.via_open_call else idea.get_absolute_url()


def _idea_status_changed(ids):
    change = IdeaStatusChange.objects.filter(idea_id=ids["idea_id"]).select_related("idea").last()
    if change is None:
        return None
    idea = change.idea
    return registry.Delivery(
        key=f"idea-status-{change.pk}",
        data={"idea": idea.title, "status_code": idea.status, "reason": change.reason},
        url=idea_url(idea),
        people={idea.submitted_by_id},
        exclude={change.changed_by_id},
    )


def _idea_status_text(data) -> str:
    code = data.get("status_code")
    status = IdeaStatus(code).label if code in IdeaStatus.values else data.get("status", "")
    line = _("“%(idea)s” is now: %(status)s.") % {"idea": data.get("idea", ""), "status": status}
    return f"{line} {data['reason']}" if data.get("reason") else line


def _gate_decided(ids):
    decision = GateDecision.objects.filter(pk=ids["decision_id"]).select_related("project", "gate").first()
    if decision is None:
        return None
    return registry.Delivery(
        key=f"gate-{decision.pk}",
        data={
            "project": decision.project.title,
            "gate_name": decision.gate.name,
            "decision_code": decision.decision,
        },
        url=decision.project.get_absolute_url(),
        people=set(decision.project.team.values_list("user_id", flat=True)),
        exclude={decision.recorded_by_id},
    )


def _gate_text(data) -> str:
    gate = pick(data["gate_name"]) if isinstance(data.get("gate_name"), dict) else data.get("gate", "")
    code = data.get("decision_code")
    decision = Decision(code).label if code in Decision.values else data.get("decision", "")
    return _("%(gate)s on “%(project)s”: %(decision)s.") % {
        "gate": gate,
        "project": data.get("project", ""),
        "decision": decision,
    }


def _lead_handed_over(ids):
    project = Project.objects.filter(pk=ids["project_id"]).first()
    if project is None:
        return None
    return registry.Delivery(
        key=f"lead-{project.pk}-{ids['user_id']}",
        data={"project": project.title},
        url=project.get_absolute_url(),
        people={ids["user_id"]},
    )


def _lead_text(data) -> str:
    return _("The lead of “%(project)s” has left: you lead the project now.") % data


# --- gate requirements --------------------------------------------------------------------------------

REQUIREMENTS = [
    registry.GateRequirement(
        tag="receiving_unit",
        check=lambda project: bool(project.receiving_unit.strip()),
        message=gettext_lazy("Name the receiving unit in ordinary operations first."),
    ),
    registry.GateRequirement(
        tag="project_lead",
        check=lambda project: project.team.filter(role=TeamRole.LEAD).exists(),
        message=gettext_lazy("Name a project lead first."),
    ),
    registry.GateRequirement(
        tag="funding_route",
        check=lambda project: project.funding.exclude(state=FundingState.REJECTED).exists(),
        message=gettext_lazy("Add a planned, applied or granted funding line first."),
    ),
    registry.GateRequirement(
        tag="evidence_level_2",
        check=lambda project: (project.evidence_level or 0) >= 2,
        message=gettext_lazy("Record a Nesta evidence level of at least 2 first."),
    ),
    registry.GateRequirement(
        tag="partners",
        check=lambda project: project.team.filter(role=TeamRole.PARTNER).exists(),
        message=gettext_lazy("Add an external partner to the team first."),
    ),
]


# --- hooks --------------------------------------------------------------------------------------------


def _follow_adapted_method(*, programme, phase_map, gate_map, actor) -> None:
    """The programme's projects continue on its own copy of the method, phase by phase."""
    for old_pk, new_phase in phase_map.items():
        Project.objects.filter(programme=programme, phase_id=old_pk).update(
            method=new_phase.method, phase=new_phase
        )
        GateDecision.objects.filter(project__programme=programme, from_phase_id=old_pk).update(
            from_phase=new_phase
        )
        GateDecision.objects.filter(project__programme=programme, to_phase_id=old_pk).update(
            to_phase=new_phase
        )
    for old_pk, new_gate in gate_map.items():
        GateDecision.objects.filter(project__programme=programme, gate_id=old_pk).update(gate=new_gate)


def successor_for(project, leaving=None) -> User | None:
    """Who takes over a project whose lead leaves: a programme coordinator, else the organisation's."""
    coordinators = project.programme.coordinators.filter(is_active=True)
    if leaving is not None:
        coordinators = coordinators.exclude(pk=leaving.pk)
    coordinator = coordinators.order_by("pk").first()
    if coordinator is not None:
        return coordinator
    membership = (
        Membership.objects.filter(
            organisation_id=project.organisation_id,
            role__in=[Role.COORDINATOR, Role.ADMIN],
            user__is_active=True,
        )
        .exclude(user=leaving)
        .order_by("role", "pk")
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def _hand_over_projects(*, user, organisation=None) -> None:
    """A project always has a lead: the leaving lead's projects (in one organisation, or everywhere
    when the account closes) go to the programme's coordinator, who is told; their seats go."""
    seats = ProjectMember.objects.filter(user=user)
    if organisation is not None:
        seats = seats.filter(project__organisation=organisation)
    for seat in seats.filter(role=TeamRole.LEAD).select_related("project__programme"):
        project = seat.project
        heir = successor_for(project, leaving=user)
        if heir is None:
            continue
        ProjectMember.objects.update_or_create(project=project, user=heir, defaults={"role": TeamRole.LEAD})
        events.publish("lead_handed_over", project_id=project.pk, user_id=heir.pk)
    seats.delete()


# --- personal data ---------------------------------------------------------------------------------------


def _entry(model, fields, section, export, erase=None):
    return registry.PersonalData(
        model=f"pipeline.{model}", fields=fields, section=section, export=export, erase=erase
    )


PERSONAL_DATA = [
    _entry(
        "Challenge",
        ("created_by",),
        "challenges_created",
        lambda u: registry.rows(
            Challenge.objects.filter(created_by=u), "title", "created_at", "organisation__name"
        ),
    ),
    _entry(
        "Idea",
        ("submitted_by",),
        "ideas",
        lambda u: registry.rows(
            Idea.objects.filter(submitted_by=u),
            "title",
            "description",
            "status",
            "status_reason",
            "created_at",
            "organisation__name",
        ),
    ),
    _entry(
        "IdeaStatusChange",
        ("changed_by",),
        "idea_status_changes_made",
        lambda u: registry.rows(
            IdeaStatusChange.objects.filter(changed_by=u), "idea__title", "status", "reason", "created_at"
        ),
    ),
    _entry(
        "Project",
        ("created_by",),
        "projects_started",
        lambda u: registry.rows(
            Project.objects.filter(created_by=u), "title", "created_at", "organisation__name"
        ),
    ),
    _entry(
        "ProjectMember",
        ("user",),
        "project_roles",
        lambda u: registry.rows(ProjectMember.objects.filter(user=u), "project__title", "role"),
        # the seats go in the account_closing hook, after the lead has been handed over
    ),
    _entry(
        "ProgressUpdate",
        ("author",),
        "progress_updates",
        lambda u: registry.rows(
            ProgressUpdate.objects.filter(author=u), "project__title", "text", "written_on"
        ),
    ),
    _entry(
        "GateDecision",
        ("recorded_by", "annulled_by", "decision_makers"),
        "gate_decisions",
        lambda u: registry.rows(
            GateDecision.objects.filter(
                Q(recorded_by=u) | Q(annulled_by=u) | Q(decision_makers=u)
            ).distinct(),
            "project__title",
            "decision",
            "decided_on",
            "reasoning",
        ),
    ),
]


NAV = [
    registry.NavItem(
        key="my_work",
        order=10,
        label=gettext_lazy("My work"),
        url_name="pipeline:my_work",
        visible=can.sees_my_work,
        group="main",
    ),
    registry.NavItem(
        key="challenges",
        order=30,
        label=gettext_lazy("Challenges"),
        url_name="pipeline:challenges",
        visible=can.is_staff_member,
        group="main",
    ),
    registry.NavItem(
        key="ideas",
        order=40,
        label=gettext_lazy("Ideas"),
        url_name="pipeline:ideas",
        visible=can.is_staff_member,
        group="main",
    ),
    registry.NavItem(
        key="projects",
        order=50,
        label=gettext_lazy("Projects"),
        url_name="pipeline:projects",
        visible=can.works_in_projects,
        group="main",
    ),
]


def _figure(key, order, section, label, rule, compute, **extra):
    return registry.Figure(
        key=key,
        order=order,
        section=section,
        label=label,
        rule=rule,
        compute=compute,
        drill=figures.drill,
        **extra,
    )


FIGURES = [
    _figure(
        "phases_now",
        10,
        "pipeline",
        gettext_lazy("Projects per phase now"),
        gettext_lazy(
            "Each project counted once, in the phase and status it has today: active and on hold in their "
            "phase; implemented, scaled and stopped apart. Not tied to the period."
        ),
        figures.phases_now,
        compares=False,
    ),
    _figure(
        "flow",
        20,
        "pipeline",
        gettext_lazy("Entered and left each phase"),
        gettext_lazy(
            "Moves in the period: a go, go with conditions or recycle dated in the period enters the "
            "phase it leads to and leaves the one it comes from; a stop leaves its phase. "
            "A project that moves twice counts twice. Annulled decisions never count. "
            "New projects: recorded in the period."
        ),
        figures.flow,
    ),
    _figure(
        "gates",
        30,
        "pipeline",
        gettext_lazy("Gate decisions and conversion"),
        gettext_lazy(
            "Decisions dated in the period, by the gate they were taken at. Conversion: go and go with "
            "conditions out of all decisions at the gate. Stopping early is healthy: a stop at an early gate "
            "saves the cost of a pilot."
        ),
        figures.gates,
    ),
    _figure(
        "journey",
        40,
        "pipeline",
        gettext_lazy("Journey between phases"),
        gettext_lazy(
            "Each row is a phase projects left in the period, each column where they went: forward "
            "(go), back (recycle) or out (stop). Holds keep a project in its phase and are not moves."
        ),
        figures.journey,
        compares=False,
    ),
    _figure(
        "time_in_phase",
        50,
        "pipeline",
        gettext_lazy("Time in phase"),
        gettext_lazy(
            "A stay runs from the move into the phase (or the day the project was recorded) to the move out "
            "or the stop; stays that ended in the period give the median and upper quartile. A hold does not "
            "end a stay. Waiting: projects active or on hold in the phase today, the oldest counted from its "
            "last gate decision."
        ),
        figures.time_in_phase,
    ),
    _figure(
        "outcomes",
        60,
        "outcomes",
        gettext_lazy("Implementation, lead time and scaling"),
        gettext_lazy(
            "Implemented: a go past the last gate dated in the period. Implementation rate: implemented "
            "out of implemented and stopped in the period. Lead time: from the idea's submission "
            "(or the day the project was recorded) to the decision that implemented it. "
            "Scaling rate: scaled out of the projects implemented or scaled today."
        ),
        figures.outcomes,
    ),
    _figure(
        "money",
        70,
        "money",
        gettext_lazy("Budget and funding by source"),
        gettext_lazy(
            "Funding lines of the projects, not rejected, summed in each currency without conversion. "
            "Leverage: external funding granted for each unit of own budget granted. Not tied to the period."
        ),
        figures.money,
        compares=False,
    ),
    _figure(
        "money_by_phase",
        80,
        "money",
        gettext_lazy("Budget by phase"),
        gettext_lazy(
            "All funding lines not rejected, by the phase the project is in today, in each currency."
        ),
        figures.money_by_phase,
        compares=False,
    ),
    _figure(
        "facets",
        90,
        "methods",
        gettext_lazy("OECD innovation facets and Nesta evidence levels"),
        gettext_lazy("Each project counted once by the facet and the evidence level recorded on it today."),
        figures.facets,
        compares=False,
    ),
]


def register() -> None:
    watch.watch()
    watch.watch_rows_of_projects(GateDecision, FundingLine)
    for figure in FIGURES:
        registry.add_figure("dashboard", figure)
    for item in NAV:
        registry.add_nav(item)
    registry.add_event(
        registry.Event(
            name="idea_status_changed",
            kind="idea_status",
            resolve=_idea_status_changed,
            text=_idea_status_text,
        )
    )
    registry.add_event(
        registry.Event(name="gate_decided", kind="gate_decided", resolve=_gate_decided, text=_gate_text)
    )
    registry.add_event(
        registry.Event(
            name="lead_handed_over", kind="lead_handed_over", resolve=_lead_handed_over, text=_lead_text
        )
    )
    for requirement in REQUIREMENTS:
        registry.add_requirement(requirement)
    registry.on("method_adapted", _follow_adapted_method)
    registry.on("account_closing", lambda *, user, **_: _hand_over_projects(user=user))
    registry.on(
        "member_leaving",
        lambda *, user, organisation, **_: _hand_over_projects(user=user, organisation=organisation),
    )
    for entry in PERSONAL_DATA:
        registry.add_personal_data(entry)
