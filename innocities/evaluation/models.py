"""Evaluating a challenge's ideas: criteria, evaluators (colleagues or invited experts) and their scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick

DEFAULT_CRITERIA = [
    {"en": "Value for users", "sv": "Nytta för användarna", "nb": "Nytte for brukerne"},
    {"en": "Sustainability potential", "sv": "Hållbarhetspotential", "nb": "Bærekraftspotensial"},
    {"en": "Feasibility", "sv": "Genomförbarhet", "nb": "Gjennomførbarhet"},
    {"en": "Strategic fit", "sv": "Strategisk passform", "nb": "Strategisk treffsikkerhet"},
    {"en": "Cost", "sv": "Kostnad", "nb": "Kostnad"},
]


class Criterion(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    challenge = models.ForeignKey(
        "pipeline.Challenge", on_delete=models.CASCADE, related_name="evaluation_criteria"
    )
    order = models.PositiveSmallIntegerField(default=0)
    name = models.JSONField(_("criterion"))

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.name)


class Evaluator(models.Model):
    """A person asked to score a challenge's ideas: a colleague, or an invited outside expert who sees
    only these ideas."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    challenge = models.ForeignKey("pipeline.Challenge", on_delete=models.CASCADE, related_name="evaluators")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evaluations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__full_name"]
        constraints = [models.UniqueConstraint(fields=["challenge", "user"], name="evaluator_once")]

    def __str__(self):
        return f"{self.user} – {self.challenge}"


class Score(models.Model):
    evaluator = models.ForeignKey(Evaluator, on_delete=models.CASCADE, related_name="scores")
    idea = models.ForeignKey("pipeline.Idea", on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluator", "idea", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="score_1_to_5"),
        ]

    def __str__(self):
        return f"{self.idea}: {self.score}"
