"""What sustainability adds to the pipeline: the assessment and measured-benefit panels, the
``sdg_assessment`` gate evidence, assessments that follow an adapted method, and the personal data
on assessments."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from innocities.accounts import nav as can
from innocities.core import fragments, registry
from innocities.pipeline.watch import watch_rows_of_projects

from . import figures
from .indicator_views import project_outcomes
from .models import Assessment, DimensionMap, IndicatorTarget, Measurement
from .profile import changes, profile
from .queries import completed, current_assessment


def _assessment_context(request, project):
    """The latest completed assessment and its profile, and what changed since the one before."""
    latest = list(completed(project)[:2])
    if not latest:
        return {"assessment": None}
    current = profile(latest[0])
    earlier = profile(latest[1]) if len(latest) > 1 else None
    return {
        "assessment": latest[0],
        "profile": current,
        "earlier_assessment": latest[1] if earlier else None,
        "changes": changes(earlier, current) if earlier else None,
        "assessment_is_current": latest[0].phase_id == project.phase_id,
    }


def _outcomes_context(request, project):
    """Expected benefits measured with indicators: targets, values and progress for the project."""
    return {"outcomes": project_outcomes(project)}


def _assessments_follow(*, programme, phase_map, gate_map, actor) -> None:
    """An assessment made in a phase stays the assessment of that phase on the programme's copy."""
    for old_pk, new_phase in phase_map.items():
        Assessment.objects.filter(project__programme=programme, phase_id=old_pk).update(phase=new_phase)


def _assessments_of(user):
    return [
        {"project": a.project.title, "phase": str(a.phase), "assessed_on": str(a.assessed_on)}
        for a in Assessment.objects.filter(Q(created_by=user) | Q(participants=user))
        .distinct()
        .select_related("project", "phase")
    ]


NAV = [
    registry.NavItem(
        key="goals",
        order=20,
        label=_("Global goals"),
        url_name="sustainability:goals",
        visible=can.staff_or_operator,
        group="more",
    ),
    registry.NavItem(
        key="indicators",
        order=30,
        label=_("Indicators"),
        url_name="sustainability:indicators",
        visible=can.is_staff_member,
        group="more",
    ),
]


FIGURES = [
    registry.Figure(
        key="sdg",
        order=150,
        section="sustainability",
        label=_("Sustainability assessments and balance"),
        rule=_(
            "From each project's latest completed assessment, as in the sustainability portfolio: "
            "coverage is the share of projects with one; the balance class and the trade-offs "
            "(a negative impact no action addresses) and knowledge gaps are the assessment's. "
            "Not tied to the period."
        ),
        compute=figures.sdg,
        drill=figures.drill,
        compares=False,
    ),
    registry.Figure(
        key="benefits",
        order=100,
        section="benefits",
        label=_("Expected and measured benefits"),
        rule=_(
            "Projects with expected benefits written, with indicator targets, implemented or scaled "
            "today, and of these the ones with an indicator value measured in or after the year they "
            "were implemented."
        ),
        compute=figures.benefits,
        drill=figures.drill,
        compares=False,
    ),
    registry.Figure(
        key="realised",
        order=105,
        section="benefits",
        label=_("Expected against realised"),
        rule=_(
            "Each indicator target set for a project: its baseline, its target and the latest value measured "
            "for the project. Share of the way: how far the latest value has moved from the baseline towards "
            "the target (100 % reached)."
        ),
        compute=figures.realised,
        drill=figures.drill,
        compares=False,
    ),
]


def _maps_changed(sender, instance, **kwargs):
    fragments.touch("dimension-maps")


def watch_portfolios() -> None:
    """Completed assessments are never edited (actions._editable): a portfolio changes with its
    projects and teams (pipeline.watch), their assessments and the goals' grouping in dimensions."""
    watch_rows_of_projects(Assessment)
    post_save.connect(_maps_changed, sender=DimensionMap, dispatch_uid="portfolio-maps")
    post_delete.connect(_maps_changed, sender=DimensionMap, dispatch_uid="portfolio-del-maps")


def register() -> None:
    watch_portfolios()
    for item in NAV:
        registry.add_nav(item)
    registry.add_panel(
        "project",
        registry.Panel(
            key="sustainability",
            order=10,
            template="sustainability/_project_panel.html",
            context=_assessment_context,
            label=_("Sustainability"),
        ),
    )
    registry.add_panel(
        "project",
        registry.Panel(
            key="outcomes",
            order=20,
            template="sustainability/_outcomes_panel.html",
            context=_outcomes_context,
            label=_("Measured benefits"),
        ),
    )
    registry.add_panel(
        "gate",
        registry.Panel(
            key="sustainability",
            order=10,
            template="sustainability/_gate_panel.html",
            context=_assessment_context,
        ),
    )
    registry.add_requirement(
        registry.GateRequirement(
            tag="sdg_assessment",
            check=lambda project: current_assessment(project) is not None,
            message=_("Complete a sustainability assessment in this phase first."),
        )
    )
    for figure in FIGURES:
        registry.add_figure("dashboard", figure)
    watch_rows_of_projects(Measurement, IndicatorTarget)
    registry.on("method_adapted", _assessments_follow)
    registry.add_personal_data(
        registry.PersonalData(
            model="sustainability.Assessment",
            fields=("created_by", "participants"),
            section="assessments",
            export=_assessments_of,
            # the assessment is the project's record: it stays, naming the pseudonymised account
        )
    )
