from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from innocities.accounts.models import Membership, User
from innocities.core.forms import OnceFormMixin, RevisionFormMixin

from .models import AnnualEvaluation, CriterionKind, FocusArea, Method, Programme


class EvaluationForm(OnceFormMixin, forms.ModelForm):
    class Meta:
        model = AnnualEvaluation
        fields = ["held_on", "summary", "decisions"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
        }


class PhaseNameForm(RevisionFormMixin, forms.Form):
    """A phase's name per language; carries the method's revision (the view gives it as initial)."""

    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=120, required=False)
    name_nb = forms.CharField(label=_("Name in Norwegian"), max_length=120, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=120, required=False)

    def clean(self):
        data = super().clean()
        if not any(data.get(f"name_{code}", "").strip() for code in ("sv", "nb", "en")):
            raise forms.ValidationError(_("Give the phase a name in at least one language."))
        return data

    def names(self):
        return {code: self.cleaned_data[f"name_{code}"] for code in ("sv", "nb", "en")}


class CriterionForm(OnceFormMixin, RevisionFormMixin, forms.Form):
    """A new gate criterion: a one-time token against a double click, and the method's revision."""

    kind = forms.ChoiceField(label=_("Kind"), choices=CriterionKind.choices)
    text = forms.CharField(label=_("Criterion"), max_length=300)
    evidence = forms.CharField(label=_("Evidence required"), max_length=300, required=False)


class ProgrammeForm(OnceFormMixin, RevisionFormMixin, forms.ModelForm):
    """A programme's frame: period, focus areas, people and method; targets one per line. A new
    programme's form carries a one-time token, an edit the revision it was opened at."""

    own_focus_areas = forms.CharField(
        label=_("Our own focus areas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line; added to the organisation's focus areas."),
    )
    targets_text = forms.CharField(
        label=_("Targets"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, for example “Six pilots in six months”."),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "description",
            "starts_on",
            "ends_on",
            "method",
            "focus_areas",
            "coordinators",
            "steering_group",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "focus_areas": forms.CheckboxSelectMultiple,
            "coordinators": forms.CheckboxSelectMultiple,
            "steering_group": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, organisation=None, network=None, **kwargs):
        """For an organisation's programme, or (``network``) a cluster programme of all its members."""
        super().__init__(*args, **kwargs)
        organisations = [organisation] if organisation else list(network.members.all())
        staff = Membership.objects.filter(organisation__in=organisations).exclude(role="partner")
        people = User.objects.filter(pk__in=staff.values("user_id")).order_by("full_name")
        self.fields["coordinators"].queryset = people
        self.fields["steering_group"].queryset = people
        self.fields["focus_areas"].queryset = FocusArea.objects.filter(
            Q(organisation__isnull=True) | Q(organisation=organisation)
        )
        if organisation is None:
            del self.fields["own_focus_areas"]
        methods = Q(owner_programme=None)
        if self.instance.pk:
            methods |= Q(pk=self.instance.method_id)
        self.fields["method"].queryset = Method.objects.filter(methods)
        if self.instance.pk:
            self.fields["method"].disabled = True
            self.fields["method"].help_text = _("Adapt the method from the programme page.")
            self.initial["targets_text"] = "\n".join(t.text for t in self.instance.targets.all())

    def clean_targets_text(self):
        text = self.cleaned_data.get("targets_text", "")
        if any(len(line.strip()) > 250 for line in text.splitlines()):
            raise forms.ValidationError(_("Keep each target under 250 characters."))
        return text

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date is before the start date."))
        return data

    def lines(self, name):
        return [line.strip() for line in self.cleaned_data.get(name, "").splitlines() if line.strip()]
