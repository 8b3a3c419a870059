from datetime import date

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render

from innocities.accounts.roles import roles_of


def landing(user) -> str:
    """Where a person's work starts: staff at their work, a network operator at the network, platform
    staff in the admin, an evaluator at the ideas to evaluate, a citizen at their ideas or the open calls."""
    roles = roles_of(user)
    if roles.by_org or user.evaluations.exists():
        return redirect("pipeline:my_work")
    if roles.operated_network_ids:
        network = user.operated_networks.order_by("name").first()
        return redirect("organisations:network", network.slug)
    if user.is_staff:
        return redirect("admin:index")
    return redirect("engagement:my_ideas" if user.ideas.exists() else "engagement:calls")


def home(request):
    """Signed-in people start where their work is; everyone else sees what InnoCities is and signs in."""
    if request.user.is_authenticated:
        return landing(request.user)
    return render(request, "core/home.html")


def _about_the_site():
    return {
        "operator": settings.SITE_OPERATOR,
        "contact": settings.SITE_CONTACT_EMAIL,
        "dpo": settings.DATA_PROTECTION_EMAIL,
    }


def privacy(request):
    """The installation's privacy notice: controller, purposes, legal basis, retention, rights, contact."""
    return render(request, "site/privacy.html", _about_the_site())


# The day the accessibility statement was last checked against the site (change it with each review).
ACCESSIBILITY_REVIEWED = date(2026, 12, 2)


def accessibility(request):
    """The accessibility statement Swedish and Norwegian law ask of public services."""
    return render(
        request, "site/accessibility.html", {**_about_the_site(), "reviewed": ACCESSIBILITY_REVIEWED}
    )


def floor(request):
    """The framework floor the benchmark compares pages with: the session and the user read through
    the same middleware as every page, and nothing else."""
    return HttpResponse(str(request.user.pk or ""), content_type="text/plain")
