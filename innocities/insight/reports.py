"""What the reports read: a steering group's meeting pack, the annual report of a dashboard, a
project's one-pager and an assessment's result board.

Every read starts from what the reader may see: a scope (``scope_for``), a project fetched through
``get_project_for_user`` or an assessment through ``get_assessment_for_user``. Lists are capped and say
how many more there are, so a report of a large programme keeps its size and its speed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Min, Prefetch
from django.utils.translation import gettext as _

from innocities.accounts.models import User
from innocities.coproduction.models import HelixSector
from innocities.coproduction.queries import helix_balance
from innocities.core.tables import spreadsheet_safe
from innocities.pipeline.models import GateDecision, Project, ProjectStatus, TeamRole
from innocities.pipeline.queries import funding_totals
from innocities.programmes.access import visible_programmes
from innocities.programmes.models import Criterion, Gate
from innocities.sustainability.profile import DIMENSIONS, board, profile
from innocities.sustainability.queries import completed, portfolio

from . import charts, dashboard, exports
from .periods import year
from .scope import Scope

# who took a decision, named in the order of their names (and of their accounts, for two of one name)
DECISION_MAKERS = Prefetch("decision_makers", queryset=User.objects.order_by("full_name", "pk"))
PER_GATE = 12  # projects listed under each gate that is due; the rest are counted
DECISIONS = 60  # decisions listed since the last meeting
WAITING = 10  # projects in the "waiting longest" list


# --- the steering group's meeting pack ----------------------------------------------------------


@dataclass
class GateDue:
    gate: Gate
    criteria: list[Criterion]
    projects: list[Project]
    total: int
    waiting_since: date

    @property
    def more(self) -> int:
        return self.total - len(self.projects)


@dataclass
class MeetingPack:
    scope: Scope
    meeting: date
    since: date
    gates: list[GateDue]
    decisions: list[GateDecision]
    decisions_total: int
    waiting: list[Project]
    sustainability: dict = field(default_factory=dict)

    @property
    def due_total(self) -> int:
        return sum(g.total for g in self.gates)

    @property
    def decisions_more(self) -> int:
        return self.decisions_total - len(self.decisions)


def _days_waiting(projects, today: date) -> list[Project]:
    projects = list(projects)
    for project in projects:
        project.days_waiting = max((today - project.in_phase_since).days, 0)
    return projects


def gates_due(projects, today: date) -> list[GateDue]:
    """The gates active projects wait at (a phase with a gate after it), in the method's order, each
    with its criteria (must before should) and its projects, longest waiting first."""
    due = projects.filter(status=ProjectStatus.ACTIVE, phase__gate__isnull=False)
    counts = {
        row["phase__gate"]: row
        for row in due.order_by().values("phase__gate").annotate(n=Count("pk"), since=Min("in_phase_since"))
    }
    gates = Gate.objects.filter(pk__in=list(counts)).select_related("phase").order_by("phase__order", "pk")
    criteria: dict[int, list[Criterion]] = {}
    for criterion in Criterion.objects.filter(gate__in=list(counts)).order_by("gate", "kind", "order", "pk"):
        criteria.setdefault(criterion.gate_id, []).append(criterion)
    out = []
    for gate in gates:
        waiting = _days_waiting(
            due.filter(phase__gate=gate)
            .select_related("organisation", "phase")
            .order_by("in_phase_since", "title", "pk")[:PER_GATE],
            today,
        )
        row = counts[gate.pk]
        out.append(GateDue(gate, criteria.get(gate.pk, []), waiting, row["n"], row["since"]))
    return out


def decisions_between(projects, since: date, until: date):
    """Decisions on the projects dated after ``since`` up to ``until`` (both as days), oldest first;
    annulled ones are not decisions any more."""
    return (
        GateDecision.objects.filter(
            project__in=projects, annulled_at__isnull=True, decided_on__gt=since, decided_on__lte=until
        )
        .select_related("project", "project__organisation", "gate", "from_phase", "to_phase")
        .prefetch_related(DECISION_MAKERS)
        .order_by("decided_on", "pk")
    )


def waiting_longest(projects, today: date) -> list[Project]:
    """Active and paused projects, longest in their phase first."""
    return _days_waiting(
        projects.filter(status__in=[ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD])
        .select_related("organisation", "phase")
        .order_by("in_phase_since", "title", "pk")[:WAITING],
        today,
    )


def meeting_pack(scope: Scope, *, meeting: date, since: date) -> MeetingPack:
    projects = scope.projects
    decisions = decisions_between(projects, since, meeting)
    acting = projects.exclude(status=ProjectStatus.STOPPED)  # a stopped project has nothing left to act on
    return MeetingPack(
        scope=scope,
        meeting=meeting,
        since=since,
        gates=gates_due(projects, scope.today),
        decisions=list(decisions[:DECISIONS]),
        decisions_total=decisions.count(),
        waiting=waiting_longest(projects, scope.today),
        sustainability=portfolio(acting, []),
    )


# --- the annual report of a dashboard -----------------------------------------------------------


@dataclass
class AnnualReport:
    board: dashboard.Dashboard
    year: int
    evaluations: list = field(default_factory=list)
    targets: list = field(default_factory=list)

    @property
    def journey(self):
        result = self.board.result("journey")
        return charts.journey(result.table) if result else None


def annual_report(scope: Scope, y: int) -> AnnualReport:
    """The dashboard's figures for the year (the page's own computed result) and, for a programme, its
    annual evaluations held that year and its targets."""
    report = AnnualReport(board=dashboard.cached(scope, year(y)), year=y)
    if scope.kind == "programme":
        report.evaluations = list(scope.owner.evaluations.filter(held_on__year=y).order_by("held_on", "pk"))
        report.targets = list(scope.owner.targets.all())
    return report


def annual_workbook(report: AnnualReport) -> bytes:
    """The dashboard's workbook, and for a programme a sheet with its annual evaluation and targets."""
    from openpyxl.styles import Alignment, Font

    if report.board.scope.kind != "programme":
        return exports.workbook(report.board)
    book = exports.book(report.board)
    sheet = book.create_sheet(_("Annual evaluation")[:31], 1)
    sheet.append([spreadsheet_safe(f"{report.board.scope.owner} {report.year}")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append([_("Date"), _("Summary"), _("Decisions taken")])
    for evaluation in report.evaluations:
        sheet.append(
            [evaluation.held_on, spreadsheet_safe(evaluation.summary), spreadsheet_safe(evaluation.decisions)]
        )
    if not report.evaluations:
        sheet.append([_("No annual evaluation was held this year.")])
    sheet.append([])
    sheet.append([_("Target"), _("Due")])
    for target in report.targets:
        sheet.append([spreadsheet_safe(target.text), target.due_on])
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in (("A", 14), ("B", 70), ("C", 50)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- a project's one-pager ----------------------------------------------------------------------


@dataclass
class OnePager:
    project: Project
    programme_visible: bool
    lead: list
    team: list
    funding: list
    funding_totals: dict
    decision: GateDecision | None
    assessment: object
    profile: object
    dimensions: list
    helix: list  # (label, present, actors, participants) per sector


def one_pager(user, project: Project) -> OnePager:
    """Everything the one-pager shows of a project the reader may see (fetched by the access function)."""
    team = list(project.team.select_related("user").order_by("role", "user__full_name", "pk"))
    funding = list(project.funding.all())
    decision = (
        project.gate_decisions.filter(annulled_at__isnull=True)
        .select_related("gate", "from_phase", "to_phase")
        .prefetch_related(DECISION_MAKERS)
        .order_by("-decided_on", "-pk")
        .first()
    )
    assessment = completed(project).first()
    summary = profile(assessment, with_targets=False) if assessment else None
    balance = helix_balance(Project.objects.filter(pk=project.pk))
    return OnePager(
        project=project,
        programme_visible=visible_programmes(user).filter(pk=project.programme_id).exists(),
        lead=[m.user for m in team if m.role == TeamRole.LEAD],
        team=[m for m in team if m.role != TeamRole.LEAD],
        funding=funding,
        funding_totals=funding_totals(funding),
        decision=decision,
        assessment=assessment,
        profile=summary,
        dimensions=[(label, summary.dimensions.get(key)) for key, label in DIMENSIONS.items()]
        if summary
        else [],
        helix=[
            (HelixSector(s.sector).label, bool(s.actors or s.participants), s.actors, s.participants)
            for s in balance.sectors
        ],
    )


# --- an assessment's result board ---------------------------------------------------------------


def result_board(assessment) -> dict:
    """The result board page's own data: every goal placed in a row by impact, and the profile."""
    return {"assessment": assessment, "rows": board(assessment), "profile": profile(assessment)}
