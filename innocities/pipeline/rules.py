"""Who may do what in the pipeline, as named rules built from small predicates."""

import rules

from innocities.accounts.models import Role
from innocities.accounts.roles import roles_of

from .models import ProjectStatus, TeamRole

CONTRIBUTING_ROLES = {Role.ADMIN, Role.COORDINATOR, Role.PROJECT_LEAD, Role.MEMBER, Role.LEADERSHIP}


@rules.predicate
def manages_organisation(user, obj):
    """Admin or coordinator of the object's organisation (obj is an organisation or owned by one)."""
    org_id = getattr(obj, "organisation_id", getattr(obj, "pk", None))
    return roles_of(user).manages(org_id)


@rules.predicate
def contributes_to_organisation(user, obj):
    org_id = getattr(obj, "organisation_id", getattr(obj, "pk", None))
    return roles_of(user).role_in(org_id) in CONTRIBUTING_ROLES


@rules.predicate
def leads_in_organisation(user, obj):
    org_id = getattr(obj, "organisation_id", getattr(obj, "pk", None))
    return roles_of(user).role_in(org_id) in {Role.ADMIN, Role.COORDINATOR, Role.PROJECT_LEAD}


@rules.predicate
def coordinates_programme(user, obj):
    return obj.programme_id in roles_of(user).coordinated_programme_ids


@rules.predicate
def steers_programme(user, obj):
    return obj.programme_id in roles_of(user).steered_programme_ids


def _team_role(user, project):
    if not user.is_authenticated:
        return None
    cache = project.__dict__.setdefault("_team_roles", {})
    if user.pk not in cache:
        cache[user.pk] = project.team.filter(user=user).values_list("role", flat=True).first()
    return cache[user.pk]


@rules.predicate
def leads_project(user, project):
    return _team_role(user, project) == TeamRole.LEAD


@rules.predicate
def works_on_project(user, project):
    return _team_role(user, project) in {TeamRole.LEAD, TeamRole.MEMBER}


@rules.predicate
def submitted_idea(user, idea):
    return user.is_authenticated and idea.submitted_by_id == user.pk and idea.status == "new"


@rules.predicate
def created_challenge(user, challenge):
    return user.is_authenticated and challenge.created_by_id == user.pk


@rules.predicate
def project_is_open(user, project):
    return project.status in {ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD}


@rules.predicate
def project_is_implemented(user, project):
    return project.status == ProjectStatus.IMPLEMENTED


# On an organisation
rules.add_perm("pipeline.add_challenge", leads_in_organisation)
rules.add_perm("pipeline.add_idea", contributes_to_organisation)
rules.add_perm("pipeline.add_project", leads_in_organisation)
# On a challenge or idea
rules.add_perm("pipeline.change_challenge", manages_organisation | created_challenge)
rules.add_perm("pipeline.change_idea", manages_organisation | coordinates_programme | submitted_idea)
rules.add_perm("pipeline.review_idea", manages_organisation | coordinates_programme)
# On a project
steering = manages_organisation | coordinates_programme | steers_programme
rules.add_perm("pipeline.decide_gate", steering & project_is_open)
rules.add_perm("pipeline.annul_gate", steering)
rules.add_perm("pipeline.change_project", manages_organisation | coordinates_programme | leads_project)
rules.add_perm("pipeline.report_progress", manages_organisation | coordinates_programme | works_on_project)
rules.add_perm("pipeline.mark_scaled", steering & project_is_implemented)
