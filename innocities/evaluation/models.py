"""Evaluating a challenge's ideas: criteria, evaluators (colleagues or invited experts) and their scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick

# Each criterion says which end of the scale is good, so "5" never has to be guessed (is cost 5 dear
# or cheap?).
DEFAULT_CRITERIA = [
    {
        "name": {"en": "Value for users", "sv": "Nytta för användarna", "nb": "Nytte for brukerne"},
        "scale": {
            "en": "1 = little value for users, 5 = great value for users",
            "sv": "1 = liten nytta för användarna, 5 = stor nytta för användarna",
            "nb": "1 = liten nytte for brukerne, 5 = stor nytte for brukerne",
        },
    },
    {
        "name": {"en": "Sustainability potential", "sv": "Hållbarhetspotential", "nb": "Bærekraftspotensial"},
        "scale": {
            "en": "1 = little or no potential, 5 = great potential",
            "sv": "1 = liten eller ingen potential, 5 = stor potential",
            "nb": "1 = lite eller ikke noe potensial, 5 = stort potensial",
        },
    },
    {
        "name": {"en": "Feasibility", "sv": "Genomförbarhet", "nb": "Gjennomførbarhet"},
        "scale": {
            "en": "1 = very hard to carry out, 5 = easy to carry out",
            "sv": "1 = mycket svår att genomföra, 5 = lätt att genomföra",
            "nb": "1 = svært vanskelig å gjennomføre, 5 = lett å gjennomføre",
        },
    },
    {
        "name": {"en": "Strategic fit", "sv": "Strategisk passform", "nb": "Strategisk treffsikkerhet"},
        "scale": {
            "en": "1 = does not fit our goals, 5 = fits our goals very well",
            "sv": "1 = passar inte våra mål, 5 = passar våra mål mycket väl",
            "nb": "1 = passer ikke med målene våre, 5 = passer svært godt med målene våre",
        },
    },
    {
        "name": {"en": "Cost", "sv": "Kostnad", "nb": "Kostnad"},
        "scale": {
            "en": "1 = very costly, 5 = very cheap",
            "sv": "1 = mycket kostsam, 5 = mycket billig",
            "nb": "1 = svært kostbar, 5 = svært billig",
        },
    },
]


class Criterion(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    challenge = models.ForeignKey(
        "pipeline.Challenge", on_delete=models.CASCADE, related_name="evaluation_criteria"
    )
    order = models.PositiveSmallIntegerField(default=0)
    name = models.JSONField(_("criterion"))
    # which end of the 1–5 scale is good, per language; empty for criteria from before it was asked
    scale = models.JSONField(_("what 1 and 5 mean"), default=dict, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.name)

    @property
    def scale_label(self):
        """What 1 and 5 mean for this criterion, or the general reading when it was not said."""
        return pick(self.scale) if self.scale else _("1 = weak, 5 = strong")


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
