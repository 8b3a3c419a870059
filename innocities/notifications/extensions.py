"""What notifications adds to the house: it hears every published event, and accounts for its rows."""

from innocities.core import events, registry, tasks
from innocities.core.settings_values import digest_hour

from .models import Notification, Preference
from .tasks import deliver_event, send_digests


def _enqueue(name: str, ids: dict) -> None:
    tasks.enqueue(deliver_event, name, ids)


def _rows(user):
    return [
        {
            "kind": n.kind,
            "data": n.data,
            "created_at": n.created_at.isoformat(),
            "read_at": n.read_at.isoformat() if n.read_at else None,
            "emailed_at": n.emailed_at.isoformat() if n.emailed_at else None,
        }
        for n in Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")
    ]


def _preference(user):
    return [{"email": p.email} for p in Preference.objects.filter(user=user).order_by("pk")]


def _erase(user, successor) -> None:
    """The person's own notifications go; where others' name them (``person``), the name is blanked."""
    Notification.objects.filter(recipient=user).delete()
    for notification in Notification.objects.filter(data__person_id=user.pk):
        notification.data = {**notification.data, "person": ""}
        notification.save(update_fields=["data"])


def register() -> None:
    events.subscribe(_enqueue)
    registry.add_daily(registry.Daily(key="daily digests", hour=digest_hour, enqueue=send_digests.enqueue))
    registry.add_personal_data(
        registry.PersonalData(
            model="notifications.Notification",
            fields=("recipient",),
            section="notifications",
            export=_rows,
            erase=_erase,
        )
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="notifications.Preference",
            fields=("user",),
            section="notification_preferences",
            export=_preference,
            erase=lambda user, successor: Preference.objects.filter(user=user).delete(),
        )
    )
