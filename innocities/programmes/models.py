from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innocities.core.i18n import pick


class Method(models.Model):
    """An innovation method: phases and the gates between them, loaded from a data file.

    A shipped method has no owner programme. A programme that adapts a method works on its own
    copy (``based_on`` the original), so no other programme is affected.
    """

    key = models.SlugField(max_length=60)
    version = models.PositiveIntegerField(default=1)
    name = models.JSONField(_("name"))
    description = models.JSONField(_("description"), default=dict)
    source = models.JSONField(_("source"), default=dict)
    owner_programme = models.ForeignKey(
        "Programme", null=True, blank=True, on_delete=models.CASCADE, related_name="own_methods"
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # core.revisions: bumped by every edit of a programme's own copy (a phase renamed, a criterion
    # added or removed), so a method form opened before someone else's edit is told
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["key", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "version"],
                condition=Q(owner_programme=None),
                name="one_shipped_method_version",
            )
        ]
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def __str__(self):
        return f"{self.label} v{self.version}"

    def get_absolute_url(self):
        return reverse("programmes:method", args=[self.pk])

    @property
    def label(self):
        return pick(self.name)


class Phase(models.Model):
    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="phases")
    order = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=60)
    name = models.JSONField(_("name"))
    purpose = models.JSONField(_("purpose"), default=dict)
    tools = models.JSONField(_("recommended tools"), default=list)
    checklist = models.JSONField(_("checklist"), default=list)

    class Meta:
        ordering = ["method", "order"]
        constraints = [models.UniqueConstraint(fields=["method", "order"], name="phase_order_unique")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.name)


class Gate(models.Model):
    """The decision point at the end of ``phase``; passing it leads to the next phase."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="gates")
    phase = models.OneToOneField(Phase, on_delete=models.CASCADE, related_name="gate")
    key = models.SlugField(max_length=60)
    name = models.JSONField(_("name"))
    question = models.JSONField(_("question"), default=dict)

    class Meta:
        ordering = ["method", "phase__order"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.name)


class CriterionKind(models.TextChoices):
    MUST = "must", _("Must meet")
    SHOULD = "should", _("Should meet")


class Criterion(models.Model):
    gate = models.ForeignKey(Gate, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(default=0)
    key = models.SlugField(max_length=60)
    kind = models.CharField(_("kind"), max_length=10, choices=CriterionKind.choices)
    text = models.JSONField(_("criterion"))
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)
    requires = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["gate", "kind", "order"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.text)


class FocusArea(models.Model):
    """A standard focus area (no organisation) or an organisation's own."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="focus_areas",
    )
    key = models.SlugField(max_length=60)
    name = models.JSONField(_("name"))

    class Meta:
        ordering = ["organisation_id", "key"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return pick(self.name)


class Programme(models.Model):
    """A multi-year innovation programme of one organisation, or of a network for a shared cluster."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="programmes",
        verbose_name=_("owner organisation"),
    )
    network = models.ForeignKey(
        "organisations.Network",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="programmes",
        verbose_name=_("network"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    focus_areas = models.ManyToManyField(FocusArea, blank=True, verbose_name=_("focus areas"))
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_programmes",
        verbose_name=_("coordinators"),
    )
    steering_group = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="steered_programmes",
        verbose_name=_("steering group"),
    )
    method = models.ForeignKey(
        Method, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("method")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(default=0, editable=False)  # core.revisions: bumped by each edit

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, network__isnull=True)
                | Q(organisation__isnull=True, network__isnull=False),
                name="programme_has_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="programme_period_order"
            ),
        ]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:detail", args=[self.slug])

    @property
    def owner(self):
        return self.organisation or self.network


class ProgrammeTarget(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="targets")
    text = models.CharField(_("target"), max_length=250)
    due_on = models.DateField(_("due"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text


class AnnualEvaluation(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="evaluations")
    held_on = models.DateField(_("date"))
    summary = models.TextField(_("summary"))
    decisions = models.TextField(_("decisions taken"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("annual evaluation")

    def __str__(self):
        return f"{self.programme} {self.held_on:%Y}"
