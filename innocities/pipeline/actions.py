"""Every write in the pipeline: challenges, ideas, projects and the gate decisions that move them."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from innocities.accounts.roles import roles_of
from innocities.core import audit, fragments, registry
from innocities.core.events import publish
from innocities.core.revisions import bump_revision, claim_revision
from innocities.programmes.models import Phase, Programme

from .models import (
    Challenge,
    Decision,
    FundingLine,
    GateDecision,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    Milestone,
    ProgressUpdate,
    Project,
    ProjectMember,
    ProjectStatus,
    TeamRole,
)
from .queries import decision_makers_for


def _check_programme(organisation, programme: Programme) -> None:
    """A programme takes work from its owner organisation or from the members of its network."""
    if programme.organisation_id == organisation.pk:
        return
    if programme.network_id and programme.network.members.filter(pk=organisation.pk).exists():
        return
    raise ValidationError({"programme": _("This programme does not take work from your organisation.")})


def _save(obj, *, actor, verb):
    obj.full_clean()
    obj.save()
    audit.record(actor=actor, verb=verb, obj=obj, organisation=getattr(obj, "organisation", None))
    return obj


@transaction.atomic
def create_challenge(*, organisation, actor, **fields) -> Challenge:
    _check_programme(organisation, fields["programme"])
    return _save(
        Challenge(organisation=organisation, created_by=actor, **fields), actor=actor, verb="create_challenge"
    )


@transaction.atomic
def update_challenge(*, challenge: Challenge, actor, revision: int | None = None, **fields) -> Challenge:
    """Save an edit of the challenge opened at ``revision`` (refused if someone saved it meanwhile)."""
    claim_revision(challenge, revision, fields)
    for name, value in fields.items():
        setattr(challenge, name, value)
    _check_programme(challenge.organisation, challenge.programme)
    challenge = _save(challenge, actor=actor, verb="update_challenge")
    moved = challenge.ideas.exclude(programme=challenge.programme)
    fragments.touch(*{f"programme:{p}" for p in moved.values_list("programme_id", flat=True)})
    moved.update(programme=challenge.programme)
    return challenge


@transaction.atomic
def submit_idea(*, organisation, actor, **fields) -> Idea:
    challenge = fields.get("challenge")
    if challenge is not None:
        fields["programme"] = challenge.programme
    _check_programme(organisation, fields["programme"])
    actors = _own_actors(organisation, fields.pop("actors", None))
    idea = _save(
        Idea(organisation=organisation, submitted_by=actor, **fields), actor=actor, verb="submit_idea"
    )
    if actors is not None:
        idea.actors.set(actors)
    return idea


def _own_actors(organisation, actors):
    if actors is None:
        return None
    if any(a.organisation_id != organisation.pk for a in actors):
        raise ValidationError({"actors": _("Choose among your organisation's actors.")})
    return actors


@transaction.atomic
def update_idea(*, idea: Idea, actor, revision: int | None = None, **fields) -> Idea:
    """Save an edit of the idea opened at ``revision`` (refused if someone saved it meanwhile)."""
    claim_revision(idea, revision, fields)
    actors = _own_actors(idea.organisation, fields.pop("actors", None))
    for name, value in fields.items():
        setattr(idea, name, value)
    if idea.challenge_id:
        idea.programme = idea.challenge.programme
    _check_programme(idea.organisation, idea.programme)
    idea = _save(idea, actor=actor, verb="update_idea")
    if actors is not None:
        idea.actors.set(actors)
    return idea


def _lock_idea(idea: Idea) -> tuple[str, str]:
    """Lock the idea's row until the transaction ends; its stored (status, reason)."""
    return Idea.objects.select_for_update().values_list("status", "status_reason").get(pk=idea.pk)


