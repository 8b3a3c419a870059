"""What the catalogue makes searchable, and the index and thesaurus following their rows.

Challenges, ideas, projects and organisations are declared here, because the catalogue is what
gives them public pages; their visibility is the pipeline's own rule (``visible_copy_q``). A module
above the pipeline declares its own kinds the same way (``registry.add_searchable``).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innocities.accounts import nav as can
from innocities.core import fragments, registry
from innocities.core.i18n import pick
from innocities.core.settings_values import open_data_hour
from innocities.learning.models import Lesson
from innocities.organisations.acting import organisations_where
from innocities.organisations.models import Organisation
from innocities.pipeline.access import visible_copy_q, visible_projects
from innocities.pipeline.models import Challenge, ChallengeStatus, Idea, Project, Visibility
from innocities.pipeline.watch import stored_before

from . import index
from .actions import sector_labels
from .models import Concept, Reuse, Term
from .queries import reused_by
from .similar import draft_matches, similar_to_project
from .tasks import generate_open_data


def _joined(*texts) -> str:
    return "\n".join(t for t in texts if t)


def _language(obj) -> str:
    return obj.language or obj.organisation.language


def _project(project: Project) -> dict:
    language = _language(project)
    area = pick(project.focus_area.name, language) if project.focus_area_id else ""
    public = project.visibility == Visibility.PUBLIC
    return {
        "title": project.title,
        "summary": project.summary,
        "body": _joined(
            project.problem,
            project.expected_benefits,
            project.receiving_unit,
            area,
            project.organisation.name,
        ),
        "language": language,
        "organisation_id": project.organisation_id,
        "visibility": project.visibility,
        "url": project.get_absolute_url(),
        "public_url": reverse("catalogue:project", args=[project.pk]) if public else "",
        "status": project.status,
    }


def _challenge(challenge: Challenge) -> dict:
    language = _language(challenge)
    area = pick(challenge.focus_area.name, language) if challenge.focus_area_id else ""
    public = challenge.visibility == Visibility.PUBLIC and challenge.status != ChallengeStatus.DRAFT
    return {
        "title": challenge.title,
        "summary": challenge.description,
        "body": _joined(challenge.evidence, area, challenge.organisation.name),
        "language": language,
        "organisation_id": challenge.organisation_id,
        "visibility": challenge.visibility,
        "url": challenge.get_absolute_url(),
        "public_url": reverse("catalogue:challenge", args=[challenge.pk]) if public else "",
        "status": challenge.status,
    }


def _idea(idea: Idea) -> dict | None:
    if idea.hidden_at:
        return None  # hidden by a moderator: only its author and the moderators see it, on its own page
    # An idea sent to an open call is public on the call's page, whatever else it says.
    public = idea.via_open_call
    return {
        "title": idea.title,
        "summary": idea.description,
        "body": idea.organisation.name,
        "language": _language(idea),
        "organisation_id": idea.organisation_id,
        "visibility": Visibility.PUBLIC if public else idea.visibility,
        "url": idea.get_public_url() if public else idea.get_absolute_url(),
        "public_url": idea.get_public_url() if public else "",
        "status": idea.status,
    }


def _organisation(organisation: Organisation) -> dict:
    return {
        "title": organisation.name,
        "summary": organisation.description,
        "body": _joined(organisation.get_kind_display(), organisation.get_country_display()),
        "language": organisation.language,
        "organisation_id": organisation.pk,
        "visibility": Visibility.PUBLIC,
        "url": organisation.get_absolute_url(),
        "public_url": reverse("catalogue:organisation", args=[organisation.slug]),
        "status": "",
    }


SEARCHABLES = [
    registry.Searchable(
        kind="project",
        order=10,
        label=_("Projects"),
        model="pipeline.Project",
        document=_project,
        visible=lambda user: visible_copy_q(user, team=True),
        objects=lambda: Project.objects.select_related("organisation", "focus_area"),
    ),
    registry.Searchable(
        kind="challenge",
        order=20,
        label=_("Challenges"),
        model="pipeline.Challenge",
        document=_challenge,
        visible=visible_copy_q,
        objects=lambda: Challenge.objects.select_related("organisation", "focus_area"),
    ),
    registry.Searchable(
        kind="idea",
        order=30,
        label=_("Ideas"),
        model="pipeline.Idea",
        document=_idea,
        visible=visible_copy_q,
        objects=lambda: Idea.objects.select_related("organisation"),
    ),
    registry.Searchable(
        kind="organisation",
        order=40,
        label=_("Organisations"),
        model="organisations.Organisation",
        document=_organisation,
        visible=lambda user: Q(visibility=Visibility.PUBLIC),
        objects=lambda: Organisation.objects.all(),
    ),
]


def _project_panel(request, project):
    return {"matches": similar_to_project(request.user, project), "public": False}


def _text(form, *names) -> str:
    return next(
        (form.data.get(form.add_prefix(n), "") for n in names if form.data.get(form.add_prefix(n))), ""
    )


def _draft_panel(request, draft):
    form, checked = draft["form"], "check_similar" in request.POST
    data = {name: _text(form, name) for name in ("title", "summary", "description", "focus_area")}
    matches = draft_matches(request.user, draft["organisation"], data) if checked else []
    return {
        "matches": matches,
        "checked": checked,
        "organisation": draft["organisation"],
        "kind": draft["kind"],
    }


def _reuse_panel(request, project):
    reuse = Reuse.objects.filter(project=project).select_related("origin__organisation").first()
    origin_visible = reuse is not None and visible_projects(request.user).filter(pk=reuse.origin_id).exists()
    public = project.visibility == Visibility.PUBLIC
    may_reuse = public and any(
        o.pk != project.organisation_id for o in organisations_where(request.user, "pipeline.add_project")
    )
    if reuse is None and not public:
        return None
    return {
        "reuse": reuse,
        "origin_visible": origin_visible,
        "reuse_package": {
            "tools": reuse.tools,
            "sectors": reuse.sectors,
            "sector_labels": sector_labels(reuse.sectors),
            "indicators": list(reuse.indicators.all()),
        }
        if reuse
        else None,
        "reused_by": reused_by(request.user, project) if public else 0,
        "may_reuse": may_reuse,
    }


# --- open data leaves with what leaves the public ----------------------------------------------------
# The files are made every night; a row that stops being public (made private, made a draft, deleted)
# must not wait for the night: its files are made again as soon as the change is committed.


def _public_now(instance) -> bool:
    return instance.visibility == Visibility.PUBLIC and getattr(instance, "status", "") != "draft"


def _remember_public(sender, instance, raw=False, **kwargs):
    """Lessons only: the pipeline's own rows are read once before their save (``stored_before``)."""
    if not raw and instance.pk:
        instance._stored_before = sender.objects.filter(pk=instance.pk).values("visibility").first()


