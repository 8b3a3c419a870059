"""Results of capability rounds, shown only as anonymity.py allows."""

from collections import defaultdict

from django.db.models import Count, OuterRef, Subquery, Sum
from django.utils import timezone

from innocities.organisations.models import Organisation

from .anonymity import dimension_means, protect_counts
from .models import MIN_RESPONDENTS, Answer, FactAnswer, Invitation, Response, Statement, SurveyRound

FACT_OPTIONS = ("yes", "no", "unknown")


def _statements(instrument) -> dict[int, list[int]]:
    statements = defaultdict(list)
    for pk, dimension_id in Statement.objects.filter(dimension__instrument=instrument).values_list(
        "pk", "dimension_id"
    ):
        statements[dimension_id].append(pk)
    return dict(statements)


def _tallies(survey_ids) -> dict[int, dict[int, tuple[int, int]]]:
    """{round: {statement: (answers other than "don't know", their sum)}} in one query."""
    tallies: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    rows = (
        Answer.objects.filter(response__survey_id__in=survey_ids, value__isnull=False)
        .values("response__survey_id", "statement_id")
        .annotate(n=Count("pk"), total=Sum("value"))
    )
    for row in rows:
        tallies[row["response__survey_id"]][row["statement_id"]] = (row["n"], row["total"])
    return tallies


def results(survey):
    """The round's respondents, its mean per dimension and its fact counts as they may be shown.

    Means and facts are None below MIN_RESPONDENTS respondents and until the round has ended (figures
    that moved with each answer would give single answers away); dimensions and counts below the
    threshold are left out or marked as anonymity.py says."""
    respondents = survey.responses.count()
    if respondents < MIN_RESPONDENTS or not survey.has_ended:
        return {"respondents": respondents, "means": None, "facts": None}
    means = dimension_means(_statements(survey.instrument_id), _tallies([survey.pk]).get(survey.pk, {}))
    counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FACT_OPTIONS, 0))
    for row in (
        FactAnswer.objects.filter(response__survey=survey).values("fact_id", "value").annotate(n=Count("pk"))
    ):
        counts[row["fact_id"]][row["value"]] = row["n"]
    facts = {
        fact_id: protect_counts(counts[fact_id], respondents)
        for fact_id in survey.instrument.facts.values_list("pk", flat=True)
    }
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
    """Mean per dimension over the latest ended round of each other organisation in the same
    networks, each counted only where its own figure may be shown; None if nothing qualifies.
    A fixed number of queries, however many organisations the networks have."""
    today = timezone.localdate()
    latest = (
        SurveyRound.objects.ended(today)
        .filter(organisation=OuterRef("pk"), instrument=survey.instrument)
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
    statements = _statements(survey.instrument_id)
    per_dimension: dict[int, list[float]] = defaultdict(list)
    contributing = 0
    for tallies in _tallies(qualifying).values():
        means = dimension_means(statements, tallies)
        contributing += bool(means)
        for dimension, mean in means.items():
            per_dimension[dimension].append(mean)
    if not contributing:
        return None
    return {
        "organisations": contributing,
        "means": {d: round(sum(v) / len(v), 1) for d, v in per_dimension.items()},
    }


def pending_invitations(user):
    """The person's invitations to rounds that are open today and that they have not answered."""
    open_rounds = SurveyRound.objects.open_on(timezone.localdate())
    return Invitation.objects.filter(user=user, answered=False, survey__in=open_rounds).select_related(
        "survey__organisation"
    )


def has_answered(survey, user) -> bool:
    return Invitation.objects.filter(survey=survey, user_id=user.pk, answered=True).exists()
