"""Writes of the capability self-assessment."""

from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from innocities.accounts.roles import FULL_ROLES
from innocities.core import audit

from .models import (
    Answer,
    Dimension,
    Fact,
    FactAnswer,
    Instrument,
    Invitation,
    Response,
    Statement,
    SurveyRound,
)

INSTRUMENT_FILE = Path(__file__).resolve().parent / "instruments" / "innocities-capability.yaml"


@transaction.atomic
def load_instrument(*, path: Path = INSTRUMENT_FILE) -> Instrument:
    """Load the shipped instrument once per version."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    existing = Instrument.objects.filter(key=data["key"], version=data["version"]).first()
    if existing:
        return existing
    instrument = Instrument.objects.create(
        key=data["key"],
        version=data["version"],
        name=data["name"],
        description=data.get("description", {}),
        scale=data["scale"],
    )
    for order, d in enumerate(data["dimensions"]):
        dimension = Dimension.objects.create(instrument=instrument, key=d["key"], order=order, name=d["name"])
        Statement.objects.bulk_create(
            Statement(dimension=dimension, key=s["key"], order=n, text=s["text"])
            for n, s in enumerate(d["statements"])
        )
    Fact.objects.bulk_create(
        Fact(instrument=instrument, key=f["key"], order=n, text=f["text"])
        for n, f in enumerate(data.get("facts", []))
    )
    return instrument


@transaction.atomic
def start_round(*, organisation, kind: str, opens_on, closes_on, actor) -> SurveyRound:
    """Open a survey round and invite every member of the organisation (partners are not staff)."""
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The round closes before it opens.")})
    survey = SurveyRound.objects.create(
        organisation=organisation,
        instrument=load_instrument(),
        kind=kind,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor,
    )
    members = organisation.memberships.filter(role__in=FULL_ROLES).values_list("user_id", flat=True)
    Invitation.objects.bulk_create(Invitation(survey=survey, user_id=pk) for pk in members)
    audit.record(actor=actor, verb="start_survey_round", obj=survey, organisation=organisation)
    return survey


def not_open_reason(survey: SurveyRound) -> str | None:
    """Why the round takes no answers today, in words for the person; None while it is open."""
    if survey.has_ended:
        return _("This round closed on %(day)s, so it takes no more answers.") % {
            "day": date_format(survey.ended_on, "DATE_FORMAT")
        }
    if not survey.has_started:
        return _("This round opens on %(day)s.") % {"day": date_format(survey.opens_on, "DATE_FORMAT")}
    return None


@transaction.atomic
def answer(*, survey: SurveyRound, user, values: dict[int, int | None], facts: dict[int, str]) -> Response:
    """Store one person's answers without any link to them; they can answer once."""
    invitation = Invitation.objects.select_for_update().filter(survey=survey, user=user).first()
    if invitation is None:
        raise ValidationError(_("You are not invited to this round."))
    if invitation.answered:
        raise ValidationError(_("You have already answered this round. Thank you!"))
    refused = not_open_reason(survey)
    if refused:
        raise ValidationError(refused)
    today = timezone.localdate()
    if any(v is not None and not 1 <= int(v) <= 5 for v in values.values()):
        raise ValidationError(_("Answer from 1 to 5, or leave “don't know”."))
    response = Response.objects.create(survey=survey, received_on=today)
    Answer.objects.bulk_create(
        Answer(response=response, statement_id=pk, value=v) for pk, v in values.items()
    )
    FactAnswer.objects.bulk_create(
        FactAnswer(response=response, fact_id=pk, value=v) for pk, v in facts.items() if v
    )
    invitation.answered = True
    invitation.save(update_fields=["answered"])
    return response


@transaction.atomic
def close_round(*, survey: SurveyRound, actor) -> SurveyRound:
    """Stop a round taking answers before its last day; its results can then be shown."""
    if survey.closed_at is not None:
        return survey
    survey.closed_at = timezone.now()
    survey.save(update_fields=["closed_at"])
    audit.record(actor=actor, verb="close_survey_round", obj=survey, organisation=survey.organisation)
    return survey
