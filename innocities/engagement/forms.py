from django import forms
from django.utils.translation import gettext_lazy as _

from innocities.core.forms import OnceFormMixin
from innocities.organisations.models import Country, Organisation
from innocities.programmes.models import FocusArea

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CallForm(forms.Form):
    """Publishes a challenge as an open call. No one-time token: a challenge has one call (a unique
    one-to-one row, update_or_create), so sending the form twice publishes the same call twice."""

    invitation = forms.CharField(
        label=_("Invitation to citizens"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What you ask of citizens, in plain language. Shown on the public page with the challenge."
        ),
    )
    opens_on = forms.DateField(label=_("Opens"), widget=DATE)
    closes_on = forms.DateField(label=_("Closes"), widget=DATE)


class CallFilterForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *Country.choices]
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), required=False, queryset=Organisation.objects.none()
    )
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), required=False, queryset=FocusArea.objects.none()
    )

    def __init__(self, *args, organisations, focus_areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = _("All organisations")
        self.fields["focus_area"].queryset = focus_areas
        self.fields["focus_area"].empty_label = _("All focus areas")


class CitizenIdeaForm(OnceFormMixin, forms.Form):
    title = forms.CharField(label=_("Your idea in a sentence"), max_length=200)
    description = forms.CharField(
        label=_("Describe your idea"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("What should change, for whom, and how? Your idea and your name are shown publicly."),
    )


class CommentForm(OnceFormMixin, forms.Form):
    text = forms.CharField(label=_("Your comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(OnceFormMixin, forms.Form):
    """Reports an idea or a comment; sent twice (a double click), it is one report (a one-time token)."""

    reason = forms.CharField(
        label=_("What is wrong?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The author sees this reason."),
    )
