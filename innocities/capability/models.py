"""The innovation-capability self-assessment: an instrument held as data, rounds of anonymous answers.

Anonymity: an ``Invitation`` records that a person was asked and has answered; a ``Response`` holds
the answers with no link to the person, and only the day it came in.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick

MIN_RESPONDENTS = 5  # no figure or count stands for fewer people than this (see anonymity.py)


class Instrument(models.Model):
    key = models.SlugField(max_length=60)
    version = models.PositiveIntegerField()
    name = models.JSONField()
    description = models.JSONField(default=dict)
    scale = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "version"], name="one_instrument_version")]

    def __str__(self):
        return f"{pick(self.name)} v{self.version}"


class Dimension(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="dimensions")
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField()
    name = models.JSONField()

    class Meta:
        ordering = ["instrument", "order"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.name)


class Statement(models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="statements")
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField()
    text = models.JSONField()

    class Meta:
        ordering = ["dimension", "order"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.text)


class Fact(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="facts")
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField()
    text = models.JSONField()

    class Meta:
        ordering = ["instrument", "order"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.text)


class RoundKind(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    YEARLY = "yearly", _("Yearly follow-up")


class SurveyRoundQuerySet(models.QuerySet):
    def ended(self, today):
        """Rounds closed by a manager or whose last day has passed."""
        return self.filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today))

    def open_on(self, today):
        return self.filter(closed_at__isnull=True, opens_on__lte=today, closes_on__gte=today)


class SurveyRound(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=RoundKind.choices)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SurveyRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="round_period")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.opens_on:%Y}"

    def get_absolute_url(self):
        return reverse("capability:round", args=[self.pk])

    @property
    def has_ended(self) -> bool:
        """Closed by a manager, or its last day has passed: either way it takes no more answers."""
        return self.closed_at is not None or self.closes_on < timezone.localdate()

    @property
    def has_started(self) -> bool:
        return self.opens_on <= timezone.localdate()

    @property
    def is_open(self) -> bool:
        return self.has_started and not self.has_ended

    @property
    def ended_on(self):
        """The day the round stopped taking answers (a manager may close it before its last day)."""
        if self.closed_at is not None:
            return min(self.closes_on, timezone.localdate(self.closed_at))
        return self.closes_on


class Invitation(models.Model):
    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answered = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="invite_once")]

    def __str__(self):
        return f"{self.survey}: {self.user_id}"


class Response(models.Model):
    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="responses")
    received_on = models.DateField()

    def __str__(self):
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)  # empty: "don't know"

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5), name="answer_1_to_5"
            )
        ]

    def __str__(self):
        return f"{self.statement_id}: {self.value}"


class FactAnswer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="facts")
    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(
        max_length=8, choices=[("yes", _("Yes")), ("no", _("No")), ("unknown", _("Don't know"))]
    )

    def __str__(self):
        return f"{self.fact_id}: {self.value}"
