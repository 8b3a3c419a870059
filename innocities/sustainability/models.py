"""The SDG catalogue and project sustainability assessments (modelled on the SDG Impact Assessment Tool)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick

COLOURS = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}


class Goal(models.Model):
    number = models.PositiveSmallIntegerField(primary_key=True)
    short = models.JSONField()
    title = models.JSONField()
    colour = models.CharField(max_length=7)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.label}"

    def get_absolute_url(self):
        return reverse("sustainability:goal", args=[self.number])

    @property
    def label(self):
        return pick(self.short)


class Target(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(max_length=10, unique=True)
    order = models.PositiveSmallIntegerField()
    title = models.JSONField()

    class Meta:
        ordering = ["goal", "order"]

    def __str__(self):
        return f"{self.code} {pick(self.title)[:60]}"

    @property
    def label(self):
        return pick(self.title)


class Indicator(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=14, unique=True)
    title = models.JSONField()

    class Meta:
        ordering = ["target", "code"]

    def __str__(self):
        return self.code


class Relevance(models.TextChoices):
    """How the SDG Impact Assessment Tool sorts the goals: relevant, not relevant, or don't know yet."""

    RELEVANT = "relevant", _("Relevant")
    DONT_KNOW = "dont_know", _("Don't know")
    NOT_RELEVANT = "not_relevant", _("Not relevant")


class Pathway(models.TextChoices):
    """Whether the project itself causes an impact, or it comes about through others or later."""

    DIRECT = "direct", _("Direct")
    INDIRECT = "indirect", _("Indirect")


class Impact(models.IntegerChoices):
    VERY_NEGATIVE = -2, _("−2 clearly negative")
    NEGATIVE = -1, _("−1 somewhat negative")
    NONE = 0, _("0 no impact")
    POSITIVE = 1, _("+1 somewhat positive")
    VERY_POSITIVE = 2, _("+2 clearly positive")


class Assessment(models.Model):
    """One assessment of a project against the 17 goals, in the phase it was made; earlier ones stay."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey("pipeline.Project", on_delete=models.CASCADE, related_name="assessments")
    phase = models.ForeignKey("programmes.Phase", on_delete=models.PROTECT, related_name="+")
    assessed_on = models.DateField(_("date of the workshop"))
    scope = models.TextField(_("what is assessed"))
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("who took part")
    )
    actors = models.ManyToManyField(
        "coproduction.Actor", blank=True, related_name="+", verbose_name=_("participating actors")
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # core.revisions: bumped by every workshop edit (goals sorted, a goal rated, an action added or
    # removed, completion), so a step's form opened before someone else's edit is told
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        indexes = [models.Index(fields=["project", "completed_at"])]

    def __str__(self):
        return f"{self.project} {self.assessed_on}"

    def get_absolute_url(self):
        return reverse("sustainability:assessment", args=[self.pk])

    @property
    def is_complete(self):
        return self.completed_at is not None


class GoalAssessment(models.Model):
    """One goal in one assessment: sorted, then rated (direct or indirect, −2…+2) or a knowledge gap."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="goals")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="+")
    relevance = models.CharField(_("relevance"), max_length=15, choices=Relevance.choices)
    impact = models.SmallIntegerField(_("impact"), choices=Impact.choices, null=True, blank=True)
    pathway = models.CharField(_("direct or indirect"), max_length=10, choices=Pathway.choices, blank=True)
    knowledge_gap = models.BooleanField(_("knowledge gap"), default=False)
    rationale = models.TextField(_("rationale"), blank=True)
    targets = models.ManyToManyField(
        Target, blank=True, related_name="+", verbose_name=_("targets concerned")
    )

    class Meta:
        ordering = ["goal"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "goal"], name="one_row_per_goal"),
            models.CheckConstraint(
                condition=Q(impact__isnull=True) | Q(impact__gte=-2, impact__lte=2),
                name="impact_minus_two_to_two",
            ),
            # A knowledge gap is chosen instead of a rating, never beside one.
            models.CheckConstraint(
                condition=Q(knowledge_gap=False) | Q(impact__isnull=True, pathway=""),
                name="gap_instead_of_rating",
            ),
            # A positive or negative impact is direct or indirect; "no impact" and no rating have neither.
            models.CheckConstraint(
                condition=(Q(impact__isnull=True) | Q(impact=0)) & Q(pathway="")
                | (Q(impact__isnull=False) & ~Q(impact=0) & Q(pathway__in=["direct", "indirect"])),
                name="pathway_of_an_impact",
            ),
        ]

    def __str__(self):
        return f"{self.goal_id}: {self.impact}"

    @property
    def is_assessed(self):
        return self.knowledge_gap or self.impact is not None


