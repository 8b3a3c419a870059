"""Pipeline pages: thin views that fetch through access functions and write through actions."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.accounts.models import User
from innocities.accounts.roles import roles_of
from innocities.core import fragments, registry
from innocities.core.forms import as_draft
from innocities.core.idempotency import once
from innocities.core.paging import page_of
from innocities.core.views import errors_onto, require, saved
from innocities.organisations.acting import acting_organisation, organisations_where
from innocities.programmes.access import get_programme_for_user, visible_programmes
from innocities.programmes.models import Programme

from . import actions, queries
from .access import (
    get_challenge_for_user,
    get_idea_for_user,
    get_project_for_user,
    visible_challenges,
    visible_ideas,
)
from .forms import (
    AnnulForm,
    BoardFilterForm,
    ChallengeEditForm,
    ChallengeForm,
    FundingLineForm,
    GateDecisionForm,
    IdeaEditForm,
    IdeaForm,
    IdeaStatusForm,
    ListFilterForm,
    MilestoneEditForm,
    MilestoneForm,
    ProgressUpdateForm,
    ProjectEditForm,
    ProjectForm,
    PromoteForm,
    ScaledForm,
    TeamMemberForm,
)
from .models import ChallengeStatus, Idea, IdeaStatus, ProjectStatus

PAGE = 50
CURRENCY_OF = {"SE": "SEK", "NO": "NOK", "DK": "DKK", "FI": "EUR", "IS": "EUR"}


def _page(request, queryset):
    return page_of(request, queryset, PAGE)


def _programmes_of(organisation):
    return Programme.objects.filter(
        Q(organisation=organisation) | Q(network__members=organisation)
    ).distinct()


def _list(request, *, query, statuses, template, create_perm):
    form = ListFilterForm(request.GET or None, statuses=statuses, programmes=visible_programmes(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    items = query(
        request.user,
        scope=filters.get("scope") or "mine",
        q=filters.get("q", ""),
        status=filters.get("status", ""),
        programme=filters.get("programme"),
    )
    context = {
        "form": form,
        "page": _page(request, items),
        "can_create": bool(organisations_where(request.user, create_perm)),
    }
    return render(request, template, context)


# --- board ----------------------------------------------------------------------------------------------


def _small_number(value) -> int | None:
    """A positive page or phase number from the query string, or None for anything else."""
    return int(value) if value and value.isdigit() and 0 < len(value) < 5 and int(value) > 0 else None


@login_required
def board(request, slug):
    programme = get_programme_for_user(request.user, slug)
    focus_areas = programme.focus_areas.all()
    form = BoardFilterForm(request.GET or None, focus_areas=focus_areas)
    filters = form.cleaned_data if form.is_valid() else {}
    phase, page = (_small_number(request.GET.get(key)) for key in ("phase", "page"))

    def columns():
        found = queries.board(
            request.user,
            programme,
            q=filters.get("q", ""),
            focus_area=filters.get("focus_area"),
            status=filters.get("status", ""),
            phase=phase,
            page=page or 1,
        )
        return {
            "columns": found,
            "phase_only": phase,
            "page_number": page or 1,
            "more_pages": bool(phase) and found and found[0][2] > (page or 1) * queries.PHASE_PAGE,
            "total": sum(count for _phase, _projects, count in found),
        }

    # the columns as this person sees them, kept until a project, team seat or phase of the programme changes
    board_html = fragments.rendered(
        request,
        "pipeline/_board_columns.html",
        f"board:{programme.pk}:{request.user.pk}",
        [f"programme:{programme.pk}", *fragments.readers(request.user)],
        columns,
        vary=repr((sorted((k, str(v)) for k, v in filters.items()), phase, page)),
    )
    partial = request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    if partial:
        response = HttpResponse(board_html)
        patch_vary_headers(response, ["HX-Request"])
        return response
    context = {
        "programme": programme,
        "board_html": board_html,
        "form": form,
        "can_start": bool(organisations_where(request.user, "pipeline.add_project")),
    }
    response = render(request, "pipeline/board.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- challenges -----------------------------------------------------------------------------------------


@login_required
def challenge_list(request):
    return _list(
        request,
        query=queries.challenge_list,
        statuses=ChallengeStatus.choices,
        template="pipeline/challenge_list.html",
        create_perm="pipeline.add_challenge",
    )


@login_required
def challenge_detail(request, pk):
    challenge = get_challenge_for_user(request.user, pk)
    ideas = queries.idea_list(request.user, scope="all").filter(challenge=challenge)
    return render(request, "pipeline/challenge_detail.html", {"challenge": challenge, "ideas": ideas})


@login_required
def challenge_create(request):
    organisation = acting_organisation(request, "pipeline.add_challenge")
    form = ChallengeForm(
        request.POST or None, organisation=organisation, programmes=_programmes_of(organisation)
    )
    if _saving(request, form):
        with errors_onto(form):
            challenge = once(
                request,
                form,
                lambda: actions.create_challenge(
                    organisation=organisation, actor=request.user, **form.cleaned_data
                ),
            )
        if not form.errors:
            saved(request, _("The challenge was registered."))
            return redirect(challenge)
    return render(
        request,
        "pipeline/form.html",
        {
            "form": form,
            "organisation": organisation,
            "title": _("Register a challenge"),
            **_draft(request, "challenge", organisation, form),
        },
    )


def _draft(request, kind, organisation, form) -> dict:
    """What a create form shows beside its fields: the panels modules add for a draft ("similar work
    elsewhere"). A panel's button named ``check_similar`` posts the form to look at it, not to save it."""
    if "check_similar" in request.POST:
        as_draft(form)
    draft = {"kind": kind, "organisation": organisation, "form": form}
    return {"panels": registry.render_panels("draft", request, draft)}


def _saving(request, form) -> bool:
    return request.method == "POST" and "check_similar" not in request.POST and form.is_valid()


@login_required
def challenge_edit(request, pk):
    challenge = get_challenge_for_user(request.user, pk)
    require(request.user, "pipeline.change_challenge", challenge)
    form = ChallengeEditForm(
        request.POST or None,
        instance=challenge,
        organisation=challenge.organisation,
        programmes=_programmes_of(challenge.organisation),
    )
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            revision, data = form.revision_and()
            actions.update_challenge(challenge=challenge, actor=request.user, revision=revision, **data)
        if not form.errors:
            saved(request, _("The challenge was saved."))
            return redirect(challenge)
    return render(
        request, "pipeline/form.html", {"form": form, "title": _("Edit challenge"), "back": challenge}
    )


# --- ideas ----------------------------------------------------------------------------------------------


@login_required
def idea_list(request):
    return _list(
        request,
        query=queries.idea_list,
        statuses=IdeaStatus.choices,
        template="pipeline/idea_list.html",
        create_perm="pipeline.add_idea",
    )


@login_required
def idea_detail(request, pk):
    idea = get_idea_for_user(request.user, pk)
    status_form = IdeaStatusForm(initial={"status": idea.status, "reason": idea.status_reason})
    return _idea_page(request, idea, status_form)


def _idea_page(request, idea, status_form, status=200):
    idea = queries.with_related_visibility(request.user, Idea.objects.filter(pk=idea.pk)).get()
    return render(
        request, "pipeline/idea_detail.html", {"idea": idea, "status_form": status_form}, status=status
    )


def _idea_form(request, organisation, instance=None):
    challenges = visible_challenges(request.user).filter(organisation=organisation)
    challenges = challenges.exclude(status="closed") | challenges.filter(
        pk=getattr(instance, "challenge_id", None)
    )
    return (IdeaForm if instance is None else IdeaEditForm)(
        request.POST or None,
        instance=instance,
        organisation=organisation,
        # Only programmes the person can see: a network coordinator must not find the owner's others.
        programmes=_programmes_of(organisation).filter(pk__in=visible_programmes(request.user).values("pk")),
        challenges=challenges,
        initial={"challenge": request.GET.get("challenge")} if instance is None else None,
    )


@login_required
def idea_create(request):
    organisation = acting_organisation(request, "pipeline.add_idea")
    form = _idea_form(request, organisation)
    if _saving(request, form):
        with errors_onto(form):
            idea = once(
                request,
                form,
                lambda: actions.submit_idea(
                    organisation=organisation, actor=request.user, **form.cleaned_data
                ),
            )
        if not form.errors:
            saved(request, _("Thank you! The idea was submitted."))
            return redirect(idea)
    return render(
        request,
        "pipeline/form.html",
        {
            "form": form,
            "organisation": organisation,
            "title": _("Submit an idea"),
            **_draft(request, "idea", organisation, form),
        },
    )


@login_required
def idea_edit(request, pk):
    idea = get_idea_for_user(request.user, pk)
    require(request.user, "pipeline.change_idea", idea)
    form = _idea_form(request, idea.organisation, instance=idea)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            revision, data = form.revision_and()
            actions.update_idea(idea=idea, actor=request.user, revision=revision, **data)
        if not form.errors:
            saved(request, _("The idea was saved."))
            return redirect(idea)
    return render(request, "pipeline/form.html", {"form": form, "title": _("Edit idea"), "back": idea})


@login_required
@require_POST
def idea_status(request, pk):
    idea = get_idea_for_user(request.user, pk)
    require(request.user, "pipeline.review_idea", idea)
    form = IdeaStatusForm(request.POST)
    if form.is_valid():
        with errors_onto(form):
            actions.set_idea_status(idea=idea, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The idea's status was changed."))
            return redirect(idea)
    return _idea_page(request, idea, form, status=400)


@login_required
def idea_promote(request, pk):
    idea = get_idea_for_user(request.user, pk)
    require(request.user, "pipeline.review_idea", idea)
    form = PromoteForm(
        request.POST or None,
        organisation=idea.organisation,
        programmes=None,
        initial={
            "title": idea.title,
            "summary": idea.description,
            "language": idea.language,
            "focus_area": idea.challenge.focus_area_id if idea.challenge_id else None,
            "visibility": "private",
        },
    )
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            project = actions.promote_idea(idea=idea, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The idea is now a project."))
            return redirect(project)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Make the idea a project"), "back": idea, "submit": _("Start the project")},
    )


# --- projects -------------------------------------------------------------------------------------------


@login_required
def project_list(request):
    return _list(
        request,
        query=queries.project_list,
        statuses=ProjectStatus.choices,
        template="pipeline/project_list.html",
        create_perm="pipeline.add_project",
    )


@login_required
def project_detail(request, pk):
    project = get_project_for_user(request.user, pk)
    decisions = list(queries.gate_history(project))
    funding = list(project.funding.all())
    context = {
        "project": project,
        "decisions": decisions,
        "timeline": queries.timeline(project, decisions),
        "team": project.team.select_related("user"),
        "milestones": project.milestones.all(),
        "funding": funding,
        "funding_totals": queries.funding_totals(funding),
        "phases": project.method.phases.all(),
        "strategic_goals": project.strategic_goals.all(),
        "idea_visible": bool(project.idea_id)
        and visible_ideas(request.user).filter(pk=project.idea_id).exists(),
        "programme_visible": visible_programmes(request.user).filter(pk=project.programme_id).exists(),
        "panels": registry.render_panels("project", request, project),
        "update_form": ProgressUpdateForm(initial={"written_on": date.today()}),
        "milestone_form": MilestoneForm(),
        "funding_form": FundingLineForm(
            initial={"currency": CURRENCY_OF.get(project.organisation.country, "EUR")}
        ),
    }
    return render(request, "pipeline/project_detail.html", context)


@login_required
def project_create(request):
    organisation = acting_organisation(request, "pipeline.add_project")
    form = ProjectForm(
        request.POST or None,
        organisation=organisation,
        programmes=_programmes_of(organisation),
        initial={"programme": request.GET.get("programme")},
    )
    if _saving(request, form):
        with errors_onto(form):
            project = once(
                request,
                form,
                lambda: actions.create_project(
                    organisation=organisation, actor=request.user, **form.cleaned_data
                ),
            )
        if not form.errors:
            saved(request, _("The project was started."))
            return redirect(project)
    return render(
        request,
        "pipeline/form.html",
        {
            "form": form,
            "organisation": organisation,
            "title": _("Start a project"),
            **_draft(request, "project", organisation, form),
        },
    )


@login_required
def project_edit(request, pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.change_project", project)
    form = ProjectEditForm(
        request.POST or None, instance=project, organisation=project.organisation, programmes=None
    )
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            revision, data = form.revision_and()
            actions.update_project(project=project, actor=request.user, revision=revision, **data)
        if not form.errors:
            saved(request, _("The project was saved."))
            return redirect(project)
    return render(request, "pipeline/form.html", {"form": form, "title": _("Edit project"), "back": project})


@login_required
def gate_decide(request, pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.decide_gate", project)
    gate = getattr(project.phase, "gate", None)
    if gate is None:
        return redirect(project)
    criteria = list(gate.criteria.all())
    form = GateDecisionForm(
        request.POST or None,
        project=project,
        criteria=criteria,
        decision_makers=queries.decision_makers_for(project),
        initial={"decided_on": date.today(), "decision_makers": [request.user.pk]},
    )
    if request.method == "POST" and form.is_valid():
        met, scores = form.answers()
        data = form.cleaned_data
        with errors_onto(form):
            actions.decide_gate(
                project=project,
                decision=data["decision"],
                reasoning=data["reasoning"],
                conditions=data["conditions"],
                decided_on=data["decided_on"],
                decision_makers=list(data["decision_makers"]),
                met=met,
                scores=scores,
                recycle_to=data.get("recycle_to"),
                expected_gate=data["gate"],
                expected_revision=data["revision"],
                actor=request.user,
            )
        if not form.errors:
            saved(request, _("The gate decision was recorded."))
            return redirect(project)
    context = {
        "project": project,
        "gate": gate,
        "form": form,
        "decisions": queries.gate_history(project),
        "panels": registry.render_panels("gate", request, project),
    }
    return render(request, "pipeline/gate_decide.html", context, status=400 if form.errors else 200)


def _project_post(request, pk, perm, form_class, action, message, **form_kwargs):
    project = get_project_for_user(request.user, pk)
    require(request.user, perm, project)
    form = form_class(request.POST, **form_kwargs(project) if callable(form_kwargs) else {})
    if form.is_valid():
        with errors_onto(form):
            once(
                request,
                form,
                lambda: action(project, form.cleaned_data),
                url=lambda _obj: project.get_absolute_url(),
            )
        if not form.errors:
            saved(request, message)
            return redirect(project)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Check the form"), "back": project},
        status=400,
    )


@login_required
@require_POST
def project_update(request, pk):
    return _project_post(
        request,
        pk,
        "pipeline.report_progress",
        ProgressUpdateForm,
        lambda p, d: actions.add_progress_update(project=p, actor=request.user, **d),
        _("The update was posted."),
    )


@login_required
@require_POST
def milestone_add(request, pk):
    return _project_post(
        request,
        pk,
        "pipeline.change_project",
        MilestoneForm,
        lambda p, d: actions.add_milestone(project=p, actor=request.user, **d),
        _("The milestone was added."),
    )


@login_required
@require_POST
def milestone_done(request, pk, milestone_pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.report_progress", project)
    milestone = get_object_or_404(project.milestones, pk=milestone_pk)
    actions.complete_milestone(milestone=milestone, done_on=date.today(), actor=request.user)
    saved(request, _("The milestone was marked as done."))
    return redirect(project)


@login_required
@require_POST
def funding_add(request, pk):
    return _project_post(
        request,
        pk,
        "pipeline.change_project",
        FundingLineForm,
        lambda p, d: actions.add_funding_line(project=p, actor=request.user, **d),
        _("The funding line was added."),
    )


@login_required
def funding_edit(request, pk, line_pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.change_project", project)
    line = get_object_or_404(project.funding, pk=line_pk)
    form = FundingLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.update_funding_line(line=line, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The funding line was saved."))
            return redirect(project.get_absolute_url() + "#funding")
    return render(
        request, "pipeline/form.html", {"form": form, "title": _("Edit funding line"), "back": project}
    )


@login_required
def milestone_edit(request, pk, milestone_pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.change_project", project)
    milestone = get_object_or_404(project.milestones, pk=milestone_pk)
    if request.method == "POST" and request.POST.get("action") == "remove":
        actions.remove_milestone(milestone=milestone, actor=request.user)
        saved(request, _("The milestone was removed."))
        return redirect(project)
    form = MilestoneEditForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.update_milestone(milestone=milestone, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The milestone was saved."))
            return redirect(project)
    return render(
        request, "pipeline/milestone_edit.html", {"form": form, "project": project, "milestone": milestone}
    )


@login_required
def gate_annul(request, pk, decision_pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.annul_gate", project)
    decision = get_object_or_404(project.gate_decisions, pk=decision_pk)
    form = AnnulForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.annul_gate_decision(decision=decision, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The decision was annulled; the project is back where it was."))
            return redirect(project)
    return render(
        request,
        "pipeline/form.html",
        {
            "form": form,
            "title": _("Annul a gate decision"),
            "back": project,
            "submit": _("Annul the decision"),
        },
    )


@login_required
def team_add(request, pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.change_project", project)
    people = User.objects.filter(memberships__organisation=project.organisation).distinct()
    form = TeamMemberForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.set_team_member(project=project, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The team was updated."))
            return redirect(project)
    return render(
        request, "pipeline/form.html", {"form": form, "title": _("Add to the team"), "back": project}
    )


@login_required
@require_POST
def team_remove(request, pk, user_pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.change_project", project)
    member = get_object_or_404(project.team, user_id=user_pk)
    try:
        actions.remove_team_member(project=project, user=member.user, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        saved(request, _("The person was removed from the team."))
    return redirect(project.get_absolute_url() + "#team")


@login_required
def project_scaled(request, pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.mark_scaled", project)
    form = ScaledForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.mark_scaled(project=project, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The project is marked as scaled."))
            return redirect(project)
    return render(
        request, "pipeline/form.html", {"form": form, "title": _("Mark as scaled"), "back": project}
    )


# --- my work --------------------------------------------------------------------------------------------


@login_required
def my_work(request):
    user = request.user
    roles = roles_of(user)
    steering = queries.steers(user) and fragments.rendered(
        request,
        "pipeline/_my_work_steering.html",
        f"my-work:{user.pk}",
        # the gates and ideas as this person sees them, until one of their organisations or programmes
        # changes a project or an idea (pipeline.watch), or their roles change
        queries.my_steering_depends_on(user),
        lambda: queries.my_steering(user),
    )
    context = {
        "steering": steering,
        "works_in_projects": bool(roles.by_org),
        "panels": registry.render_panels("my_work", request, user),
    }
    if roles.by_org:
        context.update(queries.my_projects(user))
    return render(request, "pipeline/my_work.html", context)
