"""Who sees which menu entry: small predicates on a person's roles, shared by the apps' menu items."""

from .roles import roles_of


def signed_in(user) -> bool:
    return user.is_authenticated


def has_membership(user) -> bool:
    """Staff of an organisation, or a partner invited to its projects."""
    return bool(roles_of(user).by_org)


def is_staff_member(user) -> bool:
    """Staff of an organisation (not an invited partner)."""
    return bool(roles_of(user).full_org_ids)


def staff_or_operator(user) -> bool:
    roles = roles_of(user)
    return bool(roles.full_org_ids or roles.operated_network_ids)


def works_in_projects(user) -> bool:
    roles = roles_of(user)
    return bool(roles.by_org or roles.operated_network_ids)


def manages_any(user) -> bool:
    roles = roles_of(user)
    return any(roles.manages(org) for org in roles.full_org_ids)


def citizen(user) -> bool:
    """Signed in without any seat in an organisation or network: a citizen taking part in open calls."""
    roles = roles_of(user)
    return user.is_authenticated and not roles.by_org and not roles.operated_network_ids


def everyone(user) -> bool:
    return True


def sees_my_work(user) -> bool:
    """Staff, partners, network operators and invited evaluators have work waiting for them."""
    roles = roles_of(user)
    return bool(roles.by_org or roles.operated_network_ids) or (
        user.is_authenticated and user.evaluations.exists()
    )
