from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Once a day, in a digest")
    OFF = "off", _("Never by email (only here)")


class Preference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(
        _("Email me"), max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )

    def __str__(self):
        return f"{self.user}: {self.email}"


class Kind(models.TextChoices):
    IDEA_STATUS = "idea_status", _("An idea's status changed")
    COMMENT = "comment", _("A new comment on something I follow")
    GATE_DECIDED = "gate_decided", _("A gate was decided on my project")
    EVALUATION_ASSIGNED = "evaluation_assigned", _("I was asked to evaluate ideas")
    HIDDEN = "hidden", _("A moderator hid something I wrote")
    LEAD_HANDED_OVER = "lead_handed_over", _("A project was handed to me to lead")


class Notification(models.Model):
    """Something a person should know. ``key`` names the event, so an event never notifies twice.

    The text is composed when shown, in the reader's language, from ``kind`` and ``data``.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    key = models.CharField(max_length=120)
    data = models.JSONField(default=dict)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_event")
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["emailed_at", "created_at"]),
        ]

    def __str__(self):
        return f"{self.recipient}: {self.kind}"
