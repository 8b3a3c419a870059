"""Demo indicators: an indicator library per organisation with targets and several years of values."""

import random
from decimal import Decimal

from innocities.sustainability.models import Goal, IndicatorTarget, Measurement, TrackedIndicator

# (kind, code, name, unit, direction, dimension, goals, baseline, target, yearly change)
LIBRARY = {
    "halden": [
        ("own", "HAL-VANN", "Vanntap i ledningsnettet", "%", "lower", "ecological", [6], 32, 20, -1.6),
        (
            "own",
            "HAL-ENERGI",
            "Energibruk i kommunale bygg",
            "kWh/m²",
            "lower",
            "ecological",
            [7, 13],
            182,
            140,
            -5.5,
        ),
        (
            "u4ssc",
            "EN: EH: AQ: 1C",
            "Air pollution (PM2.5)",
            "µg/m³",
            "lower",
            "ecological",
            [11],
            9.5,
            7,
            -0.3,
        ),
        (
            "ssb",
            "12209",
            "Andel innbyggere med digital hjemmeoppfølging",
            "%",
            "higher",
            "social",
            [3],
            2,
            10,
            1.4,
        ),
    ],
    "eskilstuna": [
        (
            "kolada",
            "N00945",
            "Fossilfria fordon i kommunorganisationen",
            "%",
            "higher",
            "ecological",
            [7, 13],
            38,
            80,
            6.5,
        ),
        (
            "kolada",
            "U01802",
            "Nöjd Medborgar-Index – kommunen som helhet",
            "index",
            "higher",
            "social",
            [16],
            52,
            60,
            1.1,
        ),
        ("own", "ESK-ATERBRUK", "Andel möbler som återbrukas", "%", "higher", "economic", [12], 12, 40, 4.2),
    ],
    "sarpsborg": [
        ("own", "SAR-SYKKEL", "Andel reiser med sykkel", "%", "higher", "social", [11, 3], 6, 12, 0.7),
        (
            "u4ssc",
            "EC: ICT: ICT: 1C",
            "Household internet access",
            "%",
            "higher",
            "economic",
            [9],
            91,
            98,
            1.0,
        ),
    ],
    "narvik": [
        ("own", "NAR-LANDSTROM", "Anløp med landstrøm", "%", "higher", "ecological", [7, 14], 8, 60, 7.5),
        ("ssb", "10447", "Sysselsatte i kunnskapsnæringer", "%", "higher", "economic", [8, 9], 21, 26, 0.5),
    ],
}
YEARS = range(2019, 2026)


def build(organisations: dict) -> int:
    rng = random.Random(2031)
    goals = {g.number: g for g in Goal.objects.all()}
    count = 0
    for slug, rows in LIBRARY.items():
        organisation = organisations[slug]
        for kind, code, name, unit, direction, dimension, goal_numbers, baseline, target, step in rows:
            indicator = TrackedIndicator.objects.create(
                organisation=organisation,
                kind=kind,
                code=code,
                name=name,
                unit=unit,
                direction=direction,
                dimension=dimension,
            )
            indicator.goals.set([goals[n] for n in goal_numbers])
            IndicatorTarget.objects.create(
                indicator=indicator,
                baseline_value=Decimal(str(baseline)),
                baseline_year=YEARS[0],
                target_value=Decimal(str(target)),
                target_year=2030,
            )
            value = baseline
            values = []
            for year in YEARS:
                values.append(
                    Measurement(
                        indicator=indicator,
                        year=year,
                        value=Decimal(str(round(value, 1))),
                        source="Källa: Kolada" if kind == "kolada" else "Egen mätning",
                    )
                )
                value += step * rng.uniform(0.4, 1.4)
            Measurement.objects.bulk_create(values)
            count += len(values)
    return count
