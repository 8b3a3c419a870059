import rules

from innocities.accounts.models import Role
from innocities.accounts.roles import roles_of


@rules.predicate
def is_admin_of(user, organisation):
    return roles_of(user).role_in(organisation.pk) == Role.ADMIN


@rules.predicate
def is_full_member_of(user, organisation):
    return roles_of(user).is_full_member(organisation.pk)


@rules.predicate
def operates_a_network(user):
    return bool(roles_of(user).operated_network_ids) or roles_of(user).is_staff


@rules.predicate
def operates_network(user, network):
    return network.pk in roles_of(user).operated_network_ids


@rules.predicate
def is_platform_staff(user):
    return roles_of(user).is_staff


rules.add_perm("organisations.create_organisation", operates_a_network)
rules.add_perm("organisations.manage_organisation", is_admin_of)
# The single sign-on connection and sign-in rules: the organisation's administrators and platform staff.
rules.add_perm("organisations.manage_sign_on", is_admin_of | is_platform_staff)


@rules.predicate
def operates_a_network_of(user, organisation):
    return organisation.networks.filter(pk__in=roles_of(user).operated_network_ids).exists()


rules.add_perm("organisations.see_members", is_full_member_of | operates_a_network_of)
rules.add_perm("organisations.manage_network", operates_network)
