"""Demo capability rounds: a baseline and a yearly follow-up for four organisations of the network.

Answers are written directly (the rounds lie in the past, and answering goes through invitations),
seeded so every load gives the same figures, a little better in the second round. The rounds are
dated from the day the demo is loaded and closed on their last day, so they read true on any date.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from innocities.accounts.roles import FULL_ROLES
from innocities.capability.actions import load_instrument
from innocities.capability.models import Answer, FactAnswer, Invitation, Response, SurveyRound

FOLLOW_UP_ENDED = 30  # days between the follow-up's last day and the day the demo is loaded
ROUND_DAYS = 25
# Starting level per organisation and dimension key; the follow-up adds a little where work was done.
LEVELS = {
    "halden": {
        "strategy": 3.2,
        "culture": 2.8,
        "coproduction": 3.4,
        "process": 3.0,
        "competence": 2.6,
        "resources": 2.4,
        "sustainability": 2.9,
        "learning": 2.5,
    },
    "sarpsborg": {
        "strategy": 2.6,
        "culture": 3.0,
        "coproduction": 2.7,
        "process": 2.3,
        "competence": 2.5,
        "resources": 2.2,
        "sustainability": 2.4,
        "learning": 2.2,
    },
    "eskilstuna": {
        "strategy": 3.4,
        "culture": 3.1,
        "coproduction": 3.0,
        "process": 3.3,
        "competence": 3.0,
        "resources": 2.9,
        "sustainability": 3.5,
        "learning": 2.8,
    },
    "narvik": {
        "strategy": 2.4,
        "culture": 2.9,
        "coproduction": 2.6,
        "process": 2.2,
        "competence": 2.3,
        "resources": 2.0,
        "sustainability": 2.2,
        "learning": 2.1,
    },
}
GAIN = {"process": 0.6, "coproduction": 0.4, "sustainability": 0.5, "learning": 0.3}
# The first facts (an adopted strategy, a budget, a named lead) are known to everyone in the organisation,
# so their counts can be shown; the others are answered unevenly and mostly stay below the threshold.
WELL_KNOWN_FACTS = 3


def _year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


def rounds(today: date) -> list[tuple[str, date, date]]:
    """A follow-up that closed a month before ``today`` and the baseline a year before it."""
    closes_on = today - timedelta(days=FOLLOW_UP_ENDED)
    opens_on = closes_on - timedelta(days=ROUND_DAYS)
    return [
        ("baseline", _year_before(opens_on), _year_before(closes_on)),
        ("yearly", opens_on, closes_on),
    ]


def build(organisations: dict, creator, today: date | None = None) -> int:
    """Two closed rounds for each organisation in LEVELS; returns the number of responses written."""
    instrument = load_instrument()
    today = today or timezone.localdate()
    rng = random.Random(2030)
    statements = [(d.key, s.pk) for d in instrument.dimensions.all() for s in d.statements.all()]
    facts = list(instrument.facts.values_list("pk", flat=True))
    written = 0
    for slug, levels in LEVELS.items():
        organisation = organisations[slug]
        members = list(organisation.memberships.filter(role__in=FULL_ROLES).values_list("user_id", flat=True))
        known = {pk: rng.choice(["yes", "no"]) for pk in facts[:WELL_KNOWN_FACTS]}
        for number, (kind, opens_on, closes_on) in enumerate(rounds(today)):
            survey = SurveyRound.objects.create(
                organisation=organisation,
                instrument=instrument,
                kind=kind,
                opens_on=opens_on,
                closes_on=closes_on,
                closed_at=timezone.make_aware(datetime.combine(closes_on, time(16))),
                created_by=creator,
            )
            invited = [Invitation(survey=survey, user_id=pk) for pk in members]
            answering = rng.sample(range(len(invited)), k=min(len(invited), max(5, len(invited) - 2)))
            for index in answering:
                invited[index].answered = True
            Invitation.objects.bulk_create(invited)
            for _ in answering:
                response = Response.objects.create(survey=survey, received_on=closes_on)
                answers = []
                for key, pk in statements:
                    level = levels[key] + (GAIN.get(key, 0.1) if number else 0)
                    value = round(min(5, max(1, rng.gauss(level, 0.8))))
                    answers.append(
                        Answer(
                            response=response, statement_id=pk, value=None if rng.random() < 0.05 else value
                        )
                    )
                Answer.objects.bulk_create(answers)
                FactAnswer.objects.bulk_create(
                    FactAnswer(
                        response=response,
                        fact_id=pk,
                        value=known.get(pk) or rng.choice(["yes", "yes", "no", "unknown"]),
                    )
                    for pk in facts
                )
                written += 1
    return written
