from django.shortcuts import redirect, render


def home(request):
    """Signed-in people start at their work; everyone else sees what InnoCities is and signs in."""
    if request.user.is_authenticated:
        staff = request.user.memberships.exists() or request.user.evaluations.exists()
        return redirect("pipeline:my_work" if staff else "engagement:calls")
    return render(request, "core/home.html")
