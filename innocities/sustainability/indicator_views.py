"""The indicator library: indicators, targets, measurements, progress, import and export."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from innocities.core.forms import OnceFormMixin
from innocities.core.idempotency import Earlier, once
from innocities.core.views import errors_onto, require, saved
from innocities.organisations.acting import acting_organisation
from innocities.pipeline.access import get_project_for_user

from . import actions, indicators, spreadsheets
from .access import get_indicator_for_user, get_indicator_organisation_for_user
from .models import Goal, IndicatorKind, IndicatorTarget, Measurement, TrackedIndicator

EXPORTS = {
    "csv": (spreadsheets.export_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        spreadsheets.export_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


class IndicatorForm(OnceFormMixin, forms.ModelForm):
    """An indicator of the library; a new one carries a one-time token (the library's uniqueness would
    refuse a second copy, but two sent at once would reach the database's constraint)."""

    class Meta:
        model = TrackedIndicator
        fields = ["kind", "code", "name", "unit", "direction", "dimension", "goals", "u4ssc_benchmark"]
        widgets = {"goals": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = Goal.objects.all()
        self.fields["goals"].required = False

    def _post_clean(self):
        pass  # the action validates


class TargetForm(OnceFormMixin, forms.Form):
    """A baseline and target; every one sent is a new row, so a double click is caught by its token."""

    baseline_value = forms.DecimalField(label=gettext_lazy("Baseline"), max_digits=16, decimal_places=4)
    baseline_year = forms.IntegerField(label=gettext_lazy("Baseline year"), min_value=1900, max_value=2100)
    target_value = forms.DecimalField(label=gettext_lazy("Target"), max_digits=16, decimal_places=4)
    target_year = forms.IntegerField(label=gettext_lazy("Target year"), min_value=1900, max_value=2100)


class MeasurementForm(forms.Form):
    """A year's value. No one-time token: a year has one value (a unique row, update_or_create), so
    sending the form twice records the same value twice; nothing is duplicated."""

    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=1900, max_value=2100)
    value = forms.DecimalField(label=gettext_lazy("Value"), max_digits=16, decimal_places=4)
    source = forms.CharField(label=gettext_lazy("Source"), max_length=200, required=False)


class ImportForm(OnceFormMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Measurement file (CSV or XLSX)"),
        help_text=gettext_lazy(
            "Columns: indicator, year, value, source. Comma or semicolon, decimal comma or point. Up to 5 MB."
        ),
    )


def _organisation(request):
    wanted = request.GET.get("organisation") or request.POST.get("organisation")
    return get_indicator_organisation_for_user(request.user, wanted)


def _indicator(request, pk) -> TrackedIndicator:
    return get_indicator_for_user(request.user, pk)


def _latest(measurements):
    return measurements[-1].value if measurements else None


LIBRARY_PAGE = 50


def _library_rows(indicators_queryset):
    """(indicator, latest organisation value, latest target, progress band) for each indicator given."""
    library = indicators_queryset.prefetch_related(
        Prefetch(
            "measurements",
            queryset=Measurement.objects.filter(project__isnull=True).order_by("year"),
            to_attr="org_measurements",
        ),
        Prefetch(
            "targets", queryset=IndicatorTarget.objects.filter(project__isnull=True), to_attr="org_targets"
        ),
    )
    rows = []
    for indicator in library:
        latest = indicator.org_measurements[-1] if indicator.org_measurements else None
        target = indicator.org_targets[-1] if indicator.org_targets else None
        band = indicators.progress(target, latest.value) if target and latest else None
        rows.append((indicator, latest, target, band))
    return rows


@login_required
def indicator_list(request):
    """The organisation's indicator library a page at a time; the U4SSC score over all its U4SSC KPIs."""
    organisation = _organisation(request)
    library = TrackedIndicator.objects.filter(organisation=organisation).order_by("name", "pk")
    page = Paginator(library.only("pk"), LIBRARY_PAGE).get_page(request.GET.get("page"))
    ids = [indicator.pk for indicator in page]
    rows = _library_rows(TrackedIndicator.objects.filter(pk__in=ids).order_by("name", "pk"))
    u4ssc_rows = _library_rows(library.filter(kind=IndicatorKind.U4SSC))
    u4ssc = indicators.u4ssc_score((row[0], row[1]) for row in u4ssc_rows)
    return render(
        request,
        "sustainability/indicator_list.html",
        {
            "organisation": organisation,
            "rows": rows,
            "page": page,
            "u4ssc": u4ssc if u4ssc.kpis or u4ssc.left_out else None,
            "import_form": ImportForm(),
            "can_edit": request.user.has_perm("sustainability.manage_indicators", organisation),
        },
    )


def _save(request, organisation, indicator=None):
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():

        def save():
            data = dict(form.cleaned_data)
            goals = data.pop("goals")
            return actions.save_indicator(
                organisation=organisation, indicator=indicator, actor=request.user, goals=goals, **data
            )

        with errors_onto(form):
            indicator = save() if indicator else once(request, form, save)
        if not form.errors:
            if not isinstance(indicator, Earlier):
                saved(request, _("The indicator was saved."))
            return redirect(indicator)
    return render(
        request,
        "pipeline/form.html",
        {
            "form": form,
            "back": indicator,
            "title": _("Edit indicator") if indicator else _("Add an indicator"),
            "organisation": None if indicator else organisation,
        },
    )


@login_required
def indicator_create(request):
    return _save(request, acting_organisation(request, "sustainability.manage_indicators"))


@login_required
def indicator_edit(request, pk):
    indicator = _indicator(request, pk)
    require(request.user, "sustainability.manage_indicators", indicator.organisation)
    return _save(request, indicator.organisation, indicator)


@login_required
def indicator_detail(request, pk):
    indicator = _indicator(request, pk)
    measurements = list(indicator.measurements.filter(project__isnull=True).order_by("year"))
    u4ssc = None
    if indicator.kind == IndicatorKind.U4SSC:
        u4ssc = indicators.u4ssc_score([(indicator, measurements[-1] if measurements else None)])
    targets = [
        (t, indicators.progress(t, _latest(measurements)))
        for t in indicator.targets.filter(project__isnull=True)
    ]
    project_targets = indicator.targets.filter(project__isnull=False).select_related("project")
    project_rows = []
    for target in project_targets:
        values = list(indicator.measurements.filter(project=target.project).order_by("year"))
        project_rows.append((target, values, indicators.progress(target, _latest(values))))
    return render(
        request,
        "sustainability/indicator_detail.html",
        {
            "indicator": indicator,
            "measurements": measurements,
            "targets": targets,
            "project_rows": project_rows,
            "u4ssc": u4ssc,
            "target_form": TargetForm(),
            "measurement_form": MeasurementForm(),
            "can_edit": request.user.has_perm("sustainability.manage_indicators", indicator.organisation),
        },
    )


@login_required
@require_POST
def indicator_add(request, pk, what):
    indicator = _indicator(request, pk)
    require(request.user, "sustainability.manage_indicators", indicator.organisation)
    form = (TargetForm if what == "target" else MeasurementForm)(request.POST)
    if form.is_valid():
        with errors_onto(form):
            if what == "target":
                result = once(
                    request,
                    form,
                    lambda: actions.set_target(indicator=indicator, actor=request.user, **form.cleaned_data),
                    url=lambda _target: indicator.get_absolute_url(),
                )
            else:
                result = actions.record_measurement(
                    indicator=indicator, actor=request.user, **form.cleaned_data
                )
        if not form.errors:
            if not isinstance(result, Earlier):
                saved(request, _("Saved."))
            return redirect(indicator)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Check the form"), "back": indicator},
        status=400,
    )