def _was_public(instance) -> bool:
    before = stored_before(instance)
    return bool(before) and before["visibility"] == Visibility.PUBLIC and before.get("status") != "draft"


def _regenerate_open_data():
    transaction.on_commit(generate_open_data.enqueue)


def _maybe_left_public(sender, instance, raw=False, **kwargs):
    if not raw and _was_public(instance) and not _public_now(instance):
        _regenerate_open_data()


def _deleted(sender, instance, **kwargs):
    if instance.visibility == Visibility.PUBLIC:
        _regenerate_open_data()


def _catalogue_changed(**kwargs):
    """Challenges, calls, organisations and lessons show on the catalogue's cached pages."""
    fragments.touch("catalogue")


def _thesaurus_changed(**kwargs):
    fragments.touch("thesaurus")


def register() -> None:
    for searchable in SEARCHABLES:
        registry.add_searchable(searchable)
    index.connect()
    registry.add_nav(
        registry.NavItem(
            key="catalogue",
            order=55,
            label=_("Catalogue"),
            url_name="catalogue:index",
            visible=can.everyone,
            group="main",
        )
    )
    registry.add_daily(
        registry.Daily(key="open data", hour=open_data_hour, enqueue=generate_open_data.enqueue)
    )
    registry.add_panel(
        "project",
        registry.Panel(
            key="similar",
            order=70,
            template="catalogue/_similar_panel.html",
            context=_project_panel,
            label=_("Similar work elsewhere"),
        ),
    )
    registry.add_panel(
        "project",
        registry.Panel(
            key="reuse",
            order=5,
            template="catalogue/_reuse_panel.html",
            context=_reuse_panel,
            label=_("Reuse"),
        ),
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="catalogue.Reuse",
            fields=("created_by",),
            section="projects_reused",
            export=lambda u: registry.rows(
                Reuse.objects.filter(created_by=u), "project__title", "origin__title"
            ),
        )
    )
    registry.add_panel(
        "draft",
        registry.Panel(key="similar", order=10, template="catalogue/_draft_panel.html", context=_draft_panel),
    )
    for model in (
        "pipeline.Challenge",
        "organisations.Organisation",
        "engagement.OpenCall",
        "learning.Lesson",
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                _catalogue_changed, sender=model, dispatch_uid=f"catalogue-{model}-{signal is post_save}"
            )
    pre_save.connect(_remember_public, sender=Lesson, dispatch_uid="open-data-Lesson-before")
    for model in (Project, Challenge, Lesson):
        uid = f"open-data-{model.__name__}"
        post_save.connect(_maybe_left_public, sender=model, dispatch_uid=f"{uid}-after")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
    for model in (Concept, Term):
        post_save.connect(_thesaurus_changed, sender=model, dispatch_uid=f"thesaurus-save-{model.__name__}")
        post_delete.connect(
            _thesaurus_changed, sender=model, dispatch_uid=f"thesaurus-delete-{model.__name__}"
        )
