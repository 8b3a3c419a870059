"""Citizens and the organisation in conversation: open calls, comments, support, follows, moderation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OpenCall(models.Model):
    """A challenge published for anyone to answer with ideas during a period."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    challenge = models.OneToOneField("pipeline.Challenge", on_delete=models.CASCADE, related_name="open_call")
    invitation = models.TextField(_("invitation to citizens"))
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)  # closed before its closing date
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["closes_on"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="call_period")
        ]
        indexes = [models.Index(fields=["opens_on", "closes_on"])]
        verbose_name = _("open call")

    def __str__(self):
        return self.challenge.title

    def get_absolute_url(self):
        return reverse("engagement:call", args=[self.pk])

    @property
    def is_open(self):
        return self.closed_at is None and self.opens_on <= timezone.localdate() <= self.closes_on


class Comment(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey("pipeline.Idea", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    text = models.TextField(_("comment"), max_length=3000)
    is_official = models.BooleanField(default=False)  # written by the organisation's own people
    hidden_reason = models.TextField(blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["idea", "created_at"])]

    def __str__(self):
        return self.text[:40]


class Support(models.Model):
    idea = models.ForeignKey("pipeline.Idea", on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="support_once")]

    def __str__(self):
        return f"{self.user_id} supports {self.idea_id}"


class Follow(models.Model):
    idea = models.ForeignKey("pipeline.Idea", on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="follow_once")]

    def __str__(self):
        return f"{self.user_id} follows {self.idea_id}"


class Report(models.Model):
    """Someone's report of an idea or comment that breaks the rules, for the organisation's moderators."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(
        "pipeline.Idea", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("what is wrong?"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=False) | Q(comment__isnull=False), name="report_has_target"
            )
        ]
        indexes = [models.Index(fields=["organisation", "resolved_at"])]

    def __str__(self):
        return self.reason[:40]


class Block(models.Model):
    """A person blocked from taking part in an organisation's open calls."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"))
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="block_once")]

    def __str__(self):
        return f"{self.user_id} blocked in {self.organisation_id}"