@transaction.atomic
def set_idea_status(*, idea: Idea, status: str, reason: str, actor, project=None) -> Idea:
    """Change an idea's status and keep the change in its history.

    Parking or rejecting needs a reason; so does every change of an idea sent to an open call,
    because its author reads the organisation's answer on the idea's public page.
    """
    reason = (reason or "").strip()
    if status in {IdeaStatus.PARKED, IdeaStatus.REJECTED} and not reason:
        raise ValidationError({"reason": _("Give a reason when an idea is parked or rejected.")})
    if idea.via_open_call and not reason and project is None:
        raise ValidationError(
            {"reason": _("Tell the author why: the reason is shown on the idea's public page.")}
        )
    stored = _lock_idea(idea)
    if (status, reason) == stored and project is None:
        return idea  # the same change sent twice (a double click): recorded and told once
    if Project.objects.filter(idea_id=idea.pk).exists() and status != IdeaStatus.SELECTED:
        raise ValidationError({"status": _("This idea is already a project.")})
    idea.status = status
    idea.status_reason = reason
    idea.save(update_fields=["status", "status_reason", "updated_at"])
    IdeaStatusChange.objects.create(
        idea=idea, status=status, reason=reason, project=project, changed_by=actor
    )
    audit.record(actor=actor, verb="set_idea_status", obj=idea, organisation=idea.organisation, status=status)
    publish("idea_status_changed", idea_id=idea.pk)
    return idea


@transaction.atomic
def create_project(
    *, organisation, programme: Programme, actor, lead=None, idea: Idea | None = None, **fields
) -> Project:
    """Start a project in the first phase of its programme's method, with a named lead."""
    _check_programme(organisation, programme)
    first_phase = programme.method.phases.order_by("order").first()
    project = _save(
        Project(
            organisation=organisation,
            programme=programme,
            method=programme.method,
            phase=first_phase,
            idea=idea,
            created_by=actor,
            **{k: v for k, v in fields.items() if k != "strategic_goals"},
        ),
        actor=actor,
        verb="create_project",
    )
    if fields.get("strategic_goals") is not None:
        project.strategic_goals.set(fields["strategic_goals"])
    ProjectMember.objects.create(project=project, user=lead or actor, role=TeamRole.LEAD)
    return project


@transaction.atomic
def promote_idea(*, idea: Idea, actor, lead=None, **fields) -> Project:
    """Turn a new, reviewed or selected idea into a project, carrying over what the idea gathered:
    its author joins the team, its actors become co-creators, and its supporters follow the idea,
    so they hear that it became a project."""
    _lock_idea(idea)  # of two simultaneous promotions, the second waits and finds the project
    if Project.objects.filter(idea_id=idea.pk).exists():
        raise ValidationError(_("This idea is already a project."))
    if idea.status in {IdeaStatus.PARKED, IdeaStatus.REJECTED}:
        raise ValidationError(
            _("A parked or rejected idea cannot become a project; change its status first.")
        )
    fields.setdefault("title", idea.title)
    fields.setdefault("summary", idea.description)
    project = create_project(
        organisation=idea.organisation,
        programme=idea.programme,
        actor=actor,
        lead=lead,
        idea=idea,
        **fields,
    )
    if idea.challenge_id and not project.problem:
        project.problem = idea.challenge.description
        project.save(update_fields=["problem"])
    if idea.submitted_by_id and idea.submitted_by_id != (lead or actor).pk:
        # A colleague joins the team; a citizen author follows the project as a partner (reads, no edits).
        staff = roles_of(idea.submitted_by).is_full_member(idea.organisation_id)
        ProjectMember.objects.get_or_create(
            project=project,
            user=idea.submitted_by,
            defaults={"role": TeamRole.MEMBER if staff else TeamRole.PARTNER},
        )
    registry.run("idea_promoted", idea=idea, project=project, actor=actor)
    set_idea_status(
        idea=idea,
        status=IdeaStatus.SELECTED,
        reason="",  # the idea's page says which project it became, in the reader's language
        project=project,
        actor=actor,
    )
    return project


@transaction.atomic
def update_project(*, project: Project, actor, revision: int | None = None, **fields) -> Project:
    """Save an edit of the project opened at ``revision`` (refused if someone saved it meanwhile)."""
    claim_revision(project, revision, fields)
    goals = fields.pop("strategic_goals", None)
    for name, value in fields.items():
        setattr(project, name, value)
    _save(project, actor=actor, verb="update_project")
    if goals is not None:
        project.strategic_goals.set(goals)
    return project


# --- gates -----------------------------------------------------------------------------------------


def _requirement_unmet(project: Project, requires: str) -> str | None:
    """Why a must-meet criterion that names evidence cannot be ticked yet, or None.

    Each tag is checked by the module that registered it (``core.registry.GateRequirement``); a method
    file naming an unknown tag is refused when it is loaded, so no tag passes a gate unchecked.
    """
    if not requires:
        return None
    requirement = registry.requirement(requires)
    if requirement is None:
        raise ValueError(f"no gate requirement is registered for the tag {requires!r}")
    return None if requirement.check(project) else str(requirement.message)


