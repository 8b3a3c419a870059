import secrets

from django import forms
from django.core.validators import RegexValidator
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Render forms with the project's accessible field templates (error summary, described-by)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class RevisionFormMixin:
    """An edit form that remembers the revision of the object it was opened at (a hidden field).

    The view passes ``cleaned_data["revision"]`` to the action, which refuses with
    ``core.revisions.EditConflict`` if someone saved meanwhile; ``core.views.errors_onto`` then
    puts the differences on ``form.conflict`` (shown above the fields) and moves the hidden
    revision on, so saving again deliberately keeps this person's version.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        self.conflict = None
        self.fields["revision"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0, initial=getattr(instance, "revision", None)
        )

    def show_conflict(self, error) -> None:
        self.conflict = error.changes
        self.data = self.data.copy()
        self.data[self.add_prefix("revision")] = str(error.revision)

    def revision_and(self) -> tuple[int | None, dict]:
        """The revision the form was opened at, and the other cleaned fields for the action."""
        data = dict(self.cleaned_data)
        return data.pop("revision", None), data


class OnceFormMixin:
    """A create form carrying a one-time token (hidden), so a double submit stores one object.

    A fresh token is issued each time the form is shown unbound; a bound form keeps the token it
    was sent with, so correcting an error and sending again still counts as the same submission.
    A model form editing a saved object gets no token. See ``core.idempotency.once``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(getattr(self, "instance", None), "pk", None):
            return
        self.fields["once"] = forms.CharField(
            widget=forms.HiddenInput,
            required=False,
            max_length=64,
            initial=new_token,
            validators=[RegexValidator(r"^[A-Za-z0-9_-]*$")],
        )

    def once_token(self) -> str:
        return self.cleaned_data.pop("once", "") or ""


def new_token() -> str:
    return secrets.token_urlsafe(24)


def as_draft(form):
    """A bound form shown again as it was typed, without its errors: "check for similar" posts the
    form to look at it, not to save it, so missing fields are not yet mistakes."""
    form.full_clean()
    form._errors = forms.utils.ErrorDict()
    return form
