"""Writes for organisations, their people and networks."""

import csv
from datetime import date
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innocities.accounts.models import Membership, Role, User
from innocities.accounts.roles import FULL_ROLES, forget_roles
from innocities.core import audit, fragments, registry
from innocities.core.i18n import nordic_slug

from . import sign_on as sso
from .models import Municipality, Network, Organisation, SignOn, SignOnDomain, SignOnProtocol, StrategicGoal

MUNICIPALITY_FILES = Path(__file__).resolve().parent / "data" / "municipalities"
LIST_VALID_FROM = date(2024, 1, 1)


@transaction.atomic
def import_municipalities(*, countries=("SE", "NO", "DK", "FI")) -> int:
    """Load the shipped municipality lists; rows already there are kept. Returns rows added."""
    added = 0
    for country in countries:
        path = MUNICIPALITY_FILES / f"{country.lower()}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        known = set(
            Municipality.objects.filter(country=country, valid_from=LIST_VALID_FROM).values_list(
                "code", flat=True
            )
        )
        new = [
            Municipality(
                country=country,
                code=row["code"],
                name=row["name"],
                county_code=row["county_code"],
                county_name=row["county_name"],
                valid_from=LIST_VALID_FROM,
            )
            for row in rows
            if row["code"] not in known
        ]
        Municipality.objects.bulk_create(new)
        added += len(new)
    return added


def _unique_slug(name: str) -> str:
    base = nordic_slug(name) or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def ensure_person(*, email: str, full_name: str) -> User:
    """The person with this email, created without a password (they set one by password reset)."""
    email = email.strip().lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, full_name=full_name.strip())
        # Unverified until the person proves it (password reset or confirmation email).
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"primary": True, "verified": False}
        )
    return user


@transaction.atomic
def create_organisation(
    *,
    name: str,
    kind: str,
    country: str,
    actor,
    municipality: Municipality | None = None,
    admin_email: str,
    admin_name: str,
    description: str = "",
) -> Organisation:
    """Create a tenant with its first administrator; a municipality brings its official code."""
    if (
        municipality is not None
        and Organisation.objects.filter(
            country=municipality.country, official_code=municipality.code, kind=kind
        ).exists()
    ):
        raise ValidationError({"municipality": _("This municipality already has an organisation here.")})
    if municipality is not None and municipality.country != country:
        raise ValidationError({"municipality": _("The municipality is not in the chosen country.")})
    organisation = Organisation(
        name=name.strip(),
        slug=_unique_slug(name),
        kind=kind,
        country=country,
        description=description,
        official_code=municipality.code if municipality else "",
        code_valid_from=municipality.valid_from if municipality else None,
        code_valid_to=municipality.valid_to if municipality else None,
    )
    organisation.full_clean()
    organisation.save()
    admin = ensure_person(email=admin_email, full_name=admin_name)
    Membership.objects.create(user=admin, organisation=organisation, role=Role.ADMIN)
    audit.record(actor=actor, verb="create_organisation", obj=organisation, organisation=organisation)
    return organisation


def _keep_an_admin(membership: Membership, new_role: str | None) -> None:
    """An organisation always keeps an administrator: its last one cannot step down or be removed."""
    if membership.role != Role.ADMIN or new_role == Role.ADMIN:
        return
    others = Membership.objects.filter(organisation_id=membership.organisation_id, role=Role.ADMIN)
    if not others.exclude(pk=membership.pk).filter(user__is_active=True).exists():
        raise ValidationError(
            _("%(name)s is the organisation's only administrator: make someone else administrator first.")
            % {"name": membership.user.full_name or membership.user.email}
        )


@transaction.atomic
def set_membership(*, organisation: Organisation, email: str, full_name: str, role: str, actor) -> Membership:
    user = ensure_person(email=email, full_name=full_name)
    existing = Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
    if existing is not None:
        return change_role(membership=existing, role=role, actor=actor)
    membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    forget_roles(user)
    audit.record(actor=actor, verb="set_membership", obj=membership, organisation=organisation, role=role)
    return membership


@transaction.atomic
def change_role(*, membership: Membership, role: str, actor) -> Membership:
    """Give a member another role, never leaving the organisation without an administrator."""
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    _keep_an_admin(membership, role)
    membership.role = role
    membership.save(update_fields=["role"])
    forget_roles(membership.user)
    audit.record(
        actor=actor, verb="change_role", obj=membership, organisation=membership.organisation, role=role
    )
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, actor) -> None:
    """A person who left: their membership goes, the projects they led pass to the coordinator (who
    is told), and their seats in the organisation's programmes go; what they wrote stays."""
    membership = (
        Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)
    )
    _keep_an_admin(membership, None)
    registry.run("member_leaving", user=membership.user, organisation=membership.organisation, actor=actor)
    audit.record(actor=actor, verb="remove_member", obj=membership, organisation=membership.organisation)
    membership.delete()
    forget_roles(membership.user)


