"""Two different measures of how an indicator stands (the writes are in actions.py).

- Progress towards the organisation's own target: the share of the way from its baseline to its target.
- The U4SSC score of a U4SSC KPI: its latest value against the U4SSC benchmark as a percentage of target,
  scored 1-4 points in the bands of the U4SSC verification reports (0-33, 33-66, 66-95, 95+ % of target)
  and summed per category, sub-dimension and dimension; KPIs without a value or a benchmark are left out.

Shown percentages are floored, so a number never contradicts its band (94.96 % shows as 94 %, in 66-95 %).
"""

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy

from .models import Direction, IndicatorTarget

# Lower bound of each band, share of target; the same four ranges for both measures.
BANDS = [
    (Decimal("0.95"), "achieved", gettext_lazy("At least 95 %")),
    (Decimal("0.66"), "on_track", gettext_lazy("66–95 %")),
    (Decimal("0.33"), "behind", gettext_lazy("33–66 %")),
    (Decimal("-1e9"), "far_behind", gettext_lazy("Under 33 %")),
]
POINTS = {"achieved": 4, "on_track": 3, "behind": 2, "far_behind": 1}

# What openpyxl refuses to write into a cell (tab, line feed and carriage return are allowed).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
U4SSC_CODE = re.compile(r"([A-Z]{2}):\s*([A-Z]{1,4}):\s*([A-Z]{1,4}):\s*(\d{1,2}[CA])")
# Names as the U4SSC KPI collection methodology writes them; an abbreviation not listed is shown as it is.
DIMENSIONS = {
    "EC": gettext_lazy("Economy"),
    "EN": gettext_lazy("Environment"),
    "SC": gettext_lazy("Society and culture"),
}
SUB_DIMENSIONS = {
    ("EC", "ICT"): gettext_lazy("ICT"),
    ("EC", "P"): gettext_lazy("Productivity"),
    ("EN", "EN"): gettext_lazy("Environment"),
}
CATEGORIES = {
    ("EC", "ICT", "ICT"): gettext_lazy("ICT infrastructure"),
    ("EC", "P", "EM"): gettext_lazy("Employment"),
    ("EN", "EN", "AQ"): gettext_lazy("Air quality"),
}


def band_of(share: Decimal):
    """(floored percentage, band key, band label) of a share of target."""
    for threshold, key, label in BANDS:
        if share >= threshold:
            return math.floor(share * 100), key, label
    raise AssertionError("the last band has no lower bound")


def progress(target: IndicatorTarget, latest: Decimal | None):
    """(share of the way from baseline to target, band key, band label), or None.

    None without a value, and None when the target equals its baseline: there is no way to go, so
    nothing can be achieved along it whatever the value.
    """
    if latest is None:
        return None
    span = target.target_value - target.baseline_value
    if span == 0:
        return None
    share = (Decimal(latest) - target.baseline_value) / span
    if (target.indicator.direction == Direction.LOWER and span > 0) or (
        target.indicator.direction == Direction.HIGHER and span < 0
    ):
        share = Decimal(0)  # a target set in the wrong direction counts as no progress
    return band_of(share)


def share_of_benchmark(value: Decimal, benchmark: Decimal, direction: str) -> Decimal:
    """The value as a share of the U4SSC benchmark (1 = met), inverted for lower-is-better KPIs."""
    value, benchmark = Decimal(value), Decimal(benchmark)
    if direction == Direction.LOWER:
        if value <= benchmark:
            return Decimal(1)
        return benchmark / value if benchmark > 0 else Decimal(0)
    if value >= benchmark:
        return Decimal(1)
    return max(value / benchmark, Decimal(0)) if benchmark > 0 else Decimal(0)


def u4ssc_parts(code: str):
    """(dimension, sub-dimension, category) abbreviations of a U4SSC KPI number, or None."""
    match = U4SSC_CODE.fullmatch(code.strip())
    return match.groups()[:3] if match else None


def normalise_u4ssc_code(code: str) -> str | None:
    match = U4SSC_CODE.fullmatch(code.strip().upper())
    return ": ".join(match.groups()) if match else None


@dataclass
class Scored:
    indicator: object
    value: Decimal
    year: int
    share: Decimal
    percent: int
    band: str
    label: str
    points: int


@dataclass
class Group:
    """A category, sub-dimension or dimension: points summed over its scored KPIs."""

    level: str
    key: tuple
    name: str
    kpis: list = field(default_factory=list)

    @property
    def points(self) -> int:
        return sum(k.points for k in self.kpis)

    @property
    def possible(self) -> int:
        return 4 * len(self.kpis)

    y: int = 0  # the row's place in the chart

    @property
    def band(self):
        return band_of(Decimal(self.points) / Decimal(self.possible))

    @property
    def bar_width(self) -> int:
        return max(self.band[0], 0) * BAR_WIDTH // 100

    @property
    def colour(self) -> str:
        return BAND_COLOURS[self.band[1]]


BAR_WIDTH = 340  # px for 100 %
ROW_HEIGHT = 32
BAND_COLOURS = {"achieved": "#2f855a", "on_track": "#2b6cb0", "behind": "#b7791f", "far_behind": "#c53030"}


@dataclass
class U4SSCScore:
    kpis: list[Scored]
    groups: list[Group]
    left_out: list  # U4SSC indicators without a value or a benchmark

    @property
    def categories(self) -> list[Group]:
        rows = [g for g in self.groups if g.level == "category"]
        for i, group in enumerate(rows):
            group.y = i * ROW_HEIGHT
        return rows

    @property
    def chart_height(self) -> int:
        return max(len([g for g in self.groups if g.level == "category"]), 1) * ROW_HEIGHT + 8


def _name(level: str, key: tuple) -> str:
    table = {"dimension": DIMENSIONS, "sub_dimension": SUB_DIMENSIONS, "category": CATEGORIES}[level]
    names = table.get(key[0] if level == "dimension" else key)
    return str(names) if names else key[-1]


def u4ssc_score(rows) -> U4SSCScore:
    """Score U4SSC indicators; rows are (indicator, latest measurement or None)."""
    kpis, left_out = [], []
    for indicator, latest in rows:
        parts = u4ssc_parts(indicator.code)
        if latest is None or indicator.u4ssc_benchmark is None or parts is None:
            left_out.append(indicator)
            continue
        share = share_of_benchmark(latest.value, indicator.u4ssc_benchmark, indicator.direction)
        percent, band, label = band_of(share)
        kpis.append(Scored(indicator, latest.value, latest.year, share, percent, band, label, POINTS[band]))
    groups: dict[tuple, Group] = {}
    for kpi in kpis:
        dimension, sub_dimension, category = u4ssc_parts(kpi.indicator.code)
        for level, key in (
            ("dimension", (dimension,)),
            ("sub_dimension", (dimension, sub_dimension)),
            ("category", (dimension, sub_dimension, category)),
        ):
            group = groups.setdefault((level, key), Group(level, key, _name(level, key)))
            group.kpis.append(kpi)
    # The wheel's order: each dimension, then its sub-dimensions, each followed by its categories.
    ordered = sorted(groups.values(), key=lambda g: g.key)
    return U4SSCScore(kpis=kpis, groups=ordered, left_out=left_out)
