"""Results of capability rounds: per dimension, never from fewer than MIN_RESPONDENTS answers."""

from django.db.models import Avg, Count

from .models import MIN_RESPONDENTS, Answer, FactAnswer, SurveyRound


def results(survey):
    """{dimension_id: mean} and the number of respondents; means are None below the threshold."""
    respondents = survey.responses.count()
    if respondents < MIN_RESPONDENTS:
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
    counting only rounds that themselves reach the threshold; None if nothing qualifies."""
    from innocities.organisations.models import Organisation

    peers = (
        Organisation.objects.filter(networks__members=survey.organisation)
        .exclude(pk=survey.organisation_id)
        .distinct()
    )
    sums: dict[int, list[float]] = {}
    organisations = 0
    for peer in peers:
        latest = (
            SurveyRound.objects.filter(organisation=peer, instrument=survey.instrument)
            .order_by("-opens_on")
            .first()
        )
        if latest is None:
            continue
        result = results(latest)
        if result["means"] is None:
            continue
        organisations += 1
        for dimension, mean in result["means"].items():
            sums.setdefault(dimension, []).append(mean)
    if organisations == 0:
        return None
    return {"organisations": organisations, "means": {d: round(sum(v) / len(v), 1) for d, v in sums.items()}}
