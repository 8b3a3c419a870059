"""Writes of a sustainability assessment, step by step as a workshop runs it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innocities.core import audit

from .models import Assessment, AssessmentAction, Goal, GoalAssessment, Relevance


@transaction.atomic
def start_assessment(*, project, scope: str, assessed_on: date, participants, actors, user) -> Assessment:
    """Open an assessment of the project in its current phase, with all 17 goals still to sort."""
    if not scope.strip():
        raise ValidationError({"scope": _("Say what is assessed.")})
    if any(a.organisation_id != project.organisation_id for a in actors):
        raise ValidationError({"actors": _("Choose among the project's actors.")})
    assessment = Assessment.objects.create(
        organisation_id=project.organisation_id,
        project=project,
        phase=project.phase,
        assessed_on=assessed_on,
        scope=scope.strip(),
        created_by=user,
    )
    assessment.participants.set(participants)
    assessment.actors.set(actors)
    GoalAssessment.objects.bulk_create(
        GoalAssessment(assessment=assessment, goal=goal, relevance=Relevance.NOT_RELEVANT)
        for goal in Goal.objects.all()
    )
    audit.record(actor=user, verb="start_assessment", obj=assessment, organisation=project.organisation)
    return assessment


def _editable(assessment):
    if assessment.is_complete:
        raise ValidationError(_("A completed assessment is kept as it is; start a new one to reassess."))


@transaction.atomic
def sort_goals(*, assessment: Assessment, relevance: dict[int, str], user) -> None:
    """Sort the 17 goals into direct, indirect and not relevant."""
    _editable(assessment)
    if not any(value != Relevance.NOT_RELEVANT for value in relevance.values()):
        raise ValidationError(_("Mark at least one goal as directly or indirectly relevant."))
    for row in assessment.goals.all():
        value = relevance.get(row.goal_id, Relevance.NOT_RELEVANT)
        if value != row.relevance:
            row.relevance = value
            if value == Relevance.NOT_RELEVANT:
                row.impact, row.rationale, row.knowledge_gap = None, "", False
                row.targets.clear()
            row.save()


@transaction.atomic
def assess_goal(
    *,
    assessment: Assessment,
    goal_number: int,
    impact: int,
    rationale: str,
    knowledge_gap: bool,
    targets,
    user,
) -> GoalAssessment:
    _editable(assessment)
    row = assessment.goals.get(goal_id=goal_number)
    if row.relevance == Relevance.NOT_RELEVANT:
        raise ValidationError(_("This goal was sorted as not relevant."))
    if not rationale.strip():
        raise ValidationError({"rationale": _("Give the rationale for the impact.")})
    if any(t.goal_id != goal_number for t in targets):
        raise ValidationError({"targets": _("Choose targets of this goal.")})
    row.impact, row.rationale, row.knowledge_gap = impact, rationale.strip(), knowledge_gap
    row.full_clean()
    row.save()
    row.targets.set(targets)
    return row


@transaction.atomic
def add_action(
    *, assessment: Assessment, kind: str, text: str, owner: str, goal=None, user
) -> AssessmentAction:
    _editable(assessment)
    action = AssessmentAction(
        assessment=assessment, kind=kind, text=text.strip(), owner=owner.strip(), goal=goal
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def remove_action(*, action: AssessmentAction, user) -> None:
    _editable(action.assessment)
    action.delete()


@transaction.atomic
def complete_assessment(*, assessment: Assessment, user) -> Assessment:
    """Close the assessment: every relevant goal needs an impact and a rationale."""
    _editable(assessment)
    missing = [
        str(g.goal_id)
        for g in assessment.goals.exclude(relevance=Relevance.NOT_RELEVANT)
        if g.impact is None or not g.rationale
    ]
    if missing:
        raise ValidationError(
            _("Assess every relevant goal first (impact and rationale): goal %(goals)s.")
            % {"goals": ", ".join(missing)}
        )
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["completed_at"])
    audit.record(
        actor=user, verb="complete_assessment", obj=assessment, organisation=assessment.project.organisation
    )
    return assessment
