from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innocities.core.models import TimeStamped


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Private to the organisation")
    NETWORK = "network", _("Shared with our networks")
    PUBLIC = "public", _("Public")


class Tenanted(TimeStamped):
    """A row owned by one organisation, visible as its ``visibility`` says."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    # The language the texts were written in: search stems them in it, pages mark them with ``lang``.
    language = models.CharField(
        _("written in"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the texts, so that search and screen readers read them right."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.language and self.organisation_id:
            self.language = self.organisation.language
        super().save(*args, **kwargs)


class ChallengeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Challenge(Tenanted):
    """A need or mission the organisation wants solved."""

    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="challenges",
        verbose_name=_("programme"),
    )
    focus_area = models.ForeignKey(
        "programmes.FocusArea", null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("focus area")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    evidence = models.TextField(_("evidence for the need"), blank=True)
    strategic_goal = models.ForeignKey(
        "organisations.StrategicGoal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("mission or strategic goal"),
    )
    status = models.CharField(_("status"), max_length=10, choices=ChallengeStatus.choices, default="draft")
    revision = models.PositiveIntegerField(default=0, editable=False)  # core.revisions: bumped by each edit
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["visibility"]),
            models.Index(fields=["-created_at"]),  # lists, newest first, stop after their page
        ]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pipeline:challenge", args=[self.pk])


class IdeaStatus(models.TextChoices):
    NEW = "new", _("New")
    UNDER_REVIEW = "under_review", _("Under review")
    SELECTED = "selected", _("Selected")
    PARKED = "parked", _("Parked")
    REJECTED = "rejected", _("Rejected")


class Idea(Tenanted):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="ideas", verbose_name=_("programme")
    )
    challenge = models.ForeignKey(
        Challenge,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("challenge"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("submitted by"),
    )
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW)
    status_reason = models.TextField(_("reason"), blank=True)
    via_open_call = models.BooleanField(_("submitted to an open call"), default=False)
    actors = models.ManyToManyField(
        "coproduction.Actor", blank=True, related_name="ideas", verbose_name=_("actors involved")
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=0, editable=False)  # core.revisions: bumped by each edit

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["visibility"]),
            models.Index(fields=["-created_at"]),  # lists, newest first, stop after their page
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["parked", "rejected"]) | ~Q(status_reason=""),
                name="idea_parked_or_rejected_has_reason",
            )
        ]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pipeline:idea", args=[self.pk])

    def get_public_url(self):
        """The page citizens see: the idea in its open call, with the organisation's answers."""
        return reverse("engagement:idea", args=[self.pk])


