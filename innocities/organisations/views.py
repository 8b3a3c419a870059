from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innocities.core.views import errors_onto, require, saved
from innocities.pipeline.access import visible_projects
from innocities.programmes.access import visible_programmes

from . import actions
from .access import get_network_for_user, get_organisation_for_user
from .forms import MemberForm, OrganisationFilterForm, OrganisationForm, StrategicGoalForm
from .models import Network, Organisation


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
    }
    if context["can_see_members"]:
        context["memberships"] = organisation.memberships.select_related("user").order_by(
            "role", "user__full_name"
        )
    if context["can_manage"]:
        context["member_form"] = MemberForm()
        context["goal_form"] = StrategicGoalForm()
    return render(request, "organisations/organisation_detail.html", context)


@login_required
def organisation_create(request):
    require(request.user, "organisations.create_organisation")
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            organisation = actions.create_organisation(actor=request.user, **form.cleaned_data)
        if not form.errors:
            saved(
                request,
                _(
                    "The organisation was created. Its administrator sets a password through "
                    "“Forgot your password?”."
                ),
            )
            return redirect(organisation)
    return render(request, "pipeline/form.html", {"form": form, "title": _("New organisation")})


@login_required
@require_POST
def member_add(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    require(request.user, "organisations.manage_organisation", organisation)
    form = MemberForm(request.POST)
    if form.is_valid():
        actions.set_membership(organisation=organisation, actor=request.user, **form.cleaned_data)
        saved(request, _("The member was added."))
        return redirect(organisation)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Add a member"), "back": organisation},
        status=400,
    )


@login_required
@require_POST
def goal_add(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    require(request.user, "organisations.manage_organisation", organisation)
    form = StrategicGoalForm(request.POST)
    if form.is_valid():
        actions.add_strategic_goal(organisation=organisation, actor=request.user, **form.cleaned_data)
        saved(request, _("The strategic goal was added."))
        return redirect(organisation)
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Add a strategic goal"), "back": organisation},
        status=400,
    )


@login_required
def network_detail(request, slug):
    network = get_network_for_user(request.user, slug)
    context = {
        "network": network,
        "can_manage": request.user.has_perm("organisations.manage_network", network),
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
