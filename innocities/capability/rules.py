"""Who may do what with capability rounds, as named rules built from small predicates."""

import rules

from innocities.accounts.roles import roles_of

from .models import Invitation, SurveyRound


def _organisation_id(obj):
    """The organisation a rule is asked about: a round's, or the organisation itself."""
    return obj.organisation_id if isinstance(obj, SurveyRound) else getattr(obj, "pk", None)


@rules.predicate
def is_staff_of(user, obj):
    return roles_of(user).is_full_member(_organisation_id(obj))


@rules.predicate
def manages(user, obj):
    return roles_of(user).manages(_organisation_id(obj))


@rules.predicate
def is_invited(user, survey):
    return Invitation.objects.filter(survey=survey, user_id=user.pk).exists()


rules.add_perm("capability.manage_rounds", manages)
rules.add_perm("capability.view_results", is_staff_of)
rules.add_perm("capability.answer_round", is_staff_of & is_invited)
