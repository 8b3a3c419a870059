"""The capability self-assessment: rounds, anonymous answering and results over time."""

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.accounts.roles import roles_of
from innocities.core.views import errors_onto, saved

from . import actions, queries
from .chart import radar
from .forms import AnswerForm, RoundForm
from .models import MIN_RESPONDENTS, Invitation, SurveyRound


def _member_organisation(request):
    roles = roles_of(request.user)
    from innocities.organisations.models import Organisation

    organisations = Organisation.objects.filter(pk__in=roles.full_org_ids).order_by("name")
    wanted = request.GET.get("organisation")
    organisation = organisations.filter(slug=wanted).first() if wanted else organisations.first()
    if organisation is None:
        raise Http404
    return organisation, organisations


def _round_for(request, pk) -> SurveyRound:
    survey = get_object_or_404(SurveyRound.objects.select_related("organisation", "instrument"), pk=pk)
    if not roles_of(request.user).is_full_member(survey.organisation_id):
        raise Http404
    return survey


@login_required
def overview(request):
    organisation, organisations = _member_organisation(request)
    manages = roles_of(request.user).manages(organisation.pk)
    rounds = SurveyRound.objects.filter(organisation=organisation).order_by("-opens_on")
    form = RoundForm(initial={"opens_on": date.today(), "closes_on": date.today() + timedelta(days=21)})
    pending = Invitation.objects.filter(
        user=request.user, answered=False, survey__closed_at__isnull=True, survey__closes_on__gte=date.today()
    ).select_related("survey__organisation")
    return render(
        request,
        "capability/overview.html",
        {
            "organisation": organisation,
            "organisations": organisations,
            "rounds": rounds,
            "manages": manages,
            "form": form,
            "pending": pending,
        },
    )


@login_required
@require_POST
def round_start(request):
    organisation = get_object_or_404(_managed(request), slug=request.POST.get("organisation"))
    form = RoundForm(request.POST)
    if form.is_valid():
        with errors_onto(form):
            survey = actions.start_round(organisation=organisation, actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The round is open and the members are invited."))
            return redirect(survey)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Start a survey round"), "organisation": organisation},
        status=400,
    )


def _managed(request):
    from innocities.organisations.models import Organisation

    roles = roles_of(request.user)
    return Organisation.objects.filter(pk__in=[o for o in roles.full_org_ids if roles.manages(o)])


@login_required
def round_detail(request, pk):
    survey = _round_for(request, pk)
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
    facts = [(fact, (current["facts"] or {}).get(fact.pk, {})) for fact in survey.instrument.facts.all()]
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
            "rows": rows,
            "facts": facts,
            "chart": radar(dimensions, series),
            "invited": len(invitations),
            "answered": sum(1 for i in invitations if i.answered),
            "my_invitation": next((i for i in invitations if i.user_id == request.user.pk), None),
            "manages": roles_of(request.user).manages(survey.organisation_id),
            "minimum": MIN_RESPONDENTS,
            "today": date.today(),
        },
    )


@login_required
def answer(request, pk):
    survey = _round_for(request, pk)
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
    survey = _round_for(request, pk)
    if not roles_of(request.user).manages(survey.organisation_id):
        raise Http404
    actions.close_round(survey=survey, actor=request.user)
    saved(request, _("The round is closed."))
    return redirect(survey)