def _answer_criteria(project, gate, met, scores, errors) -> list[dict]:
    """The gate's criteria with the reviewer's answers, as they read today (kept on the decision)."""
    answers = []
    for criterion in gate.criteria.all():
        answer = {"id": criterion.pk, "key": criterion.key, "kind": criterion.kind, "text": criterion.text}
        if criterion.kind == "must":
            answer["met"] = criterion.pk in met
            problem = _requirement_unmet(project, criterion.requires) if answer["met"] else None
            if problem:
                errors.setdefault(f"must_{criterion.pk}", []).append(problem)
        else:
            score = scores.get(criterion.pk)
            if score is not None and not 1 <= int(score) <= 5:
                errors.setdefault(f"score_{criterion.pk}", []).append(_("Score from 1 to 5."))
            answer["score"] = int(score) if score is not None else None
        answers.append(answer)
    return answers


def _outcome(project, decision, recycle_to, errors) -> tuple[Phase, str]:
    """Where the decision takes the project: its phase and status afterwards."""
    if decision in {Decision.GO, Decision.GO_WITH_CONDITIONS}:
        to_phase = project.method.phases.get(order=project.phase.order + 1)
        return to_phase, ProjectStatus.ACTIVE if hasattr(to_phase, "gate") else ProjectStatus.IMPLEMENTED
    if decision == Decision.RECYCLE:
        earlier = recycle_to is not None and recycle_to.method_id == project.method_id
        if not earlier or recycle_to.order >= project.phase.order:
            errors.setdefault("recycle_to", []).append(_("Choose an earlier phase to return to."))
        return recycle_to, ProjectStatus.ACTIVE
    if decision == Decision.HOLD:
        return project.phase, ProjectStatus.ON_HOLD
    if decision == Decision.STOP:
        return project.phase, ProjectStatus.STOPPED
    errors.setdefault("decision", []).append(_("Choose a decision."))
    return project.phase, project.status


def _locked(pk: int) -> Project:
    """The project's row, locked until the transaction ends, then read afresh.

    The lock is taken on the project alone: PostgreSQL re-checks a locked row that changed meanwhile
    against the whole query, and a join on the phase it has just left would drop the row (the
    ``DoesNotExist`` two simultaneous decisions used to raise).
    """
    list(Project.objects.select_for_update().filter(pk=pk).values_list("pk", flat=True))
    return Project.objects.select_related("phase", "method").get(pk=pk)


