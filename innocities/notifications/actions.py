"""What a person does with their own notifications: read them and choose how often email comes."""

from django.utils import timezone

from .models import Preference


def mark_all_read(*, user) -> int:
    return user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())


def mark_read(*, notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def save_preferences(*, user, email: str, language: str) -> None:
    Preference.objects.update_or_create(user=user, defaults={"email": email})
    user.language = language
    user.save(update_fields=["language"])
