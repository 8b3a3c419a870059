import json
from datetime import timedelta

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from innocities.core.views import errors_onto, saved

from . import actions, tokens
from .models import ApiToken, TokenScope


class CloseAccountForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password, to confirm"), widget=forms.PasswordInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            # Someone who only ever signed in through their organisation's single sign-on has no password.
            self.fields["password"] = forms.CharField(
                label=gettext_lazy("Your email address, to confirm"), max_length=254
            )

    def clean_password(self):
        given = self.cleaned_data["password"]
        if not self.user.has_usable_password():
            if given.strip().lower() != self.user.email.lower():
                raise forms.ValidationError(_("This is not your email address."))
        elif not self.user.check_password(given):
            raise forms.ValidationError(_("The password is not correct."))
        return given


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


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"), max_length=80, help_text=gettext_lazy("What the token is for.")
    )
    scope = forms.ChoiceField(label=gettext_lazy("May"), choices=TokenScope.choices, initial=TokenScope.READ)
    expires_on = forms.DateField(
        label=gettext_lazy("Expires on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


@login_required
def api_tokens(request):
    """The person's API tokens: make one (its secret is shown once), see when each was last used, revoke."""
    form = TokenForm(request.POST or None, initial={"expires_on": timezone.localdate() + timedelta(days=90)})
    secret = None
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            token, secret = tokens.create_token(user=request.user, **form.cleaned_data)
        if not form.errors:
            form = TokenForm(initial={"expires_on": timezone.localdate() + timedelta(days=90)})
    context = {"form": form, "secret": secret, "tokens": request.user.api_tokens.all()}
    response = render(request, "accounts/api_tokens.html", context, status=400 if form.errors else 200)
    if secret:
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def api_token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    tokens.revoke_token(token=token, actor=request.user)
    saved(request, _("The token was revoked. Scripts using it are refused from now on."))
    return redirect("account_tokens")
