"""Results of capability rounds: per dimension, never from fewer than MIN_RESPONDENTS answers."""

from django.db.models import Avg, Count

from .models import MIN_RESPONDENTS, Answer, FactAnswer, SurveyRound


def results(survey):
    """{dimension_id: mean} and the number of respondents; means are None below the threshold and
    while the round is open (figures that move with each answer would give single answers away)."""
    from django.utils import timezone

    respondents = survey.responses.count()
    still_open = survey.closed_at is None and survey.closes_on >= timezone.localdate()
    if respondents < MIN_RESPONDENTS or still_open:
        return {"respondents": respondents, "means": None, "facts": None}
    rows = (
        Answer.objects.filter(response__survey=survey, value__isnull=False)
        .values("statement__dimension_id")
        .annotate(mean=Avg("value"))
    )
    means = {row["statement__dimension_id"]: round(row["mean"], 1) for row in rows}
    facts = {}
    for row in (
        FactAnswer.objects.filter(response__survey=survey).values("fact_id", "value").annotate(n=Count("pk"))
    ):
        facts.setdefault(row["fact_id"], {})[row["value"]] = row["n"]
    return {"respondents": respondents, "means": means, "facts": facts}


def previous_round(survey):
    return (
        SurveyRound.objects.filter(
            organisation=survey.organisation, instrument=survey.instrument, opens_on__lt=survey.opens_on
        )
        .order_by("-opens_on")
        .first()
    )


def network_average(survey):
    """Mean per dimension over the latest round of each other organisation in the same networks,
    counting only rounds that themselves reach the threshold; None if nothing qualifies.
    Three queries, however many organisations the networks have."""
    from django.db.models import OuterRef, Subquery

    from innocities.organisations.models import Organisation

    from .models import Response

    latest = (
        SurveyRound.objects.filter(organisation=OuterRef("pk"), instrument=survey.instrument)
        .order_by("-opens_on")
        .values("pk")[:1]
    )
    peers = (
        Organisation.objects.filter(networks__members=survey.organisation)
        .exclude(pk=survey.organisation_id)
        .distinct()
    )
    round_ids = [pk for pk in peers.annotate(latest=Subquery(latest)).values_list("latest", flat=True) if pk]
    counts = dict(
        Response.objects.filter(survey_id__in=round_ids)
        .values("survey_id")
        .annotate(n=Count("pk"))
        .values_list("survey_id", "n")
    )
    qualifying = [pk for pk in round_ids if counts.get(pk, 0) >= MIN_RESPONDENTS]
    if not qualifying:
        return None
    per_round: dict[int, list[float]] = {}
    rows = (
        Answer.objects.filter(response__survey_id__in=qualifying, value__isnull=False)
        .values("response__survey_id", "statement__dimension_id")
        .annotate(mean=Avg("value"))
    )
    for row in rows:
        per_round.setdefault(row["statement__dimension_id"], []).append(row["mean"])
    return {
        "organisations": len(qualifying),
        "means": {d: round(sum(v) / len(v), 1) for d, v in per_round.items()},
    }
