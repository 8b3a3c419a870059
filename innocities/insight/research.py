"""The anonymised research dataset of a dashboard: one row per project the reader may see in it, with
codes and numbers only (no names, no free text), small groups suppressed, streamed as CSV for Excel.

Codes are keyed hashes (``salted_hmac`` with the installation's secret key and the dashboard): a project
keeps its code from one download of the same dashboard's dataset to the next, the codes of two
dashboards' datasets cannot be linked, and no code can be turned back without the key.

Suppression, counted over the rows of the dataset: an organisation with fewer than ``MINIMUM`` projects
is "other", with no kind; a programme with fewer is "other"; a combination of country and kind of
organisation with fewer loses its kind; a country with fewer loses its country.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from innocities.core.tables import spreadsheet_safe
from innocities.organisations.models import Country, OrganisationKind
from innocities.pipeline.models import Decision, Facet, GateDecision, ProjectStatus
from innocities.sustainability.profile import BALANCE

from .evidence import MINIMUM, annotated, balance_classes, per_project

OTHER = "other"
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    name: str
    meaning: object
    values: object  # what the cells hold, in a phrase
    codes: tuple = ()  # (code, label) of a column that holds codes


def _choices(choices) -> tuple:
    return tuple((value, label) for value, label in choices)


COLUMNS = (
    Column(
        "project_code",
        _(
            "The project, as a code made for this dataset. The same project has the same code in every "
            "download of this dashboard's dataset, and another code in other dashboards' datasets."
        ),
        _("“p-” and 12 letters or digits"),
    ),
    Column(
        "organisation_code",
        _("The organisation the project belongs to, as a code made for this dataset."),
        _("“org-” and 8 letters or digits, or “other” (an organisation with fewer than 5 projects)"),
    ),
    Column(
        "organisation_kind",
        _("The kind of organisation."),
        _("A code; blank when suppressed"),
        _choices(OrganisationKind.choices),
    ),
    Column(
        "country",
        _("The organisation's country."),
        _("A code; blank when suppressed"),
        _choices(Country.choices),
    ),
    Column(
        "programme_code",
        _("The programme the project belongs to, as a code made for this dataset."),
        _("“prg-” and 8 letters or digits, or “other” (a programme with fewer than 5 projects)"),
    ),
    Column(
        "year_started",
        _("The year of the project's start date, or of the day it was recorded when it has none."),
        _("A year"),
    ),
    Column(
        "phase_order",
        _("The phase the project is in today, numbered in its method's order (1 is the first phase)."),
        _("A whole number"),
    ),
    Column("status", _("The project's status today."), _("A code"), _choices(ProjectStatus.choices)),
    Column(
        "facet",
        _("The OECD innovation facet chosen for the project."),
        _("A code; blank when none is chosen"),
        _choices(Facet.choices),
    ),
    Column(
        "evidence_level",
        _("The Nesta standard of evidence reached (1 theory of change … 5 scaled)."),
        _("1–5; blank when none is recorded"),
    ),
    Column(
        "trl",
        _("The technology readiness level (EU Horizon scale)."),
        _("1–9; blank when none is recorded"),
    ),
    Column(
        "gate_decisions",
        _("Gate decisions taken on the project; annulled decisions are left out."),
        _("A whole number"),
    ),
    Column(
        "recycles", _("Of those, decisions to recycle the project to an earlier phase."), _("A whole number")
    ),
    Column("holds", _("Of those, decisions to put the project on hold."), _("A whole number")),
    Column(
        "days_to_implementation",
        _(
            "Days from the idea's submission (or the day the project was recorded, when it did not come "
            "from an idea) to the gate decision that implemented it: a go or go with conditions into a "
            "phase with no gate after it, not annulled."
        ),
        _("A whole number; blank unless the project is implemented or scaled"),
    ),
    Column(
        "deepest_depth",
        _("The deepest IAP2 level at which any actor takes part (1 inform … 5 empower)."),
        _("1–5; blank when no participation is recorded"),
    ),
    Column(
        "helix_sectors",
        _("How many of the five helix sectors the project's participating actors come from."),
        _("0–5"),
    ),
    Column("activities", _("Workshops and other activities recorded on the project."), _("A whole number")),
    Column(
        "citizens_engaged",
        _("Citizens counted at those activities; a person at two activities counts twice."),
        _("A whole number"),
    ),
    Column(
        "method_tools",
        _("Different method tools recorded on the project's activities."),
        _("A whole number"),
    ),
    Column(
        "external_funding_granted",
        _("Whether a funding line from a source other than the organisation's own budget is granted."),
        _("yes or no"),
    ),
    Column(
        "balance_class",
        _("The sustainability balance of the project's latest completed assessment."),
        _("A code"),
        _choices(BALANCE.items()),
    ),
    Column("assessed", _("Whether the project has a completed sustainability assessment."), _("yes or no")),
)
HEADER = [c.name for c in COLUMNS]


def _coder(scope):
    """A keyed code per kind of thing, for this dashboard's dataset."""
    salt = f"innocities.insight.research:{scope.kind}:{scope.owner.pk}"

    def code(prefix: str, pk: int, length: int) -> str:
        return f"{prefix}-{salted_hmac(f'{salt}:{prefix}', str(pk)).hexdigest()[:length]}"

    return code


