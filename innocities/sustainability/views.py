"""The assessment workshop, step by step, the project's profile, comparisons and the SDG goal pages."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.accounts.roles import roles_of
from innocities.core import fragments
from innocities.core.idempotency import Earlier, once
from innocities.core.revisions import EditConflict
from innocities.core.views import errors_onto, require, saved
from innocities.organisations.access import get_network_for_user, get_organisation_for_user
from innocities.pipeline.access import get_project_for_user, visible_projects
from innocities.programmes.access import get_programme_for_user
from innocities.programmes.models import Phase

from . import actions, queries
from .access import get_assessment_for_user
from .forms import ActionForm, DimensionMapForm, GoalForm, RelevanceForm, ScopeForm
from .models import Assessment, Goal, Relevance
from .profile import board, changes, dimension_map_of_network, profile


def _assessment(user, pk) -> Assessment:
    return get_assessment_for_user(user, pk)


def _editing(request, pk):
    assessment = _assessment(request.user, pk)
    require(request.user, "sustainability.assess", assessment.project)
    if assessment.is_complete:
        raise Http404
    return assessment


@login_required
def assessment_start(request, pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "sustainability.assess", project)
    form = ScopeForm(request.POST or None, project=project, initial={"assessed_on": date.today()})
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            # sent twice (a double click), the form starts one assessment and both go on to sort its goals
            assessment = once(
                request,
                form,
                lambda: actions.start_assessment(project=project, user=request.user, **form.cleaned_data),
                url=lambda started: reverse("sustainability:relevance", args=[started.pk]),
            )
        if not form.errors:
            return redirect(assessment.url if isinstance(assessment, Earlier) else _first_step(assessment))
    return render(
        request,
        "sustainability/step.html",
        {"project": project, "form": form, "step": 1, "title": _("Scope of the assessment")},
    )


def _first_step(assessment) -> str:
    return reverse("sustainability:relevance", args=[assessment.pk])


def _posted_revision(request) -> int | None:
    """The assessment revision a button's form was rendered at; None when it is missing or malformed."""
    value = request.POST.get("revision", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


@login_required
def relevance(request, pk):
    assessment = _editing(request, pk)
    rows = list(assessment.goals.all())
    form = RelevanceForm(request.POST or None, rows=rows, revision=assessment.revision)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.sort_goals(
                assessment=assessment,
                relevance=form.relevance(),
                user=request.user,
                revision=form.cleaned_data.get("revision"),
            )
        if not form.errors:
            first = assessment.goals.exclude(relevance=Relevance.NOT_RELEVANT).first()
            return redirect("sustainability:goal_step", pk=assessment.pk, number=first.goal_id)
    return render(
        request, "sustainability/relevance.html", {"assessment": assessment, "form": form, "step": 2}
    )


@login_required
def goal_step(request, pk, number):
    assessment = _editing(request, pk)
    relevant = list(assessment.goals.exclude(relevance=Relevance.NOT_RELEVANT).select_related("goal"))
    row = next((r for r in relevant if r.goal_id == number), None)
    if row is None:
        raise Http404
    form = GoalForm(
        request.POST or None, goal=row.goal, initial=GoalForm.initial_for(row), revision=assessment.revision
    )
    position = relevant.index(row)
    following = relevant[position + 1] if position + 1 < len(relevant) else None
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.assess_goal(
                assessment=assessment, goal_number=number, user=request.user, **form.assessment()
            )
        if not form.errors:
            if following:
                return redirect("sustainability:goal_step", pk=assessment.pk, number=following.goal_id)
            return redirect("sustainability:actions", pk=assessment.pk)
    return render(
        request,
        "sustainability/goal_step.html",
        {
            "assessment": assessment,
            "row": row,
            "form": form,
            "step": 3,
            "relevant": relevant,
            "position": position + 1,
            "previous": relevant[position - 1] if position else None,
        },
    )


def _relevant_goals(assessment):
    return Goal.objects.filter(
        pk__in=assessment.goals.exclude(relevance=Relevance.NOT_RELEVANT).values("goal_id")
    )


def _actions_page(request, assessment, form=None, conflict=None):
    """The actions step; its forms carry the assessment's revision as it is now (or as the form sent)."""
    assessment = queries.with_details(Assessment.objects.filter(pk=assessment.pk)).get()
    if form is None:
        form = ActionForm(goals=_relevant_goals(assessment), revision=assessment.revision)
    return render(
        request,
        "sustainability/actions.html",
        {
            "assessment": assessment,
            "form": form,
            "step": 4,
            "profile": profile(assessment),
            "conflict": conflict,
        },
        status=409 if conflict else 200,
    )


@login_required
def action_list(request, pk):
    assessment = _editing(request, pk)
    form = ActionForm(request.POST or None, goals=_relevant_goals(assessment), revision=assessment.revision)
    if request.method == "POST" and request.POST.get("do") == "complete":
        try:
            actions.complete_assessment(assessment=assessment, user=request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            saved(request, _("The assessment is complete."))
            return redirect(assessment)
        form = None
    elif request.method == "POST" and form.is_valid():

        def add():
            revision, data = form.revision_and()
            return actions.add_action(assessment=assessment, user=request.user, revision=revision, **data)

        with errors_onto(form):
            once(
                request,
                form,
                add,
                url=lambda _action: reverse("sustainability:actions", args=[assessment.pk]),
            )
        if not form.errors:
            return redirect("sustainability:actions", pk=assessment.pk)
    return _actions_page(request, assessment, form)


@login_required
@require_POST
def action_remove(request, pk, action_pk):
    assessment = _editing(request, pk)
    action = assessment.actions.filter(pk=action_pk).first()
    if action is None:  # the button pressed twice, or someone else removed it first
        messages.info(request, _("The action is no longer there."))
        return redirect("sustainability:actions", pk=assessment.pk)
    try:
        actions.remove_action(action=action, user=request.user, revision=_posted_revision(request))
    except EditConflict as conflict:
        return _actions_page(request, assessment, conflict=conflict)
    except ValidationError as error:  # completed meanwhile: kept as it is
        for text in error.messages:
            messages.error(request, text)
        return redirect(assessment)
    return redirect("sustainability:actions", pk=assessment.pk)


@login_required
def assessment_detail(request, pk):
    assessment = _assessment(request.user, pk)
    earlier = (
        queries.completed(assessment.project)
        .filter(assessed_on__lte=assessment.assessed_on)
        .exclude(pk=assessment.pk)
        .first()
    )
    current = profile(assessment)
    return render(
        request,
        "sustainability/assessment.html",
        {
            "assessment": assessment,
            "profile": current,
            "earlier": earlier,
            "changes": changes(profile(earlier), current) if earlier else None,
            "can_assess": request.user.has_perm("sustainability.assess", assessment.project),
        },
    )


@login_required
def assessment_board(request, pk):
    """The result board: every goal placed in a row by its impact, as the tool shows it; prints on A4."""
    assessment = _assessment(request.user, pk)
    return render(
        request,
        "sustainability/board.html",
        {"assessment": assessment, "rows": board(assessment), "profile": profile(assessment)},
    )


@login_required
def compare(request, pk, other_pk):
    first, second = _assessment(request.user, pk), _assessment(request.user, other_pk)
    if first.project_id != second.project_id:
        raise Http404
    if first.assessed_on > second.assessed_on:
        first, second = second, first
    a, b = profile(first), profile(second)
    rows = [(goal, a.impact_of(goal.number), b.impact_of(goal.number)) for goal in Goal.objects.all()]
    return render(
        request,
        "sustainability/compare.html",
        {"first": first, "second": second, "rows": rows, "a": a, "b": b},
    )


@login_required
def project_assessments(request, pk):
    project = get_project_for_user(request.user, pk)
    assessments = queries.with_details(project.assessments.all())
    return render(
        request,
        "sustainability/project_assessments.html",
        {
            "project": project,
            "assessments": assessments,
            "can_assess": request.user.has_perm("sustainability.assess", project),
        },
    )


@login_required
def goal_list(request):
    return render(request, "sustainability/goal_list.html", {"goals": Goal.objects.all()})


@login_required
def goal_detail(request, number):
    goal = get_object_or_404(Goal.objects.prefetch_related("targets"), number=number)
    # across every project the reader may see: kept per reader until a project or assessment changes
    contributing, harming = fragments.cached(
        f"goal:{number}:{request.user.pk}",
        ["projects", *fragments.readers(request.user)],
        lambda: queries.projects_on_goal(visible_projects(request.user), number),
    )
    return render(
        request,
        "sustainability/goal_detail.html",
        {"goal": goal, "contributing": contributing, "harming": harming},
    )


def _portfolio_page(request, owner, projects, phases, back):
    from .profile import BALANCE

    def context():
        data = queries.portfolio(projects, phases)
        balance = [(key, label, data["balance"].get(key, 0)) for key, label in BALANCE.items()]
        return {"owner": owner, "phases": phases, "balance_rows": balance, **data}

    # what the reader may see is theirs: rendered per reader and language, until the owner's projects,
    # teams, assessments or the goals' grouping change (pipeline.watch, sustainability.extensions)
    body = fragments.rendered(
        request,
        "sustainability/_portfolio_body.html",
        f"portfolio:{owner._meta.label_lower}:{owner.pk}:{request.user.pk}",
        [f"{owner._meta.model_name}:{owner.pk}", "dimension-maps", *fragments.readers(request.user)],
        context,
    )
    return render(request, "sustainability/portfolio.html", {"owner": owner, "back": back, "body": body})


@login_required
def programme_portfolio(request, slug):
    programme = get_programme_for_user(request.user, slug)
    projects = visible_projects(request.user).filter(programme=programme)
    return _portfolio_page(request, programme, projects, list(programme.method.phases.all()), programme)


@login_required
def organisation_portfolio(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not roles_of(request.user).is_full_member(organisation.pk):
        raise Http404
    projects = visible_projects(request.user).filter(organisation=organisation)
    method = projects.values_list("method", flat=True).first()
    phases = list(Phase.objects.filter(method_id=method)) if method else []
    return _portfolio_page(request, organisation, projects, phases, organisation)


@login_required
def dimension_map(request, slug):
    """A network operator places the 17 goals in the three dimensions (or cross-cutting)."""
    network = get_network_for_user(request.user, slug)
    require(request.user, "organisations.manage_network", network)
    form = DimensionMapForm(request.POST or None, current=dimension_map_of_network(network))
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.set_dimension_map(network=network, actor=request.user, mapping=form.mapping())
        if not form.errors:
            saved(request, _("The network's grouping of the goals was saved."))
            return redirect(network)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "back": network, "title": _("The goals in the three dimensions")},
    )
