"""Co-production pages: the actor register, participation in projects, activities and their files."""

import logging

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.accounts.roles import roles_of
from innocities.core.i18n import pick
from innocities.core.idempotency import Earlier, once
from innocities.core.views import errors_onto, require, saved
from innocities.organisations.acting import acting_organisation, organisations_where
from innocities.pipeline.access import get_project_for_user

from . import actions
from .access import get_activity_for_user, get_actor_for_user, get_attachment_for_user, visible_actors
from .forms import ActivityForm, ActorFilterForm, ActorForm, AttachmentForm, ParticipationForm

logger = logging.getLogger(__name__)


@login_required
def actor_list(request):
    form = ActorFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    actors = visible_actors(request.user).select_related("organisation")
    if filters.get("q"):
        actors = actors.filter(name__icontains=filters["q"])
    if filters.get("sector"):
        actors = actors.filter(sector=filters["sector"])
    from django.db.models import Count

    actors = actors.annotate(project_count=Count("participations__project", distinct=True))
    page = Paginator(actors.order_by("name"), 50).get_page(request.GET.get("page"))
    can_create = bool(organisations_where(request.user, "coproduction.manage_actors"))
    return render(
        request, "coproduction/actor_list.html", {"form": form, "page": page, "can_create": can_create}
    )


@login_required
def actor_detail(request, pk):
    actor = get_actor_for_user(request.user, pk)
    participations = actor.participations.select_related("project", "project__phase")
    return render(
        request, "coproduction/actor_detail.html", {"actor": actor, "participations": participations}
    )


def _save_actor(request, organisation, actor=None):
    initial = (
        None
        if actor
        else {
            "country": organisation.country
            if organisation.country in {"SE", "NO", "DK", "FI", "IS"}
            else "SE"
        }
    )
    form = ActorForm(request.POST or None, instance=actor, initial=initial)
    if request.method == "POST" and form.is_valid():

        def save():
            return actions.save_actor(
                organisation=organisation, actor=actor, actor_user=request.user, **form.cleaned_data
            )

        with errors_onto(form):
            # a new actor is registered once however often its form is sent (a one-time token)
            actor = save() if actor else once(request, form, save)
        if not form.errors:
            if not isinstance(actor, Earlier):
                saved(request, _("The actor was saved."))
            return redirect(actor)
    title = _("Edit actor") if actor else _("Register an actor")
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": title, "back": actor, "organisation": None if actor else organisation},
    )


@login_required
def actor_create(request):
    return _save_actor(request, acting_organisation(request, "coproduction.manage_actors"))


@login_required
def actor_edit(request, pk):
    actor = get_actor_for_user(request.user, pk)
    require(request.user, "coproduction.manage_actors", actor)
    return _save_actor(request, actor.organisation, actor)


@login_required
def participation_add(request, pk, participation_pk=None):
    project = get_project_for_user(request.user, pk)
    require(request.user, "coproduction.change_participation", project)
    participation = (
        get_object_or_404(project.participations, pk=participation_pk) if participation_pk else None
    )
    form = ParticipationForm(request.POST or None, instance=participation, project=project)
    back = project.get_absolute_url() + "#coproduction"
    if request.method == "POST" and form.is_valid():

        def save():
            data = dict(form.cleaned_data)
            actor = data.pop("actor")
            return actions.save_participation(
                project=project, actor=actor, participation=participation, user=request.user, **data
            )

        with errors_onto(form):
            # a new participation is stored once however often its form is sent (a one-time token)
            result = save() if participation else once(request, form, save, url=lambda _saved: back)
        if not form.errors:
            if not isinstance(result, Earlier):
                saved(request, _("The participation was saved."))
            return redirect(back)
    title = _("Edit participation") if participation else _("Add a participating actor")
    return render(request, "pipeline/form.html", {"form": form, "title": title, "back": project})


@login_required
@require_POST
def participation_remove(request, pk, participation_pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "coproduction.change_participation", project)
    participation = get_object_or_404(project.participations, pk=participation_pk)
    actions.remove_participation(participation=participation, user=request.user)
    saved(request, _("The participation was removed."))
    return redirect(project.get_absolute_url() + "#coproduction")


@login_required
def activity_create(request, pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "coproduction.record_activity", project)
    form = ActivityForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            activity = once(
                request,
                form,
                lambda: actions.record_activity(project=project, user=request.user, **form.cleaned_data),
            )
        if not form.errors:
            if not isinstance(activity, Earlier):
                saved(request, _("The activity was recorded."))
            return redirect(activity)
    return render(
        request, "pipeline/form.html", {"form": form, "title": _("Record an activity"), "back": project}
    )


@login_required
def activity_edit(request, pk):
    activity = get_activity_for_user(request.user, pk)
    require(request.user, "coproduction.record_activity", activity.project)
    form = ActivityForm(request.POST or None, instance=activity, project=activity.project)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.update_activity(activity=activity, user=request.user, **form.cleaned_data)
        if not form.errors:
            saved(request, _("The activity was saved."))
            return redirect(activity)
    return render(
        request, "pipeline/form.html", {"form": form, "title": _("Edit activity"), "back": activity}
    )


@login_required
def activity_detail(request, pk):
    activity = get_activity_for_user(request.user, pk)
    can_record = request.user.has_perm("coproduction.record_activity", activity.project)
    attachments = activity.attachments.all() if _may_see_files(request.user, activity) else None
    return render(
        request,
        "coproduction/activity_detail.html",
        {
            "activity": activity,
            "attachments": attachments,
            "can_record": can_record,
            "attachment_form": AttachmentForm(),
            "tool_name": tool_name(activity),
        },
    )


def tool_name(activity):
    """The method tool's name in the active language, looked up in the project's method."""
    for phase in activity.project.method.phases.all():
        for tool in phase.tools:
            if tool.get("key") == activity.tool:
                return pick(tool["name"])
    return activity.tool


def _may_see_files(user, activity):
    return (
        roles_of(user).is_full_member(activity.organisation_id)
        or activity.project.team.filter(user=user).exists()
    )


@login_required
@require_POST
def attachment_add(request, pk):
    activity = get_activity_for_user(request.user, pk)
    require(request.user, "coproduction.record_activity", activity.project)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        with errors_onto(form):
            attachment = once(
                request,
                form,
                lambda: actions.attach_file(
                    activity=activity, upload=form.cleaned_data["file"], user=request.user
                ),
                url=lambda _attachment: activity.get_absolute_url(),
            )
        if not form.errors:
            if not isinstance(attachment, Earlier):
                saved(request, _("The file was attached."))
            return redirect(activity)
    return render(
        request,
        "coproduction/activity_detail.html",
        {
            "activity": activity,
            "attachments": activity.attachments.all(),
            "can_record": True,
            "attachment_form": form,
        },
        status=400,
    )


@login_required
def attachment_download(request, pk):
    attachment = get_attachment_for_user(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        # The row is there, the file is not (a restore without the files, a storage mix-up): say so.
        logger.error(
            "attachment %s: its file %s is missing from the storage", attachment.pk, attachment.file.name
        )
        message = _(
            "The file %(name)s is missing from the storage. Ask your administrator, or attach it again."
        )
        return render(request, "404.html", {"message": message % {"name": attachment.name}}, status=404)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
