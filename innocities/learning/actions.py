"""Writing lessons learned: each call is one transaction and leaves an audit record."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innocities.core import audit
from innocities.core.revisions import claim_revision
from innocities.pipeline.models import Decision, GateDecision, ProjectStatus

from .models import Lesson, Occasion, ToolUse


def occasion_of(decision: GateDecision | None, project) -> str:
    """Why the lesson is recorded: the decision stopped the project, implemented it (a go into the
    method's last phase, which has no gate), or was an ordinary gate; without a decision, scaling."""
    if decision is None:
        return Occasion.SCALED if project.status == ProjectStatus.SCALED else Occasion.GATE
    if decision.decision == Decision.STOP:
        return Occasion.STOPPED
    going = decision.decision in (Decision.GO, Decision.GO_WITH_CONDITIONS)
    if going and not hasattr(decision.to_phase, "gate"):
        return Occasion.IMPLEMENTED
    return Occasion.GATE


def _tools(lesson: Lesson, ratings: dict[str, int], catalogue: dict[str, dict]) -> None:
    unknown = set(ratings) - set(catalogue)
    if unknown:
        raise ValidationError({"tools": _("Choose among the method's tools.")})
    lesson.tools.all().delete()
    ToolUse.objects.bulk_create(
        ToolUse(lesson=lesson, key=key, name=catalogue[key], usefulness=useful)
        for key, useful in ratings.items()
        if useful
    )


@transaction.atomic
def record_lesson(
    *, project, actor, decision=None, tools: dict[str, int] | None = None, catalogue=None, **fields
) -> Lesson:
    """Record what the team learned, at ``decision`` (a gate decision of this project) or when the
    project was scaled. One lesson per decision: a second for the same decision is refused."""
    if decision is not None:
        if decision.project_id != project.pk:
            raise ValidationError(_("That decision belongs to another project."))
        if Lesson.objects.filter(decision=decision).exists():
            raise ValidationError(_("A lesson is already recorded for this decision; edit it instead."))
    lesson = Lesson(
        organisation=project.organisation,
        project=project,
        decision=decision,
        occasion=occasion_of(decision, project),
        phase=decision.from_phase if decision is not None else project.phase,
        recorded_by=actor,
        recorded_on=date.today(),
        language=fields.pop("language", "") or project.language or project.organisation.language,
        **fields,
    )
    lesson.full_clean()
    lesson.save()
    _tools(lesson, tools or {}, catalogue or {})
    lesson.save(update_fields=["updated_at"])  # the search index copies the lesson with its tools
    audit.record(actor=actor, verb="record_lesson", obj=lesson, organisation=project.organisation)
    return lesson


@transaction.atomic
def update_lesson(
    *,
    lesson: Lesson,
    actor,
    revision: int | None = None,
    tools: dict[str, int] | None = None,
    catalogue=None,
    **fields,
) -> Lesson:
    """Save an edit of the lesson opened at ``revision`` (refused if someone saved it meanwhile)."""
    claim_revision(lesson, revision, fields)
    for name, value in fields.items():
        setattr(lesson, name, value)
    lesson.full_clean()
    lesson.save()
    if tools is not None:
        _tools(lesson, tools, catalogue or {})
        lesson.save(update_fields=["updated_at"])
    audit.record(actor=actor, verb="update_lesson", obj=lesson, organisation=lesson.organisation)
    return lesson
