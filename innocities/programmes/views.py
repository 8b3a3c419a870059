from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.core.idempotency import Earlier, once
from innocities.core.revisions import EditConflict
from innocities.core.views import create_once, errors_onto, require, saved
from innocities.organisations.acting import acting_organisation

from . import actions, queries
from .access import get_method_for_user, get_programme_for_user
from .forms import CriterionForm, EvaluationForm, PhaseNameForm, ProgrammeForm
from .models import Criterion, Method


@login_required
@require_POST
def evaluation_add(request, slug):
    programme = get_programme_for_user(request.user, slug)
    require(request.user, "programmes.change_programme", programme)
    form = EvaluationForm(request.POST)
    recorded = create_once(
        request,
        form,
        lambda: actions.record_evaluation(programme=programme, actor=request.user, **form.cleaned_data),
        message=_("The annual evaluation was recorded."),
        then=programme,
    )
    if recorded:
        return recorded
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Record the annual evaluation"), "back": programme},
        status=400,
    )


@login_required
def method_list(request):
    methods = Method.objects.filter(owner_programme=None).prefetch_related("phases")
    return render(request, "programmes/method_list.html", {"methods": methods})


@login_required
def method_detail(request, pk):
    method = get_method_for_user(request.user, pk)
    return render(
        request, "programmes/method_detail.html", {"method": method, "phases": queries.method_phases(method)}
    )


@login_required
def method_adapt(request, slug):
    """The programme's own copy of its method: rename phases, add and remove gate criteria."""
    programme = get_programme_for_user(request.user, slug)
    require(request.user, "programmes.adapt_method", programme)
    if request.method == "POST" and request.POST.get("action") == "copy":
        actions.adapt_method(programme=programme, actor=request.user)
        saved(request, _("The programme now has its own copy of the method."))
        return redirect("programmes:method_adapt", slug=programme.slug)
    return _adapt_page(request, programme)


def _adapt_page(request, programme, conflict=None):
    """The adaptation page; every form on it carries the method's revision as it is now."""
    method = programme.method
    own = method.owner_programme_id == programme.pk
    phases = [
        (phase, CriterionForm(auto_id=f"id_c{phase.pk}_%s", initial={"revision": method.revision}))
        for phase in queries.method_phases(method)
    ]
    return render(
        request,
        "programmes/method_adapt.html",
        {"programme": programme, "method": method, "own": own, "phases": phases, "conflict": conflict},
        status=409 if conflict else 200,
    )


def _own_phase(programme, pk):
    return get_object_or_404(programme.method.phases, pk=pk)


def _posted_revision(request) -> int | None:
    """The method revision a button's form was rendered at; None when it is missing or malformed."""
    value = request.POST.get("revision", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


@login_required
def phase_rename(request, slug, phase_pk):
    programme = get_programme_for_user(request.user, slug)
    require(request.user, "programmes.adapt_method", programme)
    phase = _own_phase(programme, phase_pk)
    initial = {f"name_{code}": phase.name.get(code, "") for code in ("sv", "nb", "en")}
    initial["revision"] = programme.method.revision
    form = PhaseNameForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.rename_phase(
                programme=programme,
                phase=phase,
                names=form.names(),
                actor=request.user,
                revision=form.cleaned_data.get("revision"),
            )
        if not form.errors:
            saved(request, _("The phase was renamed."))
            return redirect("programmes:method_adapt", slug=programme.slug)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Rename phase"), "back_url": programme.get_absolute_url()},
    )


@login_required
@require_POST
def criterion_add(request, slug, phase_pk):
    programme = get_programme_for_user(request.user, slug)
    require(request.user, "programmes.adapt_method", programme)
    phase = _own_phase(programme, phase_pk)
    gate = getattr(phase, "gate", None)
    form = CriterionForm(request.POST)
    if gate is None:
        form.is_valid()
        form.add_error(None, _("The last phase has no gate, so it has no criteria."))
    elif form.is_valid():

        def add():
            revision, data = form.revision_and()
            return actions.add_criterion(
                programme=programme, gate=gate, actor=request.user, revision=revision, **data
            )

        with errors_onto(form):
            criterion = once(
                request,
                form,
                add,
                url=lambda _criterion: reverse("programmes:method_adapt", args=[programme.slug]),
            )
        if not form.errors:
            if not isinstance(criterion, Earlier):
                saved(request, _("The criterion was added."))
            return redirect("programmes:method_adapt", slug=programme.slug)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Add a criterion"), "back_url": programme.get_absolute_url()},
        status=400,
    )


@login_required
@require_POST
def criterion_remove(request, slug, criterion_pk):
    programme = get_programme_for_user(request.user, slug)
    require(request.user, "programmes.adapt_method", programme)
    criterion = Criterion.objects.filter(pk=criterion_pk, gate__method=programme.method).first()
    if criterion is None:  # the button pressed twice, or someone else removed it first
        messages.info(request, _("The criterion is no longer there."))
        return redirect("programmes:method_adapt", slug=programme.slug)
    try:
        actions.remove_criterion(
            programme=programme, criterion=criterion, actor=request.user, revision=_posted_revision(request)
        )
    except EditConflict as conflict:
        programme.method.refresh_from_db()
        return _adapt_page(request, programme, conflict=conflict)
    saved(request, _("The criterion was removed."))
    return redirect("programmes:method_adapt", slug=programme.slug)


def _save(request, organisation, programme=None):
    network = programme.network if programme and programme.network_id else None
    form = ProgrammeForm(request.POST or None, instance=programme, organisation=organisation, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def save():
            return actions.save_programme(
                organisation=organisation,
                actor=request.user,
                programme=programme,
                name=data["name"],
                description=data["description"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                method=data["method"],
                focus_areas=data["focus_areas"],
                coordinators=data["coordinators"],
                steering_group=data["steering_group"],
                own_focus_areas=form.lines("own_focus_areas"),
                targets=form.lines("targets_text"),
                revision=data.get("revision"),
            )

        with errors_onto(form):
            # a new programme is created once however often its form is sent (a one-time token)
            saved_programme = save() if programme else once(request, form, save)
        if not form.errors:
            if not isinstance(saved_programme, Earlier):
                saved(request, _("The programme was saved."))
            return redirect(saved_programme)
    title = _("Edit programme") if programme else _("New programme")
    return render(
        request,
        "pipeline/form.html",
        {
            "form": form,
            "title": title,
            "back": programme,
            "organisation": organisation if not programme else None,
        },
    )


@login_required
def programme_create(request):
    organisation = acting_organisation(request, "programmes.add_programme")
    return _save(request, organisation)


@login_required
def programme_edit(request, slug):
    programme = get_programme_for_user(request.user, slug)
    require(request.user, "programmes.change_programme", programme)
    return _save(request, programme.organisation, programme)
