from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import Role


class Country(models.TextChoices):
    SE = "SE", _("Sweden")
    NO = "NO", _("Norway")
    DK = "DK", _("Denmark")
    FI = "FI", _("Finland")
    IS = "IS", _("Iceland")


COUNTRY_LANGUAGE = {"SE": "sv", "NO": "nb"}


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region or county")
    PORT = "port", _("Port")
    ENERGY = "energy", _("Energy company")
    OTHER = "other", _("Other publicly owned body")


class Municipality(models.Model):
    """An official municipality code, valid for a period (Norway renumbered in 2020 and 2024)."""

    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    code = models.CharField(_("code"), max_length=8)
    name = models.CharField(_("name"), max_length=120)
    county_code = models.CharField(_("county code"), max_length=8)
    county_name = models.CharField(_("county"), max_length=120)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        ordering = ["country", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "code", "valid_from"], name="one_code_per_period")
        ]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Organisation(models.Model):
    """The tenant: a municipality, region, port, energy company or other public body."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    official_code = models.CharField(_("official code"), max_length=20, blank=True)
    code_valid_from = models.DateField(_("code valid from"), null=True, blank=True)
    code_valid_to = models.DateField(_("code valid to"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Shown on the organisation's open calls: who answers questions about the personal data it handles.
    data_protection_contact = models.CharField(
        _("data protection contact"),
        max_length=200,
        blank=True,
        help_text=_("The data protection officer's email address or another way to reach them."),
    )
    # Sign-in rules for the organisation's own people (its full members), set on its sign-on page.
    require_sso = models.BooleanField(
        _("require single sign-on"),
        default=False,
        help_text=_("Members sign in through the organisation's identity provider, never with a password."),
    )
    require_mfa = models.BooleanField(
        _("require a second factor"),
        default=False,
        help_text=_("Members who sign in with a password must also use a second factor."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.slug])

    @property
    def language(self) -> str:
        """The language its texts are written in unless they say otherwise (the interface's three)."""
        return COUNTRY_LANGUAGE.get(self.country, "en")


class Network(models.Model):
    """A cluster of organisations that share needs, run by programme operators."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        Organisation, related_name="networks", blank=True, verbose_name=_("members")
    )
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="operated_networks", blank=True, verbose_name=_("operators")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:network", args=[self.slug])


class StrategicGoal(models.Model):
    """A social mission or strategic goal of an organisation that challenges and projects serve."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="strategic_goals")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")

    def __str__(self):
        return self.title


class SignOnProtocol(models.TextChoices):
    OIDC = "oidc", _("OpenID Connect")
    SAML = "saml", _("SAML 2.0")


class SignOn(models.Model):
    """An organisation's single sign-on connection: its people sign in through the organisation's own
    identity provider (Entra ID, ID-porten, Freja eID, ADFS, a Sambi member, ...).

    The provider's configuration (issuer, client id and secret; or the IdP's entity id, address and
    certificate) is allauth's ``SocialApp`` row, one for each connection, so an administrator changes it
    on the sign-on page without a deploy. People whose email address is at one of the connection's
    domains may sign in through it; a new person gets a membership with the default role."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="sign_ons")
    social_app = models.OneToOneField(
        "socialaccount.SocialApp", on_delete=models.CASCADE, related_name="sign_on"
    )
    protocol = models.CharField(_("protocol"), max_length=4, choices=SignOnProtocol.choices)
    display_name = models.CharField(
        _("button text"), max_length=100, help_text=_("Such as “Sign in with Bergen kommune”.")
    )
    default_role = models.CharField(
        _("role of new people"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    enabled = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # One connection for each organisation for now; the foreign key leaves room for more.
            models.UniqueConstraint(fields=["organisation"], name="one_sign_on_per_organisation"),
            # An identity provider never makes administrators: the organisation's administrator does.
            models.CheckConstraint(
                condition=~models.Q(default_role=Role.ADMIN), name="sign_on_never_makes_admins"
            ),
        ]
        verbose_name = _("single sign-on connection")
        verbose_name_plural = _("single sign-on connections")

    def __str__(self):
        return self.display_name


class SignOnDomain(models.Model):
    """An email domain whose people sign in through the connection. A domain belongs to one
    connection only, so no identity provider can speak for another organisation's addresses."""

    sign_on = models.ForeignKey(SignOn, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("email domain"), max_length=253, unique=True)

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(domain=Lower("domain")), name="sign_on_domain_lowercase"
            )
        ]
        verbose_name = _("email domain")
        verbose_name_plural = _("email domains")

    def __str__(self):
        return self.domain
