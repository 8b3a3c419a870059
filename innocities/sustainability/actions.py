"""Sustainability writes: the assessment, step by step as a workshop runs it, and the indicator library."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innocities.core import audit
from innocities.core.revisions import EditConflict, bump_revision, claim_revision

from .models import (
    Assessment,
    AssessmentAction,
    DimensionMap,
    Goal,
    GoalAssessment,
    Impact,
    IndicatorKind,
    IndicatorTarget,
    Measurement,
    Pathway,
    Relevance,
    TrackedIndicator,
)


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


def _claim(assessment: Assessment, revision: int | None, changes) -> None:
    """Take the assessment's next revision for a workshop step opened at ``revision`` (core.revisions).

    When someone changed the assessment since, the step is refused with ``changes()``: what is stored
    now beside what this person sent, for what the step edits. When that is nothing (the same form sent
    twice, an action someone else already removed) nothing would be lost, and the step goes on. An
    assessment completed meanwhile is refused as completed.
    """
    try:
        claim_revision(assessment, revision, {})
    except EditConflict as conflict:
        stale = conflict
    else:
        stale = None
    assessment.refresh_from_db(fields=["completed_at"])
    _editable(assessment)
    if stale is not None:
        found = changes()
        if found:
            raise EditConflict(changes=found, revision=stale.revision) from None
        bump_revision(assessment)


def _rating_shown(impact, knowledge_gap: bool, pathway: str) -> str:
    if knowledge_gap:
        return _("Knowledge gap")
    if impact is None:
        return "—"
    shown = str(dict(Impact.choices).get(impact, impact))
    return f"{shown}, {Pathway(pathway).label}" if pathway in Pathway.values else shown


def _goal_shown(row: GoalAssessment) -> str:
    """A goal's sorting as stored, with its rating when it has one (a conflict shows what sorting loses)."""
    shown = str(Relevance(row.relevance).label)
    if row.is_assessed:
        return f"{shown} · {_rating_shown(row.impact, row.knowledge_gap, row.pathway)}"
    return shown


def _action_shown(action: AssessmentAction) -> str:
    goal = f" · {action.goal}" if action.goal_id else ""
    return f"{action.get_kind_display()}{goal}: {action.text} ({action.owner})"


def _actions_change(assessment: Assessment, sent: str) -> list[tuple[str, str, str]]:
    stored = "\n".join(
        _action_shown(a)
        for a in AssessmentAction.objects.filter(assessment=assessment).select_related("goal")
    )
    return [(_("Actions"), stored or "—", sent)]


# Sorting words from before the tool's terms (direct / indirect relevance): read as relevant, the old word
# kept as the first guess at the pathway of an impact.
LEGACY_RELEVANCE = {"direct": Pathway.DIRECT, "indirect": Pathway.INDIRECT}


@transaction.atomic
def sort_goals(
    *, assessment: Assessment, relevance: dict[int, str], user, revision: int | None = None
) -> None:
    """Sort the 17 goals as the SDG Impact Assessment Tool does: relevant, not relevant or don't know.

    Relevant and don't-know goals are assessed next; a goal sorted not relevant loses its assessment.
    A form opened at ``revision`` is refused, goal by goal, if someone changed the assessment since."""
    _editable(assessment)
    allowed = set(Relevance.values) | set(LEGACY_RELEVANCE)
    if not set(relevance.values()) <= allowed:
        raise ValidationError(_("Sort each goal as relevant, not relevant or don't know."))
    if all(value == Relevance.NOT_RELEVANT for value in relevance.values()):
        raise ValidationError(_("Mark at least one goal as relevant, or say that you don't know."))

    def sorted_as(goal_id) -> str:
        value = relevance.get(goal_id, Relevance.NOT_RELEVANT)
        return Relevance.RELEVANT if value in LEGACY_RELEVANCE else value

    def changes():
        return [
            (str(row.goal), _goal_shown(row), str(Relevance(sorted_as(row.goal_id)).label))
            for row in assessment.goals.select_related("goal")
            if row.relevance != sorted_as(row.goal_id)
        ]

    _claim(assessment, revision, changes)
    for row in assessment.goals.all():
        value = relevance.get(row.goal_id, Relevance.NOT_RELEVANT)
        guess = LEGACY_RELEVANCE.get(value, "")
        value = Relevance.RELEVANT if guess else value
        if value == row.relevance:
            continue
        row.relevance = value
        if value == Relevance.NOT_RELEVANT:
            row.impact, row.pathway, row.rationale, row.knowledge_gap = None, "", "", False
            row.targets.clear()
        row.save()


