"""Lessons learned: what a project's team says worked, what did not, and what it advises others,
recorded at a gate decision or when the project is stopped, implemented or scaled."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick
from innocities.pipeline.models import Visibility


class Occasion(models.TextChoices):
    GATE = "gate", _("At a gate decision")
    STOPPED = "stopped", _("The project was stopped")
    IMPLEMENTED = "implemented", _("The project was implemented")
    SCALED = "scaled", _("The project was scaled")


class Lesson(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey("pipeline.Project", on_delete=models.CASCADE, related_name="lessons")
    decision = models.OneToOneField(
        "pipeline.GateDecision", null=True, blank=True, on_delete=models.SET_NULL, related_name="lesson"
    )
    occasion = models.CharField(_("when"), max_length=20, choices=Occasion.choices)
    phase = models.ForeignKey("programmes.Phase", on_delete=models.PROTECT, related_name="+")
    what_worked = models.TextField(_("what worked"))
    what_did_not = models.TextField(_("what did not work"), blank=True)
    advice = models.TextField(_("advice to others"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    language = models.CharField(_("written in"), max_length=5, choices=settings.LANGUAGES)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_on = models.DateField(_("recorded on"))
    revision = models.PositiveIntegerField(default=0, editable=False)  # core.revisions: bumped by each edit
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "visibility"]),
            models.Index(fields=["project", "recorded_on"]),
        ]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self):
        return f"{self.project}: {self.get_occasion_display()}"

    def get_absolute_url(self):
        return reverse("learning:lesson", args=[self.pk])


class ToolUse(models.Model):
    """A method tool the team used, as the method named it on the day, and how useful it was (1–5)."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="tools")
    key = models.SlugField(max_length=60)
    name = models.JSONField()
    usefulness = models.PositiveSmallIntegerField(
        _("how useful"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        ordering = ["-usefulness", "key"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "key"], name="one_rating_per_tool"),
            models.CheckConstraint(
                condition=models.Q(usefulness__gte=1, usefulness__lte=5), name="usefulness_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.usefulness}"

    @property
    def label(self):
        return pick(self.name)
