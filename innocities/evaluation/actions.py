"""Writes of an evaluation round."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from innocities.core import audit
from innocities.core.events import publish
from innocities.organisations.actions import ensure_person
from innocities.pipeline.models import Challenge

from .models import DEFAULT_CRITERIA, Criterion, Evaluator, Score


@transaction.atomic
def add_default_criteria(*, challenge, actor) -> list[Criterion]:
    """Add the default criteria the round does not have yet: pressed twice, or by two people at once
    (the challenge's row is locked first), the button adds them once."""
    Challenge.objects.select_for_update().filter(pk=challenge.pk).first()
    have = [c.name for c in challenge.evaluation_criteria.all()]
    start = len(have)
    missing = [default for default in DEFAULT_CRITERIA if default["name"] not in have]
    created = [
        Criterion.objects.create(
            organisation_id=challenge.organisation_id,
            challenge=challenge,
            order=start + n,
            name=default["name"],
            scale=default["scale"],
        )
        for n, default in enumerate(missing)
    ]
    audit.record(actor=actor, verb="add_default_criteria", obj=challenge, organisation=challenge.organisation)
    return created


@transaction.atomic
def add_criterion(*, challenge, text: str, actor, scale: str = "") -> Criterion:
    """Add a criterion in the words of the person running the round; `scale` says which end is good
    ("1 = very costly, 5 = very cheap"), and without it the scale reads 1 = weak, 5 = strong."""
    text, scale = text.strip(), scale.strip()
    if not text:
        raise ValidationError({"text": _("Write the criterion.")})
    criterion = Criterion.objects.create(
        organisation_id=challenge.organisation_id,
        challenge=challenge,
        order=challenge.evaluation_criteria.count(),
        name={"en": text, "sv": text, "nb": text},
        scale={"en": scale, "sv": scale, "nb": scale} if scale else {},
    )
    audit.record(
        actor=actor, verb="add_evaluation_criterion", obj=criterion, organisation=challenge.organisation
    )
    return criterion


@transaction.atomic
def remove_criterion(*, criterion: Criterion, actor) -> None:
    if criterion.scores.exists():
        raise ValidationError(_("Evaluators have already scored this criterion; it cannot be removed."))
    audit.record(
        actor=actor,
        verb="remove_evaluation_criterion",
        obj=criterion,
        organisation=criterion.challenge.organisation,
    )
    criterion.delete()


@transaction.atomic
def invite_evaluator(*, challenge, actor, user=None, email: str = "", full_name: str = "") -> Evaluator:
    """Ask a colleague, or an outside expert by email, to evaluate the challenge's ideas."""
    if user is None:
        if not email.strip() or not full_name.strip():
            raise ValidationError(_("Choose a colleague, or give the expert's name and email."))
        user = ensure_person(email=email, full_name=full_name)
        if not user.language:  # write to the expert in the language the round is run in
            user.language = (get_language() or "")[:2]
            user.save(update_fields=["language"])
    evaluator, created = Evaluator.objects.get_or_create(
        challenge=challenge,
        user=user,
        defaults={"organisation_id": challenge.organisation_id, "invited_by": actor},
    )
    evaluator.just_invited = created
    if created:
        audit.record(actor=actor, verb="invite_evaluator", obj=evaluator, organisation=challenge.organisation)
        publish("evaluation_assigned", evaluator_id=evaluator.pk)
    return evaluator


@transaction.atomic
def score_idea(*, evaluator: Evaluator, idea, scores: dict[int, tuple[int, str]]) -> list[Score]:
    """Save an evaluator's scores (1–5) and comments for one idea, one per criterion."""
    criteria = {c.pk: c for c in evaluator.challenge.evaluation_criteria.all()}
    if idea.challenge_id != evaluator.challenge_id:
        raise ValidationError(_("This idea does not answer the challenge."))
    errors, numbers = {}, {}
    for pk in criteria:
        numbers[pk] = _whole_number(scores.get(pk, (None, ""))[0])
        if numbers[pk] is None or not 1 <= numbers[pk] <= 5:
            errors[f"score_{pk}"] = [_("Score from 1 to 5.")]
    if errors:
        raise ValidationError(errors)
    saved = []
    for pk, criterion in criteria.items():
        comment = scores[pk][1]
        score, _created = Score.objects.update_or_create(
            evaluator=evaluator,
            idea=idea,
            criterion=criterion,
            defaults={"score": numbers[pk], "comment": (comment or "").strip()},
        )
        saved.append(score)
    audit.record(actor=evaluator.user, verb="score_idea", obj=idea, organisation=idea.organisation)
    return saved


def _whole_number(value) -> int | None:
    """A score as sent by the form ("3"), else None: text, decimals and empty answers are not scores."""
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 3 else None
