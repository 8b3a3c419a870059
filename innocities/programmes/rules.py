import rules

from innocities.accounts.roles import roles_of


@rules.predicate
def manages_programme(user, programme):
    roles = roles_of(user)
    if programme.pk in roles.coordinated_programme_ids:
        return True
    if programme.organisation_id:
        return roles.manages(programme.organisation_id)
    return programme.network_id in roles.operated_network_ids


@rules.predicate
def manages_organisation(user, organisation):
    return roles_of(user).manages(organisation.pk)


rules.add_perm("programmes.add_programme", manages_organisation)
rules.add_perm("programmes.change_programme", manages_programme)
rules.add_perm("programmes.adapt_method", manages_programme)
