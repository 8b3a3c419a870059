"""Writes for organisations, their people and networks."""

import csv
from datetime import date
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innocities.accounts.models import Membership, Role, User
from innocities.accounts.roles import forget_roles
from innocities.core import audit, registry
from innocities.core.i18n import nordic_slug

from .models import Municipality, Network, Organisation, StrategicGoal

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
