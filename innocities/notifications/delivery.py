"""Who hears of an event, and sending the email: each notification is emailed at most once."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .messages import text
from .models import Frequency, Kind, Notification, Preference


def _recipients(event: str, ids: dict):
    """(kind, key, data, url, people) for an event, or None when its object is gone."""
    from innocities.engagement.models import Comment, Follow
    from innocities.pipeline.models import GateDecision, IdeaStatusChange

    if event == "idea_status_changed":
        change = IdeaStatusChange.objects.filter(idea_id=ids["idea_id"]).select_related("idea").last()
        if change is None:
            return None
        idea = change.idea
        people = {idea.submitted_by_id} | set(
            Follow.objects.filter(idea=idea).values_list("user_id", flat=True)
        )
        people.discard(change.changed_by_id)
        data = {"idea": idea.title, "status_code": idea.status, "reason": change.reason}
        return Kind.IDEA_STATUS, f"idea-status-{change.pk}", data, _idea_url(idea), people
    if event == "comment_posted":
        comment = Comment.objects.filter(pk=ids["comment_id"]).select_related("idea", "author").first()
        if comment is None:
            return None
        idea = comment.idea
        people = {idea.submitted_by_id} | set(
            Follow.objects.filter(idea=idea).values_list("user_id", flat=True)
        )
        people.discard(comment.author_id)
        data = {"idea": idea.title, "author": comment.author.full_name if comment.author else "—"}
        return Kind.COMMENT, f"comment-{comment.pk}", data, _idea_url(idea) + f"#comment-{comment.pk}", people
    if event == "gate_decided":
        decision = (
            GateDecision.objects.filter(pk=ids["decision_id"]).select_related("project", "gate").first()
        )
        if decision is None:
            return None
        people = set(decision.project.team.values_list("user_id", flat=True))
        people.discard(decision.recorded_by_id)
        data = {
            "project": decision.project.title,
            "gate_name": decision.gate.name,
            "decision_code": decision.decision,
        }
        return Kind.GATE_DECIDED, f"gate-{decision.pk}", data, decision.project.get_absolute_url(), people
    if event == "content_hidden":
        from innocities.pipeline.models import Idea

        if ids.get("comment_id"):
            target = Comment.objects.filter(pk=ids["comment_id"]).select_related("idea").first()
            author_id, idea = (target.author_id, target.idea) if target else (None, None)
        else:
            idea = Idea.objects.filter(pk=ids["idea_id"]).first()
            author_id, target = (idea.submitted_by_id if idea else None), idea
        if target is None or not target.hidden_at:
            return None
        data = {"idea": idea.title, "reason": target.hidden_reason}
        key = f"hidden-{'c' if ids.get('comment_id') else 'i'}{target.pk}-{target.hidden_at.timestamp():.0f}"
        return Kind.HIDDEN, key, data, idea.get_public_url(), {author_id}
    if event == "evaluation_assigned":
        from innocities.evaluation.models import Evaluator

        evaluator = Evaluator.objects.filter(pk=ids["evaluator_id"]).select_related("challenge").first()
        if evaluator is None:
            return None
        data = {"challenge": evaluator.challenge.title}
        url = reverse("evaluation:round", args=[evaluator.challenge_id])
        return Kind.EVALUATION_ASSIGNED, f"evaluator-{evaluator.pk}", data, url, {evaluator.user_id}
    raise ValueError(f"unknown event {event}")


def _idea_url(idea):
    return idea.get_public_url() if idea.via_open_call else idea.get_absolute_url()


def deliver(event: str, ids: dict) -> list[Notification]:
    """Create the event's notifications (never twice) and email those who want it at once."""
    found = _recipients(event, ids)
    if found is None:
        return []
    kind, key, data, url, people = found
    created = []
    for user_id in sorted(p for p in people if p):
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(recipient_id=user_id, kind=kind, key=key, data=data, url=url)
                )
        except IntegrityError:
            continue  # this person was already told of this event
    immediate = set(
        Preference.objects.filter(
            user_id__in=[n.recipient_id for n in created], email=Frequency.IMMEDIATELY
        ).values_list("user_id", flat=True)
    ) | ({n.recipient_id for n in created} - set(Preference.objects.values_list("user_id", flat=True)))
    for notification in created:
        if notification.recipient_id in immediate:
            email(notification_ids=[notification.pk])
    return created


def email(*, notification_ids: list[int]) -> int:
    """Email one person the given notifications that were not emailed yet; returns how many were sent.

    The rows are claimed under a lock first, so two workers never send the same notification.
    """
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update()
            .filter(pk__in=notification_ids, emailed_at__isnull=True)
            .select_related("recipient")
        )
        if not pending:
            return 0
        recipient = pending[0].recipient
        if not recipient.is_active or not recipient.email:
            return 0
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            items = [(text(n), settings.SITE_URL + n.url) for n in pending]
            subject = (
                items[0][0]
                if len(items) == 1
                else render_to_string("notifications/digest_subject.txt", {"count": len(items)}).strip()
            )
            body = render_to_string(
                "notifications/email.txt",
                {
                    "items": items,
                    "user": recipient,
                    "site": settings.SITE_URL,
                    "needs_password": not recipient.has_usable_password(),
                },
            )
        send_mail(subject, body, None, [recipient.email])
    return len(pending)


def send_digests() -> dict:
    """One email per person who wants a daily digest, with everything not yet emailed; none if empty."""
    daily = Preference.objects.filter(email=Frequency.DAILY).values_list("user_id", flat=True)
    pending = Notification.objects.filter(recipient_id__in=daily, emailed_at__isnull=True).values_list(
        "recipient_id", "pk"
    )
    by_person: dict[int, list[int]] = {}
    for user_id, pk in pending:
        by_person.setdefault(user_id, []).append(pk)
    sent = sum(1 for ids in by_person.values() if email(notification_ids=ids))
    return {"people": sent, "notifications": sum(len(ids) for ids in by_person.values())}