@transaction.atomic
def decide_gate(
    *,
    project: Project,
    decision: str,
    reasoning: str,
    decided_on: date,
    decision_makers,
    met: set[int],
    scores: dict[int, int],
    conditions: str = "",
    recycle_to: Phase | None = None,
    expected_gate: int | None = None,
    expected_revision: int | None = None,
    actor,
) -> GateDecision:
    """Record a decision at the gate after the project's current phase and move the project.

    go → next phase (past the last gate: implemented); recycle → an earlier phase; hold → paused;
    stop → ended for good. "go" needs every must-meet criterion met. ``expected_gate`` and
    ``expected_revision`` are the gate and the project's revision the reviewer looked at: if the project
    has moved on meanwhile (another decision, an edit), nothing is recorded. Of two simultaneous
    decisions the project's row lock lets one through; the other then finds the project moved on.
    """
    project = _locked(project.pk)
    current_gate = getattr(project.phase, "gate", None)
    if expected_gate is not None and (current_gate is None or current_gate.pk != expected_gate):
        raise ValidationError(_("The project has passed this gate since you opened it. Review the new gate."))
    if expected_revision is not None and project.revision != expected_revision:
        raise ValidationError(
            _("The project has moved on since you opened the gate: it is now %(status)s in “%(phase)s”.")
            % {"status": project.get_status_display().lower(), "phase": project.phase.label}
            + " "
            + _("Review the gate again before deciding."),
            code="moved_on",
        )
    if project.status == ProjectStatus.STOPPED:
        raise ValidationError(_("Already decided: the project has been stopped."))
    if project.status not in {ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD}:
        raise ValidationError(_("A stopped or implemented project has no more gates."))
    if decision == Decision.HOLD and project.status == ProjectStatus.ON_HOLD:
        raise ValidationError({"decision": _("Already decided: the project is already on hold.")})
    gate = getattr(project.phase, "gate", None)
    if gate is None:
        raise ValidationError(_("The last phase has no gate after it."))
    errors: dict[str, list[str]] = {}
    answers = _answer_criteria(project, gate, met, scores, errors)
    if decision in {Decision.GO, Decision.GO_WITH_CONDITIONS} and not all(
        a["met"] for a in answers if a["kind"] == "must"
    ):
        errors.setdefault("decision", []).append(
            _("“Go” is impossible while a must-meet criterion is unmet.")
        )
    if decision == Decision.GO_WITH_CONDITIONS and not conditions.strip():
        errors.setdefault("conditions", []).append(_("Write the conditions."))
    if not reasoning.strip():
        errors.setdefault("reasoning", []).append(_("Write the reasoning behind the decision."))
    allowed = set(decision_makers_for(project).values_list("pk", flat=True))
    if not decision_makers:
        errors.setdefault("decision_makers", []).append(_("Name at least one decision-maker."))
    elif not {person.pk for person in decision_makers} <= allowed:
        errors.setdefault("decision_makers", []).append(
            _(
                "Decision-makers come from the steering group, the programme's coordinators and the "
                "organisation's leadership."
            )
        )
    last = (
        project.gate_decisions.filter(annulled_at__isnull=True)
        .order_by("-decided_on")
        .values_list("decided_on", flat=True)
        .first()
    )
    if decided_on > date.today():
        errors.setdefault("decided_on", []).append(_("A decision cannot be dated in the future."))
    elif last and decided_on < last:
        errors.setdefault("decided_on", []).append(
            _("The project's last decision was taken on %(date)s; date this one on or after it.")
            % {"date": last.isoformat()}
        )
    to_phase, status = _outcome(project, decision, recycle_to, errors)
    if errors:
        raise ValidationError(errors)
    record = GateDecision.objects.create(
        organisation_id=project.organisation_id,
        project=project,
        gate=gate,
        method_name=project.method.name,
        method_version=project.method.version,
        from_phase=project.phase,
        to_phase=to_phase,
        decision=decision,
        conditions=conditions.strip(),
        reasoning=reasoning.strip(),
        decided_on=decided_on,
        answers=answers,
        previous_status=project.status,
        recorded_by=actor,
    )
    record.decision_makers.set(decision_makers)
    project.phase, project.status, project.in_phase_since = to_phase, status, decided_on
    project.save(update_fields=["phase", "status", "in_phase_since", "updated_at"])
    bump_revision(project)
    audit.record(
        actor=actor, verb="decide_gate", obj=record, organisation=project.organisation, decision=decision
    )
    publish("gate_decided", decision_id=record.pk)
    return record