@transaction.atomic
def set_data_protection_contact(*, organisation: Organisation, contact: str, actor) -> Organisation:
    """Who answers for the personal data the organisation handles; shown on its open calls."""
    organisation.data_protection_contact = contact.strip()
    organisation.full_clean()
    organisation.save(update_fields=["data_protection_contact"])
    audit.record(actor=actor, verb="set_data_protection_contact", obj=organisation, organisation=organisation)
    return organisation


@transaction.atomic
def add_strategic_goal(*, organisation: Organisation, title: str, description: str, actor) -> StrategicGoal:
    goal = StrategicGoal(organisation=organisation, title=title.strip(), description=description.strip())
    goal.full_clean()
    goal.save()
    audit.record(actor=actor, verb="add_strategic_goal", obj=goal, organisation=organisation)
    return goal


@transaction.atomic
def create_network(*, name: str, description: str, operators, members, actor) -> Network:
    network = Network(name=name.strip(), slug=nordic_slug(name), description=description)
    network.full_clean()
    network.save()
    network.operators.set(operators)
    network.members.set(members)
    audit.record(actor=actor, verb="create_network", obj=network)
    return network


# --- single sign-on --------------------------------------------------------------------------------


def _identity(protocol: str, settings: dict) -> tuple:
    """What names the people a connection signs in: another issuer or IdP may reuse the same ids."""
    if protocol == SignOnProtocol.OIDC:
        return (protocol, settings.get("server_url", ""))
    return (protocol, settings.get("idp", {}).get("entity_id", ""))


