"""The demo's content, read from the YAML files beside this module (one file per concept).

Everything in them is fictional but written the way Norwegian and Swedish municipalities, ports and
energy companies describe their work, in the organisation's own language: Norwegian bokmål (``nb``)
for Norway, Swedish (``sv``) for Sweden; texts of the cross-border network are in English.

The dates in the files are written for one day (``written_for`` in demo.yaml). So that the demo reads
true whenever it is loaded, ``read`` moves every date, and every year written as ``{2025}`` in a text,
forward by the whole years between that day and the day of loading: no event lies after the demo's
today, which is at most a year before the day of loading, and what is running is still running.
"""

import re
from datetime import date
from pathlib import Path

import yaml
from django.utils import timezone

HERE = Path(__file__).resolve().parent
FILES = (
    "demo",
    "people",
    "organisations",
    "programmes",
    "challenges",
    "ideas",
    "projects",
    "project-work",
    "decisions",
    "actors",
    "activities",
    "open-calls",
    "lessons",
)
YEAR = re.compile(r"\{(20\d\d)\}")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def years_after(written_for: date, day: date) -> int:
    """How many whole years ``day`` lies after ``written_for`` (never fewer than none)."""
    years = day.year - written_for.year - ((day.month, day.day) < (written_for.month, written_for.day))
    return max(0, years)


def later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def moved(value, years: int):
    """The value with its dates and {year} marks moved forward by ``years``."""
    if isinstance(value, date):
        return later(value, years)
    if isinstance(value, str):
        return YEAR.sub(lambda m: str(int(m.group(1)) + years), value)
    if isinstance(value, list):
        return [moved(v, years) for v in value]
    if isinstance(value, dict):
        return {k: moved(v, years) for k, v in value.items()}
    return value


def read_raw(name: str) -> dict:
    with (HERE / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=Loader)


def read(day: date | None = None) -> dict:
    """Every file's content, by file name, with dates moved for loading on ``day`` (default: today)."""
    raw = {name: read_raw(name) for name in FILES}
    years = years_after(raw["demo"]["written_for"], day or timezone.localdate())
    return {name: moved(content, years) for name, content in raw.items()}


_ = read()
_demo, _people, _orgs, _programmes = _["demo"], _["people"], _["organisations"], _["programmes"]
_work, _decisions, _activities, _calls = _["project-work"], _["decisions"], _["activities"], _["open-calls"]
LESSONS = _["lessons"]

# The demo's "today": no decision, update or completed milestone is dated after it.
DEMO_TODAY = _demo["written_for"]
MARKER_SLUG = _demo["marker_slug"]  # the organisation whose presence means the demo is already loaded
LANGUAGE = _demo["language"]
PUBLIC_PROJECTS = _demo["public_projects"]
PROJECT_MIX = _demo["project_mix"]

PEOPLE = _people["people"]
PERSONAS = _people["personas"]
STAFF_EMAIL = _people["staff"]
OPERATOR_EMAIL = _people["operator"]
HALDEN_PARTNER_EMAIL = _people["halden_partner"]
LEAD_WEIGHT = _people["lead_weight"]
MEMBER_WEIGHT = _people["member_weight"]

FOCUS_AREAS = _orgs["focus_areas"]
OWN_FOCUS_AREAS = _orgs["own_focus_areas"]
ORGANISATIONS = _orgs["organisations"]
NETWORK = _orgs["network"]

PROGRAMMES = _programmes["programmes"]
CLUSTER_PROJECT_ORGS = _programmes["cluster_project_orgs"]
CHALLENGES = _["challenges"]
IDEAS = _["ideas"]
PROJECTS = _["projects"]

RECEIVING_UNITS = _work["receiving_units"]
DEFAULT_UNIT = _work["default_unit"]
MILESTONES = _work["milestones"]
UPDATES = _work["updates"]
SCALED_NOTES = _work["scaled_notes"]
FUNDING_NOTES = _work["funding_notes"]

GO_REASONS = _decisions["go"]
CONDITIONS = _decisions["conditions"]
HOLD_REASONS = _decisions["hold"]
STOP_REASONS = _decisions["stop"]
RECYCLE_REASONS = _decisions["recycle"]

ACTORS = _["actors"]["actors"]
ACTOR_ROLES = _["actors"]["roles"]

ACTIVITY_TOOLS = _activities["tools"]
ACTIVITY_PEOPLE = _activities["people"]
ACTIVITY_AUDIENCE = _activities["audience"]
ACTIVITY_TITLES = _activities["titles"]
ACTIVITY_OUTCOMES = _activities["outcomes"]
ACTIVITY_FOLLOW_UPS = _activities["follow_ups"]

CITIZENS = _calls["citizens"]
CITIZEN_PERSONA_EMAIL = _calls["citizen_persona"]
EXPERT_EMAIL = _calls["expert"]["email"]
EXPERT_NAME = _calls["expert"]["name"]
EXPERT_TITLE = _calls["expert"]["title"]
CALL_OPENED_DAYS_AGO = _calls["opened_days_ago"]
CALL_OPEN_DAYS = _calls["open_days"]
OPEN_CALLS = _calls["calls"]
SCORE_COMMENTS = _calls["score_comments"]
EXPERT_NOTES = _calls["expert_notes"]
