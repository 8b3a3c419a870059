from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _without_placeholders(form):
    """Visible labels only: placeholders that repeat a label are noise."""
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _without_placeholders(self)


class SignupForm(AllauthSignupForm):
    """Anyone may register to take part in open calls; the name is shown with their ideas."""

    full_name = forms.CharField(
        label=_("Your name"), max_length=150, help_text=_("Shown publicly with your ideas and comments.")
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _without_placeholders(self)

    def save(self, request):
        user = super().save(request)
        user.full_name = self.cleaned_data["full_name"].strip()
        user.language = (get_language() or "")[:2]
        user.save(update_fields=["full_name", "language"])
        return user
