"""Lessons learned: recorded by a project's team, read by anyone the lesson's visibility allows."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from innocities.core.paging import page_of
from innocities.core.views import create_once, errors_onto, require, saved
from innocities.pipeline.access import get_project_for_user
from innocities.pipeline.models import GateDecision

from . import actions
from .access import get_lesson_for_user, visible_lessons
from .forms import LessonEditForm, LessonFilterForm, LessonForm

PER_PAGE = 20


def lesson_list(request):
    """Every lesson the reader may see, newest first; for a visitor, the public ones."""
    form = LessonFilterForm(request.GET or None)
    lessons = visible_lessons(request.user)
    if form.is_valid():
        if form.cleaned_data["occasion"]:
            lessons = lessons.filter(occasion=form.cleaned_data["occasion"])
        if form.cleaned_data["tool"]:
            lessons = lessons.filter(tools__key=form.cleaned_data["tool"])
    lessons = lessons.select_related("project", "organisation").prefetch_related("tools")
    return render(
        request, "learning/lesson_list.html", {"form": form, "page": page_of(request, lessons, PER_PAGE)}
    )


def lesson_detail(request, pk):
    lesson = get_lesson_for_user(request.user, pk)
    can_edit = request.user.is_authenticated and request.user.has_perm(
        "pipeline.report_progress", lesson.project
    )
    return render(
        request,
        "learning/lesson_detail.html",
        {"lesson": lesson, "tools": lesson.tools.all(), "can_edit": can_edit},
    )


def _decision(project, value):
    if not value:
        return None
    try:
        return GateDecision.objects.select_related("to_phase", "from_phase").get(
            pk=int(value), project=project, annulled_at__isnull=True
        )
    except (ValueError, TypeError, GateDecision.DoesNotExist):
        raise Http404 from None


@login_required
def lesson_create(request, pk):
    project = get_project_for_user(request.user, pk)
    require(request.user, "pipeline.report_progress", project)
    decision = _decision(project, request.GET.get("decision") or request.POST.get("decision"))
    form = LessonForm(request.POST or None, project=project)
    if request.method == "POST":
        response = create_once(
            request,
            form,
            lambda: actions.record_lesson(
                project=project,
                actor=request.user,
                decision=decision,
                tools=form.ratings(),
                catalogue=form.catalogue,
                **form.lesson_fields(),
            ),
            message=_("The lesson was recorded. Thank you: others can now learn from it."),
        )
        if response:
            return response
    return render(
        request,
        "learning/lesson_form.html",
        {"form": form, "project": project, "decision": decision, "title": _("Record a lesson learned")},
        status=400 if form.errors else 200,
    )


@login_required
def lesson_edit(request, pk):
    lesson = get_lesson_for_user(request.user, pk)
    require(request.user, "pipeline.report_progress", lesson.project)
    form = LessonEditForm(request.POST or None, instance=lesson, project=lesson.project)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.update_lesson(
                lesson=lesson,
                actor=request.user,
                revision=form.cleaned_data["revision"],
                tools=form.ratings(),
                catalogue=form.catalogue,
                **form.lesson_fields(),
            )
        if not form.errors:
            saved(request, _("The lesson was saved."))
            return redirect(lesson)
    return render(
        request,
        "learning/lesson_form.html",
        {"form": form, "project": lesson.project, "decision": lesson.decision, "title": _("Edit the lesson")},
        status=400 if form.errors else 200,
    )
