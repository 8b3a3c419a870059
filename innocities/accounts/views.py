import json

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innocities.core.views import errors_onto, saved

from . import actions


class CloseAccountForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password, to confirm"), widget=forms.PasswordInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("The password is not correct."))
        return self.cleaned_data["password"]


@login_required
def my_data(request):
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            actions.close_account(user=request.user)
        if not form.errors:
            logout(request)
            saved(request, _("Your account is closed. Your ideas and comments remain under a pseudonym."))
            return redirect("home")
    return render(request, "accounts/my_data.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def my_data_download(request):
    data = actions.personal_data(request.user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="innocities-my-data.json"'
    return response