@login_required
@require_POST
def measurements_import(request):
    organisation = _organisation(request)
    require(request.user, "sustainability.manage_indicators", organisation)
    form = ImportForm(request.POST, request.FILES)
    problems = []
    back = reverse("sustainability:indicators") + f"?organisation={organisation.slug}"
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > spreadsheets.MAX_BYTES:
            problems = [(None, _("The file is larger than 5 MB."))]
        else:
            try:
                # A double-clicked import is stored once: the same file sent twice would not be refused
                # (values are replaced), but the second would say it imported them again.
                result = once(
                    request,
                    form,
                    lambda: _Imported(
                        spreadsheets.import_measurements(
                            organisation=organisation,
                            raw=upload.read(),
                            filename=upload.name,
                            actor=request.user,
                        ),
                        back,
                    ),
                )
            except spreadsheets.ImportRefused as refused:
                problems = refused.errors
            except ValidationError as error:
                problems = [(None, message) for message in error.messages]
            else:
                if isinstance(result, _Imported):
                    saved(request, _("%(n)s measurements were imported.") % {"n": result.count})
                return redirect(result.get_absolute_url())
    return render(
        request,
        "sustainability/import_result.html",
        {"form": form, "problems": problems, "organisation": organisation},
        status=400,
    )


class _Imported:
    """What an import made, for the one-time token to point back at."""

    def __init__(self, count: int, url: str):
        self.count, self.url = count, url

    def get_absolute_url(self) -> str:
        return self.url

    def __str__(self) -> str:
        return str(self.count)


