"""The capability self-assessment: rounds, anonymous answering and results over time."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.core.views import create_once, errors_onto, require, saved

from . import access, actions, queries
from .chart import radar
from .forms import AnswerForm, RoundForm
from .models import MIN_RESPONDENTS


def _overview(request, organisation, form=None, status=200):
    today = timezone.localdate()
    return render(
        request,
        "capability/overview.html",
        {
            "organisation": organisation,
            "organisations": access.organisations_for_user(request.user),
            "rounds": access.rounds_for_user(request.user).filter(organisation=organisation),
            "manages": request.user.has_perm("capability.manage_rounds", organisation),
            "form": form or RoundForm(initial={"opens_on": today, "closes_on": today + timedelta(days=21)}),
            "pending": queries.pending_invitations(request.user),
        },
        status=status,
    )


@login_required
def overview(request):
    return _overview(
        request, access.default_organisation_for_user(request.user, request.GET.get("organisation"))
    )


@login_required
@require_POST
def round_start(request):
    organisation = access.get_organisation_for_user(request.user, request.POST.get("organisation"))
    require(request.user, "capability.manage_rounds", organisation)
    form = RoundForm(request.POST)
    started = create_once(
        request,
        form,
        lambda: actions.start_round(organisation=organisation, actor=request.user, **form.cleaned_data),
        message=_("The round is open and the members are invited."),
    )
    return started or _overview(request, organisation, form=form, status=400)


def _rows(dimensions, current, earlier, network):
    rows = []
    for dimension in dimensions:
        now = (current["means"] or {}).get(dimension.pk)
        before = ((earlier or {}).get("means") or {}).get(dimension.pk)
        rows.append(
            {
                "dimension": dimension,
                "now": now,
                "before": before,
                "change": round(now - before, 1) if now is not None and before is not None else None,
                "network": ((network or {}).get("means") or {}).get(dimension.pk),
            }
        )
    return rows


@login_required
def round_detail(request, pk):
    survey = access.get_round_for_user(request.user, pk)
    require(request.user, "capability.view_results", survey)
    dimensions = list(survey.instrument.dimensions.all())
    current = queries.results(survey)
    earlier_round = queries.previous_round(survey)
    earlier = queries.results(earlier_round) if earlier_round else None
    network = queries.network_average(survey)
    series = [
        {"key": "current", "means": current["means"]},
        {"key": "earlier", "means": earlier["means"] if earlier else None},
        {"key": "network", "means": network["means"] if network else None},
    ]
    shown = current["facts"] or {}
    facts = [
        (fact, [shown.get(fact.pk, {}).get(option, 0) for option in queries.FACT_OPTIONS])
        for fact in survey.instrument.facts.all()
    ]
    invitations = survey.invitations.all()
    return render(
        request,
        "capability/round.html",
        {
            "survey": survey,
            "current": current,
            "earlier_round": earlier_round,
            "earlier": earlier,
            "network": network,
            "rows": _rows(dimensions, current, earlier, network),
            "facts": facts,
            "chart": radar(dimensions, series),
            "invited": len(invitations),
            "answered": sum(1 for i in invitations if i.answered),
            "my_invitation": next((i for i in invitations if i.user_id == request.user.pk), None),
            "manages": request.user.has_perm("capability.manage_rounds", survey),
            "minimum": MIN_RESPONDENTS,
        },
    )


@login_required
def answer(request, pk):
    survey = access.get_round_for_user(request.user, pk)
    require(request.user, "capability.answer_round", survey)
    refused = actions.not_open_reason(survey)
    if refused is None and queries.has_answered(survey, request.user):
        refused = _("You have already answered this round. Thank you!")
    if refused:
        # A round that takes no answers offers no form; a form sent anyway is refused in the same words.
        status = 400 if request.method == "POST" else 200
        return render(
            request, "capability/answer.html", {"survey": survey, "refused": refused}, status=status
        )
    form = AnswerForm(request.POST or None, instrument=survey.instrument)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.answer(survey=survey, user=request.user, values=form.values(), facts=form.facts())
        if not form.errors:
            saved(request, _("Thank you! Your answers are saved without your name."))
            return redirect(survey)
    return render(request, "capability/answer.html", {"survey": survey, "form": form})


@login_required
@require_POST
def round_close(request, pk):
    survey = access.get_round_for_user(request.user, pk)
    require(request.user, "capability.manage_rounds", survey)
    actions.close_round(survey=survey, actor=request.user)
    saved(request, _("The round is closed."))
    return redirect(survey)
