from django.shortcuts import redirect, render


def home(request):
    """Signed-in people start at their work; everyone else sees what InnoCities is and signs in."""
    if request.user.is_authenticated:
        return redirect("pipeline:my_work")
    return render(request, "core/home.html")