class IdeaStatusChange(models.Model):
    """One change of an idea's status and the reason its author reads: "what happened to my idea"."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    project = models.ForeignKey("Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.idea}: {self.status}"


class ProjectStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ON_HOLD = "on_hold", _("On hold")
    STOPPED = "stopped", _("Stopped")
    IMPLEMENTED = "implemented", _("Implemented")
    SCALED = "scaled", _("Scaled")


class Facet(models.TextChoices):
    ENHANCEMENT = "enhancement", _("Enhancement-oriented")
    MISSION = "mission", _("Mission-oriented")
    ADAPTIVE = "adaptive", _("Adaptive")
    ANTICIPATORY = "anticipatory", _("Anticipatory")


class Project(Tenanted):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="projects", verbose_name=_("programme")
    )
    idea = models.OneToOneField(
        Idea, null=True, blank=True, on_delete=models.SET_NULL, related_name="project", verbose_name=_("idea")
    )
    focus_area = models.ForeignKey(
        "programmes.FocusArea", null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("focus area")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    problem = models.TextField(_("problem addressed"), blank=True)
    expected_benefits = models.TextField(_("expected benefits"), blank=True)
    method = models.ForeignKey("programmes.Method", on_delete=models.PROTECT, related_name="+")
    phase = models.ForeignKey("programmes.Phase", on_delete=models.PROTECT, related_name="projects")
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default="active")
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    receiving_unit = models.CharField(
        _("receiving unit in operations"),
        max_length=200,
        blank=True,
        help_text=_("Who will own the solution in ordinary operations when it is implemented."),
    )
    strategic_goals = models.ManyToManyField(
        "organisations.StrategicGoal", blank=True, related_name="projects", verbose_name=_("strategic goals")
    )
    facet = models.CharField(_("OECD innovation facet"), max_length=20, choices=Facet.choices, blank=True)
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level (TRL)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
    )
    evidence_level = models.PositiveSmallIntegerField(
        _("Nesta evidence level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    revision = models.PositiveIntegerField(default=0, editable=False)  # core.revisions: bumped by each edit
    # The date of the last gate decision, or the start: how long the project has waited at its gate.
    # Kept by the actions that decide and annul, so my work sorts by it without grouping decisions.
    in_phase_since = models.DateField(default=timezone.localdate, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["programme", "phase"]),
            models.Index(fields=["visibility"]),
            models.Index(fields=["title", "id"]),  # lists and board columns ordered by title stop early
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(trl__isnull=True) | Q(trl__gte=1, trl__lte=9), name="trl_1_to_9"
            ),
            models.CheckConstraint(
                condition=Q(evidence_level__isnull=True) | Q(evidence_level__gte=1, evidence_level__lte=5),
                name="evidence_level_1_to_5",
            ),
        ]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pipeline:project", args=[self.pk])

    @property
    def is_closed(self):
        return self.status == ProjectStatus.STOPPED


class TeamRole(models.TextChoices):
    LEAD = "lead", _("Project lead")
    MEMBER = "member", _("Team member")
    PARTNER = "partner", _("Partner")
    SPONSOR = "sponsor", _("Sponsor")


class ProjectMember(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_roles")
    role = models.CharField(_("role"), max_length=20, choices=TeamRole.choices, default=TeamRole.MEMBER)

    class Meta:
        ordering = ["role", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="one_team_role_per_person")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title


class ProgressUpdate(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_on = models.DateField(_("date"))
    text = models.TextField(_("update"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return f"{self.project} {self.written_on}"


class FundingSource(models.TextChoices):
    OWN = "own", _("Own budget")
    VINNOVA = "vinnova", _("Vinnova")
    ENOVA = "enova", _("Enova")
    HORIZON = "horizon", _("EU Horizon Europe")
    INNOVATION_NORWAY = "innovation_norway", _("Innovation Norway")
    REGIONAL = "regional", _("Regional funding")
    OTHER = "other", _("Other")


class FundingState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPLIED = "applied", _("Applied for")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")


class Currency(models.TextChoices):
    SEK = "SEK", "SEK"
    NOK = "NOK", "NOK"
    DKK = "DKK", "DKK"
    EUR = "EUR", "EUR"


class FundingLine(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding")
    source = models.CharField(_("source"), max_length=20, choices=FundingSource.choices)
    state = models.CharField(_("state"), max_length=10, choices=FundingState.choices, default="planned")
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=0, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_not_negative")]

    def __str__(self):
        return f"{self.get_source_display()} {self.amount} {self.currency}"


class Decision(models.TextChoices):
    GO = "go", _("Go")
    GO_WITH_CONDITIONS = "go_conditions", _("Go with conditions")
    HOLD = "hold", _("Hold")
    RECYCLE = "recycle", _("Recycle")
    STOP = "stop", _("Stop")


class GateDecision(models.Model):
    """A steering-group decision at a gate: the only thing that moves a project between phases.

    ``answers`` keeps the criteria as they read on the day, so the record survives method edits.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="gate_decisions")
    gate = models.ForeignKey("programmes.Gate", on_delete=models.PROTECT, related_name="decisions")
    method_name = models.JSONField(default=dict)  # the method as named on the day, in every language
    method_version = models.PositiveIntegerField(default=1)
    from_phase = models.ForeignKey("programmes.Phase", on_delete=models.PROTECT, related_name="+")
    to_phase = models.ForeignKey("programmes.Phase", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    conditions = models.TextField(_("conditions"), blank=True)
    reasoning = models.TextField(_("reasoning"))
    decision_makers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="gate_decisions", verbose_name=_("decision-makers")
    )
    decided_on = models.DateField(_("date of decision"))
    answers = models.JSONField(default=list)
    previous_status = models.CharField(max_length=20, choices=ProjectStatus.choices, default="active")
    annulled_at = models.DateTimeField(null=True, blank=True)
    annulled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    annulment_reason = models.TextField(_("reason for annulling"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "decided_on"])]
        verbose_name = _("gate decision")
        verbose_name_plural = _("gate decisions")

    def __str__(self):
        return f"{self.project}: {self.get_decision_display()}"

    @property
    def score(self):
        scores = [a["score"] for a in self.answers if a.get("kind") == "should" and a.get("score")]
        return round(sum(scores) / len(scores), 1) if scores else None
