"""Writes for open calls, citizens' contributions and their moderation."""

from datetime import date

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from innocities.accounts.roles import roles_of
from innocities.core import audit
from innocities.core.events import publish
from innocities.core.ratelimit import allow
from innocities.pipeline.models import Challenge, ChallengeStatus, Idea, Visibility

from .models import Block, Comment, Follow, OpenCall, Report, Support

IDEAS_PER_HOUR = 5
COMMENTS_PER_HOUR = 20
REPORTS_PER_HOUR = 10


@transaction.atomic
def publish_call(
    *, challenge: Challenge, invitation: str, opens_on: date, closes_on: date, actor
) -> OpenCall:
    """Publish a challenge as an open call: from the opening day its title and description are shown
    on the public call page (the challenge's own visibility inside the platform stays as it was)."""
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The call closes before it opens.")})
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("The closing date has already passed.")})
    call, _created = OpenCall.objects.update_or_create(
        challenge=challenge,
        defaults={
            "organisation_id": challenge.organisation_id,
            "invitation": invitation.strip(),
            "opens_on": opens_on,
            "closes_on": closes_on,
            "published_by": actor,
            "closed_at": None,
        },
    )
    if challenge.status != ChallengeStatus.OPEN:
        challenge.status = ChallengeStatus.OPEN
        challenge.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, verb="publish_call", obj=call, organisation=challenge.organisation)
    return call


@transaction.atomic
def close_call(*, call: OpenCall, actor) -> OpenCall:
    call.closed_at = timezone.now()
    call.save(update_fields=["closed_at"])
    audit.record(actor=actor, verb="close_call", obj=call, organisation=call.organisation)
    return call


def _check_citizen(user, organisation_id, *, scope, limit) -> None:
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        raise ValidationError(
            _("Confirm your email address first: follow the link in the email we sent you.")
        )
    if Block.objects.filter(organisation_id=organisation_id, user=user).exists():
        raise ValidationError(_("You can no longer take part in this organisation's open calls."))
    if not allow(scope, user.pk, limit=limit, seconds=3600):
        raise ValidationError(_("You have sent a lot in a short time. Please wait a while and try again."))


@transaction.atomic
def submit_call_idea(*, call: OpenCall, title: str, description: str, actor) -> Idea:
    """A citizen's idea for an open call: public, answered with a reason at every change of status."""
    if not call.is_open:
        raise ValidationError(_("This call is not open for ideas."))
    _check_citizen(actor, call.organisation_id, scope="idea", limit=IDEAS_PER_HOUR)
    challenge = call.challenge
    idea = Idea(
        organisation_id=call.organisation_id,
        programme_id=challenge.programme_id,
        challenge=challenge,
        title=title.strip(),
        description=description.strip(),
        submitted_by=actor,
        visibility=Visibility.PUBLIC,
        via_open_call=True,
    )
    idea.full_clean()
    idea.save()
    Follow.objects.get_or_create(idea=idea, user=actor)
    audit.record(actor=actor, verb="submit_call_idea", obj=idea, organisation=idea.organisation)
    return idea


@transaction.atomic
def post_comment(*, idea: Idea, text: str, actor) -> Comment:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write a comment.")})
    official = roles_of(actor).is_full_member(idea.organisation_id)
    if not official:
        _check_citizen(actor, idea.organisation_id, scope="comment", limit=COMMENTS_PER_HOUR)
    comment = Comment.objects.create(
        organisation_id=idea.organisation_id, idea=idea, author=actor, text=text, is_official=official
    )
    audit.record(actor=actor, verb="post_comment", obj=comment, organisation=idea.organisation)
    publish("comment_posted", comment_id=comment.pk)
    return comment


@transaction.atomic
def support_idea(*, idea: Idea, actor) -> bool:
    """Support an idea once; a second support changes nothing. Returns whether it was new."""
    if idea.submitted_by_id == actor.pk:
        raise ValidationError(_("You cannot support your own idea."))
    _check_citizen(actor, idea.organisation_id, scope="support", limit=100)
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, user=actor)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def set_following(*, idea: Idea, actor, follow: bool) -> None:
    if follow:
        Follow.objects.get_or_create(idea=idea, user=actor)
    else:
        Follow.objects.filter(idea=idea, user=actor).delete()


@transaction.atomic
def report(*, actor, reason: str, idea: Idea | None = None, comment: Comment | None = None) -> Report:
    target = idea or comment
    author_id = idea.submitted_by_id if idea else comment.author_id
    if author_id == actor.pk:
        raise ValidationError(_("You cannot report what you wrote yourself."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say what is wrong.")})
    if not allow("report", actor.pk, limit=REPORTS_PER_HOUR, seconds=3600):
        raise ValidationError(_("You have sent a lot in a short time. Please wait a while and try again."))
    return Report.objects.create(
        organisation_id=target.organisation_id, idea=idea, comment=comment, reporter=actor, reason=reason
    )


def _moderated(obj, *, reason, actor, verb):
    reason = reason.strip()
    if verb.startswith("hide") and not reason:
        raise ValidationError({"reason": _("Give the reason: the author sees it.")})
    obj.hidden_reason = reason if verb.startswith("hide") else ""
    obj.hidden_at = timezone.now() if verb.startswith("hide") else None
    obj.save(update_fields=["hidden_reason", "hidden_at"])
    target = obj.idea if isinstance(obj, Comment) else obj
    Report.objects.filter(
        **{"comment" if isinstance(obj, Comment) else "idea": obj}, resolved_at__isnull=True
    ).update(resolved_at=timezone.now(), resolved_by=actor)
    what = obj.title if isinstance(obj, Idea) else obj.text[:80]
    if verb == "hide":
        publish(
            "content_hidden", **({"comment_id": obj.pk} if isinstance(obj, Comment) else {"idea_id": obj.pk})
        )
    audit.record(
        actor=actor, verb=verb, obj=obj, organisation=target.organisation, reason=reason, target=what
    )
    return obj


@transaction.atomic
def hide(*, obj, reason: str, actor):
    """Hide an idea or comment from the public with a reason its author can read."""
    return _moderated(obj, reason=reason, actor=actor, verb="hide")


@transaction.atomic
def unhide(*, obj, actor):
    return _moderated(obj, reason="", actor=actor, verb="unhide")


@transaction.atomic
def dismiss_report(*, report: Report, actor) -> Report:
    report.resolved_at, report.resolved_by = timezone.now(), actor
    report.save(update_fields=["resolved_at", "resolved_by"])
    audit.record(actor=actor, verb="dismiss_report", obj=report, organisation=report.organisation)
    return report


@transaction.atomic
def block_user(*, organisation, user, reason: str, actor) -> Block:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for blocking.")})
    if roles_of(user).is_full_member(organisation.pk):
        raise ValidationError(_("Members of the organisation cannot be blocked here."))
    block, _created = Block.objects.update_or_create(
        organisation=organisation, user=user, defaults={"reason": reason, "blocked_by": actor}
    )
    # The person's reported contributions need no more attention from this organisation's moderators.
    Report.objects.filter(
        Q(idea__submitted_by=user) | Q(comment__author=user),
        organisation=organisation,
        resolved_at__isnull=True,
    ).update(resolved_at=timezone.now(), resolved_by=actor)
    audit.record(
        actor=actor,
        verb="block_user",
        obj=block,
        organisation=organisation,
        reason=reason,
        target=user.full_name,
    )
    return block