@transaction.atomic
def assess_goal(
    *,
    assessment: Assessment,
    goal_number: int,
    impact: int | None,
    rationale: str,
    knowledge_gap: bool,
    targets,
    user,
    pathway: str = Pathway.DIRECT,
    revision: int | None = None,
) -> GoalAssessment:
    """Assess one relevant (or don't-know) goal: a rating from −2 to +2, direct or indirect, or a knowledge
    gap instead of a rating; the rationale is always required. A form opened at ``revision`` is refused,
    with this goal as stored now, if someone changed the assessment since."""
    _editable(assessment)
    row = assessment.goals.get(goal_id=goal_number)
    if row.relevance == Relevance.NOT_RELEVANT:
        raise ValidationError(_("This goal was sorted as not relevant."))
    if knowledge_gap and impact is not None:
        raise ValidationError(
            {"impact": _("Choose either an impact or a knowledge gap: a knowledge gap replaces the rating.")}
        )
    if not knowledge_gap and impact is None:
        raise ValidationError({"impact": _("Choose an impact, or say that it is a knowledge gap.")})
    if impact not in (None, 0) and pathway not in Pathway.values:
        raise ValidationError({"pathway": _("Say whether the impact is direct or indirect.")})
    if not (rationale or "").strip():
        raise ValidationError(
            {"rationale": _("Give the rationale: why this impact, or what you would need to know.")}
        )
    if any(t.goal_id != goal_number for t in targets):
        raise ValidationError({"targets": _("Choose targets of this goal.")})
    pathway_sent = pathway if impact not in (None, 0) else ""

    def changes():
        now = assessment.goals.get(goal_id=goal_number)
        if now.relevance == Relevance.NOT_RELEVANT:
            raise ValidationError(_("This goal was sorted as not relevant."))
        stored_targets = ", ".join(sorted(t.code for t in now.targets.all())) or "—"
        sent_targets = ", ".join(sorted(t.code for t in targets)) or "—"
        rows = [
            (
                _("Impact"),
                _rating_shown(now.impact, now.knowledge_gap, now.pathway),
                _rating_shown(impact, knowledge_gap, pathway_sent),
            ),
            (_("Targets concerned"), stored_targets, sent_targets),
            (_("Rationale"), now.rationale or "—", rationale.strip()),
        ]
        return [(label, stored, sent) for label, stored, sent in rows if stored != sent]

    _claim(assessment, revision, changes)
    row.refresh_from_db()
    if row.relevance == Relevance.NOT_RELEVANT:  # sorted out by someone else while the form was open
        raise ValidationError(_("This goal was sorted as not relevant."))
    row.impact, row.knowledge_gap, row.rationale = impact, knowledge_gap, rationale.strip()
    row.pathway = pathway if impact not in (None, 0) else ""
    row.full_clean()
    row.save()
    row.targets.set(targets)
    return row


@transaction.atomic
def add_action(
    *, assessment: Assessment, kind: str, text: str, owner: str, goal=None, user, revision: int | None = None
) -> AssessmentAction:
    """Add an action; a form opened at ``revision`` is refused, with the actions as stored now, if
    someone changed the assessment since."""
    _editable(assessment)
    action = AssessmentAction(
        assessment=assessment, kind=kind, text=text.strip(), owner=owner.strip(), goal=goal
    )
    action.full_clean()
    sent = _("Add: %(item)s") % {"item": _action_shown(action)}
    _claim(assessment, revision, lambda: _actions_change(assessment, sent))
    action.save()
    return action


@transaction.atomic
def remove_action(*, action: AssessmentAction, user, revision: int | None = None) -> None:
    """Remove an action; a page opened at ``revision`` is refused, with the actions as stored now, if
    someone changed the assessment since. An action already gone (removed by someone else, or the
    button pressed twice) stays gone."""
    assessment = action.assessment
    _editable(assessment)
    still_there = AssessmentAction.objects.filter(pk=action.pk)
    sent = _("Remove: %(item)s") % {"item": _action_shown(action)}
    _claim(assessment, revision, lambda: _actions_change(assessment, sent) if still_there.exists() else [])
    still_there.delete()


