"""What a person is, organisation by organisation: read once per request and kept on the user.

Every access function and permission rule asks this object, so tenant isolation has one source.
"""

from dataclasses import dataclass, field

from django.db.models.signals import m2m_changed, post_delete, post_save

from innocities.core import fragments

from .models import Membership, Role, User

FULL_ROLES = {Role.ADMIN, Role.COORDINATOR, Role.PROJECT_LEAD, Role.MEMBER, Role.LEADERSHIP}
MANAGING_ROLES = {Role.ADMIN, Role.COORDINATOR}


@dataclass(frozen=True)
class Roles:
    by_org: dict[int, str] = field(default_factory=dict)
    network_org_ids: frozenset[int] = frozenset()
    operated_network_ids: frozenset[int] = frozenset()
    coordinated_programme_ids: frozenset[int] = frozenset()
    steered_programme_ids: frozenset[int] = frozenset()
    is_staff: bool = False
    # Organisations that require their full members to sign in through their single sign-on (set on
    # the organisation's sign-on page; security.must_sign_on).
    sso_org_ids: frozenset[int] = frozenset()

    @property
    def full_org_ids(self) -> set[int]:
        """Organisations the person belongs to as staff, not as an invited partner."""
        return {org for org, role in self.by_org.items() if role in FULL_ROLES}

    def role_in(self, org_id: int | None) -> str | None:
        return self.by_org.get(org_id)

    def manages(self, org_id: int | None) -> bool:
        return self.by_org.get(org_id) in MANAGING_ROLES

    def is_full_member(self, org_id: int | None) -> bool:
        return self.by_org.get(org_id) in FULL_ROLES


ANONYMOUS = Roles()


def roles_of(user) -> Roles:
    """Read once per request, and kept in the shared cache until the person's memberships, programme
    roles or staff flag, or any network, change (``watch_roles``), or an organisation's sign-in rules
    change (the organisations' action touches ``roles``)."""
    if not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    cached = getattr(user, "_innocities_roles", None)
    if cached is not None:
        return cached
    roles = fragments.cached(f"roles:{user.pk}", [f"person:{user.pk}", "roles"], lambda: _read_roles(user))
    user._innocities_roles = roles
    return roles


def _read_roles(user) -> Roles:
    # Networks live a layer above; reach their membership table through the user's own relation.
    network_members = user.operated_networks.model.members.through
    by_org, sso = {}, set()
    for org, role, require_sso in user.memberships.values_list(
        "organisation_id", "role", "organisation__require_sso"
    ):
        by_org[org] = role
        if require_sso and role in FULL_ROLES:
            sso.add(org)
    full = [org for org, role in by_org.items() if role in FULL_ROLES]
    operated = set(user.operated_networks.values_list("pk", flat=True))
    peers = set(
        network_members.objects.filter(network__members__in=full).values_list("organisation_id", flat=True)
    ) | set(network_members.objects.filter(network_id__in=operated).values_list("organisation_id", flat=True))
    roles = Roles(
        by_org=by_org,
        network_org_ids=frozenset(peers),
        operated_network_ids=frozenset(operated),
        coordinated_programme_ids=frozenset(user.coordinated_programmes.values_list("pk", flat=True)),
        steered_programme_ids=frozenset(user.steered_programmes.values_list("pk", flat=True)),
        is_staff=user.is_staff,
        sso_org_ids=frozenset(sso),
    )
    return roles


def _person_changed(sender, instance, **kwargs):
    fragments.touch(f"person:{getattr(instance, 'user_id', instance.pk)}")


def _programme_roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # from the person's side: their own roles
        fragments.touch(f"person:{instance.pk}")
    elif pk_set:
        fragments.touch(*(f"person:{pk}" for pk in pk_set))
    else:  # cleared: whoever it was
        fragments.touch("roles")


def _networks_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        fragments.touch("roles")  # a network's members are everyone's peers: rare, so all at once


def watch_roles() -> None:
    """Connect what changes roles; called from ``ready()``, when the layers above are loaded (their
    tables are reached through the user's relations, never imported)."""
    for signal in (post_save, post_delete):
        signal.connect(_person_changed, sender=Membership, dispatch_uid="roles-membership")
        signal.connect(_person_changed, sender=User, dispatch_uid="roles-user")
    for name in ("coordinated_programmes", "steered_programmes"):
        through = User._meta.get_field(name).through
        m2m_changed.connect(_programme_roles_changed, sender=through, dispatch_uid=f"roles-{name}")
    network = User._meta.get_field("operated_networks").related_model
    for through in (network.members.through, network.operators.through):
        m2m_changed.connect(_networks_changed, sender=through, dispatch_uid=f"roles-{through.__name__}")


def forget_roles(user) -> None:
    """Drop the cached roles after a membership change within the same request."""
    user.__dict__.pop("_innocities_roles", None)
