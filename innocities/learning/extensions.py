"""What lessons learned add to the house: a panel on the project page (and a prompt after each
decision), the menu entry, their place in search, and how the recorder's name is exported and erased."""

from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from innocities.accounts import nav as can
from innocities.core import registry
from innocities.pipeline.models import Project, ProjectStatus, Visibility
from innocities.pipeline.watch import stored_before

from .access import document_q, effective_visibility, visible_lessons
from .models import Lesson, Occasion


def _project_panel(request, project):
    lessons = list(visible_lessons(request.user).filter(project=project).prefetch_related("tools"))
    can_record = request.user.has_perm("pipeline.report_progress", project)
    waiting = None
    if can_record:  # the team sees every lesson of its project: the list tells what is recorded
        decision = project.gate_decisions.filter(annulled_at__isnull=True).select_related("gate").first()
        if decision is not None and not any(lesson.decision_id == decision.pk for lesson in lessons):
            waiting = decision
    # Scaling is a steering decision of its own (no gate): the team is asked what scaling taught them.
    scaled_unrecorded = project.status == ProjectStatus.SCALED and not any(
        lesson.occasion == Occasion.SCALED for lesson in lessons
    )
    if not lessons and not can_record:
        return None
    return {
        "project": project,
        "lessons": lessons,
        "can_record": can_record,
        "waiting": waiting,
        "scaled_unrecorded": scaled_unrecorded,
    }


def _document(lesson: Lesson) -> dict:
    visibility = effective_visibility(lesson)
    tools = ", ".join(t.label for t in lesson.tools.all())
    return {
        "title": lesson.project.title,
        "summary": lesson.what_worked,
        "body": "\n".join(
            t for t in (lesson.what_did_not, lesson.advice, tools, lesson.organisation.name) if t
        ),
        "language": lesson.language,
        "organisation_id": lesson.organisation_id,
        "visibility": visibility,
        "url": lesson.get_absolute_url(),
        "public_url": lesson.get_absolute_url() if visibility == Visibility.PUBLIC else "",
        "status": lesson.occasion,
    }


def _project_saved(sender, instance, raw=False, **kwargs):
    """A project's visibility bounds its lessons': when it changes, each lesson is announced as saved
    (nothing written), so that the search index copies it again. Other saves cost nothing here."""
    before = stored_before(instance)  # read once by the pipeline before the save
    if raw or before is None or before["visibility"] == instance.visibility:
        return
    for lesson in Lesson.objects.filter(project=instance).select_related("project", "organisation"):
        post_save.send(sender=Lesson, instance=lesson, created=False, raw=False, update_fields=None)


def register() -> None:
    registry.add_panel(
        "project",
        registry.Panel(
            key="lessons",
            order=60,
            template="learning/_project_panel.html",
            context=_project_panel,
            label=_("Lessons learned"),
        ),
    )
    registry.add_nav(
        registry.NavItem(
            key="lessons",
            order=65,
            label=_("Lessons learned"),
            url_name="learning:lessons",
            visible=can.everyone,
            group="more",
        )
    )
    registry.add_searchable(
        registry.Searchable(
            kind="lesson",
            order=25,
            label=_("Lessons learned"),
            model="learning.Lesson",
            document=_document,
            visible=document_q,
            objects=lambda: Lesson.objects.select_related("project", "organisation").prefetch_related(
                "tools"
            ),
        )
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="learning.Lesson",
            fields=("recorded_by",),
            section="lessons_recorded",
            export=lambda u: registry.rows(
                Lesson.objects.filter(recorded_by=u),
                "project__title",
                "occasion",
                "recorded_on",
                "what_worked",
            ),
        )
    )
    post_save.connect(_project_saved, sender=Project, dispatch_uid="learning-project-visibility")