@login_required
def measurements_export(request, fmt):
    """The organisation's measurements as CSV or XLSX; any other format is not a page (404)."""
    if fmt not in EXPORTS:
        raise Http404
    organisation = _organisation(request)
    export, content_type = EXPORTS[fmt]
    # CSV leaves in pieces as it is read (a large organisation's years of values never sit in memory);
    # an XLSX workbook is a zip that is whole only at its end
    respond = StreamingHttpResponse if fmt == "csv" else HttpResponse
    response = respond(export(organisation), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="measurements-{organisation.slug}.{fmt}"'
    return response


class ProjectOutcomeForm(OnceFormMixin, forms.Form):
    """A project's baseline and target; a double click is caught by its one-time token."""

    indicator = forms.ModelChoiceField(
        label=gettext_lazy("Indicator"), queryset=TrackedIndicator.objects.none()
    )
    baseline_value = forms.DecimalField(label=gettext_lazy("Baseline"), max_digits=16, decimal_places=4)
    baseline_year = forms.IntegerField(label=gettext_lazy("Baseline year"), min_value=1900, max_value=2100)
    target_value = forms.DecimalField(label=gettext_lazy("Target"), max_digits=16, decimal_places=4)
    target_year = forms.IntegerField(label=gettext_lazy("Target year"), min_value=1900, max_value=2100)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = TrackedIndicator.objects.filter(
            organisation_id=project.organisation_id
        )


class ProjectValueForm(forms.Form):
    """A project's value of a year. No one-time token: one value per indicator, project and year (a
    unique row, update_or_create), so sending it twice records the same value twice."""

    target = forms.ModelChoiceField(label=gettext_lazy("Indicator"), queryset=IndicatorTarget.objects.none())
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=1900, max_value=2100)
    value = forms.DecimalField(label=gettext_lazy("Value"), max_digits=16, decimal_places=4)
    source = forms.CharField(label=gettext_lazy("Source"), max_length=200, required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = project.indicator_targets.select_related("indicator")
        self.fields["target"].label_from_instance = lambda t: t.indicator.name


def project_outcomes(project):
    """The project's expected benefits as measured: each target with its values and progress band."""
    rows = []
    measurements = list(project.measurements.all())
    for target in project.indicator_targets.select_related("indicator"):
        values = [m for m in measurements if m.indicator_id == target.indicator_id]
        values.sort(key=lambda m: m.year)
        rows.append((target, values, indicators.progress(target, values[-1].value if values else None)))
    return rows


OUTCOME_FORMS = {
    "target": (ProjectOutcomeForm, gettext_lazy("Measure a benefit with an indicator")),
    "value": (ProjectValueForm, gettext_lazy("Record a measured value")),
}


@login_required
def project_outcome_add(request, pk, what):
    """A page of its own: its list of the organisation's indicators (hundreds, in a large one) is read
    only by whoever opens it, never by every view of the project."""
    project = get_project_for_user(request.user, pk)
    require(request.user, "sustainability.measure_benefits", project)
    if what not in OUTCOME_FORMS:
        raise Http404
    form_class, title = OUTCOME_FORMS[what]
    back = project.get_absolute_url() + "#outcomes"
    if request.method != "POST":
        form = form_class(project=project)
        return render(request, "pipeline/form.html", {"form": form, "title": title, "back": project})
    form = form_class(request.POST, project=project)
    if form.is_valid():

        def set_target():
            data = dict(form.cleaned_data)
            return actions.set_target(
                indicator=data.pop("indicator"), project=project, actor=request.user, **data
            )

        with errors_onto(form):
            if what == "target":
                result = once(request, form, set_target, url=lambda _target: back)
            else:
                data = dict(form.cleaned_data)
                target = data.pop("target")
                result = actions.record_measurement(
                    indicator=target.indicator, project=project, actor=request.user, **data
                )
        if not form.errors:
            if not isinstance(result, Earlier):
                saved(request, _("Saved."))
            return redirect(back)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Check the form"), "back": project},
        status=400,
    )
