from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innocities.core.models import TimeStamped
from innocities.core.uploads import RandomName


class HelixSector(models.TextChoices):
    PUBLIC = "public", _("Public sector")
    BUSINESS = "business", _("Business")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    CITIZENS = "citizens", _("Citizens")


class Depth(models.IntegerChoices):
    """The IAP2 spectrum of public participation, from least to most influence."""

    INFORM = 1, _("Inform")
    CONSULT = 2, _("Consult")
    INVOLVE = 3, _("Involve")
    COLLABORATE = 4, _("Collaborate")
    EMPOWER = 5, _("Empower")


class Actor(TimeStamped):
    """An outside organisation, group or person an organisation works with.

    Contact data is kept minimal and only with a recorded consent and purpose.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="actors"
    )
    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False)  # the name folded, for catching duplicates
    sector = models.CharField(_("helix sector"), max_length=20, choices=HelixSector.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        default="SE",
        choices=[
            ("SE", _("Sweden")),
            ("NO", _("Norway")),
            ("DK", _("Denmark")),
            ("FI", _("Finland")),
            ("IS", _("Iceland")),
        ],
    )
    org_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    consent_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    consent_purpose = models.CharField(_("purpose of the contact data"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "country", "org_number"],
                condition=~Q(org_number=""),
                name="actor_org_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(contact_name="", contact_email="")
                | (Q(consent_on__isnull=False) & ~Q(consent_purpose="")),
                name="actor_contact_needs_consent",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "sector"])]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("coproduction:actor", args=[self.pk])


class ParticipationRole(models.TextChoices):
    CO_CREATOR = "co_creator", _("Co-creator")
    FUNDER = "funder", _("Funder")
    SUPPLIER = "supplier", _("Supplier")
    TEST_ARENA = "test_arena", _("Test arena or test users")
    EXPERT = "expert", _("Expert")
    FUTURE_OWNER = "future_owner", _("Future owner")


class Commitment(models.TextChoices):
    NONE = "", _("No written commitment")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    AGREEMENT = "agreement", _("Agreement")


class Participation(models.Model):
    """An actor's part in a project: role, depth on the IAP2 spectrum, period and commitment."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey("pipeline.Project", on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="participations", verbose_name=_("actor")
    )
    role = models.CharField(_("role"), max_length=20, choices=ParticipationRole.choices)
    depth = models.PositiveSmallIntegerField(_("depth of participation (IAP2)"), choices=Depth.choices)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("to"), null=True, blank=True)
    commitment = models.CharField(_("commitment"), max_length=20, choices=Commitment.choices, blank=True)
    commitment_on = models.DateField(_("commitment dated"), null=True, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participations",
        verbose_name=_("partner person with a login"),
    )

    class Meta:
        ordering = ["-depth", "actor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "actor", "role"], name="one_role_per_actor_in_project"
            ),
            models.CheckConstraint(condition=Q(depth__gte=1, depth__lte=5), name="iap2_depth_1_to_5"),
            models.CheckConstraint(
                condition=Q(commitment="") | Q(commitment_on__isnull=False), name="commitment_has_a_date"
            ),
        ]
        verbose_name = _("participation")

    def __str__(self):
        return f"{self.actor} – {self.project}"


class ActivityKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    CO_CREATION = "co_creation", _("Co-creation session")
    INTERVIEW = "interview", _("Interview")
    MEETING = "meeting", _("Meeting")
    OTHER = "other", _("Other")


SECTOR_FIELDS = {
    HelixSector.PUBLIC: "public_count",
    HelixSector.BUSINESS: "business_count",
    HelixSector.ACADEMIA: "academia_count",
    HelixSector.CIVIL_SOCIETY: "civil_society_count",
    HelixSector.CITIZENS: "citizens_count",
}


class Activity(TimeStamped):
    """A workshop, co-creation session, interview or meeting held in a project."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey("pipeline.Project", on_delete=models.CASCADE, related_name="activities")
    phase = models.ForeignKey(
        "programmes.Phase", on_delete=models.PROTECT, related_name="+", verbose_name=_("phase")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    tool = models.CharField(_("method tool"), max_length=60, blank=True)
    facilitator = models.CharField(_("facilitator"), max_length=150, blank=True)
    public_count = models.PositiveIntegerField(_("public sector"), default=0)
    business_count = models.PositiveIntegerField(_("business"), default=0)
    academia_count = models.PositiveIntegerField(_("academia"), default=0)
    civil_society_count = models.PositiveIntegerField(_("civil society"), default=0)
    citizens_count = models.PositiveIntegerField(_("citizens"), default=0)
    outcomes = models.TextField(_("outcomes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "held_on"])]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("coproduction:activity", args=[self.pk])

    @property
    def participants(self):
        return sum(getattr(self, field) for field in SECTOR_FIELDS.values())

    def counts(self):
        return [(HelixSector(sector), getattr(self, field)) for sector, field in SECTOR_FIELDS.items()]


class Attachment(models.Model):
    """A file kept with an activity; its type was checked from its content, not its name."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attachments")
    # stored as attachments/YYYY/MM/<random>.<extension of the checked type>; `name` keeps the given name
    file = models.FileField(upload_to=RandomName("attachments"))
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
