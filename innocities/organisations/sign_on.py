"""Single sign-on: reading an organisation's connection and checking what an administrator types.

A connection (``SignOn``) is one of allauth's ``SocialApp`` rows with the organisation's rules beside it.
Its allauth identity is derived from the organisation's short name, so the addresses the organisation's IT
department registers in its identity provider are known before anything is saved:

- OpenID Connect: ``provider_id`` ``oidc-<slug>``, redirect URI
  ``/accounts/oidc/oidc-<slug>/login/callback/``;
- SAML 2.0: ``client_id`` ``<slug>``, ``provider_id`` ``saml-<slug>``, the service provider's metadata (also
  its entity id) at ``/accounts/saml/<slug>/metadata/`` and the assertion consumer at ``…/acs/``.

The prefix keeps a provider id from ever reading as one of allauth's provider names.
"""

import base64
import binascii
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from cryptography import x509
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import SignOn, SignOnDomain, SignOnProtocol

# Addresses anyone can get: no organisation speaks for their people.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "aol.com", "bredband.net", "comhem.se", "gmail.com", "gmx.com", "gmx.net", "googlemail.com",
        "hotmail.com", "hotmail.dk", "hotmail.no", "hotmail.se", "icloud.com", "live.com", "live.dk",
        "live.no", "live.se", "mac.com", "mail.com", "me.com", "msn.com", "online.no", "outlook.com",
        "outlook.dk", "outlook.se", "proton.me", "protonmail.com", "spray.se", "telia.com", "yahoo.com",
        "yahoo.dk", "yahoo.no", "yahoo.se", "yandex.com",
    }
)  # fmt: skip
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}
# SAML attributes tried for the email address and the name, after the one the administrator names:
# the LDAP/eduPerson names (Sambi and other federations), then ADFS's and Entra ID's claim types.
EMAIL_ATTRIBUTES = [
    "urn:oid:0.9.2342.19200300.100.1.3",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    "mail",
    "email",
]
NAME_ATTRIBUTES = [
    "urn:oid:2.16.840.1.113730.3.1.241",
    "http://schemas.microsoft.com/identity/claims/displayname",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
    "displayName",
]
GIVEN_NAME_ATTRIBUTES = [
    "urn:oid:2.5.4.42",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
]
SURNAME_ATTRIBUTES = ["urn:oid:2.5.4.4", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"]
UID_ATTRIBUTES = ["urn:oasis:names:tc:SAML:attribute:subject-id"]
# Entra ID's tenant-independent issuers accept any Microsoft account: a connection names its own tenant.
SHARED_ENTRA_TENANTS = {"common", "organizations", "consumers"}


def provider_id(organisation, protocol: str) -> str:
    return f"{protocol}-{organisation.slug}"


def domain_of(email: str) -> str:
    """The normalised domain of an address ('' when it has none)."""
    _local, at, domain = (email or "").strip().rpartition("@")
    if not at:
        return ""
    try:
        return normalise_domain(domain)
    except ValidationError:
        return ""


def normalise_domain(text: str) -> str:
    """A domain as stored: lower case, ASCII (an internationalised name in its IDNA form)."""
    domain = text.strip().lower().lstrip("@").rstrip(".")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValidationError(_("“%(domain)s” is not a domain name.") % {"domain": text.strip()}) from None
    labels = domain.split(".")
    if (
        len(domain) > 253
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise ValidationError(
            _("“%(domain)s” is not a domain name such as bergen.kommune.no.") % {"domain": text.strip()}
        )
    if domain in PUBLIC_MAIL_DOMAINS:
        raise ValidationError(
            _("%(domain)s gives addresses to anyone: no organisation can sign in its people.")
            % {"domain": domain}
        )
    return domain


def parse_domains(text: str) -> list[str]:
    """One or more domains, separated by lines, commas or spaces; sorted, without repeats."""
    parts = [part for part in re.split(r"[\s,;]+", text or "") if part]
    if not parts:
        raise ValidationError(_("Name at least one email domain, such as bergen.kommune.no."))
    if len(parts) > 50:
        raise ValidationError(_("Name at most 50 domains."))
    domains, errors = set(), []
    for part in parts:
        try:
            domains.add(normalise_domain(part))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return sorted(domains)


def check_service_url(url: str, *, field_name: str) -> str:
    """An address of the identity provider: https (plain http only on this machine, for tests)."""
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {field_name: _("Enter the whole address, starting with https://.")}, code="invalid"
        ) from None
    parts = urlsplit(url)
    if parts.scheme != "https" and parts.hostname not in LOOPBACK_HOSTS:
        raise ValidationError({field_name: _("The address must start with https://.")}, code="insecure")
    if parts.query or parts.fragment:
        raise ValidationError({field_name: _("Leave out the part after ? or #.")}, code="invalid")
    return url


def check_issuer(url: str) -> str:
    """An OpenID Connect issuer: allauth reads ``<issuer>/.well-known/openid-configuration``."""
    url = check_service_url(url, field_name="server_url").rstrip("/")
    url = url.removesuffix("/.well-known/openid-configuration")
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if parts.hostname == "login.microsoftonline.com" and segments and segments[0] in SHARED_ENTRA_TENANTS:
        raise ValidationError(
            {
                "server_url": _(
                    "Use your own tenant's issuer, https://login.microsoftonline.com/<tenant id>/v2.0: "
                    "“%(tenant)s” lets in accounts of any organisation."
                )
                % {"tenant": segments[0]}
            }
        )
    return url


def parse_certificate(text: str) -> tuple[str, datetime]:
    """The IdP's signing certificate as python3-saml wants it (base64 DER on one line), and its expiry.
    Accepts PEM with or without its BEGIN/END lines."""
    body = re.sub(r"-----(BEGIN|END) CERTIFICATE-----", "", text or "")
    body = re.sub(r"\s+", "", body)
    if not body:
        raise ValidationError(_("Paste the certificate the identity provider signs with."))
    try:
        der = base64.b64decode(body, validate=True)
        certificate = x509.load_der_x509_certificate(der)
    except (binascii.Error, ValueError):
        raise ValidationError(
            _(
                "This is not an X.509 certificate. Paste the whole certificate, from -----BEGIN "
                "CERTIFICATE----- to -----END CERTIFICATE-----."
            ),
            code="invalid",
        ) from None
    expires = certificate.not_valid_after_utc
    if expires < datetime.now(UTC):
        raise ValidationError(
            _("This certificate expired on %(date)s: ask for the identity provider's current one.")
            % {"date": date_format(expires.date(), "DATE_FORMAT")},
            code="expired",
        )
    return base64.b64encode(der).decode("ascii"), expires


def certificate_expiry(sign_on: SignOn) -> datetime | None:
    """When the saved SAML certificate expires (None without one)."""
    text = sign_on.social_app.settings.get("idp", {}).get("x509cert") if sign_on else None
    if not text:
        return None
    try:
        return x509.load_der_x509_certificate(base64.b64decode(text)).not_valid_after_utc
    except (binascii.Error, ValueError):
        return None


def sign_on_for_email(email: str) -> SignOn | None:
    """The connection in use whose domains include the address's domain."""
    domain = domain_of(email)
    if not domain:
        return None
    found = (
        SignOnDomain.objects.filter(domain=domain, sign_on__enabled=True)
        .select_related("sign_on__social_app", "sign_on__organisation")
        .first()
    )
    return found.sign_on if found else None


def enabled_sign_ons():
    """Every connection in use, by organisation name (the sign-in page's list)."""
    return (
        SignOn.objects.filter(enabled=True)
        .select_related("organisation", "social_app")
        .order_by("organisation__name")
    )


def form_action_sources(sign_ons) -> list[str]:
    """What the sign-in page's Content-Security-Policy adds to ``form-action 'self'``.

    Browsers apply ``form-action`` to the redirects that follow a form's submission too, so the page
    whose form answers with a redirect to an identity provider must allow that provider. Its
    authorisation endpoint may live on another host than its issuer (ID-porten's does): every https
    address is allowed on this page alone, and plain http only for a connection's own origins (on this
    machine, for tests). The page holds no one's text but the address just typed."""
    extra = set()
    for sign_on in sign_ons:
        settings = sign_on.social_app.settings
        idp = settings.get("idp", {})
        for url in (settings.get("server_url"), idp.get("sso_url"), idp.get("metadata_url")):
            parts = urlsplit(url or "")
            if parts.scheme == "http" and parts.netloc:
                extra.add(f"http://{parts.netloc}")
    return ["https:", *sorted(extra)]


def sign_on_of_app(app) -> SignOn | None:
    """The connection an allauth app belongs to (None for an app made elsewhere, in the admin)."""
    if app is None or app.pk is None:
        return None
    return SignOn.objects.select_related("organisation").filter(social_app_id=app.pk).first()


def domains_of(sign_on: SignOn) -> list[str]:
    return list(sign_on.domains.values_list("domain", flat=True))


def service_addresses(request, organisation) -> dict:
    """What the organisation's IT department registers in its identity provider, for each protocol."""
    slug = organisation.slug
    build = request.build_absolute_uri
    metadata = build(reverse("saml_metadata", args=[slug]))
    return {
        "redirect_uri": build(
            reverse("openid_connect_callback", kwargs={"provider_id": provider_id(organisation, "oidc")})
        ),
        "sp_entity_id": metadata,
        "acs_url": build(reverse("saml_acs", args=[slug])),
        "metadata_url": metadata,
        "sls_url": build(reverse("saml_sls", args=[slug])),
    }


def connection_values(sign_on: SignOn | None) -> dict:
    """A saved connection as the sign-on form's initial values (never the client secret)."""
    if sign_on is None:
        return {}
    app = sign_on.social_app
    idp = app.settings.get("idp", {})
    mapping = app.settings.get("attribute_mapping", {})
    values = {
        "protocol": sign_on.protocol,
        "display_name": sign_on.display_name,
        "domains": "\n".join(domains_of(sign_on)),
        "default_role": sign_on.default_role,
        "enabled": sign_on.enabled,
    }
    if sign_on.protocol == SignOnProtocol.OIDC:
        values.update(server_url=app.settings.get("server_url", ""), client_id=app.client_id)
    else:
        values.update(
            idp_entity_id=idp.get("entity_id", ""),
            idp_sso_url=idp.get("sso_url", ""),
            idp_certificate=idp.get("x509cert", ""),
            idp_metadata_url=idp.get("metadata_url", ""),
            email_attribute=(mapping.get("email") or [""])[0],
            name_attribute=(mapping.get("name") or [""])[0],
        )
    return values


def oidc_settings(server_url: str) -> dict:
    """The SocialApp settings of an OpenID Connect connection: allauth discovers the endpoints from the
    issuer; PKCE always (ID-porten requires it, every other provider accepts it)."""
    return {"server_url": server_url, "oauth_pkce_enabled": True}


def saml_settings(
    *,
    entity_id: str,
    sso_url: str = "",
    certificate: str = "",
    metadata_url: str = "",
    email_attribute: str = "",
    name_attribute: str = "",
) -> dict:
    """The SocialApp settings of a SAML connection: the IdP (by address and certificate, or by its
    metadata), where the email and name are read, and signed assertions only."""
    idp = {"entity_id": entity_id}
    if metadata_url:
        idp["metadata_url"] = metadata_url
    else:
        idp.update(sso_url=sso_url, x509cert=certificate)

    def first(named, defaults):
        return [named, *[attribute for attribute in defaults if attribute != named]] if named else defaults

    return {
        "idp": idp,
        "attribute_mapping": {
            "uid": UID_ATTRIBUTES,
            "email": first(email_attribute, EMAIL_ATTRIBUTES),
            "name": first(name_attribute, NAME_ATTRIBUTES),
            "first_name": GIVEN_NAME_ATTRIBUTES,
            "last_name": SURNAME_ATTRIBUTES,
        },
        "advanced": {
            "want_assertion_signed": True,
            "reject_idp_initiated_sso": True,
            "strict": True,
        },
    }