@transaction.atomic
def annul_gate_decision(*, decision: GateDecision, reason: str, actor) -> GateDecision:
    """Undo the project's latest gate decision, taken by mistake: the project returns to the phase
    and status it had, and the decision stays on record, marked annulled with the reason."""
    project = _locked(decision.project_id)
    latest = project.gate_decisions.filter(annulled_at__isnull=True).order_by("-decided_on", "-pk").first()
    if decision.annulled_at or latest is None or latest.pk != decision.pk:
        raise ValidationError(_("Only the project's latest decision can be annulled."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the decision is annulled.")})
    decision.annulled_at, decision.annulled_by = timezone.now(), actor
    decision.annulment_reason = reason.strip()
    decision.save(update_fields=["annulled_at", "annulled_by", "annulment_reason"])
    project.phase_id, project.status = decision.from_phase_id, decision.previous_status
    before = project.gate_decisions.filter(annulled_at__isnull=True).aggregate(last=Max("decided_on"))["last"]
    project.in_phase_since = before or timezone.localtime(project.created_at).date()
    project.save(update_fields=["phase", "status", "in_phase_since", "updated_at"])
    bump_revision(project)
    audit.record(
        actor=actor,
        verb="annul_gate_decision",
        obj=decision,
        organisation=project.organisation,
        reason=decision.annulment_reason,
    )
    return decision


@transaction.atomic
def update_funding_line(*, line: FundingLine, actor, **fields) -> FundingLine:
    for name, value in fields.items():
        setattr(line, name, value)
    line.full_clean()
    line.save()
    audit.record(actor=actor, verb="update_funding_line", obj=line, organisation=line.project.organisation)
    return line


@transaction.atomic
def update_milestone(*, milestone: Milestone, actor, **fields) -> Milestone:
    for name, value in fields.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save()
    audit.record(
        actor=actor, verb="update_milestone", obj=milestone, organisation=milestone.project.organisation
    )
    return milestone


@transaction.atomic
def remove_milestone(*, milestone: Milestone, actor) -> None:
    audit.record(
        actor=actor, verb="remove_milestone", obj=milestone, organisation=milestone.project.organisation
    )
    milestone.delete()


@transaction.atomic
def mark_scaled(*, project: Project, note: str, actor) -> Project:
    project = _locked(project.pk)  # of two at once, the second finds the project scaled already
    if project.status == ProjectStatus.SCALED:
        raise ValidationError(_("The project is already marked as scaled."))
    if project.status != ProjectStatus.IMPLEMENTED:
        raise ValidationError(_("Only an implemented project can be marked as scaled."))
    if not note.strip():
        raise ValidationError({"note": _("Say where the solution has been scaled or shared.")})
    project.status = ProjectStatus.SCALED
    project.save(update_fields=["status", "updated_at"])
    bump_revision(project)
    ProgressUpdate.objects.create(project=project, author=actor, written_on=date.today(), text=note.strip())
    audit.record(actor=actor, verb="mark_scaled", obj=project, organisation=project.organisation)
    return project


# --- progress, team, funding -------------------------------------------------------------------------


@transaction.atomic
def add_progress_update(*, project: Project, text: str, written_on: date, actor) -> ProgressUpdate:
    if written_on > date.today():
        raise ValidationError({"written_on": _("An update cannot be dated in the future.")})
    update = ProgressUpdate(project=project, author=actor, written_on=written_on, text=text.strip())
    update.full_clean()
    update.save()
    audit.record(actor=actor, verb="add_progress_update", obj=update, organisation=project.organisation)
    return update


@transaction.atomic
def add_milestone(*, project: Project, title: str, due_on: date, actor) -> Milestone:
    milestone = Milestone(project=project, title=title, due_on=due_on)
    milestone.full_clean()
    milestone.save()
    audit.record(actor=actor, verb="add_milestone", obj=milestone, organisation=project.organisation)
    return milestone


@transaction.atomic
def complete_milestone(*, milestone: Milestone, done_on: date, actor) -> Milestone:
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    audit.record(
        actor=actor, verb="complete_milestone", obj=milestone, organisation=milestone.project.organisation
    )
    return milestone


@transaction.atomic
def add_funding_line(*, project: Project, actor, **fields) -> FundingLine:
    line = FundingLine(project=project, **fields)
    line.full_clean()
    line.save()
    audit.record(actor=actor, verb="add_funding_line", obj=line, organisation=project.organisation)
    return line


@transaction.atomic
def set_team_member(*, project: Project, user, role: str, actor) -> ProjectMember:
    """Name a person on the project's team; the last project lead cannot be given another role."""
    leads = project.team.filter(role=TeamRole.LEAD)
    if role != TeamRole.LEAD and list(leads.values_list("user_id", flat=True)) == [user.pk]:
        raise ValidationError({"role": _("Name another project lead first: a project always has one.")})
    if role in {TeamRole.LEAD, TeamRole.MEMBER} and not roles_of(user).is_full_member(
        project.organisation_id
    ):
        raise ValidationError({"role": _("A person from outside the organisation takes part as a partner.")})
    member, _created = ProjectMember.objects.update_or_create(
        project=project, user=user, defaults={"role": role}
    )
    audit.record(
        actor=actor, verb="set_team_member", obj=member, organisation=project.organisation, role=role
    )
    return member


@transaction.atomic
def remove_team_member(*, project: Project, user, actor) -> None:
    member = project.team.filter(user=user).first()
    if member is None:
        return
    if member.role == TeamRole.LEAD and project.team.filter(role=TeamRole.LEAD).count() == 1:
        raise ValidationError(_("Name another project lead first: a project always has one."))
    audit.record(actor=actor, verb="remove_team_member", obj=member, organisation=project.organisation)
    member.delete()
