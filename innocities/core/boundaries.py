"""What no input may carry past the boundary, for every form and request of the site (allauth's too).

NUL bytes are refused for the whole request (PostgreSQL text cannot hold them and no person types
one); other control characters are refused by every text field of every form, beside the field, since
they break the XLSX export for everyone; a list of keys too large for the database is refused by the
form instead of overflowing in SQLite. Installed once from ``CoreConfig.ready()`` so a new form cannot
forget them.
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# C0 controls and DEL, except tab, line feed and carriage return (multi-line text and pasted tables).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LARGEST_KEY = 2**63 - 1


def refuse_control_characters(value) -> None:
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("Remove the invisible control characters from this text."),
            code="control_characters",
        )


def refuse_line_breaks(field, value) -> None:
    """A one-line field (a name, a title, an address) takes no line break: one would break an e-mail's
    headers (a display name in From or To) and every one-line place the text is shown."""
    if (
        isinstance(value, str)
        and ("\n" in value or "\r" in value)
        and not isinstance(field.widget, forms.Textarea)
    ):
        raise ValidationError(_("This field is one line: remove the line breaks."), code="line_break")


def _has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists())


class RefuseNulBytesMiddleware:
    """A NUL byte in a query parameter, a form field or a file's name answers 400 with the reason."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = _has_nul(request.GET)
        if request.method == "POST":
            names = (upload.name or "" for upload in request.FILES.values())
            sent = sent or _has_nul(request.POST) or any("\x00" in name for name in names)
        if sent:
            reason = gettext("The request held a NUL character, which no text may hold. Please remove it.")
            return render(request, "400.html", {"reason": reason}, status=400)
        return self.get_response(request)


class RefuseOversizedBodiesMiddleware:
    """A request body over the upload limit answers 413 before a byte of it is read (nginx caps bodies
    too; this holds wherever the app is reached without it)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.UPLOAD_MAX_BYTES + 1024 * 1024  # the file and the form around it

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.limit:
            reason = gettext(
                "What was sent is larger than the %(size)s MB a file may be. Nothing was saved."
            ) % {"size": settings.UPLOAD_MAX_BYTES // (1024 * 1024)}
            return render(request, "400.html", {"reason": reason}, status=413)
        return self.get_response(request)


def _integer_key(field) -> bool:
    key = field.to_field_name or "pk"
    model_field = field.queryset.model._meta.pk if key == "pk" else field.queryset.model._meta.get_field(key)
    return model_field.get_internal_type().endswith(("AutoField", "IntegerField"))


def install() -> None:
    """Give every form field the boundary checks (called once, from ``CoreConfig.ready()``)."""
    if getattr(forms.CharField, "_boundaries_installed", False):
        return
    char_to_python = forms.CharField.to_python
    check_values = forms.ModelMultipleChoiceField._check_values

    def to_python(self, value):
        value = char_to_python(self, value)
        refuse_control_characters(value)
        refuse_line_breaks(self, value)
        return value

    def _check_values(self, value):
        if _integer_key(self):
            for key in value:
                try:
                    number = int(str(key))
                except ValueError:
                    continue  # Django refuses it as not a key
                if abs(number) > LARGEST_KEY:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": key}
                    )
        return check_values(self, value)

    forms.CharField.to_python = to_python
    forms.ModelMultipleChoiceField._check_values = _check_values
    forms.CharField._boundaries_installed = True


def key_or_404(text) -> int:
    """A database key read from a query parameter or a bare form field, else 404 (never a 500)."""
    if isinstance(text, str) and text.isascii() and text.isdigit() and 0 < int(text) <= LARGEST_KEY:
        return int(text)
    raise Http404