@transaction.atomic
def complete_assessment(*, assessment: Assessment, user) -> Assessment:
    """Close the assessment: every relevant or don't-know goal needs an impact or a knowledge gap,
    and a rationale."""
    _editable(assessment)
    missing = [
        str(g.goal_id)
        for g in assessment.goals.exclude(relevance=Relevance.NOT_RELEVANT)
        if not g.is_assessed or not g.rationale
    ]
    if missing:
        raise ValidationError(
            _(
                "Assess every relevant goal first (an impact or a knowledge gap, and the rationale): "
                "goal %(goals)s."
            )
            % {"goals": ", ".join(missing)}
        )
    bump_revision(assessment)  # a step's form still open is told (and refused as completed)
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["completed_at"])
    audit.record(
        actor=user, verb="complete_assessment", obj=assessment, organisation=assessment.project.organisation
    )
    return assessment


def _refuse_control_characters(**texts) -> None:
    """Control characters break the XLSX export later; refuse them where they come in."""
    from .indicators import CONTROL_CHARACTERS

    for name, text in texts.items():
        if isinstance(text, str) and CONTROL_CHARACTERS.search(text):
            raise ValidationError({name: _("Control characters are not accepted; write plain text.")})


@transaction.atomic
def save_indicator(*, organisation, indicator: TrackedIndicator | None = None, actor, goals=(), **fields):
    """Add or change an indicator in the library; a U4SSC KPI is kept under its U4SSC number."""
    from .indicators import normalise_u4ssc_code

    indicator = indicator or TrackedIndicator(organisation=organisation)
    for name, value in fields.items():
        setattr(indicator, name, value.strip() if isinstance(value, str) else value)
    _refuse_control_characters(code=indicator.code, name=indicator.name, unit=indicator.unit)
    if indicator.kind == IndicatorKind.U4SSC:
        code = normalise_u4ssc_code(indicator.code)
        if code is None:
            raise ValidationError(
                {"code": _("Write the U4SSC KPI number as the U4SSC list does, such as EC: ICT: ICT: 1C.")}
            )
        indicator.code = code
    elif indicator.u4ssc_benchmark is not None:
        raise ValidationError({"u4ssc_benchmark": _("Only U4SSC KPIs have a U4SSC benchmark.")})
    if (
        TrackedIndicator.objects.filter(organisation=organisation, kind=indicator.kind, code=indicator.code)
        .exclude(pk=indicator.pk)
        .exists()
    ):
        raise ValidationError({"code": _("This indicator is already in the library.")})
    indicator.full_clean()
    indicator.save()
    indicator.goals.set(goals)
    audit.record(actor=actor, verb="save_indicator", obj=indicator, organisation=organisation)
    return indicator


@transaction.atomic
def set_target(*, indicator, actor, project=None, **fields) -> IndicatorTarget:
    if project is not None and project.organisation_id != indicator.organisation_id:
        raise ValidationError({"project": _("Choose one of your organisation's projects.")})
    target = IndicatorTarget(indicator=indicator, project=project, **fields)
    target.full_clean()
    target.save()
    audit.record(actor=actor, verb="set_indicator_target", obj=target, organisation=indicator.organisation)
    return target


@transaction.atomic
def record_measurement(*, indicator, year: int, value, source: str = "", project=None, actor) -> Measurement:
    """Record (or correct) the value of a year, for the organisation or for one project."""
    _refuse_control_characters(source=source)
    if project is not None and project.organisation_id != indicator.organisation_id:
        raise ValidationError({"project": _("Choose one of your organisation's projects.")})
    measurement, _created = Measurement.objects.update_or_create(
        indicator=indicator, project=project, year=year, defaults={"value": value, "source": source.strip()}
    )
    audit.record(actor=actor, verb="record_measurement", obj=measurement, organisation=indicator.organisation)
    return measurement


@transaction.atomic
def set_dimension_map(*, network, mapping: dict[int, str], actor):
    """A network's own grouping of the 17 goals into the dimensions (sources disagree on 7, 10 and 17)."""
    allowed = {"ecological", "social", "economic", "cross_cutting"}
    if set(mapping) != set(range(1, 18)) or not set(mapping.values()) <= allowed:
        raise ValidationError(_("Place every one of the 17 goals in a dimension."))
    dimension_map, _created = DimensionMap.objects.update_or_create(
        network=network, defaults={"mapping": {str(k): v for k, v in mapping.items()}}
    )
    audit.record(actor=actor, verb="set_dimension_map", obj=dimension_map)
    return dimension_map
