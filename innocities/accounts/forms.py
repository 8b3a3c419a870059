from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .adapter import sign_on_required_message
from .security import must_sign_on


def _without_placeholders(form):
    """Visible labels only: placeholders that repeat a label are noise."""
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _without_placeholders(self)

    def clean(self):
        """A member of an organisation that requires single sign-on is sent to it, even with the right
        password (told only then, so the form says nothing about an address to someone guessing)."""
        cleaned = super().clean()
        if getattr(self, "user", None) is not None and must_sign_on(self.user):
            raise forms.ValidationError(sign_on_required_message(), code="sign_on_required")
        return cleaned


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
