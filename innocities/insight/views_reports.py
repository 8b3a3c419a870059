"""The reports: a steering group's meeting pack, a dashboard's annual report (PDF and workbook), a
project's one-pager and an assessment's result board as PDF. Each is fetched through the access of the
page it prints (the dashboard's scope, the project, the assessment): 404 for what the reader may not see."""

import calendar
from datetime import date, timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from innocities.core.pdf import render_pdf
from innocities.core.uploads import safe_name
from innocities.pipeline.access import get_project_for_user
from innocities.sustainability.access import get_assessment_for_user

from . import reports
from .periods import EARLIEST
from .scope import KINDS, scope_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AHEAD = timedelta(days=366)  # a pack may be prepared for a meeting up to a year ahead
LONGEST = timedelta(days=366 * 5)  # between two meetings


def months_before(day: date, months: int) -> date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


class MeetingPackForm(forms.Form):
    meeting = forms.DateField(
        label=_("Meeting date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    since = forms.DateField(
        label=_("Previous meeting"),
        required=False,
        help_text=_("The pack lists the decisions dated after this day. By default three months before."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, data=None, *, today: date):
        self.today = today
        super().__init__(data, initial={"meeting": today, "since": months_before(today, 3)})

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        meeting = cleaned.get("meeting") or self.today
        since = cleaned.get("since") or months_before(meeting, 3)
        if not EARLIEST <= meeting <= self.today + AHEAD:
            self.add_error("meeting", gettext("Choose a meeting date from 2000 on and at most a year ahead."))
        elif since >= meeting:
            self.add_error("since", gettext("The previous meeting must be before this one."))
        elif meeting - since > LONGEST:
            self.add_error(
                "since", gettext("The previous meeting must be at most five years before this one.")
            )
        cleaned["meeting"], cleaned["since"] = meeting, since
        return cleaned


def _form_page(request, scope, form, status=200):
    return render(
        request,
        "insight/reports/meeting_pack_form.html",
        {"scope": scope, "programme": scope.owner, "form": form},
        status=status,
    )


@login_required
def meeting_pack(request, slug):
    """The form: the meeting's date and the previous meeting's, then the PDF."""
    scope = scope_for(request.user, "programme", slug)
    return _form_page(request, scope, MeetingPackForm(today=scope.today))


@login_required
def meeting_pack_pdf(request, slug):
    scope = scope_for(request.user, "programme", slug)
    form = MeetingPackForm(request.GET, today=scope.today)
    if not form.is_valid():
        return _form_page(request, scope, form, status=400)
    meeting, since = form.cleaned_data["meeting"], form.cleaned_data["since"]
    pack = reports.meeting_pack(scope, meeting=meeting, since=since)
    title = gettext("Steering group meeting pack")
    context = {"pack": pack, "scope": scope, "report_owner": str(scope.owner), "report_title": title}
    label = gettext("meeting pack")
    name = f"{scope.owner} {label} {meeting.isoformat()}"
    return render_pdf(request, "insight/reports/meeting_pack.html", context, name)


def _annual(request, kind, slug, year):
    scope = scope_for(request.user, kind, slug)
    if not EARLIEST.year <= year <= scope.today.year + 1:
        raise Http404
    return scope, reports.annual_report(scope, year)


@login_required
def annual_report_pdf(request, kind, slug, year):
    scope, report = _annual(request, kind, slug, year)
    title = gettext("Annual report %(year)s") % {"year": year}
    context = {
        "report": report,
        "board": report.board,
        "scope": scope,
        "kind_label": KINDS[kind],
        "journey": report.journey,
        "period_query": f"period={year}",
        "dashboard_url": request.build_absolute_uri(reverse("insight:dashboard", args=[kind, slug]))
        + f"?period={year}",
        "report_owner": str(scope.owner),
        "report_title": title,
    }
    return render_pdf(request, "insight/reports/annual.html", context, f"{scope.owner} {title}")


@login_required
def annual_report_xlsx(request, kind, slug, year):
    scope, report = _annual(request, kind, slug, year)
    response = HttpResponse(reports.annual_workbook(report), content_type=XLSX)
    label = gettext("Annual report %(year)s") % {"year": year}
    name = safe_name(f"{scope.owner} {label}", "xlsx")
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
def one_pager(request, pk):
    project = get_project_for_user(request.user, pk)
    context = {
        "page": reports.one_pager(request.user, project),
        "project": project,
        "project_url": request.build_absolute_uri(project.get_absolute_url()),
        "report_owner": str(project.organisation),
        "report_title": project.title,
    }
    label = gettext("one-pager")
    name = f"{project.title} {label}"
    return render_pdf(request, "insight/reports/one_pager.html", context, name)


@login_required
def board_pdf(request, pk):
    """The SDG assessment's result board, as the page shows it, on one landscape A4 page."""
    assessment = get_assessment_for_user(request.user, pk)
    title = gettext("Result board")
    context = {
        **reports.result_board(assessment),
        "report_owner": str(assessment.project.organisation),
        "report_title": f"{title}: {assessment.project}",
    }
    name = f"{assessment.project} {title} {assessment.assessed_on.isoformat()}"
    return render_pdf(request, "insight/reports/board.html", context, name)
