"""Reads for co-production: the stakeholder map and the helix balance of a project or programme."""

import math
from dataclasses import dataclass, field

from django.db.models import Count, Max, Sum

from .models import SECTOR_FIELDS, Activity, Depth, HelixSector, Participation


@dataclass
class SectorShare:
    sector: HelixSector
    actors: int = 0
    participations: int = 0
    max_depth: int = 0
    weight: int = 0  # the sum of IAP2 depths: how much, and how deeply, the sector takes part
    participants: int = 0  # people from the sector counted at activities

    @property
    def depth_label(self):
        return Depth(self.max_depth).label if self.max_depth else ""


@dataclass
class HelixBalance:
    """Which helix sectors take part and how deeply.

    ``evenness`` is Shannon's evenness over the five sectors' depth-weighted participation:
    0 when one sector carries everything, 1 when all five share it equally.
    """

    sectors: list[SectorShare] = field(default_factory=list)

    @property
    def present(self) -> int:
        return sum(1 for s in self.sectors if s.actors or s.participants)

    @property
    def evenness(self) -> float | None:
        weights = [s.weight + s.participants for s in self.sectors]
        total = sum(weights)
        if not total:
            return None
        entropy = -sum((w / total) * math.log(w / total) for w in weights if w)
        return round(entropy / math.log(len(HelixSector)), 2)

    @property
    def mean_depth(self) -> float | None:
        count = sum(s.participations for s in self.sectors)
        return round(sum(s.weight for s in self.sectors) / count, 1) if count else None

    @property
    def missing(self) -> list[HelixSector]:
        return [s.sector for s in self.sectors if not (s.actors or s.participants)]


def helix_balance(projects) -> HelixBalance:
    """The balance over a set of projects (a queryset): two aggregate queries whatever their number."""
    shares = {sector: SectorShare(HelixSector(sector)) for sector in HelixSector.values}
    rows = (
        Participation.objects.filter(project__in=projects)
        .values("actor__sector")
        .annotate(
            actors=Count("actor", distinct=True),
            participations=Count("pk"),
            depth_sum=Sum("depth"),
            top=Max("depth"),
        )
    )
    for row in rows:
        share = shares[row["actor__sector"]]
        share.actors, share.participations = row["actors"], row["participations"]
        share.weight, share.max_depth = row["depth_sum"] or 0, row["top"] or 0
    totals = Activity.objects.filter(project__in=projects).aggregate(
        **{sector: Sum(field_name) for sector, field_name in SECTOR_FIELDS.items()}
    )
    for sector, total in totals.items():
        shares[sector].participants = total or 0
    return HelixBalance(sectors=list(shares.values()))


def stakeholder_map(project):
    """Rows of helix sectors, each with five cells (IAP2 depths) listing the project's participations."""
    participations = list(project.participations.select_related("actor", "person"))
    grid = []
    for sector in HelixSector:
        cells = [
            [p for p in participations if p.actor.sector == sector and p.depth == depth] for depth in Depth
        ]
        grid.append((sector, cells))
    return {"depths": list(Depth), "rows": grid, "participations": participations}