class ActionKind(models.TextChoices):
    STRENGTHEN = "strengthen", _("Strengthen a positive impact")
    REDUCE = "reduce", _("Reduce a negative impact")
    CLOSE_GAP = "close_gap", _("Close a knowledge gap")


class AssessmentAction(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("goal")
    )
    kind = models.CharField(_("kind"), max_length=15, choices=ActionKind.choices)
    text = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("owner"), max_length=150)

    class Meta:
        ordering = ["goal", "pk"]

    def __str__(self):
        return self.text


class DimensionMap(models.Model):
    """A network's own mapping of goals to the three dimensions, replacing the default."""

    network = models.OneToOneField(
        "organisations.Network", on_delete=models.CASCADE, related_name="dimension_map"
    )
    mapping = models.JSONField()

    def __str__(self):
        return str(self.network)


class IndicatorKind(models.TextChoices):
    OWN = "own", _("Our own")
    KOLADA = "kolada", _("Kolada KPI")
    U4SSC = "u4ssc", _("U4SSC KPI")
    SSB = "ssb", _("SSB table")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class TrackedIndicator(models.Model):
    """An indicator in an organisation's library: its own, or one from Kolada, U4SSC or SSB by id."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="indicators"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.OWN
    )
    code = models.CharField(
        _("id"),
        max_length=40,
        help_text=_("For example N00945 (Kolada), EC: ICT: ICT: 1C (U4SSC) or 12345 (SSB table)."),
    )
    name = models.CharField(_("name"), max_length=250)
    unit = models.CharField(_("unit"), max_length=40)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    dimension = models.CharField(
        _("dimension"),
        max_length=15,
        choices=[("ecological", _("Ecological")), ("social", _("Social")), ("economic", _("Economic"))],
    )
    goals = models.ManyToManyField(
        Goal, blank=True, related_name="indicators_used", verbose_name=_("global goals")
    )
    u4ssc_benchmark = models.DecimalField(
        _("U4SSC benchmark"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_(
            "Only for U4SSC KPIs: the benchmark value the U4SSC score compares the latest value with."
        ),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind", "code"], name="indicator_once")
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return reverse("sustainability:indicator", args=[self.pk])


class IndicatorTarget(models.Model):
    """A baseline and a target for the organisation, or for one project."""

    indicator = models.ForeignKey(TrackedIndicator, on_delete=models.CASCADE, related_name="targets")
    project = models.ForeignKey(
        "pipeline.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicator_targets",
        verbose_name=_("project"),
    )
    baseline_value = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    target_value = models.DecimalField(_("target"), max_digits=16, decimal_places=4)
    target_year = models.PositiveSmallIntegerField(_("target year"))

    class Meta:
        ordering = ["target_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_year__gte=models.F("baseline_year")), name="target_after_baseline"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.target_value} ({self.target_year})"


class Measurement(models.Model):
    indicator = models.ForeignKey(TrackedIndicator, on_delete=models.CASCADE, related_name="measurements")
    project = models.ForeignKey(
        "pipeline.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="measurements"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "project", "year"], name="one_value_per_year", nulls_distinct=False
            )
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"