def _counts(projects, *fields) -> dict:
    rows = projects.order_by().values_list(*fields).annotate(n=Count("pk")).values_list(*fields, "n")
    return {tuple(row[:-1]): row[-1] for row in rows}


def _yes(value) -> str:
    return "yes" if value else "no"


def rows(scope):
    """The header, then one row per project of the scope: plain values read in chunks, never model
    objects; a fixed number of queries whatever the number of projects."""
    projects = scope.projects
    by_organisation = _counts(projects, "organisation_id")
    by_programme = _counts(projects, "programme_id")
    by_kind = _counts(projects, "organisation__country", "organisation__kind")
    by_country: dict[str, int] = {}
    for (country, _kind), n in by_kind.items():
        by_country[country] = by_country.get(country, 0) + n
    classes = balance_classes(scope)
    decisions = GateDecision.objects.filter(annulled_at__isnull=True)
    values = (
        annotated(projects)
        .annotate(
            year=Coalesce(ExtractYear("starts_on"), ExtractYear("created_at")),
            decisions=Coalesce(per_project(decisions, Count("pk")), 0),
            recycles=Coalesce(per_project(decisions.filter(decision=Decision.RECYCLE), Count("pk")), 0),
            holds=Coalesce(per_project(decisions.filter(decision=Decision.HOLD), Count("pk")), 0),
        )
        .order_by("pk")
        .values_list(
            "pk",
            "organisation_id",
            "organisation__kind",
            "organisation__country",
            "programme_id",
            "year",
            "phase__order",
            "status",
            "facet",
            "evidence_level",
            "trl",
            "decisions",
            "recycles",
            "holds",
            "days",
            "deepest",
            "sectors",
            "activity_count",
            "citizens",
            "tools",
            "external",
        )
    )
    code = _coder(scope)
    yield HEADER
    for pk, organisation, kind, country, programme, *numbers in values.iterator(chunk_size=CHUNK):
        *counted, external = numbers
        small_organisation = by_organisation[(organisation,)] < MINIMUM
        balance = classes.get(pk, "not_assessed")
        yield [
            code("p", pk, 12),
            OTHER if small_organisation else code("org", organisation, 8),
            "" if small_organisation or by_kind[(country, kind)] < MINIMUM else kind,
            "" if by_country[country] < MINIMUM else country,
            OTHER if by_programme[(programme,)] < MINIMUM else code("prg", programme, 8),
            *counted,
            _yes(external),
            balance,
            _yes(balance != "not_assessed"),
        ]


def csv_chunks(scope):
    """The dataset as CSV for Excel (a BOM, semicolons, formulas defused), in pieces of about 64 kB for
    a streamed response."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for row in rows(scope):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
        if buffer.tell() > 65536:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
