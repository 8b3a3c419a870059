"""Which cached fragments a change to the pipeline makes stale (``core.fragments``).

Fragments name what they show: ``projects`` (anything across projects), ``programme:<pk>`` (a
programme's board and portfolio, a steering person's my work), ``organisation:<pk>`` (an organisation's
portfolio, its managers' my work). Ideas and challenges touch their programme and organisation. Every save and
delete of a project or a team seat, and of any row that belongs to a project and is connected with
``watch_rows_of_projects`` (assessments, for one), touches the names of its project. Renaming a phase
touches the programme that owns the method.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from innocities.core import fragments
from innocities.organisations.models import Organisation
from innocities.programmes.models import Phase, Programme

from .models import Challenge, Idea, Project, ProjectMember


def touch_project(programme_id, organisation_id) -> None:
    fragments.touch("projects", f"programme:{programme_id}", f"organisation:{organisation_id}")


FIELDS_BEFORE = ("programme_id", "organisation_id", "visibility", "status")


def _remember_owners(sender, instance, raw=False, **kwargs):
    """Before a save, what the row had (one read, shared by every listener): a row moved elsewhere must
    leave the fragments of its old owners too, and a row made less visible its public copies
    (``stored_before``)."""
    if instance.pk and not raw:
        instance._stored_before = sender.objects.filter(pk=instance.pk).values(*FIELDS_BEFORE).first()


def stored_before(instance) -> dict | None:
    """The challenge's, idea's or project's stored values before the save under way (None when new)."""
    return getattr(instance, "_stored_before", None)


def _owners(instance):
    now = (instance.programme_id, instance.organisation_id)
    before = stored_before(instance)
    return {now, (before["programme_id"], before["organisation_id"]) if before else now}


def _project_changed(sender, instance, **kwargs):
    for programme_id, organisation_id in _owners(instance):
        touch_project(programme_id, organisation_id)


def _row_of_project_changed(sender, instance, **kwargs):
    row = Project.objects.filter(pk=instance.project_id).values("programme_id", "organisation_id").first()
    if row:  # a row deleted with its project: the project's own delete touched its names
        touch_project(row["programme_id"], row["organisation_id"])


def _idea_or_challenge_changed(sender, instance, **kwargs):
    """Ideas and challenges show in the reviews of my work, by organisation and programme; a
    challenge's title also shows beside the ideas that answer it, in their organisations."""
    names = {n for p, o in _owners(instance) for n in (f"programme:{p}", f"organisation:{o}")}
    if isinstance(instance, Challenge) and instance.pk:
        answering = Idea.objects.filter(challenge_id=instance.pk).values_list("organisation_id", flat=True)
        names |= {f"organisation:{o}" for o in answering.distinct()}
    fragments.touch(*names)


def _owner_changed(sender, instance, **kwargs):
    """A programme or organisation renamed: the fragments that name it."""
    fragments.touch(f"{sender._meta.model_name}:{instance.pk}")


def _phase_changed(sender, instance, **kwargs):
    owner = instance.method.owner_programme_id if instance.method_id else None
    fragments.touch(f"programme:{owner}" if owner else "projects")


def watch_rows_of_projects(*models) -> None:
    """Rows with a ``project`` whose change shows on the project's board and portfolios."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(_row_of_project_changed, sender=model, dispatch_uid=f"fragments-{model.__name__}")


def watch() -> None:
    for model in (Project, Idea, Challenge):
        pre_save.connect(_remember_owners, sender=model, dispatch_uid=f"fragments-owners-{model.__name__}")
    for signal in (post_save, post_delete):
        signal.connect(_project_changed, sender=Project, dispatch_uid="fragments-project")
        signal.connect(_phase_changed, sender=Phase, dispatch_uid="fragments-phase")
        signal.connect(_idea_or_challenge_changed, sender=Idea, dispatch_uid="fragments-idea")
        signal.connect(_idea_or_challenge_changed, sender=Challenge, dispatch_uid="fragments-challenge")
        signal.connect(_owner_changed, sender=Programme, dispatch_uid="fragments-programme")
        signal.connect(_owner_changed, sender=Organisation, dispatch_uid="fragments-organisation")
    watch_rows_of_projects(ProjectMember)
