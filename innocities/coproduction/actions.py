"""Writes for actors, their participation in projects, and co-production activities."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innocities.core import audit
from innocities.core.uploads import check_upload
from innocities.pipeline.actions import set_team_member
from innocities.pipeline.models import TeamRole

from .identifiers import normalise_org_number
from .models import Activity, Actor, Attachment, Participation

ACTOR_FIELDS = (
    "name",
    "sector",
    "country",
    "org_number",
    "description",
    "contact_name",
    "contact_email",
    "consent_on",
    "consent_purpose",
)


def _normalised_name(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


def _check_actor(actor: Actor) -> None:
    errors = {}
    try:
        actor.org_number = normalise_org_number(actor.org_number, actor.country)
    except ValidationError as error:
        errors["org_number"] = error.messages
    others = Actor.objects.filter(organisation=actor.organisation).exclude(pk=actor.pk)
    if actor.org_number and others.filter(country=actor.country, org_number=actor.org_number).exists():
        errors.setdefault("org_number", []).append(
            _("An actor with this organisation number is already registered.")
        )
    actor.name_key = _normalised_name(actor.name)
    same_name = others.filter(name_key=actor.name_key).first()
    if same_name:
        errors.setdefault("name", []).append(
            _("“%(name)s” is already registered as an actor.") % {"name": same_name.name}
        )
    if (actor.contact_name or actor.contact_email) and not (
        actor.consent_on and actor.consent_purpose.strip()
    ):
        errors.setdefault("consent_on", []).append(
            _("Contact data may only be kept with a recorded consent and its purpose.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_actor(*, organisation, actor: Actor | None = None, actor_user, **fields) -> Actor:
    """Register or update an actor; catches duplicates by organisation number and by name."""
    actor = actor or Actor(organisation=organisation)
    for name in ACTOR_FIELDS:
        if name in fields:
            setattr(actor, name, fields[name] if fields[name] is not None else getattr(actor, name))
    actor.name = actor.name.strip()
    _check_actor(actor)
    actor.full_clean()
    actor.save()
    audit.record(actor=actor_user, verb="save_actor", obj=actor, organisation=organisation)
    return actor


@transaction.atomic
def save_participation(*, project, actor: Actor, participation: Participation | None = None, user, **fields):
    """Record an actor's role and depth in a project; a named partner person joins the project's team."""
    if actor.organisation_id != project.organisation_id:
        raise ValidationError({"actor": _("Choose one of your organisation's actors.")})
    participation = participation or Participation(project=project, organisation_id=project.organisation_id)
    participation.actor = actor
    for name, value in fields.items():
        setattr(participation, name, value)
    if participation.commitment and not participation.commitment_on:
        raise ValidationError({"commitment_on": _("Give the date of the letter of intent or agreement.")})
    if participation.starts_on and participation.ends_on and participation.ends_on < participation.starts_on:
        raise ValidationError({"ends_on": _("The end date is before the start date.")})
    if (
        Participation.objects.filter(project=project, actor=actor, role=participation.role)
        .exclude(pk=participation.pk)
        .exists()
    ):
        raise ValidationError({"role": _("This actor already has this role in the project.")})
    participation.full_clean()
    participation.save()
    if participation.person_id:
        set_team_member(project=project, user=participation.person, role=TeamRole.PARTNER, actor=user)
    audit.record(actor=user, verb="save_participation", obj=participation, organisation=project.organisation)
    return participation


@transaction.atomic
def remove_participation(*, participation: Participation, user) -> None:
    audit.record(
        actor=user,
        verb="remove_participation",
        obj=participation,
        organisation=participation.project.organisation,
    )
    participation.delete()


@transaction.atomic
def record_activity(*, project, user, **fields) -> Activity:
    phase = fields.get("phase")
    if phase is not None and phase.method_id != project.method_id:
        raise ValidationError({"phase": _("Choose one of the project's phases.")})
    activity = Activity(project=project, organisation_id=project.organisation_id, created_by=user, **fields)
    activity.full_clean()
    activity.save()
    audit.record(actor=user, verb="record_activity", obj=activity, organisation=project.organisation)
    return activity


@transaction.atomic
def update_activity(*, activity: Activity, user, **fields) -> Activity:
    for name, value in fields.items():
        setattr(activity, name, value)
    if activity.phase.method_id != activity.project.method_id:
        raise ValidationError({"phase": _("Choose one of the project's phases.")})
    activity.full_clean()
    activity.save()
    audit.record(actor=user, verb="update_activity", obj=activity, organisation=activity.project.organisation)
    return activity


@transaction.atomic
def attach_file(*, activity: Activity, upload, user) -> Attachment:
    """Keep a file with an activity after checking its size and its type from its content."""
    try:
        content_type, size = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    name = (upload.name or "file").replace("/", "_").replace("\\", "_")[-200:]
    attachment = Attachment.objects.create(
        organisation_id=activity.organisation_id,
        activity=activity,
        file=upload,
        name=name,
        content_type=content_type,
        size=size,
        uploaded_by=user,
    )
    audit.record(actor=user, verb="attach_file", obj=attachment, organisation=activity.project.organisation)
    return attachment
