"""The network benchmark: an organisation's main rates beside the median of the organisations in its
networks, shown only where at least five organisations contribute to a rate. Three aggregate queries."""

import statistics

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from innocities.core.tables import Cell, Row, Table
from innocities.organisations.models import Network
from innocities.pipeline.access import visible_projects
from innocities.pipeline.figures import IMPLEMENTING
from innocities.pipeline.models import Decision, GateDecision
from innocities.sustainability.models import Assessment

MINIMUM = 5  # organisations contributing to a rate before the network's median is shown
PASSED = [Decision.GO, Decision.GO_WITH_CONDITIONS]


def _peers(organisation) -> list[int]:
    return list(
        Network.members.through.objects.filter(network__members=organisation)
        .values_list("organisation_id", flat=True)
        .distinct()
    )


def _rates(scope, peers) -> dict[str, dict[int, float]]:
    """Each rate per organisation, over the projects the reader may see of the peers."""
    projects = visible_projects(scope.reader).filter(organisation__in=peers).order_by()
    decided = (
        GateDecision.objects.filter(
            project__in=projects.values("pk"),
            annulled_at__isnull=True,
            decided_on__gte=scope.start,
            decided_on__lte=scope.end,
        )
        .order_by()
        .values("organisation_id")
        .annotate(
            all=Count("pk"),
            passed=Count("pk", filter=Q(decision__in=PASSED)),
            implemented=Count("pk", filter=IMPLEMENTING),
            stopped=Count("pk", filter=Q(decision=Decision.STOP)),
        )
    )
    assessed = Assessment.objects.filter(project=OuterRef("pk"), completed_at__isnull=False)
    covered = (
        projects.values("organisation_id")
        .annotate(n=Count("pk"), assessed=Count("pk", filter=Q(Exists(assessed))))
        .values_list("organisation_id", "n", "assessed")
    )
    rates: dict[str, dict[int, float]] = {"implementation": {}, "conversion": {}, "coverage": {}}
    for row in decided:
        organisation = row["organisation_id"]
        if row["implemented"] + row["stopped"]:
            rates["implementation"][organisation] = row["implemented"] / (row["implemented"] + row["stopped"])
        if row["all"]:
            rates["conversion"][organisation] = row["passed"] / row["all"]
    for organisation, n, with_assessment in covered:
        if n:
            rates["coverage"][organisation] = with_assessment / n
    return rates


LABELS = {
    "implementation": _("Implementation rate"),
    "conversion": _("Gate conversion"),
    "coverage": _("Sustainability assessment coverage"),
}


def network_benchmark(scope) -> Table:
    own = scope.owner.pk
    peers = _peers(scope.owner)
    rates = _rates(scope, peers) if peers else {key: {} for key in LABELS}
    rows, suppressed = [], False
    for key, label in LABELS.items():
        values = rates[key]
        contributing = len(values)
        shown = contributing >= MINIMUM
        suppressed |= not shown
        rows.append(
            Row(
                key,
                label,
                [  # coverage is today's, the other rates the period's
                    Cell(values.get(own), kind="share", compare=key != "coverage"),
                    Cell(statistics.median(values.values()) if shown else None, kind="share", compare=False),
                    Cell(contributing, compare=False),
                ],
            )
        )
    table = Table(
        columns=[_("This organisation"), _("Network median"), _("Organisations contributing")],
        rows=rows,
        chart=None,
    )
    if suppressed:
        table.notes.append(
            _("The median is shown only where at least %(n)s organisations contribute to the rate.")
            % {"n": MINIMUM}
        )
    return table
