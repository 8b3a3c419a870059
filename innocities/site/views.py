"""Pages that compose several modules: home, organisations, networks and programmes with their projects."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render

from innocities.accounts.models import Role
from innocities.accounts.roles import roles_of
from innocities.insight.scope import may_see_network
from innocities.organisations.access import get_network_for_user, get_organisation_for_user
from innocities.organisations.forms import (
    DataProtectionForm,
    MemberForm,
    OrganisationFilterForm,
    StrategicGoalForm,
)
from innocities.organisations.models import Network, Organisation
from innocities.pipeline.access import visible_projects
from innocities.programmes.access import get_programme_for_user, visible_programmes
from innocities.programmes.forms import EvaluationForm

from . import queries


@login_required
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = Organisation.objects.order_by("country", "name")
    if filters.get("q"):
        organisations = organisations.filter(name__icontains=filters["q"])
    if filters.get("country"):
        organisations = organisations.filter(country=filters["country"])
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    visible = (
        visible_projects(request.user)
        .filter(organisation__in=[o.pk for o in page])
        .values("organisation_id")
        .annotate(n=Count("pk"))
    )
    counts = {row["organisation_id"]: row["n"] for row in visible}
    rows = [(organisation, counts.get(organisation.pk, 0)) for organisation in page]
    networks = Network.objects.annotate(n=Count("members"))
    return render(
        request,
        "organisations/organisation_list.html",
        {"rows": rows, "page": page, "form": form, "networks": networks},
    )


@login_required
def organisation_detail(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    projects = visible_projects(request.user).filter(organisation=organisation)
    context = {
        "organisation": organisation,
        "programmes": visible_programmes(request.user).filter(organisation=organisation),
        "status_counts": dict(projects.values_list("status").annotate(n=Count("pk"))),
        "recent_projects": projects.select_related("phase", "programme").order_by("-updated_at")[:8],
        "goals": organisation.strategic_goals.all(),
        "networks": organisation.networks.all(),
        "can_see_members": request.user.has_perm("organisations.see_members", organisation),
        "can_manage": request.user.has_perm("organisations.manage_organisation", organisation),
        "can_manage_sign_on": request.user.has_perm("organisations.manage_sign_on", organisation),
    }
    if context["can_see_members"]:
        context["memberships"] = organisation.memberships.select_related("user").order_by(
            "role", "user__full_name"
        )
    if context["can_manage"]:
        context["member_form"] = MemberForm()
        context["role_choices"] = Role.choices
        context["data_protection_form"] = DataProtectionForm(
            initial={"data_protection_contact": organisation.data_protection_contact}
        )
        context["goal_form"] = StrategicGoalForm()
    return render(request, "organisations/organisation_detail.html", context)


@login_required
def network_detail(request, slug):
    network = get_network_for_user(request.user, slug)
    context = {
        "network": network,
        "can_manage": request.user.has_perm("organisations.manage_network", network),
        "can_see_dashboard": may_see_network(request.user, network),
        "members": network.members.all(),
        "operators": network.operators.all(),
        "programmes": visible_programmes(request.user).filter(network=network),
        "shared_projects": visible_projects(request.user)
        .filter(organisation__networks=network)
        .exclude(visibility="private")
        .select_related("organisation", "phase")
        .order_by("-updated_at")[:20],
    }
    return render(request, "organisations/network_detail.html", context)


@login_required
def programme_list(request):
    can_create = any(roles_of(request.user).manages(org) for org in roles_of(request.user).full_org_ids)
    return render(
        request,
        "programmes/programme_list.html",
        {"page": queries.programme_list(request.user, request.GET.get("page")), "can_create": can_create},
    )


@login_required
def programme_detail(request, slug):
    programme = get_programme_for_user(request.user, slug)
    counts = queries.phase_counts(request.user, programme)
    phases = [(phase, counts.get(phase.order, {})) for phase in programme.method.phases.all()]
    context = {
        "programme": programme,
        "phases": phases,
        "totals": _totals(counts),
        "focus_areas": programme.focus_areas.all(),
        "coordinators": programme.coordinators.all(),
        "steering_group": programme.steering_group.all(),
        "targets": programme.targets.all(),
        "evaluations": programme.evaluations.select_related("recorded_by"),
        "evaluation_form": EvaluationForm(initial={"held_on": date.today()}),
    }
    return render(request, "programmes/programme_detail.html", context)


def _totals(counts):
    totals: dict[str, int] = {}
    for by_status in counts.values():
        for status, n in by_status.items():
            totals[status] = totals.get(status, 0) + n
    return totals
