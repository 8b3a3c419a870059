"""Loading the SDG catalogue from the shipped texts (English, Norwegian; Swedish goal names and texts)."""

import re
from pathlib import Path

import yaml
from django.db import transaction

from .models import COLOURS, Goal, Indicator, Target

DATA = Path(__file__).resolve().parent / "data" / "sdg"


def _texts(language: str, kind: str) -> dict:
    return yaml.safe_load((DATA / language / f"global_{kind}.yml").read_text(encoding="utf-8"))


def _natural(code: str):
    """Sort key for codes like 3-4-title and 17-a-title: numbers by value, letters after numbers."""
    return [
        (0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[-.]", code.removesuffix("-title"))
    ]


def _goal_texts() -> dict[int, dict]:
    en_goals, nb_goals = _texts("en", "goals"), _texts("nb_NO", "goals")
    sv_names = yaml.safe_load((DATA / "sv_goals.yaml").read_text(encoding="utf-8"))
    sv_titles = yaml.safe_load((DATA / "sv_goal_titles.yaml").read_text(encoding="utf-8"))
    return {
        number: {
            "short": {
                "en": en_goals[f"{number}-short"],
                "nb": nb_goals.get(f"{number}-short", ""),
                "sv": sv_names[number],
            },
            "title": {
                "en": en_goals[f"{number}-title"],
                "nb": nb_goals.get(f"{number}-title", ""),
                "sv": sv_titles[number],
            },
            "colour": COLOURS[number],
        }
        for number in range(1, 18)
    }


@transaction.atomic
def load_catalogue() -> dict:
    """Load goals, targets and indicators once; a loaded catalogue only has its goal texts brought up to
    date (a catalogue loaded before the Swedish goal texts were shipped gets them)."""
    goals = _goal_texts()
    if Goal.objects.count() == 17:
        for goal in Goal.objects.all():
            if (goal.short, goal.title) != (goals[goal.number]["short"], goals[goal.number]["title"]):
                Goal.objects.filter(pk=goal.pk).update(**goals[goal.number])
        return {"goals": 17, "targets": Target.objects.count(), "indicators": Indicator.objects.count()}
    for number in range(1, 18):
        Goal.objects.update_or_create(number=number, defaults=goals[number])
    en_targets, nb_targets = _texts("en", "targets"), _texts("nb_NO", "targets")
    targets = {}
    for key in sorted(en_targets, key=_natural):
        code = key.removesuffix("-title")
        goal, _sep, rest = code.partition("-")
        target = Target.objects.create(
            goal_id=int(goal),
            code=code.replace("-", "."),
            order=len(targets),
            title={"en": en_targets[key], "nb": nb_targets.get(key, "")},
        )
        targets[code] = target
    en_ind, nb_ind = _texts("en", "indicators"), _texts("nb_NO", "indicators")
    Indicator.objects.bulk_create(
        Indicator(
            target=targets[key.removesuffix("-title").rsplit("-", 1)[0]],
            code=key.removesuffix("-title").replace("-", "."),
            title={"en": en_ind[key], "nb": nb_ind.get(key, "")},
        )
        for key in sorted(en_ind, key=_natural)
        if key.removesuffix("-title").rsplit("-", 1)[0] in targets
    )
    return {"goals": 17, "targets": Target.objects.count(), "indicators": Indicator.objects.count()}
