"""An evaluation round on a challenge's ideas: criteria, evaluators, scoring and the ranking."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from innocities.accounts.models import User
from innocities.core.boundaries import key_or_404
from innocities.core.forms import OnceFormMixin
from innocities.core.idempotency import Earlier, once
from innocities.core.views import errors_onto, saved

from . import actions, queries
from .access import get_round_for_user, get_round_idea
from .models import Evaluator, Score


class InviteForm(OnceFormMixin, forms.Form):
    """Invites a colleague or an outside expert. Inviting the same person twice is harmless (one
    evaluator per person and round, get_or_create), but the first invitation of an outside expert also
    creates their account: the one-time token keeps a double click from racing to create it twice."""

    user = forms.ModelChoiceField(
        label=gettext_lazy("A colleague"), queryset=User.objects.none(), required=False
    )
    full_name = forms.CharField(
        label=gettext_lazy("Or an outside expert: name"), max_length=150, required=False
    )
    email = forms.EmailField(label=gettext_lazy("The expert's email"), required=False)

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(memberships__organisation_id=challenge.organisation_id)
            .exclude(memberships__role="partner")
            .distinct()
        )


class CriterionForm(OnceFormMixin, forms.Form):
    """A new criterion; sent twice (a double click), it is added once (a one-time token)."""

    text = forms.CharField(label=gettext_lazy("New criterion"), max_length=200)
    scale = forms.CharField(
        label=gettext_lazy("What 1 and 5 mean"),
        help_text=gettext_lazy("Say which end is good, for example “1 = very costly, 5 = very cheap”."),
        max_length=200,
        required=False,
    )


def _round_url(challenge):
    return redirect("evaluation:round", pk=challenge.pk)


@login_required
def evaluation_round(request, pk):
    challenge, manages = get_round_for_user(request.user, pk)
    evaluator = challenge.evaluators.filter(user=request.user).first()
    ideas = list(queries.ranking(challenge))
    context = {
        "challenge": challenge,
        "manages": manages,
        "evaluator": evaluator,
        "criteria": challenge.evaluation_criteria.annotate(score_count=Count("scores")),
        "evaluators": challenge.evaluators.select_related("user"),
        "ideas": ideas,
        "progress": queries.my_progress(evaluator, ideas) if evaluator else {},
        "invite_form": InviteForm(challenge=challenge),
        "criterion_form": CriterionForm(),
    }
    return render(request, "evaluation/round.html", context)


@login_required
@require_POST
def criteria(request, pk):
    challenge, manages = get_round_for_user(request.user, pk)
    if not manages:
        return redirect("evaluation:round", pk=pk)
    action = request.POST.get("action")
    try:
        if action == "defaults":
            actions.add_default_criteria(challenge=challenge, actor=request.user)
        elif action == "remove":
            wanted = key_or_404(request.POST.get("criterion"))
            criterion = get_object_or_404(challenge.evaluation_criteria, pk=wanted)
            actions.remove_criterion(criterion=criterion, actor=request.user)
        else:
            form = CriterionForm(request.POST)
            form.is_valid()  # for its one-time token: the action checks the text, in its own words
            added = once(
                request,
                form,
                lambda: actions.add_criterion(
                    challenge=challenge,
                    text=request.POST.get("text", ""),
                    scale=request.POST.get("scale", "")[:200],
                    actor=request.user,
                ),
                url=lambda _criterion: reverse("evaluation:round", args=[challenge.pk]),
            )
            if isinstance(added, Earlier):
                return _round_url(challenge)
            if Score.objects.filter(criterion__challenge=challenge).exists():
                messages.warning(
                    request, _("Evaluators who have already scored need to score the new criterion too.")
                )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        saved(request, _("The criteria were updated."))
    return _round_url(challenge)


@login_required
@require_POST
def invite(request, pk):
    challenge, manages = get_round_for_user(request.user, pk)
    if not manages:
        return redirect("evaluation:round", pk=pk)
    form = InviteForm(request.POST, challenge=challenge)
    if form.is_valid():
        with errors_onto(form):
            evaluator = once(
                request,
                form,
                lambda: actions.invite_evaluator(
                    challenge=challenge, actor=request.user, **form.cleaned_data
                ),
                url=lambda _evaluator: reverse("evaluation:round", args=[challenge.pk]),
            )
        if not form.errors:
            if isinstance(evaluator, Earlier):
                return _round_url(challenge)
            if evaluator.just_invited:
                saved(request, _("The evaluator was invited."))
            else:
                saved(request, _("This person already evaluates the round."))
            return _round_url(challenge)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Invite an evaluator"), "back": challenge},
        status=400,
    )


@login_required
def score(request, pk, idea_pk):
    challenge, manages = get_round_for_user(request.user, pk)
    evaluator = get_object_or_404(Evaluator, challenge=challenge, user=request.user)
    idea = get_round_idea(challenge, idea_pk)
    criteria = list(challenge.evaluation_criteria.all())
    mine = {s.criterion_id: s for s in evaluator.scores.filter(idea=idea)}
    errors = {}
    if request.method == "POST":
        scores = {
            c.pk: (request.POST.get(f"score_{c.pk}") or None, request.POST.get(f"comment_{c.pk}", ""))
            for c in criteria
        }
        try:
            actions.score_idea(evaluator=evaluator, idea=idea, scores=scores)
        except ValidationError as error:
            errors = error.message_dict
        else:
            saved(request, _("Your scores were saved."))
            return redirect("evaluation:score", pk=pk, idea_pk=idea.pk)
    complete = bool(criteria) and all(c.pk in mine for c in criteria)
    rows = [
        (
            c,
            mine.get(c.pk),
            errors.get(f"score_{c.pk}"),
            request.POST.get(f"score_{c.pk}", ""),
            request.POST.get(f"comment_{c.pk}")
            if request.method == "POST"
            else getattr(mine.get(c.pk), "comment", ""),
        )
        for c in criteria
    ]
    return render(
        request,
        "evaluation/score.html",
        {
            "challenge": challenge,
            "idea": idea,
            "rows": rows,
            "complete": complete,
            "others": queries.others_scores(evaluator, idea) if complete else None,
            "errors": errors,
        },
        status=400 if errors else 200,
    )
