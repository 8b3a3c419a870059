from django import forms
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import Role
from innocities.core.forms import OnceFormMixin

from .models import Country, Municipality, OrganisationKind, SignOnProtocol
from .sign_on import EMAIL_ATTRIBUTES, NAME_ATTRIBUTES, parse_domains


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code}, {obj.county_name})"


# Creating an organisation, adding a member or a strategic goal carries a one-time token
# (core.idempotency): the form sent twice (a double click) stores one.


class OrganisationForm(OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    municipality = MunicipalityChoiceField(
        label=_("Official municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("For a municipality: its official code is taken from the national list."),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    admin_name = forms.CharField(label=_("First administrator's name"), max_length=150)
    admin_email = forms.EmailField(label=_("First administrator's email"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = Municipality.objects.order_by("country", "name")
        self.fields["municipality"].queryset = municipalities
        # Grouped by country, so the list works without JavaScript.
        groups = {}
        for m in municipalities:
            groups.setdefault(Country(m.country).label, []).append((m.pk, f"{m.name} ({m.code})"))
        self.fields["municipality"].choices = [("", "—"), *groups.items()]

    def clean(self):
        data = super().clean()
        municipality = data.get("municipality")
        if municipality and data.get("country") and municipality.country != data["country"]:
            self.add_error("municipality", _("The municipality is not in the chosen country."))
        if data.get("kind") == OrganisationKind.MUNICIPALITY and not municipality:
            self.add_error("municipality", _("Choose the official municipality."))
        return data


class MemberForm(OnceFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class DataProtectionForm(forms.Form):
    data_protection_contact = forms.CharField(
        label=_("Data protection contact"),
        max_length=200,
        required=False,
        help_text=_("The data protection officer's email address or another way to reach them."),
    )


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class StrategicGoalForm(OnceFormMixin, forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *Country.choices]
    )


class SignOnForm(forms.Form):
    """The organisation's single sign-on connection. The client secret is write-only: the field is never
    filled in again, and left empty it keeps the saved secret."""

    protocol = forms.ChoiceField(
        label=_("Protocol"),
        choices=SignOnProtocol.choices,
        widget=forms.RadioSelect,
        initial=SignOnProtocol.OIDC,
    )
    display_name = forms.CharField(
        label=_("Button text"),
        max_length=100,
        help_text=_("Shown on the sign-in page, such as “Sign in with Bergen kommune”."),
    )
    domains = forms.CharField(
        label=_("Email domains"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_(
            "The part of your people's addresses after the @, one a line, such as bergen.kommune.no. Only "
            "addresses at these domains can sign in through the connection."
        ),
    )
    default_role = forms.ChoiceField(
        label=_("Role of people who sign in for the first time"),
        choices=[(value, label) for value, label in Role.choices if value != Role.ADMIN],
        initial=Role.MEMBER,
        help_text=_("Never administrator: you make administrators on the organisation's page."),
    )
    enabled = forms.BooleanField(label=_("In use"), required=False, initial=True)
    server_url = forms.CharField(
        label=_("Issuer"),
        max_length=500,
        required=False,
        help_text=_(
            "The identity provider's issuer address; InnoCities reads the rest from its "
            "/.well-known/openid-configuration."
        ),
    )
    client_id = forms.CharField(label=_("Client id"), max_length=191, required=False)
    client_secret = forms.CharField(
        label=_("Client secret"),
        max_length=191,
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )
    idp_entity_id = forms.CharField(label=_("Identity provider's entity id"), max_length=500, required=False)
    idp_metadata_url = forms.CharField(
        label=_("Identity provider's metadata address"),
        max_length=500,
        required=False,
        help_text=_("Either this address, or the sign-in address and certificate below."),
    )
    idp_sso_url = forms.CharField(
        label=_("Identity provider's sign-in address (SSO URL)"), max_length=500, required=False
    )
    idp_certificate = forms.CharField(
        label=_("Identity provider's signing certificate"),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        max_length=20000,
        required=False,
        help_text=_("PEM, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----."),
    )
    email_attribute = forms.CharField(
        label=_("Attribute with the email address"),
        max_length=200,
        required=False,
        initial=EMAIL_ATTRIBUTES[0],
        help_text=_("Tried first; mail and ADFS's emailaddress claim are tried after it."),
    )
    name_attribute = forms.CharField(
        label=_("Attribute with the name"),
        max_length=200,
        required=False,
        initial=NAME_ATTRIBUTES[0],
        help_text=_("Tried first; displayName, then given name and surname are tried after it."),
    )

    OIDC_FIELDS = ("server_url", "client_id", "client_secret")
    SAML_FIELDS = (
        "idp_entity_id",
        "idp_metadata_url",
        "idp_sso_url",
        "idp_certificate",
        "email_attribute",
        "name_attribute",
    )

    def __init__(self, *args, has_secret=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client_secret"].help_text = (
            _("A secret is saved; it is never shown. Leave this empty to keep it, or enter a new one.")
            if has_secret
            else _("Shown only while you type it: it is never shown again after saving.")
        )

    def clean_domains(self):
        return parse_domains(self.cleaned_data["domains"])

    def field_group(self, names):
        return [self[name] for name in names]

    def oidc_fields(self):
        return self.field_group(self.OIDC_FIELDS)

    def saml_fields(self):
        return self.field_group(self.SAML_FIELDS)

    def common_fields(self):
        return self.field_group(("protocol", "display_name", "domains", "default_role", "enabled"))


class SignInRulesForm(forms.Form):
    require_sso = forms.BooleanField(
        label=_("Members sign in only through the organisation's sign-in service"),
        required=False,
        help_text=_(
            "Full members can no longer sign in with a password, nor reset one. Partners invited from "
            "elsewhere and platform staff are not affected."
        ),
    )
    require_mfa = forms.BooleanField(
        label=_("Members who sign in with a password must use a second factor"),
        required=False,
        help_text=_(
            "They set up an authenticator app at their next page. Signing in through the organisation's "
            "sign-in service counts: your identity provider asks for the second factor."
        ),
    )


class SignInForm(forms.Form):
    """“Sign in with your organisation”: a work address, or the organisation chosen from the list."""

    email = forms.EmailField(
        label=_("Your work email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.ChoiceField(label=_("Your organisation"), required=False, choices=())
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args, sign_ons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sign_ons = {sign_on.organisation.slug: sign_on for sign_on in sign_ons}
        self.fields["organisation"].choices = [
            ("", "—"),
            *[(slug, sign_on.organisation.name) for slug, sign_on in self.sign_ons.items()],
        ]

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("email") and not data.get("organisation"):
            self.add_error("email", _("Enter your work email address."))
        return data
