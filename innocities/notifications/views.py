from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from innocities.core.views import saved

from . import actions
from .messages import text
from .models import Frequency, Preference


class PreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label=gettext_lazy("Email me"), choices=Frequency.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=gettext_lazy("Language for emails"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", gettext_lazy("The site's default")), *settings.LANGUAGES]


@login_required
def notification_list(request):
    page = Paginator(request.user.notifications.all(), 30).get_page(request.GET.get("page"))
    rows = [(n, text(n)) for n in page]
    return render(request, "notifications/list.html", {"page": page, "rows": rows})


@login_required
@require_POST
def mark_all_read(request):
    actions.mark_all_read(user=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def open_notification(request, pk):
    """Mark one of the person's notifications read and go to what it is about (a POST: GETs write nothing)."""
    notification = get_object_or_404(request.user.notifications, pk=pk)
    actions.mark_read(notification=notification)
    # Stored URLs are the site's own paths; anything else goes to the list instead.
    url = notification.url
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return redirect(url)
    return redirect("notifications:list")


@login_required
def preferences(request):
    preference = Preference.objects.filter(user=request.user).first() or Preference(user=request.user)
    form = PreferenceForm(
        request.POST or None, initial={"email": preference.email, "language": request.user.language}
    )
    if request.method == "POST" and form.is_valid():
        actions.save_preferences(user=request.user, **form.cleaned_data)
        saved(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "pipeline/form.html",
        {"form": form, "title": _("Notification settings"), "back_url": reverse("notifications:list")},
    )