@transaction.atomic
def save_sign_on(
    *,
    organisation: Organisation,
    actor,
    protocol: str,
    display_name: str,
    domains: list[str],
    default_role: str = Role.MEMBER,
    enabled: bool = True,
    server_url: str = "",
    client_id: str = "",
    client_secret: str = "",
    idp_entity_id: str = "",
    idp_sso_url: str = "",
    idp_certificate: str = "",
    idp_metadata_url: str = "",
    email_attribute: str = "",
    name_attribute: str = "",
) -> SignOn:
    """Create or change the organisation's single sign-on connection (its allauth SocialApp with it).

    An empty client secret keeps the saved one. When the identity provider changes (another issuer or
    entity id, or the other protocol) the people's links to the old one are dropped: they are matched by
    their address again at their next sign-in, so ids reused by the new provider cannot sign anyone in
    as someone else."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    existing = SignOn.objects.select_related("social_app").filter(organisation=organisation).first()
    errors = {}
    if protocol not in SignOnProtocol.values:
        errors["protocol"] = _("Choose OpenID Connect or SAML 2.0.")
    display_name = (display_name or "").strip()
    if not display_name:
        errors["display_name"] = _("Write the text of the sign-in button.")
    if default_role not in Role.values or default_role == Role.ADMIN:
        errors["default_role"] = _(
            "Choose a role other than administrator: only an administrator makes administrators."
        )
    try:
        domains = sso.parse_domains("\n".join(domains))
    except ValidationError as error:
        errors["domains"] = error.messages
    else:
        taken = SignOnDomain.objects.filter(domain__in=domains)
        if existing is not None:
            taken = taken.exclude(sign_on=existing)
        taken = sorted(taken.values_list("domain", flat=True))
        if taken:
            errors["domains"] = _(
                "%(domains)s already signs in through another organisation's connection; ask the platform's "
                "staff if it is yours."
            ) % {"domains": ", ".join(taken)}

    secret = ""
    if protocol == SignOnProtocol.OIDC:
        try:
            server_url = sso.check_issuer(server_url)
        except ValidationError as error:
            errors.update(error.message_dict)
        client_id = (client_id or "").strip()
        if not client_id:
            errors["client_id"] = _("Enter the client id the identity provider gave.")
        elif (
            SocialApp.objects.filter(provider="openid_connect", client_id=client_id)
            .exclude(pk=existing.social_app_id if existing else None)
            .exists()
        ):
            errors["client_id"] = _(
                "Another organisation's connection uses this client id: register InnoCities as an "
                "application of its own for this organisation."
            )
        secret = (client_secret or "").strip()
        if not secret and existing is not None and existing.protocol == SignOnProtocol.OIDC:
            secret = existing.social_app.secret
        if not secret:
            errors["client_secret"] = _("Enter the client secret the identity provider gave.")
        settings = sso.oidc_settings(server_url)
    else:
        idp_entity_id = (idp_entity_id or "").strip()
        if not idp_entity_id:
            errors["idp_entity_id"] = _("Enter the identity provider's entity id.")
        certificate = ""
        if idp_metadata_url:
            try:
                idp_metadata_url = sso.check_service_url(idp_metadata_url, field_name="idp_metadata_url")
            except ValidationError as error:
                errors.update(error.message_dict)
        else:
            if not idp_sso_url:
                errors["idp_sso_url"] = _("Enter the sign-in address, or the address of the IdP's metadata.")
            else:
                try:
                    idp_sso_url = sso.check_service_url(idp_sso_url, field_name="idp_sso_url")
                except ValidationError as error:
                    errors.update(error.message_dict)
            try:
                certificate, _expires = sso.parse_certificate(idp_certificate)
            except ValidationError as error:
                errors["idp_certificate"] = error.messages
        settings = sso.saml_settings(
            entity_id=idp_entity_id,
            sso_url=idp_sso_url,
            certificate=certificate,
            metadata_url=idp_metadata_url,
            email_attribute=(email_attribute or "").strip(),
            name_attribute=(name_attribute or "").strip(),
        )
    if errors:
        raise ValidationError(errors)

    app = existing.social_app if existing is not None else SocialApp()
    before = (
        (existing.social_app.provider_id, _identity(existing.protocol, app.settings)) if existing else None
    )
    app.provider = "openid_connect" if protocol == SignOnProtocol.OIDC else "saml"
    app.provider_id = sso.provider_id(organisation, protocol)
    app.name = display_name[:40]
    app.client_id = client_id if protocol == SignOnProtocol.OIDC else organisation.slug
    app.secret = secret
    app.settings = settings
    app.save()
    if before is not None and before[1] != _identity(protocol, settings):
        SocialAccount.objects.filter(provider__in={before[0], app.provider_id}).delete()

    sign_on = existing or SignOn(organisation=organisation, social_app=app)
    sign_on.protocol = protocol
    sign_on.display_name = display_name
    sign_on.default_role = default_role
    sign_on.enabled = enabled
    sign_on.save()
    sign_on.domains.exclude(domain__in=domains).delete()
    known = set(sign_on.domains.values_list("domain", flat=True))
    SignOnDomain.objects.bulk_create(
        [SignOnDomain(sign_on=sign_on, domain=domain) for domain in domains if domain not in known]
    )
    if not enabled and organisation.require_sso:
        # Nobody could sign in: the requirement goes with the connection it points to.
        organisation.require_sso = False
        organisation.save(update_fields=["require_sso"])
        fragments.touch("roles")
    audit.record(
        actor=actor,
        verb="save_sign_on",
        obj=sign_on,
        organisation=organisation,
        protocol=protocol,
        domains=domains,
        default_role=default_role,
        enabled=enabled,
        secret_changed=bool(client_secret),
    )
    return sign_on


@transaction.atomic
def set_sign_in_rules(
    *, organisation: Organisation, require_sso: bool, require_mfa: bool, actor
) -> Organisation:
    """Whether the organisation's people must sign in through its connection, and whether those who
    sign in with a password must use a second factor. Single sign-on can be required only while a
    connection is in use and every full member's address is at one of its domains (no one is locked out)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if require_sso:
        sign_on = SignOn.objects.filter(organisation=organisation, enabled=True).first()
        if sign_on is None:
            raise ValidationError(
                {"require_sso": _("Set up a single sign-on connection and switch it on first.")}
            )
        domains = set(sso.domains_of(sign_on))
        outside = [
            membership.user
            for membership in organisation.memberships.filter(
                role__in=FULL_ROLES, user__is_active=True, user__is_staff=False
            ).select_related("user")
            if sso.domain_of(membership.user.email) not in domains
        ]
        if outside:
            names = ", ".join(
                f"{person.full_name or person.email} ({person.email})" for person in outside[:5]
            )
            raise ValidationError(
                {
                    "require_sso": _(
                        "%(count)d members have addresses outside the connection's domains and could no "
                        "longer sign in: %(names)s. Add their domain, or make them partners."
                    )
                    % {"count": len(outside), "names": names + (" …" if len(outside) > 5 else "")}
                }
            )
    changed = (organisation.require_sso, organisation.require_mfa) != (require_sso, require_mfa)
    organisation.require_sso = require_sso
    organisation.require_mfa = require_mfa
    organisation.save(update_fields=["require_sso", "require_mfa"])
    if changed:
        fragments.touch("roles")  # every member's rules: rare, so all roles at once
    audit.record(
        actor=actor,
        verb="set_sign_in_rules",
        obj=organisation,
        organisation=organisation,
        require_sso=require_sso,
        require_mfa=require_mfa,
    )
    return organisation


@transaction.atomic
def welcome_through_sign_on(*, user: User, sign_on: SignOn, email: str) -> Membership | None:
    """A person who first signs in through the organisation's connection: the identity provider has
    proved the address (verified), and they become a member with the connection's role unless they are
    one already (their role stays). Never an administrator. Later sign-ins change nothing, so a member
    the administrator removed is not brought back."""
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        EmailAddress.objects.create(
            user=user, email=email, verified=True, primary=not EmailAddress.objects.filter(user=user).exists()
        )
    elif not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
    if Membership.objects.filter(user=user, organisation_id=sign_on.organisation_id).exists():
        return None
    role = sign_on.default_role if sign_on.default_role != Role.ADMIN else Role.MEMBER
    membership = Membership.objects.create(user=user, organisation_id=sign_on.organisation_id, role=role)
    forget_roles(user)
    audit.record(
        actor=user,
        verb="join_through_sign_on",
        obj=membership,
        organisation=sign_on.organisation,
        role=role,
    )
    return membership
