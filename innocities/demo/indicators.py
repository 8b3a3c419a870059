"""Demo indicators: every organisation with a programme (its own, or its network's) gets an indicator
library with targets and seven years of values, deterministically.

Only ids whose real names can be cited are used:
- Kolada N00945: the share of the days with temporary parental benefit (VAB, "tillfällig föräldrapenning")
  taken by men; the Kolada API documentation (github.com/Hypergene/kolada) uses it as its example.
- U4SSC KPIs by their numbers in the U4SSC collection methodology and verification manual (ITU):
  EC: ICT: ICT: 1C Household Internet Access, EC: P: EM: 1C Unemployment Rate, EN: EN: AQ: 1C Air Pollution.
  The benchmarks are the demo organisations' own entries, not published U4SSC figures, except PM2.5, where
  10 µg/m³ is the WHO 2005 annual guideline the U4SSC manual points to.
Own measurements carry the organisation's language: "Egen måling" in Norway, "Egen mätning" in Sweden.
"""

import random
from decimal import Decimal

from innocities.programmes.models import Programme
from innocities.sustainability.models import Goal, IndicatorTarget, Measurement, TrackedIndicator

OWN_SOURCE = {"NO": "Egen måling", "SE": "Egen mätning"}
KOLADA_SOURCE = "Källa: Kolada"
YEARS = range(2019, 2026)


def _row(kind, code, name, unit, direction, dimension, goals, baseline, target, step, benchmark=None):
    return {
        "kind": kind,
        "code": code,
        "name": name,
        "unit": unit,
        "direction": direction,
        "dimension": dimension,
        "goals": goals,
        "baseline": baseline,
        "target": target,
        "step": step,
        "benchmark": benchmark,
    }


INTERNET = _row(
    "u4ssc",
    "EC: ICT: ICT: 1C",
    "Household Internet Access",
    "%",
    "higher",
    "economic",
    [9, 17],
    91,
    99,
    1.0,
    100,
)
UNEMPLOYMENT = _row(
    "u4ssc", "EC: P: EM: 1C", "Unemployment Rate", "%", "lower", "economic", [8], 5.8, 4.0, -0.2, 4
)
AIR = _row(
    "u4ssc",
    "EN: EN: AQ: 1C",
    "Air Pollution (PM2.5)",
    "µg/m³",
    "lower",
    "ecological",
    [11, 3],
    9.5,
    7,
    -0.3,
    10,
)
VAB_MEN = _row(
    "kolada",
    "N00945",
    "Andel dagar med tillfällig föräldrapenning (VAB) som tas ut av män",
    "%",
    "higher",
    "social",
    [5],
    38,
    45,
    0.5,
)


def _energy_in_buildings(prefix, country):
    name = "Energibruk i kommunale bygg" if country == "NO" else "Energianvändning i kommunens lokaler"
    return _row("own", f"{prefix}-ENERGI", name, "kWh/m²", "lower", "ecological", [7, 13], 182, 140, -5.5)


# What each kind of organisation measures; then what particular organisations add.
BY_KIND = {
    ("NO", "municipality"): lambda p: [_energy_in_buildings(p, "NO"), INTERNET, UNEMPLOYMENT],
    ("SE", "municipality"): lambda p: [VAB_MEN, _energy_in_buildings(p, "SE"), INTERNET, UNEMPLOYMENT],
    ("NO", "port"): lambda p: [
        _row(
            "own", f"{p}-LANDSTROM", "Anløp med landstrøm", "%", "higher", "ecological", [7, 14], 8, 60, 7.5
        ),
        _row(
            "own",
            f"{p}-CO2",
            "Utslipp fra havnedrift",
            "tonn CO₂e",
            "lower",
            "ecological",
            [13],
            950,
            400,
            -60,
        ),
    ],
    ("SE", "energy"): lambda p: [
        _row(
            "own",
            f"{p}-FJV",
            "Värmeförluster i fjärrvärmenätet",
            "%",
            "lower",
            "ecological",
            [7],
            14,
            9,
            -0.6,
        ),
        _row(
            "own",
            f"{p}-ATERVINN",
            "Andel hushållsavfall till materialåtervinning",
            "%",
            "higher",
            "ecological",
            [12],
            34,
            55,
            2.5,
        ),
    ],
}
EXTRA = {
    "halden": [
        _row("own", "HAL-VANN", "Vanntap i ledningsnettet", "%", "lower", "ecological", [6], 32, 20, -1.6),
        AIR,
    ],
    "sarpsborg": [
        _row("own", "SAR-SYKKEL", "Andel reiser med sykkel", "%", "higher", "social", [11, 3], 6, 12, 0.7),
        AIR,
    ],
    "narvik": [
        _row("own", "NAR-LANDSTROM", "Anløp med landstrøm", "%", "higher", "ecological", [7, 14], 8, 60, 7.5),
    ],
    "eskilstuna": [
        _row(
            "own", "ESK-ATERBRUK", "Andel möbler som återbrukas", "%", "higher", "economic", [12], 12, 40, 4.2
        ),
        AIR,
    ],
    "orebro": [AIR],
}
# Left without a benchmark, so the U4SSC score shows what it leaves out.
NO_BENCHMARK = {("sarpsborg", "EC: P: EM: 1C")}


def _with_programmes(organisations: dict) -> list:
    owners = Programme.objects.filter(organisation__isnull=False).values_list("organisation_id", flat=True)
    networked = Programme.objects.filter(network__isnull=False).values_list("network__members", flat=True)
    wanted = set(owners) | set(networked)
    return [org for _slug, org in sorted(organisations.items()) if org.pk in wanted]


def build(organisations: dict) -> int:
    rng = random.Random(2031)
    goals = {g.number: g for g in Goal.objects.all()}
    count = 0
    for organisation in _with_programmes(organisations):
        prefix = organisation.slug.replace("-", "")[:3].upper()
        kind_rows = BY_KIND.get((organisation.country, organisation.kind), lambda p: [])
        for row in [*kind_rows(prefix), *EXTRA.get(organisation.slug, [])]:
            count += _indicator(organisation, row, goals, rng)
    return count


def _indicator(organisation, row, goals, rng) -> int:
    benchmark = row["benchmark"]
    if (organisation.slug, row["code"]) in NO_BENCHMARK:
        benchmark = None
    indicator = TrackedIndicator.objects.create(
        organisation=organisation,
        kind=row["kind"],
        code=row["code"],
        name=row["name"],
        unit=row["unit"],
        direction=row["direction"],
        dimension=row["dimension"],
        u4ssc_benchmark=None if benchmark is None else Decimal(str(benchmark)),
    )
    indicator.goals.set([goals[n] for n in row["goals"]])
    # Each organisation starts from its own place: within a tenth of the row's baseline.
    baseline = round(row["baseline"] * rng.uniform(0.9, 1.1), 1)
    IndicatorTarget.objects.create(
        indicator=indicator,
        baseline_value=Decimal(str(baseline)),
        baseline_year=YEARS[0],
        target_value=Decimal(str(row["target"])),
        target_year=2030,
    )
    source = KOLADA_SOURCE if row["kind"] == "kolada" else OWN_SOURCE.get(organisation.country, "")
    value, values = baseline, []
    for year in YEARS:
        values.append(
            Measurement(indicator=indicator, year=year, value=Decimal(str(round(value, 1))), source=source)
        )
        value = max(value + row["step"] * rng.uniform(0.2, 1.6), 0)
    Measurement.objects.bulk_create(values)
    return len(values)
